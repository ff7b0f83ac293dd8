#!/usr/bin/python3
"""Renders a map of the pack to SVG in its LCC projection (spherical, as game/content/geo.c):
preview.py MAP_DIR PREFIX lon0 lat0 lat1 lat2 west,south,east,north width out.svg
Land grey-beige, lakes and rivers blue, regions coloured with their ids, borders by year."""
import sys, json, math
d, pre = sys.argv[1], sys.argv[2]
lon0, lat0, lat1, lat2 = map(float, sys.argv[3:7]); bb = [float(v) for v in sys.argv[7].split(',')]
W = int(sys.argv[8]); out = sys.argv[9]
r = math.radians; t = lambda f: math.tan(math.pi / 4 + f / 2)
n = math.log(math.cos(r(lat1)) / math.cos(r(lat2))) / math.log(t(r(lat2)) / t(r(lat1)))
F = math.cos(r(lat1)) * t(r(lat1)) ** n / n; rho0 = F / t(r(lat0)) ** n
def P(lon, lat):
    rho = F / t(r(lat)) ** n; th = n * r(lon - lon0)
    return rho * math.sin(th), rho0 - rho * math.cos(th)
xs, ys = [], []
for i in range(65):
    for lon, lat in ((bb[0] + (bb[2]-bb[0]) * i / 64, bb[1]), (bb[0] + (bb[2]-bb[0]) * i / 64, bb[3]),
                     (bb[0], bb[1] + (bb[3]-bb[1]) * i / 64), (bb[2], bb[1] + (bb[3]-bb[1]) * i / 64)):
        x, y = P(lon, lat); xs.append(x); ys.append(y)
s = W / (max(xs) - min(xs)); H = int((max(ys) - min(ys)) * s)
S = lambda c: '%.1f,%.1f' % ((P(*c)[0] - min(xs)) * s, (max(ys) - P(*c)[1]) * s)
def path(g):
    t_, c = g['type'], g['coordinates']
    rings = {'Polygon': c, 'MultiPolygon': [r_ for p in c for r_ in p], 'LineString': [c], 'MultiLineString': c}[t_]
    return ''.join('M' + ' L'.join(S(p) for p in ring) + (' Z' if 'Polygon' in t_ else '') for ring in rings)
svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d"><rect width="100%%" height="100%%" fill="#cfe3f5"/>' % (W, H)]
def layer(name, style, label=False):
    for f in json.load(open('%s/%s-%s.geojson' % (d, pre, name)))['features']:
        st = style(f['properties']) if callable(style) else style
        svg.append('<path d="%s" %s fill-rule="evenodd"/>' % (path(f['geometry']), st))
        if label:
            cs = f['geometry']['coordinates']
            while isinstance(cs[0][0], list): cs = max(cs, key=len) if f['geometry']['type'] != 'Polygon' else cs[0]
            c = cs[len(cs) // 2] if 'Line' in f['geometry']['type'] else (sum(p[0] for p in cs) / len(cs), sum(p[1] for p in cs) / len(cs))
            x, y = S(c).split(',')
            svg.append('<text x="%s" y="%s" font-family="sans-serif" font-size="12" fill="#000" stroke="#fff" stroke-width="3" paint-order="stroke">%s</text>' % (x, y, f['properties']['id']))
layer('land', 'fill="#f1ebdc" stroke="#888" stroke-width="0.6"')
COL = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6']
rc = {}
layer('regions', lambda p: 'fill="%s" fill-opacity="0.45" stroke="%s" stroke-width="0.8"' % ((rc.setdefault(p['id'], COL[len(rc) % len(COL)]),) * 2), label=True)
layer('lakes', 'fill="#9cc3ea" stroke="#1f6fd1" stroke-width="0.6"')
layer('rivers', 'fill="none" stroke="#1f6fd1" stroke-width="1.4"', label=True)
BC = {1689: '#000', 1858: '#c00', 1860: '#080', 1864: '#c00', 1881: '#080', 1991: '#a0a', 2004: '#f90'}
layer('borders', lambda p: 'fill="none" stroke="%s" stroke-width="%s" stroke-dasharray="%s"' % (BC[p['year']], 2.2 if p['year'] in (1689, 1858, 1864) else 1.2, '6,3' if p['year'] in (1689, 1864) else 'none'))
svg.append('</svg>'); open(out, 'w').write('\n'.join(svg))
