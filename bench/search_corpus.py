#!/usr/bin/env python3
"""Corpus of the side-by-side search benchmark (bench/search.sh), one
document per line in COPY text format.

Real text read from ../shared at run time when it is there (seg/*_raw.txt,
dev/news/*.csv, seeds/*.txt; never copied into the project), cut into
articles of 300 to 3,000 characters; generated news text (gen_corpus.py) up
to --bytes; and --long documents of 20,000 to 1,000,000 characters made of
the same text (speeches, reports, name lists are that long).

usage: search_corpus.py --bytes B --shared DIR [--seed S]
"""
import argparse
import glob
import os
import random
import subprocess
import sys


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def real_lines(shared):
    out = []
    for f in sorted(glob.glob(os.path.join(shared, "seg/*_raw.txt"))) + \
            sorted(glob.glob(os.path.join(shared, "dev/news/*.csv"))) + \
            sorted(glob.glob(os.path.join(shared, "seeds/*.txt"))):
        try:
            out.extend(l.strip() for l in open(f, encoding="utf-8-sig") if l.strip())
        except (OSError, UnicodeDecodeError):
            pass
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bytes", type=int, default=40_000_000)
    ap.add_argument("--shared", default="")
    ap.add_argument("--seed", type=int, default=12)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    written = 0
    lines = real_lines(a.shared) if a.shared else []
    pool = []
    doc = []
    size = 0
    goal = rnd.randint(300, 3000)
    for l in lines:
        doc.append(l)
        size += len(l)
        if size >= goal:
            pool.append("\n".join(doc))
            doc, size, goal = [], 0, rnd.randint(300, 3000)
    real_n = len(pool)
    long_sizes = (20000, 30000, 50000, 100000, 200000, 400000, 1000000)
    long_bytes = sum(long_sizes) * 3
    gen_bytes = max(a.bytes - sum(len(p.encode()) for p in pool) - long_bytes, 1_000_000)
    gen = subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "gen_corpus.py"),
                          "--bytes", str(gen_bytes), "--seed", str(a.seed), "--min", "200", "--max", "3000"],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    gen = [g.replace("\\n", "\n") for g in gen]
    for p in pool + gen:
        sys.stdout.write(esc(p) + "\n")
        written += len(p.encode())
    src = pool + gen
    for n in long_sizes:
        parts, size = [], 0
        while size < n:
            p = rnd.choice(src)
            parts.append(p)
            size += len(p) + 1
        sys.stdout.write(esc("\n".join(parts)[:n]) + "\n")
    print(f"corpus: {real_n} real articles, {len(gen)} generated, {len(long_sizes)} long "
          f"({min(long_sizes)}-{max(long_sizes)} characters)", file=sys.stderr)


main()
