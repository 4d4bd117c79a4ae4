#!/usr/bin/env bash
# Chinese full-text search benchmark (issue 4, bar 4).  Not part of the tests.
# Needs a running cluster (PGHOST/PGPORT, e.g. after sourcing scripts/common.sh
# and na_cluster_start) with news_archive installed; postgresql-contrib for
# pg_trgm.  BENCH_BYTES: corpus size (default 100 MB).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BYTES=${BENCH_BYTES:-100000000}
DB=na_bench
psql -Xq -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
export PGDATABASE=$DB
P() { psql -X -v ON_ERROR_STOP=1 -q "$@"; }
P -c "CREATE EXTENSION news_archive" -c "CREATE EXTENSION pg_trgm" \
  -c "CREATE TABLE docs (id serial PRIMARY KEY, body text NOT NULL)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
python3 "$ROOT/bench/gen_corpus.py" --bytes "$BYTES" --seed 7 --min 200 --max 3000 | P -c "COPY docs (body) FROM STDIN"
P -At -c "SELECT format('corpus: %s docs, %s MB of text, table %s', count(*), round(sum(octet_length(body)) / 1e6, 1), pg_size_pretty(pg_table_size('docs'))) FROM docs"
t() { local s e; s=$(date +%s.%N); P -c "$1" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
P -c "SET max_parallel_workers_per_gather = 0" -c "SELECT count(*) FROM docs" >/dev/null
ts=$(t "SET max_parallel_workers_per_gather = 0; SELECT sum(length(to_tsvector('simple', body))) FROM docs")
tc=$(t "SET max_parallel_workers_per_gather = 0; SELECT sum(length(to_tsvector('chinese', body))) FROM docs")
echo "to_tsvector simple:  ${ts}s"
echo "to_tsvector chinese: ${tc}s  (chinese/simple time ratio $(echo "scale=2; $tc / $ts" | bc))"
gb=$(t "SET maintenance_work_mem = '512MB'; CREATE INDEX docs_zh ON docs USING gin (to_tsvector('chinese', body))")
tb=$(t "SET maintenance_work_mem = '512MB'; CREATE INDEX docs_trgm ON docs USING gin (body gin_trgm_ops)")
P -c "ANALYZE docs"
P -At -c "SELECT format('GIN chinese: build %ss, size %s; pg_trgm GIN: build %ss, size %s; table %s',
  '$gb', pg_size_pretty(pg_relation_size('docs_zh')), '$tb', pg_size_pretty(pg_relation_size('docs_trgm')),
  pg_size_pretty(pg_table_size('docs')))"
# queries: substrings of 1-4 characters and 6-character phrases from the corpus
P -At -c "SELECT setseed(0.7)" >/dev/null
for kind in 1 2 3 4 phrase; do
  len=$kind; [ "$kind" = phrase ] && len=6
  qs=$(P -At -c "SELECT s FROM (SELECT substr(body, 1 + (random() * (length(body) - 10))::int, $len) s FROM docs TABLESAMPLE SYSTEM (1)) x WHERE s ~ '^[一-鿿]+\$' LIMIT 15")
  gin=() like=() trg=()
  while read -r q; do
    [ -n "$q" ] || continue
    gin+=("$(P -At -c "SET enable_seqscan = off" -c "EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM docs WHERE to_tsvector('chinese', body) @@ news_archive.zh_query('$q')" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])')")
    like+=("$(P -At -c "SET max_parallel_workers_per_gather = 0" -c "SET enable_bitmapscan = off" -c "SET enable_indexscan = off" -c "EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM docs WHERE body LIKE '%$q%'" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])')")
    trg+=("$(P -At -c "SET enable_seqscan = off" -c "EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM docs WHERE body LIKE '%$q%'" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])')")
  done <<<"$qs"
  python3 - "$kind" "${#gin[@]}" "${gin[@]}" "${like[@]}" "${trg[@]}" <<'PY'
import sys, statistics
kind, n = sys.argv[1], int(sys.argv[2]); v = list(map(float, sys.argv[3:]))
g, l, t = v[:n], v[n:2*n], v[2*n:]
def p99(x): x = sorted(x); return x[min(len(x) - 1, int(round(0.99 * (len(x) - 1))))]
print(f"{kind:>6}-char: n={n} GIN median {statistics.median(g):.2f} ms p99 {p99(g):.2f} ms | "
      f"LIKE seq scan median {statistics.median(l):.1f} ms p99 {p99(l):.1f} ms | "
      f"pg_trgm median {statistics.median(t):.1f} ms p99 {p99(t):.1f} ms | "
      f"speed-up median {statistics.median(l)/statistics.median(g):.0f}x p99 {p99(l)/p99(g):.0f}x")
PY
done
psql -Xq -d postgres -c "DROP DATABASE $DB"
