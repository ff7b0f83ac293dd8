#!/usr/bin/python3
"""Writes maps.fragment.json ({"maps": [...]}, content/README.md section "maps") for the pack."""
import json, sys, os
OUT = sys.argv[1]
L = lambda en, ru, zh: {'en': en, 'ru': ru, 'zh': zh}
def layers(p):
    return [{'id': 'land', 'kind': 'land', 'file': 'map/%s-land.geojson' % p},
            {'id': 'lakes', 'kind': 'lake', 'file': 'map/%s-lakes.geojson' % p},
            {'id': 'rivers', 'kind': 'river', 'file': 'map/%s-rivers.geojson' % p},
            {'id': 'borders', 'kind': 'border', 'file': 'map/%s-borders.geojson' % p}]
def regions(p, items):
    props = {f['properties']['id']: f['properties'] for f in json.load(open(os.path.join(OUT, '%s-regions.geojson' % p)))['features']}
    return [{'id': i, 'name': L(props[i]['name_en'], props[i]['name_ru'], props[i]['name_zh']),
             'file': 'map/%s-regions.geojson' % p, 'feature': i, 'from': a, 'to': b, 'treaty': t, 'year': y}
            for i, a, b, t, y in items]
def borders(p, items):
    return [{'year': y, 'label': lab, 'file': 'map/%s-borders.geojson' % p, 'feature': 'border-%d' % y, 'treaty': t}
            for y, lab, t in items]
def rivers(p):
    return [{'id': f['properties']['id'], 'name': L(f['properties']['name_en'], f['properties']['name_ru'], f['properties']['name_zh']),
             'file': 'map/%s-rivers.geojson' % p, 'feature': f['properties']['id']}
            for f in json.load(open(os.path.join(OUT, '%s-rivers.geojson' % p)))['features']]
maps = [
 {'id': 'far-east', 'title': L('The Amur and the Ussuri', 'Амур и Уссури', '黑龙江与乌苏里江'),
  'projection': {'type': 'lcc', 'lon0': 125, 'lat0': 50, 'lat1': 45, 'lat2': 55},
  'bounds': [105, 40, 145, 60], 'layers': layers('far-east'),
  'regions': regions('far-east', [
      ('uda-neutral-1689', 'qing', 'russia', 'aigun-1858', 1858),
      ('left-bank-amur', 'qing', 'russia', 'aigun-1858', 1858),
      ('ussuri-primorye', 'qing', 'russia', 'beijing-1860', 1860),
      ('bolshoi-ussuriysky-china-2004', 'russian-federation', 'prc', 'supplementary-agreement-2004', 2004),
      ('bolshoi-ussuriysky-russia-2004', 'russian-federation', 'russian-federation', 'supplementary-agreement-2004', 2004),
      ('tarabarov-2004', 'russian-federation', 'prc', 'supplementary-agreement-2004', 2004),
      ('abagaitu-china-2004', 'russian-federation', 'prc', 'supplementary-agreement-2004', 2004)]),
  'borders': borders('far-east', [
      (1689, L('Treaty of Nerchinsk: the Argun, the Gorbitsa and the Stanovoy range', 'Нерчинский договор: Аргунь, Горбица и Становой хребет', '《尼布楚条约》：额尔古纳河、格尔必齐河与外兴安岭'), 'nerchinsk-1689'),
      (1858, L('Treaty of Aigun: the Amur to the sea', 'Айгунский договор: Амур до моря', '《瑷珲条约》：以黑龙江为界'), 'aigun-1858'),
      (1860, L('Convention of Peking: the Amur, the Ussuri and the Tumen', 'Пекинский договор: Амур, Уссури и Туманная', '《北京条约》：黑龙江、乌苏里江至图们江'), 'beijing-1860'),
      (1991, L('1991 agreement on the eastern section', 'Соглашение 1991 года о восточной части границы', '1991年中苏国界东段协定'), None),
      (2004, L('2004 supplementary agreement: the islands at Khabarovsk', 'Дополнительное соглашение 2004 года: острова у Хабаровска', '2004年补充协定：黑瞎子岛'), 'supplementary-agreement-2004')]),
  'rivers': rivers('far-east')},
 {'id': 'central-asia', 'title': L('The western border', 'Западная граница', '中俄西段边界'),
  'projection': {'type': 'lcc', 'lon0': 82, 'lat0': 45, 'lat1': 40, 'lat2': 50},
  'bounds': [70, 38, 95, 52], 'layers': layers('central-asia'),
  'regions': regions('central-asia', [
      ('tarbagatai-1864', 'qing', 'russia', 'tarbagatai-1864', 1864),
      ('ili-returned-1881', 'russia', 'qing', 'saint-petersburg-1881', 1881),
      ('ili-west-1881', 'qing', 'russia', 'saint-petersburg-1881', 1881)]),
  'borders': borders('central-asia', [
      (1864, L('Protocol of Chuguchak (Tarbagatai)', 'Чугучакский протокол', '《勘分西北界约记》'), 'tarbagatai-1864'),
      (1881, L('Treaty of Saint Petersburg', 'Петербургский договор', '《中俄伊犁条约》'), 'saint-petersburg-1881')]),
  'rivers': rivers('central-asia')},
]
for m in maps:
    for b in m['borders']:
        if b['treaty'] is None: del b['treaty']
with open(os.path.join(OUT, 'maps.fragment.json'), 'w') as f:
    json.dump({'maps': maps}, f, ensure_ascii=False, indent=1)
print('maps.fragment.json written')
