#!/usr/bin/env bash
# Chinese full-text search benchmark (issue 4, bar 4).  Not part of the tests.
# Needs a running cluster (PGHOST/PGPORT, e.g. after sourcing scripts/common.sh
# and na_cluster_start) with news_archive installed, and pg_trgm (contrib, in
# the server install).  BENCH_BYTES: corpus size (default 100 MB); BENCH_REPS:
# repetitions of each throughput measurement (medians are reported);
# BENCH_QUERIES: queries per kind.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BYTES=${BENCH_BYTES:-100000000}
REPS=${BENCH_REPS:-3}
NQ=${BENCH_QUERIES:-25}
DB=na_bench
psql -Xq -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
export PGDATABASE=$DB
P() { psql -X -v ON_ERROR_STOP=1 -q "$@"; }
P -c "CREATE EXTENSION news_archive" -c "CREATE EXTENSION pg_trgm" \
  -c "CREATE TABLE docs (id serial PRIMARY KEY, body text NOT NULL)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$ROOT/bench/gen_corpus.py" --bytes "$BYTES" --seed 7 --min 200 --max 3000 | P -c "COPY docs (body) FROM STDIN"
P -c "VACUUM ANALYZE docs"
MB=$(P -At -c "SELECT sum(octet_length(body)) / 1e6 FROM docs")
P -At -c "SELECT format('corpus: %s docs, %s MB of text, table %s', count(*), round(sum(octet_length(body)) / 1e6, 1), pg_size_pretty(pg_table_size('docs'))) FROM docs"
# wall time of a statement, seconds
t() { local s e; s=$(date +%s.%N); P -c "$1" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
med() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
P -c "SELECT count(*) FROM docs" >/dev/null
ts=() tc=() tz=()
for r in $(seq "$REPS"); do
  # alternate, so all three see the same share of the machine
  ts+=("$(t "SET max_parallel_workers_per_gather = 0; SELECT sum(length(to_tsvector('simple', body))) FROM docs")")
  tc+=("$(t "SET max_parallel_workers_per_gather = 0; SELECT sum(length(to_tsvector('chinese', body))) FROM docs")")
  tz+=("$(t "SET max_parallel_workers_per_gather = 0; SELECT sum(length(news_archive.zh_tsvector(body))) FROM docs")")
done
ms=$(med "${ts[@]}") mc=$(med "${tc[@]}") mz=$(med "${tz[@]}")
echo "to_tsvector simple:  runs ${ts[*]} s, median ${ms}s = $(echo "scale=1; $MB / $ms" | bc) MB/s"
echo "to_tsvector chinese: runs ${tc[*]} s, median ${mc}s = $(echo "scale=1; $MB / $mc" | bc) MB/s"
echo "zh_tsvector:         runs ${tz[*]} s, median ${mz}s = $(echo "scale=1; $MB / $mz" | bc) MB/s"
echo "throughput ratio to simple: to_tsvector('chinese') $(echo "scale=3; $ms / $mc" | bc), zh_tsvector $(echo "scale=3; $ms / $mz" | bc)"
P -At -c "SELECT format('identical to to_tsvector(''chinese''): %s of %s documents', count(*) FILTER (WHERE news_archive.zh_tsvector(body) = to_tsvector('chinese', body)), count(*)) FROM docs"
if [ "${BENCH_ONLY_THROUGHPUT:-0}" = 1 ]; then psql -Xq -d postgres -c "DROP DATABASE $DB"; exit 0; fi
tg=$(t "SET max_parallel_workers_per_gather = 0; ALTER TABLE docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS (news_archive.zh_tsvector(body)) STORED")
gb=$(t "SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 0; CREATE INDEX docs_zh ON docs USING gin (tsv)")
tb=$(t "SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 0; CREATE INDEX docs_trgm ON docs USING gin (body gin_trgm_ops)")
P -c "VACUUM ANALYZE docs"
P -At -c "SELECT format('stored tsvector column (zh_tsvector): %ss to fill; GIN chinese: build %ss, size %s; pg_trgm GIN: build %ss, size %s; table with the tsvector column %s (tsvector alone %s)',
  '$tg', '$gb', pg_size_pretty(pg_relation_size('docs_zh')), '$tb', pg_size_pretty(pg_relation_size('docs_trgm')),
  pg_size_pretty(pg_table_size('docs')), pg_size_pretty(sum(pg_column_size(tsv)))) FROM docs"
# Queries: Han substrings of 1-4 characters and 6-character phrases, sampled
# from random positions of random documents (so frequent terms are sampled
# often, as in the text).  Each method runs its queries in one session after
# a warm-up query, as an application's pooled connection would; a query's
# latency is planning + execution time from EXPLAIN ANALYZE, in ms.
lat() {  # lat <setup SQL> <query template with %s> <terms file>  -> one ms per line
  python3 - "$@" <<'PY' | P -At -v ON_ERROR_STOP=1 | python3 -c '
import json, re, sys
text, dec = sys.stdin.read(), json.JSONDecoder()
for m in re.finditer(r"^\[", text, re.M):
    j = dec.raw_decode(text[m.start():])[0][0]
    print("%.3f" % (j["Planning Time"] + j["Execution Time"]))'
import sys
setup, tmpl, terms = sys.argv[1], sys.argv[2], open(sys.argv[3]).read().split()
print(setup)
print("SET client_min_messages = warning;")
print((tmpl % terms[-1]) + ";")  # warm-up
for q in terms:
    print("EXPLAIN (ANALYZE, FORMAT JSON) " + (tmpl % q) + ";")
PY
}
echo "| term | n | docs (median) | GIN med / p99 ms | LIKE seq scan med / p99 ms | pg_trgm GIN med / p99 ms | LIKE / GIN med / p99 | lowest LIKE / GIN of one query |"
echo "|---|---|---|---|---|---|---|---|"
# "1d": one character drawn evenly from the distinct characters of 500
# random documents, rather than by its frequency in the text
for kind in 1 1d 2 3 4 phrase; do
  len=$kind; [ "$kind" = phrase ] && len=6; [ "$kind" = 1d ] && len=1
  terms=$(mktemp)
  if [ "$kind" = 1d ]; then
    P -At -c "SELECT setseed(0.11)" -c "SELECT c FROM (SELECT DISTINCT c FROM (SELECT regexp_split_to_table(body, '') c
          FROM docs WHERE id IN (SELECT 1 + (random() * (SELECT max(id) - 1 FROM docs))::int FROM generate_series(1, 500))) x
          WHERE c ~ '^[一-鿿]\$') y ORDER BY random() LIMIT $NQ" | tail -n +2 >"$terms"
  else
  P -At -c "SELECT setseed(0.$len)" -c "SELECT s FROM (SELECT substr(body, 1 + (random() * greatest(length(body) - $len, 1))::int, $len) s
        FROM docs WHERE id IN (SELECT 1 + (random() * (SELECT max(id) - 1 FROM docs))::int FROM generate_series(1, 40 * $NQ))) x
        WHERE s ~ '^[一-鿿]+\$' LIMIT $NQ" | tail -n +2 >"$terms"
  fi
  if [ ! -s "$terms" ]; then echo "$kind-char: no queries sampled"; rm -f "$terms"; continue; fi
  nq=$(wc -l <"$terms")
  gin=$(lat "SET enable_seqscan = off; SET enable_indexscan = off;" "SELECT count(*) FROM docs WHERE tsv @@ news_archive.zh_query('%s')" "$terms")
  like=$(lat "SET max_parallel_workers_per_gather = 0; SET enable_bitmapscan = off; SET enable_indexscan = off;" "SELECT count(*) FROM docs WHERE body LIKE '%%%s%%'" "$terms")
  # pg_trgm cannot use trigrams for 1-2 characters (it reads the whole
  # index and rechecks every row): 3 samples are enough there
  trgterms=$terms
  if [ "$len" -lt 3 ]; then trgterms=$(mktemp); head -3 "$terms" >"$trgterms"; fi
  trg=$(lat "SET enable_seqscan = off; SET max_parallel_workers_per_gather = 0;" "SELECT count(*) FROM docs WHERE body LIKE '%%%s%%'" "$trgterms")
  hits=$(while read -r q; do P -At -c "SELECT count(*) FROM docs WHERE tsv @@ news_archive.zh_query('$q')"; done <"$terms")
  python3 - "$kind" "$gin" "$like" "$trg" "$hits" <<'PY'
import sys, statistics
kind = sys.argv[1]
g, l, t, h = ([float(x) for x in a.split()] for a in sys.argv[2:6])
def p99(x): x = sorted(x); return x[min(len(x) - 1, int(round(0.99 * (len(x) - 1))))]
ratios = sorted(a / b for a, b in zip(l, g))
label = {"phrase": "phrase(6)", "1d": "1-char, distinct"}.get(kind, kind + "-char")
print(f"| {label} | {len(g)} | {statistics.median(h):.0f} | {statistics.median(g):.2f} / {p99(g):.2f} | "
      f"{statistics.median(l):.0f} / {p99(l):.0f} | {statistics.median(t):.1f} / {p99(t):.1f} | "
      f"{statistics.median(l)/statistics.median(g):.0f}x / {p99(l)/p99(g):.0f}x | {ratios[0]:.0f}x |")
PY
  rm -f "$terms"; [ "$trgterms" != "$terms" ] && rm -f "$trgterms"
done
psql -Xq -d postgres -c "DROP DATABASE $DB"
