#!/usr/bin/env python3
"""Smaller harness of bench/search.sh for the confirmation (recheck) of `&@`
on long texts (issue 12, "long docs" class).  Not part of the tests.

One corpus (bench/search_corpus.py, --bytes; its 7 long documents of
20,000-1,000,000 characters are always in it), two copies of the table that
differ only in the body's storage (PostgreSQL's default, and STORAGE
EXTERNAL as the archives store bodies), each with a GIN zh_search_ops index.
Terms are drawn as bench/search.py draws them (same seeds).  For each table
and class, every term is run --rounds times (`SELECT count(*) ... WHERE body
&@ q`, index forced) and the backend's CPU time (utime + stime of
/proc/self/stat) is taken per term, so the load of a shared machine hardly
enters it.  Prints per class: rows and candidates of the median term, CPU ms
per query median / max over the terms.
  --load      (re)build the database first (else reuse it)
  --detail    also one line per term (EXTERNAL table): its CPU ms per query,
              the candidates the index hands over (true / false, and which
              of them are long texts), and for each long text that has the
              term, the bytes before its first raw occurrence (what the
              confirmation reads at least)
"""
import argparse
import os
import statistics

import search  # bench/search.py: psql, lit, the corpus and the term draw

DB = "na_longdoc_bench"


def psql(sql):
    return search.psql(sql, db=DB)


def load(a):
    search.load_docs(a, ["news_archive"], db=DB)
    for t, storage in (("t_default", ""), ("t_external", "ALTER COLUMN body SET STORAGE EXTERNAL")):
        psql(f"CREATE TABLE {t} (id int PRIMARY KEY, body text NOT NULL)" +
             (f"; ALTER TABLE {t} {storage}" if storage else "") +
             f"; INSERT INTO {t} SELECT id, body FROM docs ORDER BY id"
             f"; CREATE INDEX ON {t} USING gin (body news_archive.zh_search_ops); VACUUM ANALYZE {t}")


def sample_terms(n):
    """As bench/search.py's sample_terms (same seeds), three classes."""
    return {"3-4 chars": search.subs(3, 4, n, db=DB)[:n], "5-8 chars": search.subs(5, 8, n, db=DB)[:n],
            "long docs >16383": long_terms(n)}


def long_terms(n):
    """3-8 characters from random places beyond character 16,383 of the long
    documents (several per document: there are only 7)."""
    return psql(f"""SELECT setseed(0.38); SELECT s FROM (
        SELECT DISTINCT ON (s) s, r FROM (
            SELECT substr(norm, 16384 + (random() * (length(norm) - 16400))::int,
                          3 + (random() * 5)::int) s, random() r
            FROM docs, generate_series(1, {n}) WHERE length(body) >= 20000) x
        WHERE s ~ '^[一-鿿]+$' ORDER BY s) y ORDER BY r LIMIT {n}""").split()


CPU = ("(split_part(pg_read_file('/proc/self/stat'), ' ', 14)::bigint"
       " + split_part(pg_read_file('/proc/self/stat'), ' ', 15)::bigint)")


def cpu_per_term(table, terms, rounds):
    """CPU ms per query of each term, in one session."""
    lines = ["SET enable_seqscan = off; SET max_parallel_workers_per_gather = 0; SET jit = off;"]
    for q in terms:  # warm-up
        lines.append(f"SELECT count(*) FROM {table} WHERE body OPERATOR(news_archive.&@) {search.lit(q)} \\g /dev/null")
    for q in terms:
        lines.append(f"SELECT {CPU} AS t0 \\gset")
        lines += [f"SELECT count(*) FROM {table} WHERE body OPERATOR(news_archive.&@) {search.lit(q)} \\g /dev/null"] * rounds
        lines.append(f"SELECT ({CPU} - :t0) * 1000.0 / {os.sysconf('SC_CLK_TCK')} / {rounds};")
    out = psql("\n".join(lines))
    return [float(x) for x in out.split()]


def counts(table, q):
    """(rows, candidates the index hands over, long candidates)."""
    plan = psql(f"SET enable_seqscan = off; EXPLAIN (ANALYZE, TIMING off, COSTS off) SELECT id FROM {table}"
                f" WHERE body OPERATOR(news_archive.&@) {search.lit(q)}")
    rows = removed = 0
    for l in plan.splitlines():
        if "Bitmap Heap Scan" in l and "rows=" in l:
            rows = int(l.split("rows=")[1].split()[0])
        if "Rows Removed by Index Recheck" in l:
            removed = int(l.split(":")[1])
    return rows, rows + removed


def detail(table, cls, terms, ms):
    """Where a term's time goes: candidates and how deep its long hits lie."""
    for q, t in zip(terms, ms):
        rows = psql(f"""SET enable_seqscan = off; SELECT length(body) >= 20000, body OPERATOR(news_archive.&@) {search.lit(q)},
                octet_length(body), octet_length(split_part(body, {search.lit(q)}, 1))
            FROM {table} WHERE body OPERATOR(news_archive.&@?) {search.lit(q)}""").splitlines()
        cand = [r.split("\t") for r in rows]
        true_ = sum(c[1] == "t" for c in cand)
        long_ = [c for c in cand if c[0] == "t"]
        hits = ", ".join(f"{int(c[3]) / 1e6:.2f}/{int(c[2]) / 1e6:.2f} MB" if c[1] == "t" else
                         f"false {int(c[2]) / 1e6:.2f} MB" for c in long_)
        print(f"  {cls:17} {q:10} CPU ms {t:6.2f}  candidates {len(cand):4} (true {true_}, false {len(cand) - true_})"
              f"  long texts: {hits or '-'}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=os.path.join(os.path.dirname(__file__), ".."))
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "../../shared"))
    ap.add_argument("--bytes", type=int, default=12000000)
    ap.add_argument("--terms", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=50)
    ap.add_argument("--load", action="store_true")
    ap.add_argument("--detail", action="store_true")
    a = ap.parse_args()
    if a.load:
        load(a)
    print(psql("SELECT format('corpus: %s documents, %s MB, %s over 20,000 characters', count(*), "
               "round(sum(octet_length(body)) / 1e6, 1), count(*) FILTER (WHERE length(body) >= 20000)) FROM docs"))
    classes = sample_terms(a.terms)
    print("load before:", open("/proc/loadavg").read().split()[:3])
    for table in ("t_default", "t_external"):
        for cls, terms in classes.items():
            ms = cpu_per_term(table, terms, a.rounds)
            rc = sorted(counts(table, q) for q in terms)
            mid = rc[len(rc) // 2]
            print(f"{table:10} {cls:17} terms {len(terms):2}  rows/candidates (median term) {mid[0]}/{mid[1]}"
                  f"  CPU ms/query median {statistics.median(ms):.3f} max {max(ms):.3f} mean {statistics.mean(ms):.3f}")
            if a.detail and table == "t_external":
                detail(table, cls, terms, ms)
    print("load after:", open("/proc/loadavg").read().split()[:3])


main()
