#!/usr/bin/env python3
"""Driver of bench/search.sh: one corpus, five ways to search it exactly,
measured in one run.  Methods (each on its own copy of the table, so the
planner cannot pick another's index):
  zh_search   news_archive's GIN zh_search_ops on the text, body &@ q
  pg_bigm     GIN gin_bigm_ops, body LIKE '%q%'
  pgroonga    PGroonga's index, body &@ q (PGroonga's operator)
  zh_tsv_expr GIN on news_archive.zh_tsvector(body), @@ zh_query(q)
  zh_tsv_col  stored tsvector column (the 0.1 archive's way), @@ zh_query(q)
Latency: planning + execution time of EXPLAIN ANALYZE SELECT id ..., index
forced (enable_seqscan off), no parallel workers, JIT off, each query run
--reps times in one session after a warm-up.  Exactness: each method's rows
against zh_normalize(body) LIKE '%'||zh_normalize(q)||'%' and raw LIKE.
Top 20 by rank for a term in about half the documents: each method's ORDER
BY ... LIMIT 20, plus zh_top (news_archive's top-N path: a zh_rank_ops index
added to t_zh_search), wall (planning + execution) and the backend's CPU
time (utime + stime from /proc/self/stat, in 10 ms ticks summed over the
runs: steadier than wall when the machine is shared).  --top-only skips the
per-class latencies and the tsvector methods (for a 100 MB run)."""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time

DB = "na_search_bench"


def psql(sql, db=DB, inp=None):
    if sql is not None and inp is None:
        inp, sql = sql + ";\n", None
    r = subprocess.run(["psql", "-X", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-q", "-d", db] +
                       (["-c", sql] if sql is not None else []),
                       input=inp, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("psql failed: " + r.stderr[-2000:])
    return r.stdout


def timed(sql):
    t = time.time()
    psql(sql)
    return time.time() - t


def lit(s):
    return "'" + s.replace("'", "''") + "'"


METHODS = [
    ("zh_search", "CREATE INDEX ON t_zh_search USING zh_gin (body news_archive.zh_search_ops)",
     "body OPERATOR(news_archive.&@) {q}",
     "ORDER BY news_archive.zh_rank(NULL, body, {q}) DESC"),
    ("pg_bigm", "CREATE INDEX ON t_pg_bigm USING gin (body gin_bigm_ops)",
     "body LIKE {like}", "ORDER BY bigm_similarity(body, {q}) DESC"),
    ("pgroonga", "CREATE INDEX ON t_pgroonga USING pgroonga (body)",
     "body OPERATOR({grn}.&@) {q}", "ORDER BY pgroonga_score(tableoid, ctid) DESC"),
    ("zh_tsv_expr", "CREATE INDEX ON t_zh_tsv_expr USING gin (news_archive.zh_tsvector(body))",
     "news_archive.zh_tsvector(body) @@ news_archive.zh_query({q})",
     "ORDER BY ts_rank(news_archive.zh_tsvector(body), news_archive.zh_query({q})) DESC"),
    ("zh_tsv_col", "CREATE INDEX ON t_zh_tsv_col USING gin (tsv)",
     "tsv @@ news_archive.zh_query({q})", "ORDER BY ts_rank(tsv, news_archive.zh_query({q})) DESC"),
]


def methods(a):
    return [m for m in METHODS if not (a.top_only and m[0].startswith("zh_tsv"))]


def cond(tmpl, q, grn):
    return tmpl.format(q=lit(q), like=lit("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"),
                       grn=grn)


def load_docs(a, extensions, db=DB):
    """A new database db with the extensions and the corpus in table docs
    (body, and norm = its normalised text); bench/search_long.py uses it too."""
    psql("DROP DATABASE IF EXISTS " + db, db="postgres")
    psql("CREATE DATABASE " + db, db="postgres")
    psql("".join(f"CREATE EXTENSION {e}; " for e in extensions) +
         "CREATE TABLE docs (id int PRIMARY KEY, body text NOT NULL)", db=db)
    gen = subprocess.run([sys.executable, os.path.join(a.root, "bench/search_corpus.py"), "--bytes", str(a.bytes),
                          "--shared", a.shared if os.path.isdir(a.shared) else ""],
                         capture_output=True, text=True, check=True)
    print(gen.stderr.strip())
    rows = "".join(f"{i + 1}\t{l}\n" for i, l in enumerate(gen.stdout.splitlines()))
    psql("COPY docs (id, body) FROM STDIN", db=db, inp=rows)
    psql("ALTER TABLE docs ADD COLUMN norm text", db=db)
    psql("UPDATE docs SET norm = news_archive.zh_normalize(body)", db=db)
    psql("VACUUM ANALYZE docs", db=db)


def load(a):
    load_docs(a, ["news_archive", "pg_bigm", "pgroonga"])
    print(psql("SELECT format('corpus: %s documents, %s MB of text, longest %s characters; base table %s MiB', count(*), "
               "round(sum(octet_length(body)) / 1e6, 1), max(length(body)), "
               "round(pg_table_size('docs') / 1048576.0, 1)) FROM docs").strip())


def build(a, grn):
    sizes = {}
    base = None
    for name, ddl, _, _ in methods(a):
        extra = ", tsv tsvector GENERATED ALWAYS AS (news_archive.zh_tsvector(body)) STORED" if name == "zh_tsv_col" else ""
        # every method's body stored as the archives store it: uncompressed,
        # out of line (bench/body_storage.sh); the same for all, so fair
        psql(f"CREATE TABLE t_{name} (id int PRIMARY KEY, body text NOT NULL{extra}); "
             f"ALTER TABLE t_{name} ALTER COLUMN body SET STORAGE EXTERNAL")
        # a tsvector holds at most 1 MB: the longest documents cannot be
        # indexed that way at all (their rows count as missed)
        skip = " WHERE octet_length(body) < 100000" if name.startswith("zh_tsv") else ""
        tl = timed(f"SET max_parallel_workers_per_gather = 0; INSERT INTO t_{name} SELECT id, body FROM docs{skip}")
        if skip:
            tl += timed(f"""DO $$ DECLARE r record; BEGIN
                FOR r IN SELECT id, body FROM docs WHERE octet_length(body) >= 100000 LOOP
                  BEGIN PERFORM news_archive.zh_tsvector(r.body);
                    INSERT INTO t_{name} (id, body) VALUES (r.id, r.body);
                  EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'row %: %', r.id, SQLERRM; END;
                END LOOP; END $$""")
        psql(f"VACUUM t_{name}")
        ti = timed(f"SET maintenance_work_mem = '512MB'; SET max_parallel_maintenance_workers = 0; {ddl}")
        psql(f"VACUUM ANALYZE t_{name}")
        isz, tsz = psql(f"SELECT pg_indexes_size('t_{name}') - pg_relation_size('t_{name}_pkey'), pg_table_size('t_{name}')").split()
        if name == "pgroonga":
            # PGroonga keeps its index in its own files (pgrn*) in the database directory
            isz = psql("SELECT sum((pg_stat_file(d || '/' || f)).size) FROM (SELECT 'base/' || oid AS d FROM pg_database "
                       "WHERE datname = current_database()) x, pg_ls_dir(d) f WHERE f LIKE 'pgrn%'").strip()
        if base is None:
            base = int(tsz)
        sizes[name] = (int(isz), int(tsz) - base, tl, ti)
    return sizes


def subs(lo, hi, cnt, where="length(body) < 20000", start=1, db=DB):
    """Up to cnt * 20 distinct Han substrings of lo-hi characters from random
    places (from character start on) of documents matching where; seeded."""
    return psql(f"""SELECT setseed(0.{lo}{hi}{cnt}); SELECT DISTINCT s FROM (
        SELECT substr(norm, {start} + (random() * greatest(length(norm) - {start} - l, 1))::int, l) s
        FROM (SELECT norm, {lo} + (random() * {hi - lo})::int l FROM docs
              WHERE {where} ORDER BY random() LIMIT {cnt * 40}) x) y
        WHERE s ~ '^[一-鿿]+$' LIMIT {cnt * 20}""", db=db).split()


def sample_terms(a):
    """Terms per class, from random positions (so frequent terms come often)."""
    classes = {}
    n = a.terms
    psql("SELECT setseed(0.12)")
    maxid = int(psql("SELECT max(id) FROM docs WHERE length(body) < 20000"))
    classes["1 char"] = subs(1, 1, n)[:n]
    classes["2 chars"] = subs(2, 2, n)[:n]
    classes["3-4 chars"] = subs(3, 4, n)[:n]
    classes["5-8 chars"] = subs(5, 8, n)[:n]
    classes["phrase 9-16"] = subs(9, 16, n)[:n]
    # rare: 3-4 character substrings found in at most 3 documents
    rare = []
    for s in subs(3, 4, n * 4):
        c = int(psql(f"SELECT count(*) FROM docs WHERE strpos(norm, {lit(s)}) > 0"))
        if c <= 3:
            rare.append(s)
        if len(rare) == n:
            break
    classes["rare 3-4"] = rare
    classes["long docs >16383"] = subs(3, 8, n, where="length(body) >= 20000", start=16384)[:n]
    return classes


def latencies(a, table, where_tmpl, terms, grn):
    """wall ms (planning + execution) of each run, and the backend's mean CPU
    ms per run (10 ms ticks summed over all runs)"""
    lines = ["SET enable_seqscan = off; SET max_parallel_workers_per_gather = 0; SET jit = off;", CPU_FN,
             f"SELECT id FROM {table} WHERE {cond(where_tmpl, terms[-1], grn)};", "SELECT 'cpu:' || pg_temp.cpu();"]
    for _ in range(a.reps):
        for q in terms:
            lines.append(f"EXPLAIN (ANALYZE, FORMAT JSON) SELECT id FROM {table} WHERE {cond(where_tmpl, q, grn)};")
    lines.append("SELECT 'cpu:' || pg_temp.cpu();")
    out = psql(None, inp="\n".join(lines) + "\n")
    dec = json.JSONDecoder()
    res = []
    for m in re.finditer(r"^\[", out, re.M):
        j = dec.raw_decode(out[m.start():])[0][0]
        res.append(j["Planning Time"] + j["Execution Time"])
    cpu = [int(x) for x in re.findall(r"^cpu:(\d+)", out, re.M)]
    return res, (cpu[1] - cpu[0]) * 10.0 / len(res)


def p95(x):
    x = sorted(x)
    return x[min(len(x) - 1, int(round(0.95 * (len(x) - 1))))]


def exactness(table, where_tmpl, terms, grn):
    """(terms whose rows equal the normalised truth, rows missed against raw LIKE, rows)"""
    ok = missed = rows = 0
    for q in terms:
        r = psql(f"""SET enable_seqscan = off;
            WITH got AS (SELECT id FROM {table} WHERE {cond(where_tmpl, q, grn)}),
                 truth AS (SELECT id FROM docs WHERE strpos(norm, news_archive.zh_normalize({lit(q)})) > 0),
                 raw AS (SELECT id FROM docs WHERE strpos(body, {lit(q)}) > 0)
            SELECT (SELECT count(*) FROM got), (SELECT count(*) FROM (SELECT id FROM got EXCEPT SELECT id FROM truth) x)
                 + (SELECT count(*) FROM (SELECT id FROM truth EXCEPT SELECT id FROM got) x),
                   (SELECT count(*) FROM (SELECT id FROM raw EXCEPT SELECT id FROM got) x)""").split()
        rows += int(r[0])
        ok += int(r[1]) == 0
        missed += int(r[2])
    return ok, missed, rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root")
    ap.add_argument("--shared")
    ap.add_argument("--bytes", type=int)
    ap.add_argument("--terms", type=int)
    ap.add_argument("--reps", type=int)
    ap.add_argument("--top-only", action="store_true")
    a = ap.parse_args()
    load(a)
    grn = psql("SELECT nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE extname = 'pgroonga'").strip()
    sizes = build(a, grn)
    print("\n| method | index MiB | extra table MiB | fill s | index build s |\n|---|---|---|---|---|")
    for name, _, _, _ in methods(a):
        i, t, tl, ti = sizes[name]
        print(f"| {name} | {i / 1048576:.1f} | {t / 1048576:.1f} | {tl:.1f} | {ti:.1f} |")
    if not a.top_only:
        classes_report(a, grn)
    top20(a, grn)
    psql("DROP DATABASE " + DB, db="postgres")


def classes_report(a, grn):
    classes = sample_terms(a)
    print("\nterms: " + "; ".join(f"{c}: {' '.join(t)}" for c, t in classes.items()))
    print("\nmedian / p95 ms (planning + execution), [mean backend CPU ms per run], then exactness: terms with exactly the normalised-LIKE rows "
          "/ terms, rows missed against raw LIKE")
    print("\n| class | docs (median) | " + " | ".join(m[0] for m in METHODS) + " |")
    print("|---|---|" + "---|" * len(METHODS))
    exact = {m[0]: [0, 0, 0] for m in METHODS}
    for c, terms in classes.items():
        if not terms:
            continue
        docs = statistics.median(int(psql(f"SELECT count(*) FROM docs WHERE strpos(norm, {lit(q)}) > 0")) for q in terms)
        cells = []
        for name, _, where, _ in METHODS:
            lat, cpu = latencies(a, "t_" + name, where, terms, grn)
            ok, missed, _ = exactness("t_" + name, where, terms, grn)
            exact[name][0] += ok
            exact[name][1] += len(terms)
            exact[name][2] += missed
            cells.append(f"{statistics.median(lat):.2f} / {p95(lat):.1f} [{cpu:.2f}] ({ok}/{len(terms)}, {missed})")
        print(f"| {c} | {docs:.0f} | " + " | ".join(cells) + " |")
    print("\nexact over all classes: " + ", ".join(f"{n} {v[0]}/{v[1]} terms, {v[2]} raw-LIKE rows missed" for n, v in exact.items()))


CPU_FN = ("CREATE FUNCTION pg_temp.cpu() RETURNS bigint LANGUAGE sql AS $$ SELECT split_part(s, ' ', 12)::bigint "
          "+ split_part(s, ' ', 13)::bigint FROM (SELECT split_part(pg_read_file('/proc/self/stat'), ') ', 2) s) x $$;")


def top20_run(a, sql):
    """median / p95 wall ms (planning + execution) and CPU ms per query"""
    runs = a.reps * 3
    lines = ["SET max_parallel_workers_per_gather = 0; SET jit = off;", CPU_FN, sql + ";",
             "SELECT 'cpu:' || pg_temp.cpu();"] + [f"EXPLAIN (ANALYZE, FORMAT JSON) {sql};"] * runs + \
            ["SELECT 'cpu:' || pg_temp.cpu();"]
    out = psql(None, inp="\n".join(lines) + "\n")
    dec = json.JSONDecoder()
    lat = [dec.raw_decode(out[m.start():])[0][0] for m in re.finditer(r"^\[", out, re.M)]
    lat = [j["Planning Time"] + j["Execution Time"] for j in lat]
    cpu = [int(x) for x in re.findall(r"^cpu:(\d+)", out, re.M)]
    return statistics.median(lat), p95(lat), (cpu[1] - cpu[0]) * 10.0 / runs


def top20(a, grn):
    """top 20 by rank for a term in about half of the documents"""
    total = int(psql("SELECT count(*) FROM docs"))
    best = None
    for q in ["的", "在", "是", "和", "了", "年", "中", "国", "人", "发展", "经济", "工作", "一"]:
        c = int(psql(f"SELECT count(*) FROM docs WHERE strpos(norm, {lit(q)}) > 0"))
        if best is None or abs(c - total / 2) < abs(best[1] - total / 2):
            best = (q, c)
    q = best[0]
    # zh_top needs the optional frequency-level index beside zh_search_ops
    ti = timed("SET maintenance_work_mem = '512MB'; SET max_parallel_maintenance_workers = 0; "
               "CREATE INDEX t_zh_search_rank ON t_zh_search USING zh_gin (body news_archive.zh_rank_ops)")
    psql("VACUUM ANALYZE t_zh_search")
    rsz = int(psql("SELECT pg_relation_size('t_zh_search_rank')"))
    print(f"\nzh_rank_ops index on t_zh_search (for zh_top): {rsz / 1048576:.1f} MiB, built in {ti:.1f} s")
    print(f"\ntop 20 by rank, term {q!r} in {best[1]} of {total} documents: median / p95 wall ms of {a.reps * 3} runs, "
          "backend CPU ms per query")
    print("\n| method | wall median / p95 | CPU per query |\n|---|---|---|")
    res = {}
    tops = [(name, f"SELECT id FROM t_{name} WHERE {cond(where, q, grn)} {order.format(q=lit(q))} LIMIT 20")
            for name, _, where, order in methods(a)]
    tops.append(("zh_top", f"SELECT row_id FROM news_archive.zh_top('t_zh_search', 'body', {lit(q)}, 20)"))
    for name, sql in tops:
        res[name] = top20_run(a, sql)
        print(f"| {name} | {res[name][0]:.1f} / {res[name][1]:.1f} | {res[name][2]:.1f} |")
    same = psql(f"""SELECT (SELECT array_agg(r ORDER BY r DESC) FROM (SELECT news_archive.zh_rank(NULL, body, {lit(q)}) r
                    FROM t_zh_search WHERE body OPERATOR(news_archive.&@) {lit(q)} ORDER BY 1 DESC LIMIT 20) x)
                 = (SELECT array_agg(rank ORDER BY rank DESC) FROM news_archive.zh_top('t_zh_search', 'body', {lit(q)}, 20))""")
    print(f"\nzh_top gives the plain zh_search top 20's scores: {same.strip() == 't'}")
    g = res["pgroonga"]
    print("ratios to pgroonga (wall median, CPU): " +
          ", ".join(f"{n} {v[0] / g[0]:.2f}x, {v[2] / g[2]:.2f}x" if g[2] else f"{n} {v[0] / g[0]:.2f}x"
                    for n, v in res.items() if n != "pgroonga"))


if __name__ == "__main__":
    main()
