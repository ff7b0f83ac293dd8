#!/usr/bin/env python3
"""Fact-check helpers for a Frontiers content pack.

  factcheck.py old-style PACK.json     check every Old Style (Julian) date against its Gregorian date
  factcheck.py sources-md PACK.json    print SOURCES.md (sources, Old Style conversions, notes)

old-style exits 1 and names each item whose `from` is not `old_style` plus the Julian-Gregorian
difference of its century (10 days before 1 March 1700, 11 to 1 March 1800, 12 to 1 March 1900,
13 to 1 March 2100). Only full dates (YYYY-MM-DD) can be checked; a partial Old Style date is an error.
"""
import datetime
import json
import sys


def julian_offset(y, m):
    """Days to add to a Julian date to get the Gregorian one (valid 1583-2099)."""
    if (y, m) < (1700, 3):
        return 10
    if (y, m) < (1800, 3):
        return 11
    if (y, m) < (1900, 3):
        return 12
    return 13


def julian_to_gregorian(s):
    y, m, d = (int(x) for x in s.split('-'))
    # Count days in the Julian calendar from a fixed epoch, then add the offset.
    # Julian 29 February exists in every fourth year, so compute via day numbers.
    def jdn_julian(y, m, d):
        a = (14 - m) // 12
        yy = y + 4800 - a
        mm = m + 12 * a - 3
        return d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - 32083
    jdn = jdn_julian(y, m, d)
    # JDN 2299161 is 1582-10-15 Gregorian; proleptic ordinal of that day is 577736.
    return datetime.date.fromordinal(jdn - 2299161 + 577736)


def items(pack):
    for key, kind in (('treaties', 'treaty'), ('events', 'event'), ('places', 'place'), ('people', 'person')):
        for it in pack.get(key, []):
            yield kind, it


def whens(item):
    """Yield (label, when) for every when-object in an item."""
    for key in ('signed', 'when'):
        if isinstance(item.get(key), dict):
            yield key, item[key]
    for r in item.get('ratification') or []:
        if isinstance(r.get('when'), dict):
            yield 'ratification', r['when']
    for d in item.get('dates') or []:
        if isinstance(d.get('when'), dict):
            yield 'dates', d['when']


def old_style(pack):
    rows, errors = [], []
    for kind, it in items(pack):
        for label, w in whens(it):
            if 'old_style' not in w:
                continue
            os_, g = w['old_style'], w.get('from', '')
            if len(os_) != 10 or len(g) != 10:
                errors.append(f"{kind} {it['id']} {label}: old_style {os_} and from {g} must both be full dates")
                continue
            want = julian_to_gregorian(os_).isoformat()
            y, m = int(os_[:4]), int(os_[5:7])
            if want != g:
                errors.append(f"{kind} {it['id']} {label}: old_style {os_} is {want} Gregorian "
                              f"(+{julian_offset(y, m)} days), but from is {g}")
            rows.append((kind, it['id'], os_, g))
    return rows, errors


def esc(s):
    return str(s).replace('|', '\\|').replace('\n', ' ')


def sources_md(pack):
    out = []
    w = out.append
    w('# Sino-Russian border pack — sources and notes\n')
    w('Generated from `pack.json` by `tools/content/factcheck.py sources-md` (the `sources` list and every')
    w("item's `note`). All dates in the pack are Gregorian; where a Russian source prints an Old Style (Julian)")
    w('date, the pack converts it (+10 days before 1 March 1700, +11 to 1 March 1800, +12 to 1 March 1900, +13')
    w('after) and keeps the Julian date in `old_style`; `tools/content/factcheck.py old-style` (ctest')
    w('`pack.old_style_dates`) verifies every conversion. The item-by-item fact-check is in')
    w('[FACTCHECK.md](FACTCHECK.md).\n')
    w('## Sources\n')
    w('| id | title | author / publisher | lang | used for |')
    w('|---|---|---|---|---|')
    for s in pack['sources']:
        title = esc(s['title'])
        if s.get('url'):
            title = f"[{title}]({s['url']})"
        w(f"| `{s['id']}` | {title} | {esc(s.get('author', ''))} | {s.get('lang', '')} | {esc(s.get('note', ''))} |")
    w('\n## Old Style conversions\n')
    w('| item | Old Style (source) | Gregorian (pack) |')
    w('|---|---|---|')
    rows, _ = old_style(pack)
    for kind, iid, os_, g in rows:
        w(f'| {kind} `{iid}` | {os_} | {g} |')
    w('\n## Disagreements and unverified points (item notes)\n')
    for kind, it in items(pack):
        n = it.get('note')
        if n:
            text = n if isinstance(n, str) else n.get('en', next(iter(n.values())))
            w(f"- **{kind} `{it['id']}`**: {text}")
    w('\n## Perspectives\n')
    w('Every Sino-Russian treaty carries `perspectives.china` and `perspectives.russia`: one or two sentences each')
    w('summarising how the mainstream historiography of each side frames the treaty (from the sources cited on the')
    w('item), not the views of the pack authors.')
    return '\n'.join(out) + '\n'


def main(argv):
    if len(argv) != 3 or argv[1] not in ('old-style', 'sources-md'):
        sys.stderr.write(__doc__)
        return 2
    with open(argv[2], encoding='utf-8') as f:
        pack = json.load(f)
    if argv[1] == 'sources-md':
        sys.stdout.write(sources_md(pack))
        return 0
    rows, errors = old_style(pack)
    for e in errors:
        print(f'{argv[2]}: error: {e}')
    print(f'{len(rows)} Old Style dates checked, {len(errors)} errors')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
