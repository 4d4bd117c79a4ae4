#!/usr/bin/env python3
"""Real-size issues (200-300 kB each) for bench/ingest.sh.

Each issue opens with a front matter (masthead, date, 今日N版, ...) and holds
pages of two kinds, shuffled: generated pages (PAGES_DIR, the output of
build/na_gen_issues: invented text in the seeds' layouts) and real articles
read at run time from ../shared (dev/news/*.csv: 新民晚报 and 解放日报
articles, rendered as kicker / title / subtitle / byline / body blocks under a
page heading; seeds/*.txt: whole OCR'd issues).  Nothing of ../shared is
written into the repository: the issues go to OUT_DIR only.  Without
../shared the issues are generated pages only (said on stderr).

usage: ingest_issues.py PAGES_DIR SHARED_DIR OUT_DIR COUNT [--seed S]
                        [--min-kb 200] [--max-kb 300]
"""
import argparse
import csv
import os
import random
import sys


def real_articles(shared):
    """Real articles as text blocks, and the seeds' whole issues."""
    blocks = []
    news = os.path.join(shared, "dev", "news")
    xm = os.path.join(news, "XinMin.csv")
    if os.path.exists(xm):
        with open(xm, encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f):
                lines = [r.get("special_title", "").strip(), "## " + r.get("title", "").strip(),
                         r.get("subtitle", "").strip(), "", r.get("content", "").rstrip()]
                blocks.append("\n".join(x for x in lines if x is not None))
    cn = os.path.join(news, "CNKI.csv")
    if os.path.exists(cn):
        with open(cn, encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f):
                author = r.get("Author", "").strip().strip(";").replace(";", " ")
                body = "\n\n".join(p.strip() for p in r.get("Contents", "").splitlines() if p.strip())
                blocks.append("## %s\n\n■本报记者 %s\n\n%s" % (r.get("Title", "").strip(), author, body))
    seeds = os.path.join(shared, "seeds")
    if os.path.isdir(seeds):
        for name in sorted(os.listdir(seeds)):
            if name.endswith(".txt"):
                with open(os.path.join(seeds, name), encoding="utf-8") as f:
                    blocks.append(f.read().strip())
    return [b for b in blocks if len(b) > 40]


def generated_pages(pages_dir):
    out = []
    for name in sorted(os.listdir(pages_dir)):
        with open(os.path.join(pages_dir, name), "rb") as f:
            b = f.read()
        try:
            out.append(b.decode("utf-8").strip())
        except UnicodeDecodeError:
            continue            # the generator's known bad files (bench/load.md)
    return out


def front_matter(rng, k):
    y, m, d = 2015 + k // 365 % 10, 1 + k // 28 % 12, 1 + k % 28
    return ("新区日报\n\n热线电话 8298%04d\n\n%d年%d月%d日 星期%s\n今日%d版 总第%d期\n\n"
            "主办 中共新区区委 出版 新区日报社\n\n" %
            (rng.randrange(10000), y, m, d, "一二三四五六日"[k % 7], rng.choice([8, 12, 16, 24]), 1000 + k))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pages")
    ap.add_argument("shared")
    ap.add_argument("out")
    ap.add_argument("count", type=int)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--min-kb", type=int, default=200)
    ap.add_argument("--max-kb", type=int, default=300)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    gen = generated_pages(a.pages)
    real = real_articles(a.shared)
    if not gen:
        sys.exit("no generated pages in %s" % a.pages)
    if not real:
        print("ingest_issues: %s absent: generated pages only" % a.shared, file=sys.stderr)
    os.makedirs(a.out, exist_ok=True)
    gi = 0
    for k in range(a.count):
        target = rng.randint(a.min_kb, a.max_kb) * 1000
        parts, size, page = [front_matter(rng, k)], 0, 1
        while size < target:
            if real and rng.random() < 0.5:
                block = rng.choice(real)
            else:
                block = gen[gi % len(gen)]
                gi += 1
            if rng.random() < 0.3:
                page += 1
                block = "第%d版 要闻\n\n%s" % (page, block)
            parts.append(block)
            size += len(block.encode("utf-8")) + 2
        with open(os.path.join(a.out, "issue_%05d.txt" % k), "w", encoding="utf-8") as f:
            f.write("\n\n".join(parts) + "\n")


if __name__ == "__main__":
    main()
