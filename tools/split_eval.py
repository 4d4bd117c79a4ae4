#!/usr/bin/env python3
"""Boundary metrics of a split against rendered gold, per layout.

usage: split_eval.py GOLD_DIR OUT_DIR [--min-f1 P] [--min-end P] [--min-title P]
                    [--min-ad P] [--max-ad-leak P] [--min-list P] [--min-byline P]
                    [--min-report P] [--min-signed P] [--min-after-signed P]
                    [--min-photo P] [--min-poem P] [--min-stack-title P] [--show N]
                    [--by-source]

GOLD_DIR holds LAYOUT_NNN.json gold files (tools/split_render.py), OUT_DIR
the splitter's NAME.json output (build/na_split).  An article is found when
an output row's body opens with the article's first words (a dateline left
in front of them is allowed), or its dateline, byline and body, read in
that order, do (issue #11's reading: the gold's first words of an article
whose dateline opens its first paragraph include that dateline, which a
right split takes out of the body); each row is used once.  Per layout it prints
recall (articles found), precision (found / rows, photo rows not counted),
boundary F1, body ends right and titles right (both of the found articles),
and rows that swallowed another article's first words.  Adverts and
notices (gold "adverts"): found when a row of kind advert or notice opens
with their first words; leaked when their last words sit in an article's
body.  Lists (gold source "lists", split_render.py --lists): a line per
layout of the lists found, their bodies ended right and their titles;
--min-list bars the lists found whole (found with the right body end, of
all lists).  Reports (gold source "reports", split_render.py --reports):
the same line of the long reports and speeches, --min-report the same bar.
Documents and letters with a signature block (gold "signed", --signatures)
and the articles right after them: the same lines, --min-signed and
--min-after-signed their bars.  Photo news items with a headline (gold
source "photos", split_render.py --photos) and poems (gold source "poems",
--poems): the same line, --min-photo and --min-poem the same bar.  Headline stacks
(the gold names a kicker or a subtitle besides the title): the same line,
--min-stack-title bars their titles right (of those found).  Rows of kind
advert/notice are not counted as article rows.  With --min-*, one
"N passed, N failed" line checks every layout against the bars.  --show N
prints up to N errors of each sort (missed, extra row, wrong end, wrong
title) with the lines' text, to find out what fails.  --by-source adds the
same line per article source (gold "source": a paper, the sentence corpora,
the pages), to tell real articles from the corpora's chunks.
"""
import json, os, re, sys
from collections import defaultdict


def norm(s):
    return re.sub(r"[\s#\u3000]+", "", str(s or ""))


def untag(t):
    return re.sub(r"（[^（）]{1,14}）$", "", norm(t))


def stacked(g):
    """a headline stack: the gold names a kicker or a subtitle besides the title"""
    return any(g.get(f) not in (None, "", "*") for f in ("kicker", "subtitle"))


SHOW = {"n": 0, "seen": defaultdict(int)}
BY_SOURCE = {"on": False}


def show(what, name, text):
    if SHOW["seen"][what] < SHOW["n"]:
        SHOW["seen"][what] += 1
        print("  [%s] %s: %s" % (what, name, text))


def score(gold, out, name=""):
    rows = [a for a in out.get("articles", []) if a.get("kind") not in ("photo", "advert", "notice")]
    ad_rows = [a for a in out.get("articles", []) if a.get("kind") in ("advert", "notice")]
    bodies = [norm(a.get("body")) for a in rows]
    # what a row opens with: its dateline, byline and body, in print order
    heads = [norm(a.get("dateline")) + norm(a.get("byline")) + b for a, b in zip(rows, bodies)]
    used = set()
    c = defaultdict(int)
    starts = [norm(g["body_starts"]) for g in gold["articles"]]
    for k, (g, bs) in enumerate(zip(gold["articles"], starts)):
        c["gold"] += 1
        idx = next((i for i, (b, h) in enumerate(zip(bodies, heads))
                    if i not in used and (bs in b[:len(bs) + 40] or h.startswith(bs))), None)
        groups = [p for p, on in (("l_", g.get("source") == "lists"), ("r_", g.get("source") == "reports"),
                                  ("f_", g.get("source") == "photos"), ("v_", g.get("source") == "poems"),
                                  ("s_", g.get("signed")), ("n_", k and gold["articles"][k - 1].get("signed")),
                                  ("k_", stacked(g)))
                  if on]
        if BY_SOURCE["on"]:
            groups.append("src:%s:" % g.get("source"))
        for p in groups:
            c[p + "gold"] += 1
        if idx is None:
            show("missed", name, "%s | %s" % (g.get("title"), bs))
            continue
        used.add(idx)
        c["found"] += 1
        end_ok = norm(g["body_ends"]) in bodies[idx][-60:]
        c["end"] += int(end_ok)
        if not end_ok:
            show("end", name, "want ..%s got ..%s" % (norm(g["body_ends"]), bodies[idx][-40:]))
        if g.get("byline"):
            # the byline as printed (■ □ ◆ and gaps aside), of the found articles that have one
            by_ok = norm(g["byline"]).lstrip("■□◆") == norm(rows[idx].get("byline")).lstrip("■□◆")
            c["by_gold"] += 1
            c["by_ok"] += int(by_ok)
            if not by_ok:
                show("byline", name, "want %s got %s (subtitle %s)" % (g["byline"], rows[idx].get("byline"),
                                                                     rows[idx].get("subtitle")))
        title_ok = untag(g.get("title")) == untag(rows[idx].get("title"))
        c["title"] += int(title_ok)
        for p in groups:
            c[p + "found"] += 1
            c[p + "end"] += int(end_ok)
            c[p + "title"] += int(title_ok)
        if not title_ok:
            show("title", name, "want %s got %s (kicker %s)" % (g.get("title"), rows[idx].get("title"),
                                                               rows[idx].get("kicker")))
    c["rows"] = len(rows)
    ad_used = set()
    for ad in gold.get("adverts", []):
        c["ads"] += 1
        st = norm(ad["starts"])
        idx = next((i for i, a in enumerate(ad_rows) if i not in ad_used and norm(a.get("body")).startswith(st)),
                   None)
        if idx is not None:
            ad_used.add(idx)
            c["ad_found"] += 1
            c["ad_kind"] += int(ad_rows[idx].get("kind") == ad["kind"])
        else:
            show("ad missed", name, "%s .. %s" % (ad["starts"], ad["ends"]))
        leak = [b for b in bodies if norm(ad["ends"]) in b]
        c["ad_leak"] += int(bool(leak))
        if leak:
            show("ad leaked", name, "%s in %s" % (ad["ends"], leak[0][:40]))
    c["ad_rows"] += len(ad_rows)
    for i, a in enumerate(rows):
        if i not in used:
            show("extra", name, "%s | %s" % (a.get("title"), bodies[i][:50]))
    for b in bodies:
        c["swallow"] += int(sum(1 for s in starts if s and s in b[40:]) > 0)
    return c


# the lines of article groups: lists, reports, documents and letters that
# close with a signature block (split_render.py --signatures), photo news
# items with a headline (split_render.py --photos), poems (--poems), and the
# articles right after those (whose headline a signature must not take)
GROUPS = [("l_", "lists"), ("r_", "reports"), ("f_", "photo news"), ("v_", "poems"), ("s_", "signed"), ("n_", "after signed"),
          ("k_", "headline stacks")]


def pct(a, b):
    return 100.0 * a / b if b else 0.0


def main():
    args = [a for a in sys.argv[1:]]
    bars = {}
    if "--by-source" in args:
        args.remove("--by-source")
        BY_SOURCE["on"] = True
    if "--show" in args:
        i = args.index("--show")
        SHOW["n"] = int(args[i + 1])
        del args[i:i + 2]
    for k in ("--min-f1", "--min-end", "--min-title", "--min-ad", "--max-ad-leak", "--min-list", "--min-byline",
              "--min-report", "--min-signed", "--min-after-signed", "--min-photo", "--min-poem",
              "--min-stack-title"):
        while k in args:  # given twice, the last one counts
            i = args.index(k)
            bars[k] = float(args[i + 1])
            del args[i:i + 2]
    if len(args) != 2:
        print(__doc__)
        return 2
    gdir, odir = args
    per = defaultdict(lambda: defaultdict(int))
    for name in sorted(os.listdir(gdir)):
        if not name.endswith(".json"):
            continue
        lay = name.rsplit("_", 1)[0]
        gold = json.load(open(os.path.join(gdir, name), encoding="utf-8"))
        path = os.path.join(odir, name)
        out = json.load(open(path, encoding="utf-8")) if os.path.exists(path) else {}
        for k, v in score(gold, out, name).items():
            per[lay][k] += v
            per["ALL"][k] += v
    passed = failed = 0
    print("%-10s %6s %6s %7s %7s %7s %7s %6s" % ("layout", "gold", "rows", "recall", "prec", "F1", "end", "title"))
    for lay in sorted(per, key=lambda x: (x == "ALL", x)):
        c = per[lay]
        r, p = pct(c["found"], c["gold"]), pct(c["found"], c["rows"])
        f1 = 2 * r * p / (r + p) if r + p else 0.0
        e, t = pct(c["end"], c["found"]), pct(c["title"], c["found"])
        print("%-10s %6d %6d %6.1f%% %6.1f%% %6.1f%% %6.1f%% %5.1f%%  swallowed %d" %
              (lay, c["gold"], c["rows"], r, p, f1, e, t, c["swallow"]))
        if c["ads"]:
            print("%-10s adverts/notices %d: found %.1f%% (kind right %.1f%%), %d advert rows, "
                  "inside an article %d" % ("", c["ads"], pct(c["ad_found"], c["ads"]),
                                            pct(c["ad_kind"], c["ad_found"]), c["ad_rows"], c["ad_leak"]))
        if c["by_gold"]:
            print("%-10s bylines %d: right %.1f%%" % ("", c["by_gold"], pct(c["by_ok"], c["by_gold"])))
        srcs = sorted(set(k[:k.rindex(":") + 1] for k in c if k.startswith("src:")))
        for p, what in GROUPS + [(x, "source " + x[4:-1]) for x in srcs]:
            if c[p + "gold"]:
                print("%-10s %s %d: found %.1f%%, body ends right %.1f%%, titles right %.1f%%" % (
                    "", what, c[p + "gold"], pct(c[p + "found"], c[p + "gold"]), pct(c[p + "end"], c[p + "found"]),
                    pct(c[p + "title"], c[p + "found"])))
        if lay == "ALL" or not bars:
            continue
        checks = [("--min-f1", f1), ("--min-end", e), ("--min-title", t)]
        # a group's bar: its articles found whole (found, body ended right) of all
        checks += [(bar, pct(c[p + "end"], c[p + "gold"])) for p, bar in
                   (("l_", "--min-list"), ("r_", "--min-report"), ("f_", "--min-photo"), ("v_", "--min-poem"),
                    ("s_", "--min-signed"),
                    ("n_", "--min-after-signed"))
                   if c[p + "gold"]]
        if c["k_found"]:
            checks.append(("--min-stack-title", pct(c["k_title"], c["k_found"])))
        if c["by_gold"]:
            checks.append(("--min-byline", pct(c["by_ok"], c["by_gold"])))
        if c["ads"]:
            checks.append(("--min-ad", pct(c["ad_found"], c["ads"])))
            checks.append(("--max-ad-leak", -pct(c["ad_leak"], c["ads"])))
        for k, v in checks:
            if k in bars:
                bar = -bars[k] if k.startswith("--max") else bars[k]
                if v >= bar:
                    passed += 1
                else:
                    failed += 1
                    print("  not within bar: %s %s %.1f%% (bar %.1f%%)" % (lay, k[2:], abs(v), bars[k]))
    if bars:
        print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
