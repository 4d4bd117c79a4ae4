#!/usr/bin/env bash
# Citus benchmark (not part of the test command): one node against a
# coordinator and two workers on the same machine.  Builds Citus like
# test/suites/citus.sh (cached), starts the three nodes, generates N issues
# (tools/na_gen_issues, seed 42) and loads them with the unchanged loader
# (-j JOBS) into
#   single     an archive on the coordinator alone (plain tables)
#   dist_w1, dist_w2   distributed archives, issues split on the worker
#              (SET news_archive.split_on = 'worker')
#   dist_c1, dist_c2   distributed archives, issues split on the coordinator
#              (news_archive.split_on = 'coordinator', the default); loaded in the
#              order w1 c1 c2 w2 so that a trend in the machine's load
#              does not favour one way
# and prints issues/s and the CPU seconds each node spent (postmaster and
# all its processes, finished ones included), then the median latency of
# search/trend/top_authors/top_words on single and dist with each node's CPU.
#
#   bash bench/citus.sh [N]      (default 2000; results: bench/citus.md)
#
# Knobs: PG_CONFIG, NA_CITUS_PORT (54344), JOBS (2), SHARDS (32), RUNS (5).
# Every node preloads news_archive as well as citus (the README's advice):
# the workers open new backends for a query's tasks.
set -euo pipefail
. "$(dirname "$0")/../scripts/common.sh"
. "$NA_ROOT/scripts/citus.sh"
cd "$NA_ROOT"
n=${1:-2000}
jobs=${JOBS:-2}
shards=${SHARDS:-32}
runs=${RUNS:-5}

na_deps scripts/packages.txt scripts/packages-test.txt
na_build
dir=$(na_citus_build)
na_citus_install "$dir"
trap na_citus_stop EXIT
NA_CITUS_CONF="shared_preload_libraries = 'citus,news_archive'" na_citus_start
db=na_citus_bench
na_citus_createdb $db
export PGDATABASE=$db

gen=$NA_CITUS_TMP/issues
mkdir -p "$gen"
build/na_gen_issues --seed 42 --count "$n" --out "$gen" >/dev/null
[ "$(id -u)" -eq 0 ] && chown -R postgres: "$gen"
bytes=$(du -sb "$gen" | cut -f1)

# CPU seconds (user + system) of node i: its postmaster, its live processes
# and the finished ones the postmaster has reaped
cpu() {
	local pm hz
	hz=$(getconf CLK_TCK)
	pm=$(head -n 1 "$NA_CITUS_TMP/${NA_CITUS_NODES[$1]}/postmaster.pid")
	{
		awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pm/stat"
		for c in $(pgrep -P "$pm"); do awk '{ print $14 + $15 }' "/proc/$c/stat" 2>/dev/null || true; done
	} | awk -v hz="$hz" '{ s += $1 } END { printf "%.1f", s / hz }'
}
cpus() { echo "$(cpu 0) $(cpu 1) $(cpu 2)"; }
spent() {	# spent "BEFORE" "AFTER": per-node CPU seconds between the two
	awk -v b="$1" -v a="$2" 'BEGIN { split(b, x, " "); split(a, y, " ");
		printf "coordinator %.1f s, worker 1 %.1f s, worker 2 %.1f s", y[1] - x[1], y[2] - x[2], y[3] - x[3] }'
}

psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = error" -c "SELECT news_archive.create_archive('single')" >/dev/null
for a in dist_w1 dist_c1 dist_c2 dist_w2; do
	psql -X -q -v ON_ERROR_STOP=1 -c "SELECT news_archive.create_archive('$a', distributed => true, shard_count => $shards)" >/dev/null
done

load() {	# load ARCHIVE: prints "seconds issues/s" and per-node CPU
	local a=$1 t0 t1 c0 c1
	c0=$(cpus)
	t0=$(date +%s.%N)
	scripts/news-archive-load -q -j "$jobs" -d "$db" -a "$a" "$gen" 2>"$NA_CITUS_TMP/load.$a.err" || true
	t1=$(date +%s.%N)
	c1=$(cpus)
	local stored
	stored=$(psql -X -At -c "SELECT count(*) FROM $a.issues")
	printf '| %s | %s | %.1f s | %.1f | %s |\n' "$a" "$stored" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" \
		"$(awk -v a="$t0" -v b="$t1" -v n="$stored" 'BEGIN { print n / (b - a) }')" "$(spent "$c0" "$c1")"
}

echo
echo "== Citus benchmark: $n issues ($(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1048576 }')), loader -j $jobs, $shards shards, $(nproc) cores, $(uname -n)"
echo
echo "| archive | issues stored | load time | issues/s | CPU spent per node |"
echo "| --- | --- | --- | --- | --- |"
load single
PGOPTIONS="-c news_archive.split_on=worker" load dist_w1
PGOPTIONS="-c news_archive.split_on=coordinator" load dist_c1
PGOPTIONS="-c news_archive.split_on=coordinator" load dist_c2
PGOPTIONS="-c news_archive.split_on=worker" load dist_w2

read -r d_from d_to <<<"$(psql -X -At -F ' ' -c "SELECT percentile_disc(0.45) WITHIN GROUP (ORDER BY issue_date), percentile_disc(0.55) WITHIN GROUP (ORDER BY issue_date) FROM single.issues")"
psql -X -At -c "SELECT word FROM news_archive.top_words('$d_from', '$d_to', 100000, archive => 'single')" >"$NA_CITUS_TMP/words"
word=$(sed -n 21p "$NA_CITUS_TMP/words")
rare=$(tail -n 5 "$NA_CITUS_TMP/words" | head -n 1)
query() {	# query ARCHIVE SQL: median ms of RUNS runs, and per-node CPU over all runs
	local a=$1 q=$2 t c0 c1 times=()
	psql -X -q -At -c "SET news_archive.archive = '$a'" -c "$q" >/dev/null	# warm
	c0=$(cpus)
	for _ in $(seq 1 "$runs"); do
		t=$(date +%s%N)
		psql -X -q -At -c "SET news_archive.archive = '$a'" -c "$q" >/dev/null
		times+=($((($(date +%s%N) - t) / 1000000)))
	done
	c1=$(cpus)
	# the same in one session: Citus keeps connections to the workers
	local insession
	insession=$({ echo "SET news_archive.archive = '$a';"; echo '\timing on';
		for _ in $(seq 1 "$runs"); do echo "$q;"; done; } | psql -X -q -At 2>&1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' |
		sort -n | awk '{ v[NR] = $1 } END { printf "%d", v[int((NR + 1) / 2)] }')
	printf '%s\n' "${times[@]}" | sort -n | awk -v a="$a" -v q="$q" -v s="$(spent "$c0" "$c1")" -v i="$insession" \
		'{ v[NR] = $1 } END { printf "| `%s` | %s | %d ms | %d ms | %s |\n", q, a, v[int((NR + 1) / 2)], i, s }'
}
echo
echo "queries: median of $runs runs, each in a new session (psql connection included), and of $runs runs in one"
echo "session; CPU over the $runs new-session runs"
echo
echo "| query | archive | median, new sessions | median, one session | CPU spent per node |"
echo "| --- | --- | --- | --- | --- |"
for q in "SELECT count(*) FROM news_archive.search('$word')" \
	"SELECT count(*) FROM news_archive.search('$rare')" \
	"SELECT count(*) FROM news_archive.trend('$word')" \
	"SELECT count(*) FROM news_archive.top_authors()" \
	"SELECT count(*) FROM news_archive.top_words('$d_from', '$d_to')"; do
	query single "$q"
	query dist_w1 "$q"
done
