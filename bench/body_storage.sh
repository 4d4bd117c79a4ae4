#!/usr/bin/env bash
# How the storage of a searched text column changes the cost of &@ rechecks
# (issue 12).  Not part of the tests.  Needs a running cluster (PGHOST/PGPORT)
# with news_archive installed and ../shared (the real sentences of seg/ and
# dev/news are shuffled into documents of 2,000-3,800 characters; nothing of
# them is kept).  The same documents go into tables that differ only in the
# body column's storage; each gets a zh_search_ops index; then R rounds of
# the same frequent 3-4 character terms (drawn from the documents, found in
# 5-50% of them) run against each table in turn, twice, and the backend's
# CPU time (utime + stime of /proc/self/stat) is printed, so the figure does
# not depend on how busy the machine is.
#   BENCH_BYTES (default 20 MB), BENCH_TERMS (8), BENCH_ROUNDS (10)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${NA_SHARED:-$ROOT/../shared}
DB=${BENCH_DB:-na_body_storage}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$SHARED" "${BENCH_BYTES:-20000000}" "${BENCH_TERMS:-8}" "$work" <<'PY'
import glob, random, re, sys
shared, nbytes, nterms, work = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
r = random.Random(3)
sents = []
for f in sorted(glob.glob(shared + '/seg/*_raw.txt') + glob.glob(shared + '/dev/news/*.csv')):
    for line in open(f, encoding='utf-8-sig'):
        sents += [s for s in re.split(r'(?<=[。！？])', line.strip()) if len(s) > 4]
docs, total = [], 0
while total < nbytes:
    n, d = r.randint(2000, 3800), ''
    while len(d) < n:
        d += r.choice(sents)
    d = d.replace('\\', ' ').replace('\t', ' ')
    docs.append(d)
    total += len(d.encode())
with open(work + '/docs.tsv', 'w') as out:
    for i, d in enumerate(docs):
        out.write(f"{i + 1}\t{d}\n")
han = re.compile(r'^[\u4e00-\u9fff]+$')
terms, tries = [], 0
while len(terms) < nterms and tries < 100000:
    tries += 1
    d = r.choice(docs)
    k = r.choice((3, 4))
    p = r.randrange(len(d) - k)
    t = d[p:p + k]
    if not han.match(t) or t in terms:
        continue
    share = sum(t in x for x in docs[:400]) / 400
    if 0.05 <= share <= 0.5:
        terms.append(t)
open(work + '/terms.txt', 'w').write('\n'.join(terms) + '\n')
print(f"{len(docs)} documents, {total / 1e6:.1f} MB; terms: {' '.join(terms)}")
PY

psql -qX -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
P() { psql -qXAt -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
P -c "CREATE EXTENSION news_archive" >/dev/null
# name | column storage | table option
tables=(
	"lz4|ALTER body SET COMPRESSION lz4|"
	"pglz|ALTER body SET COMPRESSION pglz|"
	"external|ALTER body SET STORAGE EXTERNAL|"
	"external_inline|ALTER body SET STORAGE EXTERNAL|WITH (toast_tuple_target = 8160)"
)
for t in "${tables[@]}"; do
	IFS='|' read -r name alter opt <<<"$t"
	P -c "CREATE TABLE t_$name (id int, body text) $opt" -c "ALTER TABLE t_$name $alter" \
		-c "\\copy t_$name FROM '$work/docs.tsv'" \
		-c "CREATE INDEX ON t_$name USING gin (body news_archive.zh_search_ops)" -c "VACUUM ANALYZE t_$name"
	echo "t_$name: heap $(P -c "SELECT pg_size_pretty(pg_relation_size('t_$name'))"), table with TOAST $(P -c "SELECT pg_size_pretty(pg_table_size('t_$name'))")"
done

cpu_ms() {	# cpu_ms TABLE: backend CPU of the rounds
	{
		echo "SET enable_seqscan = off; SET jit = off; SET max_parallel_workers_per_gather = 0;"
		echo "SELECT split_part(pg_read_file('/proc/self/stat'), ' ', 14)::bigint + split_part(pg_read_file('/proc/self/stat'), ' ', 15)::bigint AS t0 \\gset"
		for _ in $(seq "${BENCH_ROUNDS:-10}"); do
			while read -r q; do
				echo "SELECT count(*) FROM $1 WHERE body OPERATOR(news_archive.&@) '$q';"
			done <"$work/terms.txt"
		done
		echo "SELECT (split_part(pg_read_file('/proc/self/stat'), ' ', 14)::bigint + split_part(pg_read_file('/proc/self/stat'), ' ', 15)::bigint - :t0) * 1000 / $(getconf CLK_TCK);"
	} | P | tail -n 1
}
echo "backend CPU ms of ${BENCH_ROUNDS:-10} rounds of the terms (two passes, load $(cut -d' ' -f1-3 /proc/loadavg)):"
for pass in 1 2; do
	for t in "${tables[@]}"; do
		name=${t%%|*}
		echo "  pass $pass t_$name: $(cpu_ms "t_$name") ms"
	done
done
psql -qX -d postgres -c "DROP DATABASE $DB" >/dev/null
