#!/bin/sh
# Rebuilds assets/fonts/ from Debian's Noto packages: Noto Sans and Serif (Latin, Cyrillic, Greek,
# punctuation, arrows, shapes) and Noto Sans/Serif CJK SC subset to the 6,763 GB2312 hanzi plus
# every CJK character used in the UI tables, packs and levels of this tree. Run it again after
# adding Chinese text that uses a rare character (the glyph test in tests/unit/test_text.c fails
# until you do). Usage: sh tools/fonts/subset.sh   (as root, or with the packages installed)
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
out="$repo/assets/fonts"
for p in fonts-noto-core fonts-noto-cjk python3-fonttools; do
  dpkg -s "$p" >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends "$p"
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$repo" "$work/cjk.txt" <<'PY'
import glob, json, sys
repo, out = sys.argv[1], sys.argv[2]
chars = set()
for row in range(16, 88):
    for cell in range(1, 95):
        try:
            chars.add(bytes([0xA0 + row, 0xA0 + cell]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
def walk(o):
    if isinstance(o, str): chars.update(o)
    elif isinstance(o, dict): [walk(v) for v in o.values()]
    elif isinstance(o, list): [walk(v) for v in o]
files = glob.glob(repo + "/assets/i18n/*.json") + glob.glob(repo + "/content/**/*.json", recursive=True) \
      + glob.glob(repo + "/levels/**/*.json", recursive=True)
for f in files:
    walk(json.load(open(f, encoding="utf-8")))
cjk = sorted(c for c in chars if ord(c) >= 0x2E80)
punct = "\u3000\u3001\u3002\uff0c\uff1a\uff1b\uff01\uff1f\uff08\uff09\u300a\u300b\u300c\u300d\u2014\u2026\u00b7\u201c\u201d"
open(out, "w", encoding="utf-8").write("".join(cjk) + punct)
print(len(cjk), "CJK characters")
PY
N=/usr/share/fonts/truetype/noto
C=/usr/share/fonts/opentype/noto
U="U+0020-007E,U+00A0-024F,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+2600-26FF,U+2700-27BF"
for f in NotoSans-Regular NotoSans-Bold NotoSerif-Regular NotoSerif-Bold; do
  pyftsubset "$N/$f.ttf" --unicodes="$U" --layout-features='*' --output-file="$out/$f.ttf"
done
# Face 2 of the collections is Simplified Chinese (SC).
pyftsubset "$C/NotoSansCJK-Regular.ttc" --font-number=2 --text-file="$work/cjk.txt" --unicodes="U+0020-007E" \
  --layout-features='*' --output-file="$out/NotoSansSC-Regular.otf"
pyftsubset "$C/NotoSerifCJK-Bold.ttc" --font-number=2 --text-file="$work/cjk.txt" --unicodes="U+0020-007E" \
  --layout-features='*' --output-file="$out/NotoSerifSC-Bold.otf"
du -ch "$out"/*.ttf "$out"/*.otf | tail -1
