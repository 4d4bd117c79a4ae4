#!/usr/bin/env python3
"""No text silently lost by the split: every line an article's segments give it shows up in the article's row.

usage: split_kept.py RAW_DIR OUT_DIR [--max-lost N] [--show N]

RAW_DIR holds the issues NAME.txt, OUT_DIR build/na_split's NAME.json
written with segments (without --no-segments).  For every segment of an
article whose role puts text in a field -- kicker, title, subtitle, byline,
dateline, body, heading, caption, credit -- the Han characters of its raw
text must be found, in order and unbroken, in the row's fields: the headline
fields, the dateline and byline read on, the body, the caption, the notes.  Marks, spaces,
line breaks and markup are left out of both sides, since the fields reshape
them (paragraphs joined, ■ and ## taken off).  A dateline segment's reporters
in brackets (本报讯（记者甲乙）) may be left out of the byline when the
article's authors already name them; a segment of one of these roles in no
row at all (ordinal 0) is lost.  Closing credits (（责编：X）, X 摄,
（资料来源：…）) are kept in the notes as printed (their persons in the
authors too); one led by a dateline in the body.

Prints the segments checked and lost per role, then with --max-lost one
"N passed, N failed" line (one check per role).
"""
import json
import os
import sys

ROLES = ("kicker", "title", "subtitle", "byline", "dateline", "body", "heading", "caption", "credit")


def han(s):
    return "".join(ch for ch in (s or "") if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


def fields(a):
    heads = "|".join(han(a.get(k)) for k in ("section", "kicker", "title", "subtitle"))
    return "|".join((heads, han(a.get("dateline")) + han(a.get("byline")), han(a.get("body")), han(a.get("caption")),
                     han(a.get("notes"))))


def authors_text(a):
    return "".join(han(p.get("organization")) + han(p.get("role")) + han(p.get("name")) for p in a.get("authors") or [])


def kept(role, text, a, allf):
    if text in allf:
        return True
    if role != "dateline":
        return False
    # the lead's dateline in its field, the bracketed reporters among the authors
    dl = han(a.get("dateline"))
    if not dl or not text.startswith(dl):
        return False
    names = authors_text(a)
    return all(ch in names or ch in "本报记者通讯员实习生见习" for ch in text[len(dl):])


def main():
    args = sys.argv[1:]
    max_lost = None
    show = 0
    if "--max-lost" in args:
        i = args.index("--max-lost")
        max_lost = int(args[i + 1])
        del args[i:i + 2]
    if "--show" in args:
        i = args.index("--show")
        show = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    raw_dir, out_dir = args
    checked = {r: 0 for r in ROLES}
    lost = {r: 0 for r in ROLES}
    shown = 0
    for name in sorted(os.listdir(out_dir)):
        if not name.endswith(".json"):
            continue
        out = json.load(open(os.path.join(out_dir, name), encoding="utf-8"))
        if "segments" not in out:
            sys.exit("%s has no segments: split without --no-segments" % name)
        raw = open(os.path.join(raw_dir, name[:-5] + ".txt"), encoding="utf-8", errors="replace").read()
        arts = out["articles"]
        cache = {}
        for sg in out["segments"]:
            role, ordinal = sg["role"], sg.get("ordinal") or 0
            if role not in checked:
                continue
            text = han(raw[sg["raw_start"]:sg["raw_end"]])
            if not text:
                continue
            if not 1 <= ordinal <= len(arts):
                # a line with an article's role in no row (a credit whose
                # photo row was dropped as empty) is lost text too
                checked[role] += 1
                lost[role] += 1
                if shown < show:
                    shown += 1
                    print("  [lost %s, in no row] %s: %s" % (role, name, text[:60]))
                continue
            a = arts[ordinal - 1]
            if ordinal not in cache:
                cache[ordinal] = fields(a)
            checked[role] += 1
            if not kept(role, text, a, cache[ordinal]):
                lost[role] += 1
                if shown < show:
                    shown += 1
                    print("  [lost %s] %s: %s" % (role, name, text[:60]))
    print("%-10s %8s %6s" % ("role", "segments", "lost"))
    for r in ROLES:
        print("%-10s %8d %6d" % (r, checked[r], lost[r]))
    if max_lost is not None:
        bad = [r for r in ROLES if lost[r] > max_lost]
        for r in bad:
            print("%s: %d segments lost, more than %d" % (r, lost[r], max_lost))
        print("%d passed, %d failed" % (len(ROLES) - len(bad), len(bad)))


if __name__ == "__main__":
    main()
