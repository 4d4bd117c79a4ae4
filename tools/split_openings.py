#!/usr/bin/env python3
"""Extra and missed article openings, line by line: each line's gold role
(tools/split_render.py's .roles) against its decoded role and row
(build/na_split's segments; run it without --no-segments).

usage: split_openings.py GOLD_DIR OUT_DIR [LAYOUT] [--show N]

A gold opening is a kicker, title or lead not under a headline line, or a
byline/subtitle with none above it; a decoded opening is the first line of
a new row that is not a photo, advert or notice.  Extra openings are
counted by the shape of the line that opened them (a caption or credit in
brackets, a caption opener, a line that is only a quoted name, a section
head, a short or long line of another gold role), missed ones by the role
the gold title or lead was read as.  --show N prints N lines of each shape.
For error analysis only (bench/split_quality.md, "Captions and quoted names in copied web
text"); nothing in the splitter reads it."""
import json, os, re, sys
from collections import Counter, defaultdict
HEADS = ("kicker", "title", "subtitle")

def shape(line, grole):
    s = line.strip().replace("\u3000", "")
    if re.search(r"（[^（）]*(摄|截图|供图|发|图片|来源|视频)[^（）]*）\s*$", s) or re.search(r"(摄|截图|供图)\s*$", s):
        return "credit/caption bracket"
    if re.match(r"^(图为|图：|图/|▲|△|↑|上图|下图|左图|右图|图片)", s):
        return "caption opener"
    if re.match(r"^[《“「【][^》”」】]*[》”」】]$", s):
        return "quoted name only"
    if grole in ("heading",):
        return "heading(%s)" % ("short" if len(s) <= 12 else "long")
    if len(s) <= 24:
        return "short %s" % grole
    return "long %s" % grole

def lines_of(txt):
    out, pos = [], 0
    for ln in txt.split("\n"):
        out.append((pos, ln))
        pos += len(ln) + 1
    return out

def main():
    args = sys.argv[1:]
    n = 0
    if "--show" in args:
        i = args.index("--show"); n = int(args[i + 1]); del args[i:i + 2]
    gdir, odir = args[:2]
    lay = args[2] if len(args) > 2 else None
    extra, missed = Counter(), Counter()
    ex_show = defaultdict(list)
    tot = Counter()
    for name in sorted(os.listdir(gdir)):
        if not name.endswith(".txt") or (lay and not name.startswith(lay + "_")):
            continue
        base = name[:-4]
        txt = open(os.path.join(gdir, name), encoding="utf-8").read()
        roles = open(os.path.join(gdir, base + ".roles")).read().split("\n")
        out = json.load(open(os.path.join(odir, base + ".json"), encoding="utf-8"))
        kinds = {a["ordinal"]: a["kind"] for a in out["articles"]}
        segs = out["segments"]
        lns = lines_of(txt)
        # decoded role and ordinal at each line start
        dec = []
        j = 0
        for pos, ln in lns:
            while j < len(segs) - 1 and segs[j]["raw_end"] <= pos:
                j += 1
            s = segs[j]
            dec.append((s["role"], s.get("ordinal", 0)))
        prev_g, prev_o = None, None
        for k, (pos, ln) in enumerate(lns):
            if not ln.strip() or k >= len(roles):
                continue
            g = roles[k]
            if g in ("blank",):
                continue
            d, o = dec[k]
            gopen = g in ("kicker", "title", "lead") and prev_g not in HEADS and prev_g is not None or \
                (g in ("kicker", "title", "lead") and prev_g is None)
            gopen = gopen or (g in ("byline", "subtitle") and prev_g not in HEADS)
            dopen = o and o != prev_o and kinds.get(o) not in ("photo", "advert", "notice")
            if g not in ("advert", "notice", "masthead", "page", "boilerplate"):
                tot["gold_open"] += gopen
                tot["dec_open"] += bool(dopen)
                if dopen and not gopen:
                    sh = shape(ln, g)
                    extra[sh] += 1
                    ex_show[sh].append("%s [%s->%s] %s" % (base, g, d, ln.strip()[:40]))
                if gopen and not dopen:
                    missed["%s read as %s" % (g, d)] += 1
            prev_g = g
            if o:
                prev_o = o
    print("gold openings %d, decoded %d" % (tot["gold_open"], tot["dec_open"]))
    print("extra openings by shape (%d):" % sum(extra.values()))
    for k, v in extra.most_common():
        print("  %5d  %s" % (v, k))
        for e in ex_show[k][:n]:
            print("         ", e)
    print("missed openings (%d):" % sum(missed.values()))
    for k, v in missed.most_common(12):
        print("  %5d  %s" % (v, k))

if __name__ == "__main__":
    main()
