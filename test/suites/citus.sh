#!/usr/bin/env bash
# The archive on Citus (issue 13): builds Citus 13.2.2 from ../shared/vendor
# once (cached outside the clone, see scripts/citus.sh), installs it into the
# PostgreSQL that PG_CONFIG names, starts a coordinator and two workers of its
# own (ports NA_CITUS_PORT..+2, default 54344..54346, data under
# .tmp/citus), installs news_archive on every node, and checks:
#   - create_archive(..., distributed => true): issues, articles, authors are
#     co-located distributed tables, shards on both workers
#   - the loader, unchanged (-j 2), loads >= 200 generated issues, a second
#     load adds nothing, corrected files become versions
#   - search, trend, top_authors, top_words and the three views give the same
#     rows (and ranks) as a single-node archive loaded from the same files
#   - those queries run on the workers in parallel (auto_explain of the
#     functions' own statements: Custom Scan (Citus Adaptive), Task Count > 1)
#   - distribute_archive() moves a filled single-node archive: same results,
#     a reload adds nothing
#   - a worker stopped and started during a load: nothing committed is lost,
#     the loader says what failed, a second run completes it, no duplicate
# Skipped (saying so) when ../shared/vendor is absent.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
t_start=$(date +%s)
if [ ! -f "$root/../shared/vendor/citus-13.2.2.tar.gz" ]; then
	echo "skipped: ../shared/vendor absent"
	echo "citus: 0 passed, 0 failed"
	exit 0
fi
. "$root/scripts/common.sh"
NA_ROOT=$root
. "$root/scripts/citus.sh"
cd "$root"

. "$root/test/lib/checks.sh"
finish() {
	echo "citus: wall time $(($(date +%s) - t_start)) s"
	checks_summary citus
	exit
}
work=$(mktemp -d)
trap 'na_citus_stop; rm -rf "$work"' EXIT

na_deps "$root/scripts/packages.txt" "$root/scripts/packages-test.txt" || { check "packages installed" false; finish; }
na_build >/dev/null 2>"$work/build.err" || { cat "$work/build.err"; check "news_archive builds" false; finish; }
t0=$(date +%s)
dir=$(na_citus_build) && na_citus_install "$dir"
check "Citus builds and installs (cached: $dir, $(($(date +%s) - t0)) s)" [ -f "$("$PG_CONFIG" --pkglibdir)/citus.so" ] || finish
NA_CITUS_CONF="citus.recover_2pc_interval = '1s'" na_citus_start
nodes_up() { local i; for i in 0 1 2; do na_citus_psql $i -d postgres -c 'SELECT 1' >/dev/null || return 1; done; }
check "coordinator and two workers start" nodes_up || finish
db=na_citus
na_citus_createdb $db
export PGDATABASE=$db
sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
check "two workers active" [ "$(sql -c "SELECT count(*) FROM citus_get_active_worker_nodes()")" = 2 ]
check "news_archive on every node" [ "$(sql -c "SELECT string_agg(result, ',') FROM run_command_on_all_nodes(
	\$\$SELECT extversion FROM pg_extension WHERE extname = 'news_archive'\$\$)")" = \
	"$(sql -c "SELECT string_agg(extversion, ',') FROM pg_extension, generate_series(1, 3) WHERE extname = 'news_archive'")" ]

# issues: >= 200 good ones from the project's generator (a few are not
# valid UTF-8 and are skipped by the loader, on both sides alike)
gen=$work/issues
mkdir -p "$gen"
build/na_gen_issues --seed 13 --count 215 --out "$gen" >/dev/null
[ "$(id -u)" -eq 0 ] && chown -R postgres: "$work"
load() {	# load ARCHIVE [loader options...]: exit status, stderr in $work/load.err
	local a=$1
	shift
	"$root/scripts/news-archive-load" -q -j 2 -b 1 -d $db -a "$a" "$@" "$gen" 2>"$work/load.err"
}
sql -c "SELECT news_archive.create_archive('single')" >/dev/null 2>&1	# (Citus: "views only local": right)
sql -c "SELECT news_archive.create_archive('dist', distributed => true, shard_count => 8)" >/dev/null
sql -c "SELECT news_archive.create_archive('moved')" >/dev/null 2>&1	# single-node now, distributed later
check "the 1-argument form still makes a single-node archive" \
	[ "$(sql -c "SELECT news_archive.is_distributed_archive('single')::text || news_archive.is_archive('single')::text")" = falsetrue ]
check "distributed archive: issues, articles, authors co-located by issue, sources by source" \
	[ "$(sql -c "SELECT string_agg(logicalrelid::text || ':' || column_to_column_name(logicalrelid, partkey), ' ' ORDER BY logicalrelid::text)
	              || ' ' || count(DISTINCT colocationid) FILTER (WHERE logicalrelid::text <> 'dist.sources')
	              FROM pg_dist_partition WHERE logicalrelid::text LIKE 'dist.%'")" = \
	  "dist.articles:issue_id dist.authors:issue_id dist.issues:id dist.sources:source 1" ]
check "shards on both workers" [ "$(sql -c "SELECT count(DISTINCT nodeport) FROM citus_shards WHERE table_name = 'dist.issues'::regclass")" = 2 ]

t0=$(date +%s.%N)
load single; rc_single=$?
cp "$work/load.err" "$work/load_single.err"
t1=$(date +%s.%N)
load dist; rc_dist=$?
cp "$work/load.err" "$work/load_dist.err"
t2=$(date +%s.%N)
load moved
tail -n 1 "$work/load_single.err" "$work/load_dist.err"
summary() { grep -o '[0-9]* new, .*' "$1"; }
n_issues=$(sql -c "SELECT count(*) FROM single.issues")
check "loader, unchanged, -j 2: same outcome on one node and on Citus ($n_issues issues)" \
	bash -c "[ $rc_single = $rc_dist ] && [ '$(summary "$work/load_single.err")' = '$(summary "$work/load_dist.err")' ] && [ $n_issues -ge 200 ]"
check "distributed: every issue stored with its articles" [ "$(sql -c "SELECT count(*) FROM dist.issues")/$(sql -c "SELECT count(*) FROM dist.articles")" = \
	"$n_issues/$(sql -c "SELECT count(*) FROM single.articles")" ]
check "articles on both workers" [ "$(sql -c "SELECT count(DISTINCT p.nodeport) FROM run_command_on_shards('dist.articles', \$\$SELECT count(*) FROM %s\$\$) r
	JOIN pg_dist_shard_placement p USING (shardid) WHERE r.result::int > 0")" = 2 ]
load dist
check "second load adds nothing" bash -c "grep -q ' 0 new, 0 new versions, $n_issues already there' '$work/load.err' &&
	[ $(sql -c "SELECT count(*) FROM dist.issues") = $n_issues ]"
# corrected versions of five sources, on both sides
for f in $(ls "$gen" | head -n 40 | tail -n 5); do
	printf '\n（更正）本报%s一文有误，特此更正。\n' "$f" >>"$gen/$f"
done
load single; load dist; load moved
check "corrected files become version 2 (5 sources)" [ "$(sql -c "SELECT count(*) FROM dist.issues WHERE version = 2 AND is_current")/$(sql -c "SELECT count(*) FROM dist.issues WHERE NOT is_current")" = 5/5 ]
check "ingest() of a stored content returns its id" [ "$(sql -c "WITH x AS MATERIALIZED (SELECT id, raw FROM dist.issues ORDER BY id LIMIT 1)
	SELECT news_archive.ingest('again', raw, 'dist') = id FROM x")" = t ]

# ------------------------------------------------------------------------
# the same results: every function's output, ids mapped to the content's
# SHA-256 (ids differ: sequence numbers on one node, issue_key() on Citus)
# words from the most frequent to rare ones, as search terms
sql -c "SELECT word FROM news_archive.top_words(lim => 100000, archive => 'single')" >"$work/words"
nw=$(wc -l <"$work/words")
w() { sed -n "$1p" "$work/words"; }
queries=("$(w 1)" "$(w 7)" "$(w $((nw / 10)))" "$(w $((nw / 3)))" "$(w $((nw - 5)))" "$(w 7) $(w $((nw / 10)))"
	"$(w $((nw / 3))) OR $(w $((nw - 5)))" "$(w 1) -$(w 7)")
check "search terms from top_words ($nw words)" [ "$nw" -ge 20 ]
read -r d_from d_to <<<"$(sql -F ' ' -c "SELECT percentile_disc(0.25) WITHIN GROUP (ORDER BY issue_date), percentile_disc(0.7) WITHIN GROUP (ORDER BY issue_date) FROM single.issues")"
dump() {	# dump ARCHIVE: one line per result row, "what<TAB>row"
	local a=$1 q
	{
		for q in "${queries[@]}"; do
			sql -F $'\t' -v a="$a" -v q="$q" -v f="$d_from" -v t="$d_to" <<-'SQL'
				CREATE TEMP TABLE m AS SELECT issue_id, content_sha256 AS sha FROM :"a".issues_v;
				SELECT 'search all ' || :'q', s.rank, s.snippet, s.title, s.issue_date, s.paper, m.sha, s.ordinal
				  FROM news_archive.search(:'q', lim => 100000, archive => :'a') s JOIN m USING (issue_id)
				 ORDER BY s.rank DESC, s.issue_date DESC NULLS LAST, m.sha, s.ordinal;
				-- best 20: the same ranks in the same places, the same rows above the last rank (ties at the
				-- cut are broken by issue id, which differs)
				SELECT 'search top20 ranks ' || :'q', string_agg(rank::text, ' ' ORDER BY n)
				  FROM (SELECT rank, row_number() OVER () AS n FROM news_archive.search(:'q', archive => :'a')) s;
				SELECT 'search top20 ' || :'q', s.rank, s.snippet, s.title, m.sha, s.ordinal
				  FROM (SELECT *, min(rank) OVER () AS cut FROM news_archive.search(:'q', archive => :'a')) s JOIN m USING (issue_id)
				 WHERE s.rank > s.cut ORDER BY s.rank DESC, m.sha, s.ordinal;
				SELECT 'search range ' || :'q', s.rank, s.title, s.issue_date, m.sha, s.ordinal
				  FROM news_archive.search(:'q', :'f', :'t', 100000, :'a') s JOIN m USING (issue_id)
				 ORDER BY s.rank DESC, s.issue_date DESC NULLS LAST, m.sha, s.ordinal;
				SELECT 'trend ' || :'q', t.* FROM news_archive.trend(:'q', archive => :'a') t;
				SELECT 'trend range ' || :'q', t.* FROM news_archive.trend(:'q', :'f', :'t', :'a') t;
			SQL
		done
		sql -F $'\t' -v a="$a" -v f="$d_from" -v t="$d_to" <<-'SQL'
			SELECT 'top_authors', t.* FROM news_archive.top_authors(archive => :'a') t;
			SELECT 'top_authors all', t.* FROM news_archive.top_authors(lim => 100000, archive => :'a') t;
			SELECT 'top_authors range', t.* FROM news_archive.top_authors(:'f', :'t', 50, :'a') t;
			SELECT 'top_words', t.* FROM news_archive.top_words(lim => 300, archive => :'a') t;
			SELECT 'top_words range', t.* FROM news_archive.top_words(:'f', :'t', 100, 1, :'a') t;
			CREATE TEMP TABLE m AS SELECT issue_id, content_sha256 AS sha FROM :"a".issues_v;
			CREATE TEMP TABLE iv AS SELECT * FROM :"a".issues_v;
			CREATE TEMP TABLE av AS SELECT * FROM :"a".articles_v;
			CREATE TEMP TABLE pv AS SELECT * FROM :"a".authors_v;
			SELECT 'issues_v', v.content_sha256, (SELECT sha FROM m WHERE issue_id = v.supersedes),
			       (SELECT sha FROM m WHERE issue_id = v.superseded_by),
			       (to_jsonb(v) - '{issue_id,supersedes,superseded_by,loaded_at}'::text[])::text
			  FROM iv v ORDER BY 2;
			SELECT 'articles_v', m.sha, v.ordinal, md5((to_jsonb(v) - 'issue_id')::text)
			  FROM av v JOIN m USING (issue_id) ORDER BY 2, 3;
			SELECT 'authors_v', m.sha, v.ordinal, v.position, md5((to_jsonb(v) - 'issue_id')::text)
			  FROM pv v JOIN m USING (issue_id) ORDER BY 2, 3, 4;
		SQL
	} 2>&1
}
compare() {	# compare A B: one check per kind of result
	local a=$1 b=$2 what n
	dump "$a" >"$work/$a.dump"
	dump "$b" >"$work/$b.dump"
	for what in 'search all' 'search top20' 'search range' 'trend' 'top_authors' 'top_words' 'issues_v' 'articles_v' 'authors_v'; do
		n=$(grep -c "^$what" "$work/$a.dump")
		check "$b = $a: $what ($n rows)" bash -c "[ $n -gt 0 ] && diff <(grep '^$what' '$work/$a.dump') <(grep '^$what' '$work/$b.dump') >&2"
	done
	check "$b = $a: no error in either" bash -c "! grep -m 3 ERROR '$work/$a.dump' '$work/$b.dump' >&2"
}
echo "queries: ${queries[*]}; range $d_from .. $d_to"
t0=$(date +%s)
compare single dist
echo "comparison: $(grep -c '^search all' "$work/single.dump") search hits over ${#queries[@]} queries, $(wc -l <"$work/single.dump") result rows in all, $(($(date +%s) - t0)) s"

# ------------------------------------------------------------------------
# parallel on the workers: the plans of the functions' own statements
plans() {	# plans SQL: the auto_explain plans of everything SQL runs
	psql -X -q -d $db -c "LOAD 'auto_explain'" -c "SET auto_explain.log_min_duration = 0" \
		-c "SET auto_explain.log_nested_statements = on" -c "SET auto_explain.log_level = notice" \
		-c "SET client_min_messages = notice" -c "$1" 2>&1 >/dev/null
}
parallel_on_workers() {	# the plan has a Citus scan of more than one task
	local p
	p=$(plans "$1")
	grep -q 'Custom Scan (Citus Adaptive)' <<<"$p" &&
		[ "$(grep -Eo 'Task Count: [0-9]+' <<<"$p" | awk '{print $3}' | sort -n | tail -n 1)" -gt 1 ]
}
for f in "search('$(w 7)', archive => 'dist')" "trend('$(w 7)', archive => 'dist')" \
	"top_authors(archive => 'dist')" "top_words(archive => 'dist')"; do
	check "EXPLAIN: $f runs on the workers in parallel" parallel_on_workers "SELECT count(*) FROM news_archive.$f"
done
for v in issues_v articles_v authors_v; do
	check "EXPLAIN: dist.$v runs on the workers in parallel" bash -c "psql -X -At -d $db -c 'EXPLAIN SELECT count(*) FROM dist.$v' |
		grep -A3 'Citus Adaptive' | grep -Eq 'Task Count: [2-9]|Task Count: [1-9][0-9]'"
done
plans "SELECT count(*) FROM news_archive.search('$(w 7)', archive => 'dist')" | grep -E 'Citus Adaptive|Task Count|Node: ' | sort | uniq -c | head -n 6
check "split_on = worker: the split's INSERT ... SELECT is pushed down to the shard" bash -c "psql -X -At -d $db -c \"EXPLAIN INSERT INTO dist.articles (issue_id, ordinal, title)
	SELECT i.id, a.ordinal, a.title FROM dist.issues i CROSS JOIN LATERAL news_archive.news_articles(i.raw) a WHERE i.id = 42\" |
	grep -q 'Task Count: 1'"

# ------------------------------------------------------------------------
# moving a filled single-node archive
sql -c "SELECT news_archive.distribute_archive('moved', 8)" >/dev/null 2>"$work/move.err"
cat "$work/move.err"
check "distribute_archive moves a filled archive" bash -c "[ \"$(sql -c "SELECT news_archive.is_distributed_archive('moved')")\" = t ] &&
	[ \"$(sql -c "SELECT count(*) FROM moved.issues WHERE id <> news_archive.issue_key(content_hash)")\" = 0 ]"
# the moved archive's articles split again on the workers (split_on = worker),
# so the comparison covers both places of splitting
check "resplit() on a distributed archive, split on the workers" [ "$(PGOPTIONS='-c news_archive.split_on=worker' sql -c "SELECT news_archive.resplit(archive => 'moved')")" = $((n_issues + 5)) ]
compare single moved
load moved
check "moved archive: a reload adds nothing" grep -q " 0 new, 0 new versions, $n_issues already there" "$work/load.err"
check "resplit() of some issues" [ "$(sql -c "SELECT news_archive.resplit(ARRAY(SELECT id FROM moved.issues ORDER BY id LIMIT 3), 'moved')")/$(sql -c "SELECT count(*) FROM moved.articles")" = \
	"3/$(sql -c "SELECT count(*) FROM single.articles")" ]
# an archive with partitioned articles (create_archive(name, n > 1)) is not
# moved: refused, saying why, and left as it was
sql -c "SELECT news_archive.create_archive('parted', 2)" >/dev/null 2>&1
check "distribute_archive refuses a partitioned archive" bash -c "! psql -X -q -At -v ON_ERROR_STOP=1 -c \"SELECT news_archive.distribute_archive('parted')\" 2>'$work/parted.err' &&
	grep -q 'partitioned articles table' '$work/parted.err' && [ \"\$(psql -X -At -c \"SELECT news_archive.is_distributed_archive('parted')\")\" = f ]"
sql -c "DROP SCHEMA parted CASCADE" >/dev/null 2>&1

# ------------------------------------------------------------------------
# three loaders at once, the same content under several sources: stored once
sql -c "SELECT news_archive.create_archive('conc', distributed => true, shard_count => 8)" >/dev/null
mkdir -p "$work/conc"
cp "$root"/test/fixtures/issues/*.txt "$work/conc/"
for i in 1 2 3 4 5 6; do cp "$root/test/fixtures/issues/demo_daily.txt" "$work/conc/copy$i.txt"; done
[ "$(id -u)" -eq 0 ] && chown -R postgres: "$work/conc"
pids=()
for i in 1 2 3; do
	"$root/scripts/news-archive-load" -q -b 1 -j 2 -d $db -a conc "$work/conc" >/dev/null 2>"$work/conc.$i" &
	pids+=($!)
done
crc=0
for p in "${pids[@]}"; do wait "$p" || crc=$?; done
cat "$work"/conc.*
check "three loaders at once: all succeed" [ "$crc" -eq 0 ]
check "three loaders at once: each content stored once, with its articles once" \
	[ "$(sql -c "SELECT count(*) || '/' || count(DISTINCT content_hash) FROM conc.issues")/$(sql -c "SELECT count(*) FROM conc.articles")" = \
	  "$(ls "$root"/test/fixtures/issues/*.txt | wc -l)/$(ls "$root"/test/fixtures/issues/*.txt | wc -l)/$(sql -c "SELECT count(*) FROM conc.articles_v")" ]
check "three loaders at once: sources name stored issues only" \
	[ "$(sql -c "SELECT string_agg(source, ',' ORDER BY source) FROM conc.sources")" = "$(sql -c "SELECT string_agg(source, ',' ORDER BY source) FROM conc.issues")" ]

# ------------------------------------------------------------------------
# fault: worker 2 stops (immediate shutdown, as in a crash) and starts again
# while the loader runs
sql -c "SELECT news_archive.create_archive('fault', distributed => true, shard_count => 8)" >/dev/null
"$root/scripts/news-archive-load" -j 2 -b 1 -d $db -a fault "$gen" >/dev/null 2>"$work/fault1.err" &
lpid=$!
for _ in $(seq 1 600); do
	grep -Eq '^[0-9]+/[0-9]+ files' "$work/fault1.err" && break
	sleep 0.1
done
na_citus_node_stop 2 immediate
sleep 2
na_citus_node_start 2
wait "$lpid"
rc1=$?
grep -v '^[0-9]*/[0-9]* files' "$work/fault1.err" | head -n 5
committed=$(grep -Eo '^[0-9]+/[0-9]+ files .* new ([0-9]+)' "$work/fault1.err" | tail -n 1 | grep -Eo '[0-9]+$')
sql -c "SELECT recover_prepared_transactions()" >/dev/null
check "loader run hit by the fault: fails and says so" bash -c "[ $rc1 -ne 0 ] && grep -Eq 'failed|error|connection' '$work/fault1.err'"
stored=$(sql -c "SELECT count(*) FROM fault.issues")
check "nothing committed is lost (${committed:-?} reported loaded, $stored stored)" bash -c "[ ${committed:-0} -gt 0 ] && [ $stored -ge ${committed:-0} ]"
check "no issue without its articles after the fault" [ "$(sql -c "SELECT count(*) FROM fault.issues_v f JOIN single.issues_v s USING (content_sha256) WHERE f.articles <> s.articles")" = 0 ]
load fault; rc2=$?
tail -n 1 "$work/load.err"
check "re-run completes the load" bash -c "[ $rc2 = $rc_dist ] && [ \"$(sql -c "SELECT count(*) FROM fault.issues")\" = $n_issues ]"
check "no duplicate after the fault (issues, sources, articles)" [ "$(sql -c "SELECT (SELECT count(DISTINCT content_hash) FROM fault.issues) || '/' ||
	(SELECT count(*) FROM (SELECT DISTINCT source, version FROM fault.issues) x) || '/' || (SELECT count(*) FROM fault.articles)")" = \
	"$n_issues/$n_issues/$(sql -c "SELECT count(*) FROM single.articles a JOIN single.issues i ON i.id = a.issue_id WHERE i.is_current")" ]
check "no prepared transaction left on the workers" [ "$(sql -c "SELECT sum(result::int) FROM run_command_on_workers('SELECT count(*) FROM pg_prepared_xacts')")" = 0 ]

finish
