#!/usr/bin/env python3
"""Generate a synthetic Chinese news corpus, one document per line (TSV-safe).

Words are drawn with realistic (Zipf-like) frequencies from jieba's word list
(/usr/lib/python3/dist-packages/jieba/dict.txt, Debian package python3-jieba,
MIT licence: "word frequency tag" lines) when it is installed, else from a
short built-in list.  Documents mix in what real archives contain: punctuation,
numbers with units and percentages, Latin terms (5G, ECMO, COVID-19),
full-width letters and digits, traditional characters, OCR spaces between Han
characters, line breaks, e-mail addresses and URLs.

usage: gen_corpus.py --docs N | --bytes B  [--seed S] [--min 40] [--max 600]
"""
import argparse
import bisect
import os
import random
import sys

JIEBA = "/usr/lib/python3/dist-packages/jieba/dict.txt"
BUILTIN = ("杭州 钱塘 新区 医药 医药港 项目 建设 发展 经济 企业 政府 记者 报道 会议 "
           "浙江 中国 城市 产业 创新 服务 工作 推进 重点 市场 投资 科技 人才 社区 "
           "群众 新冠 肺炎 疫情 防控 生物 制造 数字 平台 园区 合作 签约 开工 落地 "
           "的 了 是 在 和 与 也 都 就 对 为 等 一 我们 他们 这个 已经 进行 通过").split()
TRAD = "醫藥國經濟發們個這產業區會議記報導網絡電廣東學習華東醫療開發"
LATIN = ["5G", "ECMO", "COVID-19", "GDP", "AI", "iPhone", "CT", "PM2.5", "WiFi", "APP"]
PUNCT = "，，，，，。。。、；：！？“”《》（）"
UNITS = ["年", "月", "日", "亿元", "万元", "个", "家", "人", "平方米", "公里", "%"]
FULLWIDTH = ["５Ｇ", "ＥＣＭＯ", "２０２１", "ＡＩ"]


def load_words():
    words, weights = [], []
    if os.path.exists(JIEBA):
        with open(JIEBA, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and parts[1].isdigit():
                    w = parts[0]
                    if all("\u4e00" <= c <= "\u9fff" for c in w):
                        words.append(w)
                        weights.append(int(parts[1]))
    if not words:
        words = BUILTIN
        weights = [1000 // (i + 1) + 1 for i in range(len(words))]
    cum, s = [], 0
    for w in weights:
        s += w
        cum.append(s)
    return words, cum, s


def make_doc(rng, words, cum, total, n_chars):
    out, size = [], 0
    while size < n_chars:
        r = rng.random()
        if r < 0.80:
            w = words[bisect.bisect_left(cum, rng.random() * total)]
            if rng.random() < 0.01:      # traditional spelling
                w = "".join(rng.choice(TRAD) if rng.random() < 0.5 else c for c in w)
            if len(w) > 1 and rng.random() < 0.005:   # OCR space inside a word
                k = rng.randrange(1, len(w))
                w = w[:k] + " " + w[k:]
        elif r < 0.92:
            w = rng.choice(PUNCT)
        elif r < 0.96:
            n = rng.choice([str(rng.randrange(1, 3000)),
                            "%d.%d" % (rng.randrange(100), rng.randrange(10))])
            w = n + rng.choice(UNITS)
        elif r < 0.985:
            w = rng.choice(LATIN)
        elif r < 0.99:
            w = rng.choice(FULLWIDTH)
        elif r < 0.995:
            w = "\\n"                     # escaped line break (COPY text format)
        elif r < 0.997:
            w = " %s%d@example.com " % (rng.choice(["news", "info", "zhang"]), rng.randrange(99))
        elif r < 0.999:
            w = " https://www.example.cn/a/%d.html " % rng.randrange(10000)
        else:
            w = " "
        out.append(w)
        size += len(w)
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=0)
    ap.add_argument("--bytes", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--min", type=int, default=40)
    ap.add_argument("--max", type=int, default=600)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    words, cum, total = load_words()
    written, n = 0, 0
    out = sys.stdout
    while (a.docs and n < a.docs) or (a.bytes and written < a.bytes):
        d = make_doc(rng, words, cum, total, rng.randint(a.min, a.max))
        line = d.replace("\t", " ") + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
        n += 1
    print("docs=%d bytes=%d" % (n, written), file=sys.stderr)


if __name__ == "__main__":
    main()
