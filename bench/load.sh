#!/usr/bin/env bash
# Load benchmark (not part of the test command): generates N synthetic issues
# (tools/na_gen_issues: 10-20 KB each, invented vocabulary, in the seeds'
# layouts), loads them through the documented loader scripts/news-archive-load
# into a fresh archive in the private cluster, then loads them again (must add
# nothing), and prints issues per second, total time and database size.
#
#   bash bench/load.sh [N]          (default 10000; results: bench/load.md)
#
# Knobs: PG_CONFIG, NA_PORT as for scripts/test.sh; BATCH_MB (loader -b,
# default 16), JOBS (loader -j, default the number of cores); ISSUE_KB: join
# the generated issues (as pages) into files of about this size, for
# real-size issues of a national daily (200-300 kB); N then counts files.
set -euo pipefail
. "$(dirname "$0")/../scripts/common.sh"
cd "$NA_ROOT"
n=${1:-10000}

na_deps scripts/packages.txt
na_build
na_cluster_start

gen=$NA_TMP/bench/issues
rm -rf "$gen"
mkdir -p "$gen"
if [ -n "${ISSUE_KB:-}" ]; then
	na_log "generating $n issues of about ${ISSUE_KB} kB"
	pages=$NA_TMP/bench/pages
	rm -rf "$pages"
	mkdir -p "$pages"
	build/na_gen_issues --seed 42 --count $((n * ISSUE_KB / 15 + 1)) --out "$pages" >/dev/null
	python3 - "$pages" "$gen" "$ISSUE_KB" <<'PY'
import os, sys
src, out, kb = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(os.listdir(src))
buf, k = [], 0
for f in files:
    b = open(os.path.join(src, f), "rb").read()
    try:
        b.decode("utf-8")
    except UnicodeDecodeError:
        continue                # the generator's known bad files (see load.md)
    buf.append(b)
    if sum(map(len, buf)) >= kb * 1000:
        open(os.path.join(out, "issue_%05d.txt" % k), "wb").write(b"\n\n".join(buf))
        buf, k = [], k + 1
PY
	rm -rf "$pages"
else
	na_log "generating $n issues"
	build/na_gen_issues --seed 42 --count "$n" --out "$gen" >/dev/null
fi
[ "$(id -u)" -eq 0 ] && chown -R postgres: "$NA_TMP/bench"
bytes=$(du -sb "$gen" | cut -f1)

db=na_bench
psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
psql -qX -d $db -v ON_ERROR_STOP=1 -c "CREATE EXTENSION news_archive" >/dev/null
psql -qX -d $db -v ON_ERROR_STOP=1 -c "SELECT news_archive.create_archive('bench')" >/dev/null
before=$(psql -qXAt -d $db -c "SELECT pg_database_size(current_database())")

load() {
	local t0 t1
	t0=$(date +%s.%N)
	scripts/news-archive-load -d $db -b "${BATCH_MB:-16}" -j "${JOBS:-$(nproc)}" "$gen" 2>&1 | tail -n 3 >&2 || true
	t1=$(date +%s.%N)
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }'
}

na_log "first load"
t_first=$(load)
psql -qX -d $db -c "VACUUM ANALYZE" >/dev/null
after=$(psql -qXAt -d $db -c "SELECT pg_database_size(current_database())")
counts=$(psql -qXAt -d $db -F ' ' -c "SELECT (SELECT count(*) FROM bench.issues), (SELECT count(*) FROM bench.articles), (SELECT count(*) FROM bench.authors)")
sizes=$(psql -qXAt -d $db -F ' ' -c "SELECT pg_size_pretty(pg_total_relation_size('bench.issues')), pg_size_pretty(pg_total_relation_size('bench.articles')), pg_size_pretty(pg_total_relation_size('bench.authors')), pg_size_pretty(pg_relation_size('bench.articles_search_idx'))")

na_log "second, identical load"
t_second=$(load)
counts2=$(psql -qXAt -d $db -F ' ' -c "SELECT (SELECT count(*) FROM bench.issues), (SELECT count(*) FROM bench.articles), (SELECT count(*) FROM bench.authors)")

na_log "a few queries"
q() { local t0; t0=$(date +%s%N); psql -qXAt -d $db -c "$1" >/dev/null; echo "$(( ($(date +%s%N) - t0) / 1000000 )) ms  $1"; }
word=$(psql -qXAt -d $db -c "SELECT w FROM (SELECT unnest(news_archive.zh_segment(body)) w FROM (SELECT body FROM bench.articles LIMIT 2000) a) x WHERE length(w) >= 2 GROUP BY w ORDER BY count(*) DESC LIMIT 1 OFFSET 20")
queries=$(
	q "SELECT * FROM news_archive.search('$word')"
	q "SELECT * FROM news_archive.trend('$word')"
	q "SELECT * FROM news_archive.top_authors()"
)

cat <<REPORT

== load benchmark: $n issues, $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1048576 }') of raw text, $(nproc) cores
first load:   ${t_first} s, $(awk -v n="$n" -v t="$t_first" 'BEGIN { printf "%.1f", n / t }') issues/s, $(awk -v b="$bytes" -v t="$t_first" 'BEGIN { printf "%.2f", b / 1048576 / t }') MB/s
stored:       issues, articles, authors = $counts
database:     $(awk -v b="$before" -v a="$after" 'BEGIN { printf "%.0f MB (%.0f MB before the load)", a / 1048576, b / 1048576 }')
tables:       issues, articles, authors, search index = $sizes
second load:  ${t_second} s, issues, articles, authors = $counts2 (must equal the first)
queries ($word):
$queries
REPORT
[ "$counts" = "$counts2" ]
