#!/usr/bin/env bash
# Ingest benchmark (not part of the test command): N real-size issues
# (200-300 kB each, bench/ingest_issues.py: generated pages mixed with real
# articles read at run time from ../shared) through the loader
# scripts/news-archive-load -j JOBS into a fresh archive with its search
# index; prints MB/s (wall) and the CPU seconds of the server and the loader,
# then loads the same files again (must add nothing) and checks a few
# searches against LIKE on the normalised text.
#
#   bash bench/ingest.sh [N]        (default 200 issues, about 50 MB; results: bench/ingest.md)
#
# The pending list the index still holds after the load is flushed within
# the timed part (gin_clean_pending_list), so every setting pays for all of
# its indexing.  Only the load is timed: the archive is made and a
# CHECKPOINT run before it, autovacuum is off (AUTOVACUUM=1: on), the
# server's CPU is read once every client backend has exited (the loader's
# and psql's, reaped or not: live children are read too), and the report
# says how many checkpoints fell inside the load.
#
# Knobs: PG_CONFIG, NA_PORT as for scripts/test.sh; PERF=FILE: perf record -g
# of the server through the first load; JOBS (loader -j,
# default 2); BATCH_MB (loader -b, default 16); PENDING_KB: the index's
# gin_pending_list_limit (default: the server's, 4 MB); PARTS: partitions of
# articles (create_archive's second argument; default: its default);
# STATS=1 logs every statement's CPU (log_statement_stats) and prints the
# replayed efficiency of two idle cores (bench/ingest_replay.py); ARCHIVE_SQL: SQL run
# on the fresh archive (schema bench) before the load; SKIP_BUILD=1 uses
# the installed build; TIMED_CMD: shell command run after the first load
# inside its timing, PGDATABASE set (e.g. psql -c 'CREATE INDEX ...' of an
# index ARCHIVE_SQL dropped); KEEP=1 leaves the cluster running; LOAD_OPTS: more
# options for the loader (e.g. --merger).
set -euo pipefail
. "$(dirname "$0")/../scripts/common.sh"
cd "$NA_ROOT"
n=${1:-200}
jobs=${JOBS:-2}
shared=$NA_ROOT/../shared

if [ -z "${SKIP_BUILD:-}" ]; then
	na_deps scripts/packages.txt
	na_build
fi
[ -n "${STATS:-}" ] && NA_PG_OPTS="${NA_PG_OPTS:-} -c log_statement_stats=on -c log_line_prefix='%m [%p] '"
# autovacuum off: on a fresh archive it may analyze or vacuum the new tables
# in the middle of a timed load (VACUUM ANALYZE runs after the loads);
# AUTOVACUUM=1 leaves it on
[ -z "${AUTOVACUUM:-}" ] && NA_PG_OPTS="${NA_PG_OPTS:-} -c autovacuum=off"
na_cluster_start
[ -n "${KEEP:-}" ] && trap - EXIT

work=$NA_TMP/bench_ingest
rm -rf "$work"
mkdir -p "$work/pages"
na_log "generating $n issues of 200-300 kB"
build/na_gen_issues --seed 42 --count $((n * 9 + 20)) --out "$work/pages" >/dev/null
python3 bench/ingest_issues.py "$work/pages" "$shared" "$work/issues" "$n" --seed 42
rm -rf "$work/pages"
[ "$(id -u)" -eq 0 ] && chown -R postgres: "$work"
bytes=$(du -sb "$work/issues" | cut -f1)

db=na_ingest
psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
psql -qX -d $db -v ON_ERROR_STOP=1 -c "CREATE EXTENSION news_archive" >/dev/null
psql -qX -d $db -v ON_ERROR_STOP=1 -c "SELECT news_archive.create_archive('bench'${PARTS:+, $PARTS})" >/dev/null
# the search index: one GIN index per partition of articles (or the one index)
# (pg_partition_tree has no rows for a plain index or table)
ix='bench.articles_search_idx'
# (none while it is absent: ARCHIVE_SQL may drop it, TIMED_SQL build it)
gin_leaves="SELECT relid FROM pg_partition_tree(to_regclass('$ix')) WHERE isleaf UNION SELECT to_regclass('$ix') WHERE to_regclass('$ix') IS NOT NULL AND NOT EXISTS (SELECT FROM pg_partition_tree(to_regclass('$ix')))"
[ -n "${PENDING_KB:-}" ] &&
	for leaf in $(psql -qXAt -d $db -c "$gin_leaves"); do
		psql -qX -d $db -v ON_ERROR_STOP=1 -c "ALTER INDEX $leaf SET (gin_pending_list_limit = $PENDING_KB)"
	done
[ -n "${ARCHIVE_SQL:-}" ] && psql -qX -d $db -v ON_ERROR_STOP=1 -c "$ARCHIVE_SQL"
pm=$(head -n 1 "$NA_PGDATA/postmaster.pid")

# CPU seconds of the server: the postmaster's own and its reaped children's
# (backends, autovacuum, checkpointer at exit); the loader's from times
# CPU seconds of the server, race-free: the postmaster's own and its reaped
# children's, plus what its live children have used so far (a backend whose
# client has gone but which the postmaster has not reaped yet is counted
# once, either way).  Printed as "all backends aux": aux is the long-lived
# auxiliary processes (checkpointer, background writer, WAL writer,
# autovacuum launcher, logical replication launcher).
server_cpu() {
	# wait (at most 5 s) until the only client backend left is none
	local i
	for i in $(seq 50); do
		pgrep -P "$pm" -f 'postgres: .*(idle|INSERT|SELECT|COPY|CHECKPOINT|authentication)' >/dev/null || break
		sleep 0.1
	done
	{
		cat "/proc/$pm/stat" | sed 's/^/pm /'
		for c in $(pgrep -P "$pm"); do
			printf '%s ' "$(tr '\0' ' ' <"/proc/$c/cmdline" 2>/dev/null | grep -qE 'checkpointer|background writer|walwriter|autovacuum launcher|logical replication' && echo aux || echo be)"
			cat "/proc/$c/stat" 2>/dev/null || echo
		done
	} | awk -v hz="$(getconf CLK_TCK)" '$1 == "pm" { t += $15 + $16 + $17 + $18; next }
		NF > 17 { t += $15 + $16; if ($1 == "aux") a += $15 + $16 }
		END { printf "%.2f %.2f %.2f\n", t / hz, (t - a) / hz, a / hz }'
}
checkpoints() { psql -qXAt -d $db -c "SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter"; }
wal_lsn() { psql -qXAt -d $db -c "SELECT pg_current_wal_lsn()"; }

load() {
	local t0 t1 c0 c1 lsn0 out
	psql -qX -d $db -c CHECKPOINT
	log0=$(stat -c %s "$NA_TMP/postgres.log")
	k0=$(checkpoints)
	c0=$(server_cpu)
	lsn0=$(wal_lsn)
	# PERF=FILE: perf record -g of the server through the first load
	perf_pid=
	if [ -n "${PERF:-}" ] && [ ! -e "$PERF" ]; then
		perf record -q -g -p "$pm" -o "$PERF" >/dev/null 2>&1 &
		perf_pid=$!
		sleep 1
	fi
	t0=$(date +%s.%N)
	out=$( { TIMEFORMAT='%U %S'; time scripts/news-archive-load -q -d $db -b "${BATCH_MB:-16}" -j "$jobs" ${LOAD_OPTS:-} "$work/issues" 2>"$work/load.err"; } 2>&1) ||
		{ cat "$work/load.err" >&2; exit 1; }
	# what is still in the index's pending list is indexing work of this load
	psql -qX -d $db -c "SELECT news_archive.zh_gin_clean_pending_list(relid) FROM ($gin_leaves) l(relid)" >/dev/null
	# TIMED_CMD: run after the first load, inside its timing (e.g. CREATE INDEX)
	tb=$(date +%s.%N)
	[ -n "${TIMED_CMD:-}" ] && [ "$1" = first ] && PGDATABASE=$db bash -ec "$TIMED_CMD" >/dev/null
	t1=$(date +%s.%N)
	if [ -n "${perf_pid:-}" ]; then
		kill -INT "$perf_pid"; wait "$perf_pid" || true
	fi
	c1=$(server_cpu)
	k1=$(checkpoints)
	[ -n "${STATS:-}" ] && python3 bench/ingest_replay.py "$NA_TMP/postgres.log" "$log0" "$(stat -c %s "$NA_TMP/postgres.log")" 2 "$jobs" >&2
	tail -n 1 "$work/load.err" >&2
	awk -v t0="$t0" -v t1="$t1" -v c0="$c0" -v c1="$c1" -v k="$((k1 - k0))" -v b="$bytes" -v cl="$out" \
		-v tb="$tb" -v wal="$(psql -qXAt -d $db -c "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '$lsn0')")" 'BEGIN {
		split(cl, u, " "); split(c0, a0, " "); split(c1, a1, " "); w = t1 - t0; s = a1[1] - a0[1]
		printf "%.1f s wall, %.2f MB/s wall; server CPU %.1f s (%.2f MB per CPU-second), loader CPU %.1f s; WAL %.0f MB",
			w, b / 1048576 / w, s, b / 1048576 / s, u[1] + u[2], wal / 1048576
		if (t1 - tb > 0.05) printf "; of the wall TIMED_CMD %.1f s", t1 - tb
		printf " (backends %.1f s, auxiliary processes %.2f s; checkpoints during the load: %d)", a1[2] - a0[2], a1[3] - a0[3], k }'
}

uptime_before=$(cut -d' ' -f1-3 /proc/loadavg)
na_log "first load"
first=$(load first)
counts=$(psql -qXAt -d $db -F ' ' -c "SELECT (SELECT count(*) FROM bench.issues), (SELECT count(*) FROM bench.articles), (SELECT count(*) FROM bench.authors)")
sizes=$(psql -qXAt -d $db -F ' ' -c "SELECT pg_size_pretty(pg_total_relation_size('bench.issues')), pg_size_pretty((SELECT sum(pg_total_relation_size(oid)) FROM pg_class WHERE oid = 'bench.articles'::regclass OR oid IN (SELECT relid FROM pg_partition_tree('bench.articles')))), pg_size_pretty((SELECT sum(pg_relation_size(relid)) FROM ($gin_leaves) l(relid)))")
na_log "second, identical load"
second=$(load second)
counts2=$(psql -qXAt -d $db -F ' ' -c "SELECT (SELECT count(*) FROM bench.issues), (SELECT count(*) FROM bench.articles), (SELECT count(*) FROM bench.authors)")

# the index built on the way in answers like a scan of the text
na_log "searches against LIKE"
psql -qX -d $db -c "VACUUM ANALYZE" >/dev/null
bad=0
for q in 疫情防控 上海 新冠肺炎疫情 记者 发展 核酸检测 的 经济社会发展; do
	got=$(psql -qXAt -d $db -c "SET enable_seqscan = off; SELECT count(*) FROM bench.articles a WHERE news_archive.article_text(a.kicker, a.title, a.subtitle, a.body) OPERATOR(news_archive.&@) '$q'")
	want=$(psql -qXAt -d $db -c "SELECT count(*) FROM bench.articles a WHERE news_archive.zh_normalize(news_archive.article_text(a.kicker, a.title, a.subtitle, a.body)) LIKE '%' || news_archive.zh_normalize('$q') || '%'")
	[ "$got" = "$want" ] || { echo "search '$q': index $got rows, LIKE $want" >&2; bad=$((bad + 1)); }
done

cat <<REPORT

== ingest benchmark: $n issues, $(awk -v b="$bytes" -v n="$n" 'BEGIN { printf "%.1f MB (%.0f kB per issue)", b / 1048576, b / n / 1000 }'), loader -j $jobs, $(nproc) cores, load average before $uptime_before
first load:   $first
stored:       issues, articles, authors = $counts; issues, articles (with TOAST and index), search index = $sizes
second load:  $second
              issues, articles, authors = $counts2 (must equal the first)
searches:     $((8 - bad)) of 8 agree with LIKE
load average after: $(cut -d' ' -f1-3 /proc/loadavg)
REPORT
[ "$counts" = "$counts2" ] && [ "$bad" -eq 0 ]
