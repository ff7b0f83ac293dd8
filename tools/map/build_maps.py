#!/usr/bin/python3
"""Builds the sino-russian-border pack's map files (GeoJSON) and maps.fragment.json.
Usage: build_maps.py SHARED_MAPS_DIR WORK_DIR OUT_DIR   (Debian python3 + python3-shapely 1.8)
SHARED_MAPS_DIR is the shared extract (Natural Earth + GSHHG, see its SOURCES.md); WORK_DIR holds
what build.sh made with GMT and mapshaper. Historical regions and borders are drawn here by hand:
hand lines (mountain crests, sea edges, cuts inside China) are listed below, and every region is
the intersection of such a hand polygon with today's Natural Earth land, so that its river and
coast edges are the real ones. All of them carry approximate: true."""
import json, math, os, sys
from shapely.geometry import shape, mapping, Polygon, MultiPolygon, LineString, MultiLineString, box, Point
from shapely.ops import unary_union, linemerge, nearest_points

SH, W, OUT = sys.argv[1:4]
os.makedirs(OUT, exist_ok=True)
load = lambda p: json.load(open(p))['features']

def rnd(o):
    if isinstance(o, float): return round(o, 3)
    if isinstance(o, (list, tuple)): return [rnd(x) for x in o]
    if isinstance(o, dict): return {k: rnd(v) for k, v in o.items()}
    return o

def clean_geom(g):
    """Rounds to 3 decimals and drops repeated points; polygons stay valid."""
    m = rnd(mapping(g))
    def dedup(ring, closed):
        out = []
        for c in ring:
            if not out or out[-1] != c: out.append(c)
        if closed and out[0] != out[-1]: out.append(out[0])
        return out
    t = m['type']; c = m['coordinates']
    if t == 'Polygon': c = [dedup(r, True) for r in c]
    elif t == 'MultiPolygon': c = [[dedup(r, True) for r in p] for p in c]
    elif t == 'LineString': c = dedup(c, False)
    elif t == 'MultiLineString': c = [dedup(l, False) for l in c]
    if t == 'Polygon': c = [r for r in c if len(r) >= 4]
    if t == 'MultiPolygon': c = [[r for r in p if len(r) >= 4] for p in c if len(p[0]) >= 4]
    return {'type': t, 'coordinates': c}

def write(name, feats):
    fc = {'type': 'FeatureCollection', 'features': [
        {'type': 'Feature', 'properties': p, 'geometry': clean_geom(g)} for p, g in feats]}
    path = os.path.join(OUT, name)
    with open(path, 'w') as f: json.dump(fc, f, ensure_ascii=False, separators=(',', ':'))
    print('%-32s %7d bytes, %d features' % (name, os.path.getsize(path), len(feats)))

def km2(g):
    """Area on the sphere (R = 6371 km) by the Lambert azimuthal equal-area projection."""
    c = g.centroid; lon0, lat0 = math.radians(c.x), math.radians(c.y); R = 6371.0
    def proj(x, y):
        l, p = math.radians(x) - lon0, math.radians(y)
        k = math.sqrt(2 / (1 + math.sin(lat0) * math.sin(p) + math.cos(lat0) * math.cos(p) * math.cos(l)))
        return (R * k * math.cos(p) * math.sin(l),
                R * k * (math.cos(lat0) * math.sin(p) - math.sin(lat0) * math.cos(p) * math.cos(l)))
    from shapely.ops import transform
    return transform(lambda xs, ys, zs=None: tuple(zip(*[proj(x, y) for x, y in zip(xs, ys)])), g).area

def polys(g):
    if g.is_empty: return []
    if isinstance(g, Polygon): return [g]
    if isinstance(g, MultiPolygon): return list(g.geoms)
    return [p for p in getattr(g, 'geoms', []) if isinstance(p, Polygon)]

def drop_slivers(g, min_km2):
    return unary_union([p for p in polys(g) if km2(p) >= min_km2])

def lines(g):
    if g.is_empty: return []
    if isinstance(g, LineString): return [g]
    if isinstance(g, MultiLineString): return list(g.geoms)
    return [l for x in getattr(g, 'geoms', []) for l in lines(x)]

def merged(g):
    m = linemerge(lines(g)) if lines(g) else g
    return m

def sub_line(line, a, b):
    """Part of a LineString between the vertices nearest points a and b (in line order)."""
    cs = list(line.coords)
    ia = min(range(len(cs)), key=lambda i: (cs[i][0]-a[0])**2 + (cs[i][1]-a[1])**2)
    ib = min(range(len(cs)), key=lambda i: (cs[i][0]-b[0])**2 + (cs[i][1]-b[1])**2)
    return cs[ia:ib+1] if ia <= ib else cs[ib:ia+1][::-1]

ZH = lambda s: (s or '').split(' ')[0]
NAMES_ZH = {'Shilka': '石勒喀河', 'Zeya': '结雅河'}

# --------------------------------------------------------------------------------------------
# far-east: land, lakes, rivers from the shared extract
# --------------------------------------------------------------------------------------------
FE_BOX = box(95, 37, 150, 62)
CID = {'CHN': 'china', 'RUS': 'russia', 'MNG': 'mongolia', 'PRK': 'north-korea', 'KOR': 'south-korea', 'JPN': 'japan'}
CNAME = {'china': ('China', 'Китай', '中国'), 'russia': ('Russia', 'Россия', '俄罗斯'),
         'mongolia': ('Mongolia', 'Монголия', '蒙古国'), 'north-korea': ('North Korea', 'КНДР', '朝鲜'),
         'south-korea': ('South Korea', 'Республика Корея', '韩国'), 'japan': ('Japan', 'Япония', '日本'),
         'kazakhstan': ('Kazakhstan', 'Казахстан', '哈萨克斯坦'), 'kyrgyzstan': ('Kyrgyzstan', 'Киргизия', '吉尔吉斯斯坦'),
         'uzbekistan': ('Uzbekistan', 'Узбекистан', '乌兹别克斯坦'), 'tajikistan': ('Tajikistan', 'Таджикистан', '塔吉克斯坦')}
country = {}
fe_land = []
for f in load(os.path.join(SH, 'countries.geojson')):
    cid = CID[f['properties']['iso_a3']]
    g = shape(f['geometry']).buffer(0)
    country[cid] = g
    en, ru, zh = CNAME[cid]
    fe_land.append(({'id': cid, 'country': f['properties']['iso_a3'], 'kind': 'country',
                     'name_en': en, 'name_ru': ru, 'name_zh': zh}, g.intersection(FE_BOX)))
write('far-east-land.geojson', fe_land)

fe_lakes = []
for f in load(os.path.join(SH, 'lakes.geojson')):
    p = f['properties']
    fe_lakes.append(({'id': p['name'].lower(), 'kind': 'lake', 'name_en': p['name'] + (' (Dalai Nur)' if p['name'] == 'Hulun' else ''),
                      'name_ru': p.get('name_ru') or {'Buir': 'Буйр-Нур', 'Hulun': 'Хулун-Нур'}.get(p['name']),
                      'name_zh': ZH(p.get('name_zh')) or '贝加尔湖', 'source': 'GSHHG 2.3.7 level 2'},
                     shape(f['geometry'])))
write('far-east-lakes.geojson', fe_lakes)

river = {}
fe_rivers = []
for f in load(os.path.join(SH, 'rivers.geojson')) + load(os.path.join(W, 'riv_fe_extra.geojson')):
    p = f['properties']; rid = p['name'].lower()
    g = shape(f['geometry']); river[rid] = g
    fe_rivers.append(({'id': rid, 'kind': 'river', 'name_en': p['name'], 'name_ru': p.get('name_ru'),
                       'name_zh': ZH(p.get('name_zh')) or NAMES_ZH.get(p['name']),
                       'source': 'GSHHG 2.3.7 WDBII, named by routing between anchors',
                       'length_km_approx': p.get('length_km_approx')}, g))
write('far-east-rivers.geojson', fe_rivers)

# --------------------------------------------------------------------------------------------
# far-east hand lines (approximate; see LICENSE-map.md)
# --------------------------------------------------------------------------------------------
C = (121.45, 53.33)     # Argun-Shilka confluence: the Amur begins
K = (135.03, 48.47)     # Amur-Ussuri confluence at Khabarovsk
shilka = river['shilka']; amur = river['amur']
G = min(shilka.coords, key=lambda c: abs(c[0] - 119.0))   # Gorbitsa mouth on the Shilka, ~119.0E
# Nerchinsk line: up the Gorbitsa, then the Stanovoy crest (Amur/Lena watershed) to the sea at Ayan
CREST = [G, (119.4, 53.8), (120.5, 54.9), (122.0, 55.6), (124.0, 55.9), (126.5, 55.9), (128.5, 55.6),
         (130.5, 55.3), (132.0, 55.3), (133.5, 55.5), (135.0, 56.0), (136.5, 56.4), (138.15, 56.5)]
uda = river['uda']
UDA_SRC, UDA_MOUTH = uda.coords[-1], uda.coords[0]
uda_up = list(uda.coords)[::-1] if uda.coords[0][0] < uda.coords[-1][0] else list(uda.coords)  # mouth -> source
uda_down = uda_up[::-1]                                                                       # source -> mouth
if uda_up[0][0] < uda_up[-1][0]: uda_up, uda_down = uda_down, uda_up
shilka_GC = sub_line(shilka, G, C)
amur_KM = sub_line(amur, K, amur.coords[-1] if amur.coords[-1][0] > amur.coords[0][0] else amur.coords[0])
M = amur_KM[-1]
SEA_N = [(141.9, 53.4), (140.5, 55.2), (138.6, 56.2)]          # Sea of Okhotsk, off the coast
CHINA_SIDE = [(122.5, 52.5), (127.0, 49.0), (130.5, 47.5), (134.2, 47.9), (134.6, 48.2)]

russia = country['russia']
mainland = max(polys(russia), key=lambda p: p.area)
china = country['china']

# 2004 islands at Khabarovsk, drawn by hand after published maps; sized to the published areas
BU = Polygon([(134.42, 48.36), (134.55, 48.392), (134.70, 48.40), (134.85, 48.43), (134.95, 48.465),
              (135.03, 48.478), (135.06, 48.44), (135.05, 48.38), (134.95, 48.33), (134.80, 48.305),
              (134.65, 48.30), (134.50, 48.315)])
from shapely.affinity import scale as _scale
from shapely.affinity import translate as _translate
BU = _translate(_scale(BU, xfact=1.0, yfact=0.66, origin=(134.75, 48.40)), xoff=-0.1)   # to ~335 km2
TARABAROV = _translate(Polygon([(134.56, 48.398), (134.62, 48.402), (134.68, 48.408), (134.66, 48.418), (134.60, 48.416), (134.565, 48.41)]), xoff=-0.1, yoff=-0.005)
lo, hi = 134.33, 134.95                        # split line: the meridian leaving ~171 km2 to the west
for _ in range(40):
    mid = (lo + hi) / 2
    if km2(BU.intersection(box(130, 40, mid, 50))) < 171: lo = mid
    else: hi = mid
SPLIT = (lo + hi) / 2
BU_CN = BU.intersection(box(130, 40, SPLIT, 50))
BU_RU = BU.difference(box(130, 40, SPLIT, 50))
islands = unary_union([BU, TARABAROV])
# Abagaitu islet on the Argun: a one-sided 2 km band along ~13 km of the river near 49.6N; China's part
argun = river['argun']
ab_line = LineString([c for c in argun.coords if 49.50 <= c[1] <= 49.62 and c[0] < 118.2])
ABAGAITU_CN = ab_line.buffer(0.025, single_sided=True, cap_style=2)
if km2(ABAGAITU_CN) > 0 and ABAGAITU_CN.intersection(china).area < ABAGAITU_CN.area / 2:
    ABAGAITU_CN = ab_line.buffer(-0.025, single_sided=True, cap_style=2)

zone_left = Polygon(shilka_GC + CHINA_SIDE + [K] + amur_KM + SEA_N + [(136.2, 55.3)] + [UDA_MOUTH] +
                    uda_up[1:] + [(UDA_SRC[0], 55.3)] + CREST[7::-1])
zone_uda = Polygon([UDA_SRC] + CREST[7:] + [(139.5, 56.8), (138.6, 56.2), (136.2, 55.3), UDA_MOUTH] + uda_up[1:])
zone_ussuri = Polygon([K, (134.6, 48.2), (134.2, 47.5), (133.0, 46.0), (131.3, 45.3), (130.0, 44.5), (130.0, 41.5),
                       (141.2, 41.5), (141.2, 52.0), (141.9, 53.4), M] + amur_KM[::-1][1:])
left_bank = drop_slivers(mainland.intersection(zone_left.buffer(0)).difference(islands), 300)
uda_zone = drop_slivers(mainland.intersection(zone_uda.buffer(0)).difference(left_bank), 300)
ussuri = drop_slivers(mainland.intersection(zone_ussuri.buffer(0)).difference(islands).difference(left_bank), 300)

def region(rid, g, how, **extra):
    p = {'id': rid, 'kind': 'region', 'approximate': True, 'drawn': how, 'area_km2': round(km2(g))}
    p.update(extra)
    return (p, g)

fe_regions = [
    region('uda-neutral-1689', uda_zone, 'Land between the Uda river (GSHHG line) and a hand-drawn Stanovoy crest, east of the Uda source, to the coast (Natural Earth); the crest is approximate.',
           name_en='Uda undemarcated zone', name_ru='Неразграниченная область по Уде', name_zh='乌第河待议地区'),
    region('left-bank-amur', left_bank, 'Natural Earth Russia north of the Amur (its border line, then the GSHHG Amur below Khabarovsk), south of a hand-drawn Stanovoy crest and the Uda, east of the Gorbitsa mouth (~119E on the Shilka); islands at Khabarovsk excluded.',
           name_en='Left bank of the Amur', name_ru='Левобережье Амура', name_zh='黑龙江以北地区'),
    region('ussuri-primorye', ussuri, 'Natural Earth Russia east of the Ussuri-Sungacha-Khanka line and south-east of the GSHHG lower Amur, to the Tumen and the sea; mainland only (no Sakhalin), islands at Khabarovsk excluded.',
           name_en='Ussuri region (Primorye)', name_ru='Уссурийский край (Приморье)', name_zh='乌苏里江以东地区'),
    region('bolshoi-ussuriysky-china-2004', BU_CN, 'Hand-drawn outline of Bolshoi Ussuriysky (sized to ~335 km2, sources say 327-350), split by a meridian at %.3fE chosen so that this western part is ~171 km2.' % SPLIT,
           name_en='Heixiazi (western part)', name_ru='Большой Уссурийский (западная часть)', name_zh='黑瞎子岛（西部）'),
    region('bolshoi-ussuriysky-russia-2004', BU_RU, 'Hand-drawn; the rest of Bolshoi Ussuriysky east of the split meridian.',
           name_en='Bolshoi Ussuriysky (eastern part)', name_ru='Большой Уссурийский (восточная часть)', name_zh='黑瞎子岛（东部）'),
    region('tarabarov-2004', TARABAROV, 'Hand-drawn small island north-west of Bolshoi Ussuriysky; position and size approximate.',
           name_en='Tarabarov (Yinlong) Island', name_ru='Остров Тарабаров', name_zh='银龙岛'),
    region('abagaitu-china-2004', ABAGAITU_CN, 'Very approximate: a 2 km band on the Chinese side of the GSHHG Argun line near 49.5-49.6N standing for the Chinese part of Abagaitu (Bolshoi) islet.',
           name_en='Abagaitu islet (Chinese part)', name_ru='Остров Большой на Аргуни (часть КНР)', name_zh='阿巴该图洲渚（中方部分）'),
]
write('far-east-regions.geojson', fe_regions)

# far-east borders by year
bl = load(os.path.join(SH, 'boundary-lines.geojson'))
def ne_border(a, b):
    return merged(unary_union([shape(f['geometry']) for f in bl if f['properties']['kind'] == 'border'
                               and {f['properties']['left'], f['properties']['right']} == {a, b}]))
cn_ru = ne_border('China', 'Russia'); mn_ru = ne_border('Mongolia', 'Russia'); kp_ru = ne_border('North Korea', 'Russia')
# The Natural Earth China-Russia line runs west -> east; cut it at Khabarovsk for 1858
cn_ru_lines = sorted(lines(cn_ru), key=lambda l: -l.length)
main = cn_ru_lines[0]
argun_amur_to_K = LineString(sub_line(main, main.coords[0] if main.coords[0][0] < main.coords[-1][0] else main.coords[-1], K))
argun_to_C = LineString(sub_line(main, main.coords[0] if main.coords[0][0] < main.coords[-1][0] else main.coords[-1], C))
# 2004: replace the Kazakevichev-channel section with the main Amur channel and the split meridian
# west of the split meridian the 2004 line leaves the Kazakevichev channel for the main Amur
# channel north of Tarabarov, then runs south across the island along the split meridian
WX = 134.2
q = box(WX, 48.2, SPLIT, 48.55)
outside = main.difference(q)
entry = main.intersection(LineString([(WX, 48.2), (WX, 48.55)]))
exit_ = main.intersection(LineString([(SPLIT, 48.2), (SPLIT, 48.55)]))
def ep(g, near):
    pts = [g] if isinstance(g, Point) else [x for x in getattr(g, 'geoms', []) if isinstance(x, Point)]
    if not pts:   # no crossing: the point of the line nearest the wanted place
        p_ = main.interpolate(main.project(Point(near))); return (p_.x, p_.y)
    p_ = min(pts, key=lambda x: x.distance(Point(near))); return (p_.x, p_.y)
fix = LineString([ep(entry, (WX, 48.33)), (WX + 0.1, 48.37), (134.46, 48.405), (134.6, 48.42), (SPLIT, 48.41), ep(exit_, (SPLIT, 48.3))])
border2004 = unary_union([outside, fix] + lines(kp_ru) + lines(mn_ru))
border1991 = unary_union([main] + lines(kp_ru) + lines(mn_ru))
border1860 = unary_union([cn_ru, mn_ru])
border1858 = unary_union([argun_amur_to_K, LineString(amur_KM), mn_ru])
border1689 = unary_union([argun_to_C, LineString(shilka_GC[::-1] + CREST[1:])])
fe_borders = [
    ({'id': 'border-1689', 'kind': 'border', 'year': 1689, 'approximate': True,
      'drawn': 'Argun (Natural Earth line) to the Shilka, up the Shilka to the Gorbitsa (~119E), then a hand-drawn Stanovoy crest to the sea at Ayan; the Uda zone south of the crest is left undemarcated.'}, border1689),
    ({'id': 'border-1858', 'kind': 'border', 'year': 1858, 'approximate': True,
      'drawn': 'Kyakhta line (NE Mongolia-Russia), Argun and Amur (NE China-Russia) to Khabarovsk, then the GSHHG lower Amur to the sea; the Ussuri region was held in common.'}, border1858),
    ({'id': 'border-1860', 'kind': 'border', 'year': 1860, 'approximate': True,
      'drawn': 'Kyakhta line and the Argun-Amur-Ussuri-Sungacha-Khanka-Tumen line as in Natural Earth 10m.'}, border1860),
    ({'id': 'border-1991', 'kind': 'border', 'year': 1991, 'approximate': True,
      'drawn': 'Natural Earth 10m China-Russia line (Kazakevichev channel at Khabarovsk, as held until 2004), plus Mongolia and Korea.'}, border1991),
    ({'id': 'border-2004', 'kind': 'border', 'year': 2004, 'approximate': True,
      'drawn': 'Natural Earth 10m, with the Khabarovsk section redrawn by hand: main Amur channel north of Tarabarov, then south across Bolshoi Ussuriysky at %.3fE.' % SPLIT}, border2004),
]
write('far-east-borders.geojson', fe_borders)

# --------------------------------------------------------------------------------------------
# central-asia: Natural Earth via world-atlas (mapshaper), GSHHG lakes and rivers via GMT
# --------------------------------------------------------------------------------------------
CA_BOX = box(64, 34, 100, 56)
ca_country = {}
ca_land = []
for f in load(os.path.join(W, 'ca-countries.geojson')):
    n = f['properties']['name']
    cid = n.lower().replace(' ', '-')
    if cid not in CNAME and cid not in ('russia', 'china', 'mongolia'): continue
    g = shape(f['geometry']).buffer(0).intersection(CA_BOX)
    ca_country[cid] = g
    en, ru, zh = CNAME[cid]
    ca_land.append(({'id': cid, 'kind': 'country', 'name_en': en, 'name_ru': ru, 'name_zh': zh}, g))
write('central-asia-land.geojson', ca_land)

ca_lakes = []
for f in load(os.path.join(W, 'lakes_ca.geojson')):
    p = f['properties']
    ca_lakes.append(({'id': p['name'].lower(), 'kind': 'lake', 'name_en': p['name'], 'name_ru': p['name_ru'],
                      'name_zh': p['name_zh'], 'source': 'GSHHG 2.3.7 level 2'}, shape(f['geometry'])))
write('central-asia-lakes.geojson', ca_lakes)

ca_riv = {}
for f in load(os.path.join(W, 'riv_ca_named.geojson')):
    p = f['properties']; rid = {'Ili lower': 'ili', 'Black Irtysh': 'black-irtysh'}.get(p['name'], p['name'].lower())
    ca_riv.setdefault(rid, (p, []))[1].append(shape(f['geometry']))
ca_rivers = []
for rid, (p, gs) in ca_riv.items():
    en = {'ili': 'Ili', 'irtysh': 'Irtysh', 'black-irtysh': 'Black Irtysh'}[rid]
    ca_rivers.append(({'id': rid, 'kind': 'river', 'name_en': en, 'name_ru': p['name_ru'], 'name_zh': p['name_zh'],
                       'source': 'GSHHG 2.3.7 WDBII, named by routing between anchors; gaps at reservoirs'},
                      gs[0] if len(gs) == 1 else MultiLineString(gs)))
write('central-asia-rivers.geojson', ca_rivers)

cn = ca_country['china']
west = unary_union([ca_country[k] for k in ('kazakhstan', 'kyrgyzstan', 'russia') if k in ca_country])
border1881 = merged(cn.boundary.intersection(west.buffer(0.02)).difference(CA_BOX.exterior.buffer(0.05)))
# the strip west of Ili kept by Russia in 1881: between a hand line W and the border
W_LINE = [(80.75, 45.15), (79.95, 44.7), (79.75, 44.0), (79.9, 43.2), (80.25, 42.85)]
zone_strip = Polygon(W_LINE + [(81.5, 42.6), (81.5, 45.4)])
strip = drop_slivers(ca_country['kazakhstan'].intersection(zone_strip), 200)
border1864 = unary_union([border1881.difference(zone_strip.buffer(0.01)), LineString(W_LINE).intersection(ca_country['kazakhstan'].buffer(0.05))])
zone_tarb = Polygon([(87.6, 49.2), (86.0, 50.3), (83.5, 50.6), (81.0, 49.6), (79.3, 47.8), (78.8, 46.6), (76.5, 45.6),
                     (74.8, 45.0), (74.3, 43.8), (74.6, 42.6), (75.5, 41.2), (78.5, 40.9), (80.5, 41.6), (80.2, 42.85)] +
                    W_LINE[::-1] + [(83.0, 46.0), (85.5, 47.5)])
tarb = drop_slivers(west.intersection(zone_tarb.buffer(0)).difference(strip), 300)
ili = drop_slivers(cn.intersection(Polygon([(80.0, 45.3), (82.0, 45.2), (83.3, 44.8), (84.8, 43.8), (84.3, 42.8),
                                              (82.0, 42.3), (80.0, 42.5)])), 300)
ca_regions = [
    region('tarbagatai-1864', tarb, 'Natural Earth Kazakhstan/Kyrgyzstan/Russia west of today\'s China border, inside a hand-drawn line around Lake Zaysan, east Balkhash, the lower Ili and Issyk-Kul; the 1881 strip excluded.',
           name_en='Lands ceded at Tarbagatai', name_ru='Земли по Чугучакскому протоколу', name_zh='《勘分西北界约记》割让地区'),
    region('ili-returned-1881', ili, 'Natural Earth China inside a hand-drawn box around the Ili (Kulja) valley.',
           name_en='Ili (Kulja) region', name_ru='Илийский край (Кульджа)', name_zh='伊犁地区'),
    region('ili-west-1881', strip, 'Natural Earth Kazakhstan between today\'s border and a hand line about 0.5 degrees west of it, across the Ili valley.',
           name_en='Western Ili strip', name_ru='Западная часть Илийского края', name_zh='伊犁西部地区'),
]
write('central-asia-regions.geojson', ca_regions)
ca_borders = [
    ({'id': 'border-1864', 'kind': 'border', 'year': 1864, 'approximate': True,
      'drawn': 'Today\'s Natural Earth China-Kazakhstan/Kyrgyzstan/Russia line, with the Ili section moved west to the hand line of the 1881 strip.'}, border1864),
    ({'id': 'border-1881', 'kind': 'border', 'year': 1881, 'approximate': True,
      'drawn': 'Today\'s Natural Earth line (later protocols and the 1990s agreements moved it locally).'}, border1881),
]
write('central-asia-borders.geojson', ca_borders)

json.dump({p['id']: p['area_km2'] for p, g in fe_regions + ca_regions}, open(os.path.join(W, 'areas.json'), 'w'), indent=1)
for p, g in fe_regions + ca_regions: print('%-32s %9.0f km2' % (p['id'], p['area_km2']))
