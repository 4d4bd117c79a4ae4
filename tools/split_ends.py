#!/usr/bin/env python3
"""Where the found articles' bodies end wrong, by kind, per layout.

usage: split_ends.py GOLD_DIR OUT_DIR [--show N]

GOLD_DIR and OUT_DIR as for tools/split_eval.py (rendered gold with its
.txt and .roles files, build/na_split's output; the articles are matched as
split_eval.py matches them).  A found article's body ends wrong in one of
three ways:
  ran on    its row goes on into the next article (that article's first
            words are in the row's body);
  over      its row goes on past the gold end into something else (a
            caption, an advert, a lead of no article, text after the last);
  short     the gold end is not in the row's body (cut short: a section head
            read as a title, a closing paragraph read as another row ...).
Run-ons are counted by the shape of the next article's opening in the gold
(its head lines' gold roles, whether its first paragraph opens with a
dateline, whether a credit line closes the article before) and, when the
output has segments (build/na_split without --no-segments), by what the
next article's first line was decoded as.  --show N prints N of each kind.
For measuring only (bench/split_quality.md, "Where the body ends").
"""
import json, os, re, sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from split_eval import norm  # noqa: E402
from split_openings import lines_of  # noqa: E402

HEADS = ("kicker", "title", "subtitle", "byline")
DATELINE = re.compile(r"^(本报讯|\S{0,20}?(电|讯)（|\S{0,12}?报道[：:]|（记者)")


def decoded_roles(out, lns):
    segs = out.get("segments") or []
    if not segs:
        return None
    dec, j = [], 0
    for pos, _ in lns:
        while j < len(segs) - 1 and segs[j]["raw_end"] <= pos:
            j += 1
        dec.append(segs[j]["role"])
    return dec


def openings(gold, lns, roles):
    """the line index of each gold article's first line, and its shape"""
    res, cur = [], 0
    for g in gold["articles"]:
        bs = norm(g["body_starts"])[:8]
        k = next((i for i in range(cur, len(lns)) if bs and bs in norm(lns[i][1])), None)
        if k is None:
            res.append(None)
            continue
        cur = k + 1
        para = norm(lns[k][1])
        top = k
        while top > 0 and (roles[top - 1] in HEADS or not lns[top - 1][1].strip()):
            top -= 1
        while top < k and not lns[top][1].strip():
            top += 1
        heads = [roles[i] for i in range(top, k) if lns[i][1].strip() and roles[i] in HEADS]
        before = next((roles[i] for i in range(top - 1, -1, -1) if lns[i][1].strip()), "start")
        sh = "+".join(dict.fromkeys(heads)) or roles[k]
        sh += ", dateline" if DATELINE.match(para) else ", no dateline"
        if before == "credit":
            sh += ", after a credit"
        res.append((top, sh))
    return res


def score(gdir, odir, name, cnt, shapes, decs, shown, nshow):
    base = name[:-5]
    gold = json.load(open(os.path.join(gdir, name), encoding="utf-8"))
    path = os.path.join(odir, name)
    out = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else {}
    txt = open(os.path.join(gdir, base + ".txt"), encoding="utf-8").read()
    roles = open(os.path.join(gdir, base + ".roles")).read().split("\n")
    lns = lines_of(txt)
    roles += ["body"] * (len(lns) - len(roles))
    dec = decoded_roles(out, lns)
    opens = openings(gold, lns, roles)
    rows = [a for a in out.get("articles", []) if a.get("kind") not in ("photo", "advert", "notice")]
    bodies = [norm(a.get("body")) for a in rows]
    starts = [norm(g["body_starts"]) for g in gold["articles"]]
    used = set()
    for gi, (g, bs) in enumerate(zip(gold["articles"], starts)):
        idx = next((i for i, b in enumerate(bodies) if i not in used and bs in b[:len(bs) + 40]), None)
        if idx is None:
            continue
        used.add(idx)
        cnt["found"] += 1
        body, end = bodies[idx], norm(g["body_ends"])
        if end in body[-60:]:
            continue
        nxt = starts[gi + 1] if gi + 1 < len(starts) else None
        if nxt and nxt[:12] in body[len(bs) + 40:]:
            kind = "ran on"
        elif end not in body:
            kind = "short"
        else:
            kind = "over"
        cnt[kind] += 1
        if kind == "ran on" and gi + 1 < len(opens) and opens[gi + 1]:
            top, sh = opens[gi + 1]
            shapes[sh] += 1
            if dec:
                decs["%s read as %s" % (roles[top], dec[top])] += 1
            what = lns[top][1].strip()[:30]
        else:
            what = body[-30:]
        if shown[kind] < nshow:
            shown[kind] += 1
            print("  [%s] %s: want ..%s | %s" % (kind, base, end[-20:], what))


def main():
    args = sys.argv[1:]
    nshow = 0
    if "--show" in args:
        i = args.index("--show")
        nshow = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__)
        return 2
    gdir, odir = args
    per = defaultdict(Counter)
    shapes, decs = defaultdict(Counter), defaultdict(Counter)
    shown = Counter()
    for name in sorted(os.listdir(gdir)):
        if not name.endswith(".json"):
            continue
        lay = name.rsplit("_", 1)[0]
        cnt = Counter()
        score(gdir, odir, name, cnt, shapes[lay], decs[lay], shown, nshow)
        per[lay].update(cnt)
        per["ALL"].update(cnt)
    print("%-10s %6s %7s %7s %7s %7s" % ("layout", "found", "end ok", "ran on", "over", "short"))
    for lay in sorted(per, key=lambda x: (x == "ALL", x)):
        c = per[lay]
        bad = c["ran on"] + c["over"] + c["short"]
        print("%-10s %6d %6.1f%% %7d %7d %7d" % (lay, c["found"], 100.0 * (c["found"] - bad) / max(c["found"], 1),
                                                 c["ran on"], c["over"], c["short"]))
    for lay in sorted(shapes):
        if shapes[lay]:
            print("%s: ran on into an article opening with %s" % (
                lay, "; ".join("%s %d" % kv for kv in shapes[lay].most_common())))
        if decs[lay]:
            print("%s: its first line %s" % (lay, "; ".join("%s %d" % kv for kv in decs[lay].most_common())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
