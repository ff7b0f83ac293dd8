#!/usr/bin/env python3
"""Writes the malformed-input cases under tests/malformed/<case>/ from a small valid base pack.
Each case changes one thing (or a few related things). The goldens (expected.txt) are written by
run.sh --update and then read by a person: they are the messages a teacher sees.
Run from the repository root: python3 tests/malformed/make_cases.py"""
import copy, json, os, shutil

ROOT = os.path.join("tests", "malformed")

def T(en, ru): return {"en": en, "ru": ru}

BASE = {
  "format": 1, "id": "base", "version": "1.0.0",
  "title": T("Base pack", "Базовый набор"),
  "languages": ["en", "ru"],
  "sources": [{"id": "src", "title": "A source"}],
  "parties": [{"id": "russia", "name": T("Russia", "Россия")}, {"id": "qing", "name": T("Qing", "Цин")}],
  "events": [
    {"id": "ev-one", "title": T("One", "Один"), "when": "1858-05-31", "sources": ["src"]},
    {"id": "ev-two", "title": T("Two", "Два"), "when": {"from": "1856", "to": "1860"}, "category": "war", "sources": ["src"]},
    {"id": "ev-three", "title": T("Three", "Три"), "when": "1860-07", "tags": ["amur"], "sources": ["src"]}],
  "treaties": [{"id": "aigun", "name": T("Aigun", "Айгунь"), "signed": "1858-05-28", "parties": ["russia", "qing"],
                "terms": [T("Term", "Статья")], "sources": ["src"]}],
  "people": [{"id": "muravyov", "name": T("Muravyov", "Муравьёв"), "born": "1809", "party": "russia", "sources": ["src"]}],
  "places": [{"id": "aihui", "name": T("Aihui", "Айгунь"), "kind": "town", "lon": 127.47, "lat": 50.23, "sources": ["src"]}],
  "flashcards": [{"id": "card", "front": T("Q", "В"), "back": T("A", "О")}]}

MAP = {"id": "amur", "title": T("Amur", "Амур"), "projection": {"type": "equirect"}, "bounds": [110, 40, 145, 58],
       "regions": [{"id": "left-bank", "name": T("Left bank", "Левый берег"), "file": "map/regions.geojson", "feature": "left-bank"}]}
GOOD_GEO = {"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"id": "left-bank"},
   "geometry": {"type": "Polygon", "coordinates": [[[121, 53], [127, 49], [135, 48], [121, 53]]]}}]}

LEVEL = {"format": 1, "id": "tl-one", "title": T("Level", "Уровень"), "pack": "base", "mode": "timeline",
         "select": {"kinds": ["event", "treaty"], "count": 3, "seed": 1}, "stars": [50, 70, 90]}

def dump(obj): return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"

def write(case, rel, data, mode="w"):
    path = os.path.join(ROOT, case, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)

def pack_case(case, mutate=None, text=None, folder="base", files=None, levels=None):
    shutil.rmtree(os.path.join(ROOT, case), ignore_errors=True)
    p = copy.deepcopy(BASE)
    if mutate:
        mutate(p)
    write(case, f"content/{folder}/pack.json", text if text is not None else dump(p))
    for rel, data in (files or {}).items():
        write(case, f"content/{folder}/{rel}", data)
    for name, lv in (levels or {}).items():
        write(case, f"levels/{name}.json", lv if isinstance(lv, str) else dump(lv))

def with_map(geo=GOOD_GEO, mutate_map=None):
    def m(p):
        mp = copy.deepcopy(MAP)
        if mutate_map:
            mutate_map(mp)
        p["maps"] = [mp]
    return m, {"map/regions.geojson": dump(geo) if not isinstance(geo, str) else geo}

def level_case(case, mutate_level, name="tl-one", extra=None, mutate_pack=None):
    lv = copy.deepcopy(LEVEL)
    mutate_level(lv)
    levels = {name: lv}
    levels.update(extra or {})
    pack_case(case, mutate_pack, levels=levels)

def setp(path, value):
    def m(p):
        obj = p
        for k in path[:-1]:
            obj = obj[k]
        obj[path[-1]] = value
    return m

def delp(path):
    def m(p):
        obj = p
        for k in path[:-1]:
            obj = obj[k]
        del obj[path[-1]]
    return m

def both(*fs):
    def m(p):
        for f in fs:
            f(p)
    return m

good = dump(BASE)
# JSON syntax
pack_case("syntax-missing-comma", text=good.replace('"version": "1.0.0",', '"version": "1.0.0"', 1))
pack_case("syntax-trailing-comma", text=good.replace('"ev-one",', '"ev-one",', 1).replace('"src"\n      ]\n    },\n    {\n      "id": "ev-two"', '"src",\n      ]\n    },\n    {\n      "id": "ev-two"', 1))
pack_case("syntax-invalid-escape", text=good.replace('"Base pack"', '"Base\\q pack"', 1))
pack_case("syntax-invalid-utf8", text=good.encode().replace(b'"Base pack"', b'"Base \xff pack"', 1))
pack_case("syntax-duplicate-key", text=good.replace('"id": "ev-one",', '"id": "ev-one",\n      "id": "ev-1",', 1))
pack_case("syntax-too-deep", text=good.replace('"format": 1,', '"format": 1, "x": ' + "[" * 70 + "]" * 70 + ",", 1))
pack_case("syntax-comment", text=good.replace('"format": 1,', '"format": 1, // version\n', 1))
pack_case("syntax-unterminated-string", text=good.replace('"Base pack"', '"Base pack', 1))
pack_case("syntax-empty-file", text="")
pack_case("syntax-root-not-object", text='["not", "a", "pack"]\n')
pack_case("syntax-single-quotes", text=good.replace('"version": "1.0.0"', "'version': '1.0.0'", 1))
# Pack fields
pack_case("missing-required-fields", both(delp(["version"]), delp(["title"]), delp(["sources"])))
pack_case("wrong-format-version", setp(["format"], 2))
pack_case("pack-id-not-folder-name", setp(["id"], "other-name"))
pack_case("bad-id-format", both(setp(["events", 0, "id"], "Event One"), setp(["flashcards", 0, "id"], "-card")))
pack_case("duplicate-ids", both(setp(["events", 1, "id"], "ev-one"), lambda p: p["sources"].append({"id": "src", "title": "Again"})))
pack_case("unknown-field-typo", both(lambda p: p["treaties"][0].__setitem__("sigend", p["treaties"][0].pop("signed")),
                                    lambda p: p["events"][0].__setitem__("sumary", T("s", "с"))))
pack_case("wrong-types", both(setp(["title"], 5), setp(["events", 0, "tags"], "amur"), setp(["treaties", 0, "unequal"], "yes"),
                              setp(["treaties", 0, "parties"], "russia")))
pack_case("unresolved-source", setp(["events", 1, "sources"], ["scr", "nowhere"]))
pack_case("unresolved-references", both(setp(["treaties", 0, "parties"], ["russia", "china"]),
                                        setp(["treaties", 0, "place"], "aigun"),
                                        setp(["treaties", 0, "signatories"], [{"party": "russia", "people": ["muraviev"]}]),
                                        setp(["people", 0, "party"], "rusia")))
pack_case("unresolved-regions", setp(["treaties", 0, "regions"], ["left-bank-amur"]))
pack_case("date-not-real", both(setp(["events", 0, "when"], "2019-02-29"), setp(["events", 2, "when"], "1858-13"),
                                setp(["people", 0, "born"], "1809-04-31")))
pack_case("date-bad-syntax", both(setp(["events", 0, "when"], "1858/05/31"), setp(["events", 2, "when"], 1860),
                                  setp(["treaties", 0, "signed"], "May 1858")))
pack_case("date-range-reversed", both(setp(["events", 1, "when"], {"from": "1860", "to": "1856"}),
                                      setp(["people", 0, "died"], "1800")))
pack_case("date-year-zero", setp(["events", 0, "when"], "0000"))
pack_case("missing-language-text", both(setp(["events", 0, "title"], {"en": "One"}), setp(["treaties", 0, "terms"], [{"ru": "Статья"}])))
pack_case("undeclared-language", setp(["events", 0, "title"], {"en": "One", "ru": "Один", "de": "Eins"}))
pack_case("bad-languages", setp(["languages"], ["en", "Russian", "en"]))
pack_case("empty-text", both(setp(["events", 0, "title"], {"en": "", "ru": "Один"}), setp(["flashcards", 0, "back"], "")))
pack_case("nothing-to-play", both(delp(["events"]), delp(["treaties"]), delp(["flashcards"])))
pack_case("missing-sources-on-items", both(delp(["events", 0, "sources"]), setp(["treaties", 0, "sources"], [])))
pack_case("bad-enums", both(setp(["events", 1, "category"], "warr"), setp(["places", 0, "kind"], "village"),
                            setp(["parties", 0, "color"], "red")))
pack_case("coordinates-out-of-range", both(setp(["places", 0, "lon"], 227.47), delp(["places", 0, "lat"])))
pack_case("ratification-problems", setp(["treaties", 0, "ratification"],
          [{"party": "qing", "when": "1850", "kind": "ratifyed"}, {"party": "britain", "when": "1860-11-14", "kind": "confirmed"}]))
pack_case("signatory-not-a-party", lambda p: (p["parties"].append({"id": "britain", "name": T("Britain", "Британия")}),
          p["treaties"][0].__setitem__("signatories", [{"party": "britain"}])))
pack_case("treaty-without-terms", setp(["treaties", 0, "terms"], []))
pack_case("entries-not-objects", both(lambda p: p["events"].append("ev-four"), lambda p: p["sources"].append(7)))
# Assets
def card_image(path): return setp(["flashcards", 0, "image"], path)
PNG_BIG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x13\x88\x00\x00\x13\x88\x08\x06\x00\x00\x00"
PNG_OK = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
pack_case("asset-absolute-path", card_image("/etc/passwd"))
pack_case("asset-leaves-pack", card_image("img/../../secret.png"))
pack_case("asset-missing-file", card_image("img/nowhere.png"), files={"img/here.png": PNG_OK})
pack_case("asset-backslash", card_image("img\\card.png"))
pack_case("image-not-png-or-jpeg", card_image("img/card.png"), files={"img/card.png": b"GIF89a not really\n"})
pack_case("image-too-large", card_image("img/card.png"), files={"img/card.png": PNG_BIG})
pack_case("asset-symlink-escape", card_image("img/card.png"))
os.makedirs(os.path.join(ROOT, "asset-symlink-escape/content/base/img"), exist_ok=True)
write("asset-symlink-escape", "outside.png", PNG_OK)
os.symlink("../../../outside.png", os.path.join(ROOT, "asset-symlink-escape/content/base/img/card.png"))
# GeoJSON
m, f = with_map({"type": "Feature", "geometry": None, "properties": {}})
pack_case("geojson-not-a-collection", m, files=f)
ring = copy.deepcopy(GOOD_GEO); ring["features"][0]["geometry"]["coordinates"][0][-1] = [121, 54]
m, f = with_map(ring); pack_case("geojson-ring-not-closed", m, files=f)
short = copy.deepcopy(GOOD_GEO); short["features"][0]["geometry"]["coordinates"] = [[[121, 53], [127, 49], [121, 53]]]
m, f = with_map(short); pack_case("geojson-ring-too-short", m, files=f)
oor = copy.deepcopy(GOOD_GEO); oor["features"][0]["geometry"]["coordinates"][0][1] = [53, 127]
m, f = with_map(oor); pack_case("geojson-coordinates-out-of-range", m, files=f)
m, f = with_map(mutate_map=lambda mp: mp["regions"][0].__setitem__("feature", "left-bank-amur")); pack_case("geojson-feature-missing", m, files=f)
m, f = with_map('{"type": "FeatureCollection", "features": [\n  {"type": "Feature" "geometry": null}\n]}\n'); pack_case("geojson-syntax-error", m, files=f)
gc = copy.deepcopy(GOOD_GEO); gc["features"].append({"type": "Feature", "properties": {"id": "x"}, "geometry": {"type": "Circle", "coordinates": [1, 2]}})
m, f = with_map(gc); pack_case("geojson-unsupported-geometry", m, files=f)
m, f = with_map(mutate_map=lambda mp: (mp.__setitem__("bounds", [145, 40, 110, 58]), mp["projection"].__setitem__("type", "mercator")))
pack_case("map-bad-bounds-and-projection", m, files=f)
m, f = with_map(mutate_map=lambda mp: mp["regions"][0].__setitem__("file", "map/missing.geojson")); pack_case("map-file-missing", m, files=f)
# Levels and campaigns
level_case("level-pack-not-found", lambda lv: lv.__setitem__("pack", "no-such-pack"))
level_case("level-bad-mode-and-variant", lambda lv: (lv.__setitem__("mode", "quiz"), lv.__setitem__("variant", "drag")))
level_case("level-variant-wrong-for-mode", lambda lv: lv.__setitem__("variant", "typed"))
level_case("level-stars-not-ascending", lambda lv: lv.__setitem__("stars", [70, 50, 120]))
level_case("level-unlock-unknown-level", lambda lv: lv.__setitem__("unlock", {"after": "tl-zero", "stars": 4}))
level_case("level-ids-not-in-pack", lambda lv: lv["select"].update({"ids": ["aigun", "nerchinsk"], "count": 1}))
level_case("level-too-few-distinct-dates", lambda lv: lv["select"].update({"count": 4, "kinds": ["event", "treaty"]}),
           mutate_pack=setp(["events", 0, "when"], "1858"))
level_case("level-count-too-large", lambda lv: lv["select"].update({"count": 10}))
level_case("level-id-not-file-name", lambda lv: lv.__setitem__("id", "tl-first"))
level_case("level-missing-language-and-typo", lambda lv: (lv.__setitem__("title", {"en": "Level"}), lv["select"].__setitem__("spred", "far")))
level_case("level-timeline-undated-kinds", lambda lv: lv["select"].update({"kinds": ["flashcard", "event"], "count": 2}))
level_case("level-range-and-tags", lambda lv: lv["select"].update({"from": "1900", "to": "1950", "tags": ["ussuri"], "count": 1}))
level_case("level-warning-only", lambda lv: lv.__setitem__("colour", "red"))
shutil.rmtree(os.path.join(ROOT, "campaign-problems"), ignore_errors=True)
write("campaign-problems", "levels/campaign.json", dump({"format": 1, "id": "main", "title": T("Main", "Главная"), "chapters": [
      {"title": "One", "levels": ["tl-one", "tl-two"]}, {"title": "Two", "levels": ["tl-one"], "extra": 1}]}))
write("campaign-problems", "levels/tl-one.json", dump(LEVEL))
write("campaign-problems", "content/base/pack.json", good)
shutil.rmtree(os.path.join(ROOT, "valid-example-pack"), ignore_errors=True)
write("valid-example-pack", "args", "content/example-pack\n")
shutil.rmtree(os.path.join(ROOT, "usage-unknown-option"), ignore_errors=True)
write("usage-unknown-option", "args", "--bogus content/example-pack\n")
