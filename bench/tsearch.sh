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
NQ=${BENCH_QUERIES:-15}
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
ts=() tc=()
for r in $(seq "$REPS"); do
  # alternate, so both see the same share of the machine
  ts+=("$(t "SET max_parallel_workers_per_gather = 0; SELECT sum(length(to_tsvector('simple', body))) FROM docs")")
  tc+=("$(t "SET max_parallel_workers_per_gather = 0; SELECT sum(length(to_tsvector('chinese', body))) FROM docs")")
done
ms=$(med "${ts[@]}") mc=$(med "${tc[@]}")
echo "to_tsvector simple:  runs ${ts[*]} s, median ${ms}s = $(echo "scale=1; $MB / $ms" | bc) MB/s"
echo "to_tsvector chinese: runs ${tc[*]} s, median ${mc}s = $(echo "scale=1; $MB / $mc" | bc) MB/s"
echo "chinese/simple throughput ratio: $(echo "scale=3; $ms / $mc" | bc)"
tg=$(t "SET max_parallel_workers_per_gather = 0; ALTER TABLE docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('chinese', body)) STORED")
gb=$(t "SET maintenance_work_mem = '512MB'; SET max_parallel_maintenance_workers = 0; CREATE INDEX docs_zh ON docs USING gin (tsv)")
tb=$(t "SET maintenance_work_mem = '512MB'; SET max_parallel_maintenance_workers = 0; CREATE INDEX docs_trgm ON docs USING gin (body gin_trgm_ops)")
P -c "VACUUM ANALYZE docs"
P -At -c "SELECT format('stored tsvector column: %ss to fill; GIN chinese: build %ss, size %s; pg_trgm GIN: build %ss, size %s; table with the tsvector column %s (tsvector alone %s)',
  '$tg', '$gb', pg_size_pretty(pg_relation_size('docs_zh')), '$tb', pg_size_pretty(pg_relation_size('docs_trgm')),
  pg_size_pretty(pg_table_size('docs')), pg_size_pretty(sum(pg_column_size(tsv)))) FROM docs"
# queries: Han substrings of 1-4 characters and 6-character phrases, sampled
# from random documents (TABLESAMPLE on a table of TOASTed rows finds nothing)
ms_of() { python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])'; }
for kind in 1 2 3 4 phrase; do
  len=$kind; [ "$kind" = phrase ] && len=6
  qs=$(P -At -c "SELECT setseed(0.$len)" -c "SELECT s FROM (SELECT substr(body, 1 + (random() * greatest(length(body) - $len, 1))::int, $len) s
        FROM docs WHERE id IN (SELECT 1 + (random() * (SELECT max(id) - 1 FROM docs))::int FROM generate_series(1, 40 * $NQ))) x
        WHERE s ~ '^[一-鿿]+\$' LIMIT $NQ" | tail -n +2)
  gin=() like=() trg=() hits=() i=0
  while read -r q; do
    [ -n "$q" ] || continue
    i=$((i + 1))
    gin+=("$(P -At -c "SET enable_seqscan = off" -c "SET enable_indexscan = off" -c "EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM docs WHERE tsv @@ news_archive.zh_query('$q')" | ms_of)")
    like+=("$(P -At -c "SET max_parallel_workers_per_gather = 0" -c "SET enable_bitmapscan = off" -c "SET enable_indexscan = off" -c "EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM docs WHERE body LIKE '%$q%'" | ms_of)")
    # pg_trgm cannot use trigrams for 1-2 characters (it reads the whole
    # index and rechecks every row): 3 samples are enough there
    if [ "$len" -ge 3 ] || [ "$i" -le 3 ]; then
      trg+=("$(P -At -c "SET enable_seqscan = off" -c "SET max_parallel_workers_per_gather = 0" -c "EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM docs WHERE body LIKE '%$q%'" | ms_of)")
    else
      trg+=("${trg[$(( (i - 1) % 3 ))]}")
    fi
    hits+=("$(P -At -c "SELECT count(*) FROM docs WHERE tsv @@ news_archive.zh_query('$q')")")
  done <<<"$qs"
  if [ ${#gin[@]} -eq 0 ]; then echo "$kind-char: no queries sampled"; continue; fi
  python3 - "$kind" "${#gin[@]}" "${gin[@]}" "${like[@]}" "${trg[@]}" "${hits[@]}" <<'PY'
import sys, statistics
kind, n = sys.argv[1], int(sys.argv[2]); v = list(map(float, sys.argv[3:]))
g, l, t, h = v[:n], v[n:2*n], v[2*n:3*n], v[3*n:]
def p99(x): x = sorted(x); return x[min(len(x) - 1, int(round(0.99 * (len(x) - 1))))]
label = "phrase(6)" if kind == "phrase" else kind + "-char"
print(f"| {label} | {n} | {statistics.median(h):.0f} | {statistics.median(g):.2f} / {p99(g):.2f} | "
      f"{statistics.median(l):.0f} / {p99(l):.0f} | {statistics.median(t):.1f} / {p99(t):.1f} | "
      f"{statistics.median(l)/statistics.median(g):.0f}x / {p99(l)/p99(g):.0f}x |")
PY
done
psql -Xq -d postgres -c "DROP DATABASE $DB"
