#!/usr/bin/env bash
# The loader (scripts/news-archive-load) on a directory of the project's
# fixtures plus bad files (invalid UTF-8, empty, white space only, a NUL byte,
# unreadable, a dangling link): the good ones load, the bad ones are named on
# stderr and skipped, the exit status says so, and a second identical load
# adds nothing.  Runs inside the private cluster of scripts/test.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
load=$root/scripts/news-archive-load
db=na_load
. "$root/test/lib/checks.sh"
sql() { psql -qXAt -d $db -v ON_ERROR_STOP=1 -c "$1"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dir=$work/issues
mkdir -p "$dir/2022/03"
cp "$root"/test/fixtures/issues/*.txt "$dir/"
# a third good issue, in a subdirectory, with a tab and CR/LF line ends
printf '某某晚报\r\n2022年3月10日 星期四\r\n\r\n## 试验标题\r\n正文\t第一段。\\n 不是换行\r\n' >"$dir/2022/03/evening.txt"
printf '\xff\xfe\x00bad' >"$dir/bad_utf8.txt"
printf '临江\xe4\xb8' >"$dir/truncated_utf8.txt"
: >"$dir/empty.txt"
printf ' \n\t\n' >"$dir/blank.txt"
printf '临江日报\x00' >"$dir/nul.txt"
printf '临江日报 无权读取\n' >"$dir/unreadable.txt"
chmod 000 "$dir/unreadable.txt"
ln -s "$work/nowhere.txt" "$dir/dangling.txt"
printf 'not an issue file\n' >"$dir/notes.md"
good=$(($(ls "$root"/test/fixtures/issues/*.txt | wc -l) + 1))
nfiles=$((good + 7))

# root reads any file: run the loader as the cluster's owner so chmod counts
as_user=()
if [ "$(id -u)" -eq 0 ]; then
	chown -R postgres: "$work"
	chown -h postgres: "$dir/dangling.txt"
	as_user=(runuser -u postgres -- env PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER="$PGUSER" PATH="$PATH")
fi

psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
sql "CREATE EXTENSION news_archive" >/dev/null
sql "SELECT news_archive.create_archive('arc')" >/dev/null

rc=0
"${as_user[@]}" "$load" -d $db "$dir" >"$work/out1" 2>"$work/err1" || rc=$?
cat "$work/err1"
check "first load exits 3 (some files skipped)" [ "$rc" -eq 3 ]
check "good files stored" [ "$(sql 'SELECT count(*) FROM arc.issues')" -eq $good ]
check "sources are relative paths" \
	[ "$(sql "SELECT count(*) FROM arc.issues WHERE source IN ('2022/03/evening.txt', 'demo_daily.txt', 'demo_web.txt')")" -eq 3 ]
for f in bad_utf8 truncated_utf8 empty blank nul unreadable dangling; do
	check "$f named" grep -q "skipped $dir/$f.txt: " "$work/err1"
done
check "invalid UTF-8 says so" grep -q "bad_utf8.txt: not valid UTF-8 (byte 0xFF at offset 0)" "$work/err1"
check "unreadable says so" grep -q "unreadable.txt: unreadable: Permission denied" "$work/err1"
check "other patterns left alone" bash -c "! grep -q notes.md '$work/err1'"
check "summary line" grep -Eq "^news-archive-load: $nfiles files .* $good new, 0 new versions, 0 already there, 7 skipped$" "$work/err1"
check "progress line" grep -Eq "^$nfiles/$nfiles files .* issues/s" "$work/err1"
# byte for byte, CR/LF, tab and backslash included
check "raw text byte for byte" [ "$(sql "SELECT md5(raw::text) FROM arc.issues WHERE source = '2022/03/evening.txt'")" = \
	"$(md5sum <"$dir/2022/03/evening.txt" | cut -d' ' -f1)" ]
check "same SHA-256 as the file" [ "$(sql "SELECT encode(content_hash, 'hex') FROM arc.issues WHERE source = 'demo_daily.txt'")" = \
	"$(sha256sum <"$dir/demo_daily.txt" | cut -d' ' -f1)" ]
check "articles stored" [ "$(sql 'SELECT count(*) FROM arc.articles')" -gt 0 ]
# the loader leaves no pending list in the search index for searches to read
# (zh_gin_pending: pgstattuple's pgstatginindex takes GIN indexes only)
check "search index: pending list merged after the load" \
	[ "$(sql "SELECT pending_tuples FROM news_archive.zh_gin_pending('arc.articles_search_idx')")" = 0 ]
check "search index answers after the merge" \
	[ "$(sql "SET enable_seqscan = off; SELECT count(*) FROM arc.articles a WHERE news_archive.article_text(a.kicker, a.title, a.subtitle, a.body) OPERATOR(news_archive.&@) '报'")" = \
	  "$(sql "SELECT count(*) FROM arc.articles a WHERE strpos(news_archive.zh_normalize(news_archive.article_text(a.kicker, a.title, a.subtitle, a.body)), '报') > 0")" ]

# second identical load: nothing new
before=$(sql "SELECT count(*), max(id) FROM arc.issues")
arts=$(sql "SELECT count(*) FROM arc.articles")
rc=0
"${as_user[@]}" "$load" -q -d $db -a arc "$dir" >/dev/null 2>"$work/err2" || rc=$?
cat "$work/err2"
check "second load adds no issue" [ "$(sql "SELECT count(*), max(id) FROM arc.issues")" = "$before" ]
check "second load adds no article" [ "$(sql "SELECT count(*) FROM arc.articles")" = "$arts" ]
check "second load reports duplicates" grep -q " 0 new, 0 new versions, $good already there, 7 skipped" "$work/err2"
check "quiet load prints no progress" bash -c "! grep -Eq '^[0-9]+/[0-9]+ files' '$work/err2'"

# a corrected file: a new version, the old one kept
printf '\n（更正）\n' >>"$dir/demo_web.txt"
rc=0
"${as_user[@]}" "$load" -q -d $db -p 'demo_*.txt' "$dir" >/dev/null 2>"$work/err3" || rc=$?
cat "$work/err3"
check "corrected file: exit 0" [ "$rc" -eq 0 ]
check "corrected file becomes version 2" \
	[ "$(sql "SELECT string_agg(version || ':' || is_current, ',' ORDER BY version) FROM arc.issues WHERE source = 'demo_web.txt'")" = "1:false,2:true" ]

# concurrent loads of the same files into a fresh archive: each content once
# (articles in three hash partitions, each with its own search index)
sql "SELECT news_archive.create_archive('arc_conc', 3)" >/dev/null
mkdir -p "$work/conc"
cp "$root"/test/fixtures/issues/*.txt "$work/conc/"
for i in 1 2 3 4 5 6; do cp "$root/test/fixtures/issues/demo_daily.txt" "$work/conc/copy$i.txt"; done
[ "$(id -u)" -eq 0 ] && chown -R postgres: "$work/conc"
pids=()
for i in 1 2 3; do
	"${as_user[@]}" "$load" -q -b 1 -j 2 -d $db -a arc_conc "$work/conc" >/dev/null 2>"$work/conc.$i" &
	pids+=($!)
done
crc=0
for p in "${pids[@]}"; do wait "$p" || crc=$?; done
cat "$work"/conc.*
check "three loaders at once: all succeed" [ "$crc" -eq 0 ]
check "three loaders at once: each content stored once" \
	[ "$(sql "SELECT count(*) FROM arc_conc.issues")" -eq "$(($(ls "$root"/test/fixtures/issues/*.txt | wc -l)))" ]
check "three loaders at once: articles not doubled" \
	[ "$(sql "SELECT count(*) FROM arc_conc.articles a JOIN arc_conc.issues i ON i.id = a.issue_id WHERE i.source LIKE 'demo_daily.txt' OR i.source LIKE 'copy%'")" -eq \
	  "$(sql "SELECT count(*) FROM arc.articles a JOIN arc.issues i ON i.id = a.issue_id WHERE i.source = 'demo_daily.txt' AND i.version = 1")" ]

# the partitioned archive: one search index per partition, all merged by the
# loader; search, trend, views and resplit answer as on one table
check "partitioned archive: three partitions, each with its search index" \
	[ "$(sql "SELECT count(*) FROM pg_partition_tree('arc_conc.articles_search_idx') WHERE isleaf")" = 3 ]
check "partitioned archive: articles in every partition" \
	[ "$(sql "SELECT count(DISTINCT tableoid) FROM arc_conc.articles")" = 3 ]
check "partitioned archive: every pending list merged after the load" \
	[ "$(sql "SELECT sum(pending_tuples) FROM pg_partition_tree('arc_conc.articles_search_idx') t,
	          LATERAL news_archive.zh_gin_pending(t.relid) WHERE t.isleaf")" = 0 ]
like_count() {	# current articles whose normalised text holds $1
	sql "SELECT count(*) FROM arc_conc.articles a JOIN arc_conc.issues i ON i.id = a.issue_id
	      WHERE i.is_current AND strpos(news_archive.zh_normalize(news_archive.article_text(a.kicker, a.title, a.subtitle, a.body)),
	                                    news_archive.zh_normalize('$1')) > 0"
}
for q in 报 记者 发展; do
	check "partitioned archive: search('$q') finds what LIKE finds" \
		[ "$(sql "SELECT count(*) FROM news_archive.search('$q', lim => 100000, archive => 'arc_conc')")" = "$(like_count "$q")" ]
done
check "partitioned archive: trend adds up to the search" \
	[ "$(sql "SELECT sum(articles) FROM news_archive.trend('报', archive => 'arc_conc')")" = \
	  "$(sql "SELECT count(*) FROM news_archive.search('报', lim => 100000, archive => 'arc_conc') WHERE issue_date IS NOT NULL")" ]
check "partitioned archive: views see every article" \
	[ "$(sql "SELECT (SELECT count(*) FROM arc_conc.articles_v) || ' ' || (SELECT sum(articles) FROM arc_conc.issues_v)")" = \
	  "$(sql "SELECT count(*) || ' ' || count(*) FROM arc_conc.articles")" ]
conc_arts=$(sql "SELECT count(*) || ' ' || (SELECT count(*) FROM arc_conc.authors) FROM arc_conc.articles")
check "partitioned archive: resplit" [ "$(sql "SELECT news_archive.resplit(NULL, 'arc_conc') > 0")" = t ]
check "partitioned archive: the same articles and authors after resplit" \
	[ "$(sql "SELECT count(*) || ' ' || (SELECT count(*) FROM arc_conc.authors) FROM arc_conc.articles")" = "$conc_arts" ]
check "partitions must be 1 to 64" \
	bash -c "! psql -qXAt -d $db -c \"SELECT news_archive.create_archive('arc_bad', 0)\" 2>/dev/null"

# the merger (--merger): one more session merges the pending lists while the
# batches load, theirs out of reach; the same rows, every list empty, -j 1
# too, and a second load adds nothing (partitioned: one merger, three lists)
sql "SELECT news_archive.create_archive('arc_m', 3)" >/dev/null
sql "SELECT news_archive.create_archive('arc_m1')" >/dev/null
rc=0
"${as_user[@]}" "$load" -q -b 1 -j 2 --merger -d $db -a arc_m "$work/conc" >/dev/null 2>"$work/m1" || rc=$?
"${as_user[@]}" "$load" -q -b 1 -j 1 --merger -d $db -a arc_m1 "$work/conc" >/dev/null 2>>"$work/m1" || rc=$?
cat "$work/m1"
check "merger: both loads exit 0" [ "$rc" -eq 0 ]
check "merger: the articles of the plain loads" \
	[ "$(sql "SELECT (SELECT count(*) FROM arc_m.articles) || ' ' || (SELECT count(*) FROM arc_m1.articles)")" = \
	  "$(sql "SELECT (SELECT count(*) FROM arc_conc.articles) || ' ' || (SELECT count(*) FROM arc_conc.articles)")" ]
check "merger: every pending list merged after the load" \
	[ "$(sql "SELECT sum(pending_tuples) FROM (SELECT relid FROM pg_partition_tree('arc_m.articles_search_idx') WHERE isleaf
	          UNION ALL SELECT 'arc_m1.articles_search_idx'::regclass) t, LATERAL news_archive.zh_gin_pending(t.relid)")" = 0 ]
for q in 报 发展; do
	check "merger: search('$q') as on the plain load" \
		[ "$(sql "SELECT count(*) FROM news_archive.search('$q', lim => 100000, archive => 'arc_m')") $(sql "SELECT count(*) FROM news_archive.search('$q', lim => 100000, archive => 'arc_m1')")" = \
		  "$(like_count "$q") $(like_count "$q")" ]
done
rc=0
"${as_user[@]}" "$load" -q -j 2 --merger -d $db -a arc_m "$work/conc" >/dev/null 2>"$work/m2" || rc=$?
check "merger: second load adds nothing" grep -q " 0 new, 0 new versions, .* already there, 0 skipped" "$work/m2"

# bulk loads (the default when the load is large against what the archive
# holds): the GIN indexes of articles are dropped and built again after the
# batches, the same definitions (comment, partitions attached, the rank
# index too); --no-bulk keeps them
gin_defs() {	# every GIN index of archive $1: name, definition, comment, parent
	sql "SELECT string_agg(c.relname || ' ' || pg_get_indexdef(c.oid) || ' ' || COALESCE(obj_description(c.oid, 'pg_class'), '-')
	                       || ' ' || COALESCE(ip.inhparent::regclass::text, '-'), E'\n' ORDER BY c.relname)
	       FROM pg_class c JOIN pg_am am ON am.oid = c.relam AND am.amname IN ('gin', 'zh_gin')
	       LEFT JOIN pg_inherits ip ON ip.inhrelid = c.oid WHERE c.relnamespace = '$1'::regnamespace"
}
search_ok() {	# archive $1: search() and the index agree with LIKE on the current articles
	local q
	for q in 报 发展; do
		[ "$(sql "SELECT count(*) FROM news_archive.search('$q', lim => 100000, archive => '$1')")" = \
		  "$(sql "SELECT count(*) FROM $1.articles a JOIN $1.issues i ON i.id = a.issue_id
		           WHERE i.is_current AND strpos(news_archive.zh_normalize(news_archive.article_text(a.kicker, a.title, a.subtitle, a.body)),
		                                         news_archive.zh_normalize('$q')) > 0")" ] || return 1
	done
}
idx_oid() { sql "SELECT to_regclass('$1.articles_search_idx')::oid"; }
for a in arc_b arc_nb arc_k; do
	sql "SELECT news_archive.create_archive('$a', 3)" >/dev/null
	sql "CREATE INDEX ${a}_rank ON $a.articles USING gin (body news_archive.zh_rank_ops)" >/dev/null
	sql "COMMENT ON INDEX $a.articles_search_idx IS 'the search index of $a'" >/dev/null
done
defs_b=$(gin_defs arc_b)
oid_b=$(idx_oid arc_b)
oid_nb=$(idx_oid arc_nb)
rc=0
"${as_user[@]}" "$load" -b 1 -j 2 -d $db -a arc_b "$work/conc" >/dev/null 2>"$work/b1" || rc=$?
"${as_user[@]}" "$load" -q -b 1 -j 2 --no-bulk -d $db -a arc_nb "$work/conc" >/dev/null 2>>"$work/b1" || rc=$?
cat "$work/b1"
check "bulk: both loads exit 0" [ "$rc" -eq 0 ]
check "bulk: a first load is a bulk load" grep -q "bulk load: indexes built in" "$work/b1"
check "bulk: the indexes built again, as they were" \
	bash -c "[ '$(idx_oid arc_b)' != '$oid_b' ] && [ '$(gin_defs arc_b)' = '$defs_b' ]"
check "bulk: --no-bulk keeps the index" [ "$(idx_oid arc_nb)" = "$oid_nb" ]
check "bulk: no list of dropped indexes left" [ -z "$(sql "SELECT to_regclass('arc_b.news_archive_load_indexes')")" ]
check "bulk: the articles of the plain load" \
	[ "$(sql "SELECT (SELECT count(*) FROM arc_b.articles) || ' ' || (SELECT count(*) FROM arc_nb.articles)")" = \
	  "$(sql "SELECT (SELECT count(*) FROM arc_conc.articles) || ' ' || (SELECT count(*) FROM arc_conc.articles)")" ]
check "bulk: searches find what LIKE finds" search_ok arc_b
rc=0
"${as_user[@]}" "$load" -q -j 2 -d $db -a arc_b "$work/conc" >/dev/null 2>"$work/b2" || rc=$?
check "bulk: second load adds nothing, not a bulk load" \
	bash -c "grep -q ' 0 new, 0 new versions, .* already there, 0 skipped$' '$work/b2' && [ '$(gin_defs arc_b)' = '$defs_b' ]"

# a bulk load killed (every process of the loader, no trap runs) while its
# batches wait: searches meanwhile are right (a scan of the table), the
# dropped indexes are listed, and the next run builds them before it loads
mkdir -p "$work/bulk"
for f in "$work"/conc/*.txt; do
	{ cat "$f"; printf '\n附记 %s\n' "${f##*/}"; } >"$work/bulk/b_${f##*/}"
done
[ "$(id -u)" -eq 0 ] && chown -R postgres: "$work/bulk"
"${as_user[@]}" "$load" -q -b 1 -j 2 --no-bulk -d $db -a arc_k "$work/conc" >/dev/null 2>&1
defs_k=$(gin_defs arc_k)
hold_issues() {	# a session that keeps the batches of arc_k waiting for 60 s
	psql -qX -d $db -c "BEGIN" -c "LOCK arc_k.issues IN SHARE MODE" -c "SELECT pg_sleep(60) /* hold_issues */" >/dev/null 2>&1 &
}
release_issues() {
	sql "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query LIKE '%/* hold_issues */%' AND pid <> pg_backend_pid()" >/dev/null
	wait "$1" 2>/dev/null || :
}
wait_dropped() {	# until the loader has dropped the indexes (at most 15 s)
	local i
	for i in $(seq 150); do
		[ -n "$(sql "SELECT to_regclass('arc_k.news_archive_load_indexes')")" ] && [ -z "$(idx_oid arc_k)" ] && return 0
		sleep 0.1
	done
	return 1
}
hold_issues; holder=$!
sleep 0.5
setsid "${as_user[@]}" "$load" -q -b 1 -j 2 --bulk -d $db -a arc_k "$work/bulk" >/dev/null 2>"$work/k1" &
loader=$!
check "killed bulk load: the indexes are dropped while it loads" wait_dropped
check "killed bulk load: searches meanwhile find what LIKE finds" search_ok arc_k
kill -KILL -- -"$loader" 2>/dev/null || kill -KILL "$loader"
wait "$loader" 2>/dev/null || :
release_issues "$holder"
check "killed bulk load: the dropped indexes are listed" \
	bash -c "[ '$(sql "SELECT count(*) > 0 FROM arc_k.news_archive_load_indexes")' = t ] && [ -z '$(idx_oid arc_k)' ]"
rc=0
"${as_user[@]}" "$load" -q -b 1 -j 2 -d $db -a arc_k "$work/bulk" >/dev/null 2>"$work/k2" || rc=$?
cat "$work/k2"
check "killed bulk load: the next run exits 0" [ "$rc" -eq 0 ]
check "killed bulk load: the next run builds the indexes as they were" \
	bash -c "[ '$(gin_defs arc_k)' = '$defs_k' ] && [ -z '$(sql "SELECT to_regclass('arc_k.news_archive_load_indexes')")' ]"
check "killed bulk load: searches find what LIKE finds" search_ok arc_k
# stopped (SIGTERM): the loader builds them on its way out
hold_issues; holder=$!
sleep 0.5
"${as_user[@]}" "$load" -q -b 1 -j 2 --bulk -d $db -a arc_k "$work/bulk" >/dev/null 2>"$work/k3" &
loader=$!
wait_dropped || :
kill -TERM "$loader"
rc=0
wait "$loader" || rc=$?
cat "$work/k3"
check "stopped bulk load: its indexes built on its way out" \
	bash -c "[ $rc -ne 0 ] && [ '$(gin_defs arc_k)' = '$defs_k' ] && [ -z '$(sql "SELECT to_regclass('arc_k.news_archive_load_indexes')")' ]"
release_issues "$holder"
rc=0
"${as_user[@]}" "$load" -q -j 2 -d $db -a arc_k "$work/bulk" >/dev/null 2>"$work/k4" || rc=$?
check "stopped bulk load: a reload adds nothing" grep -q ' 0 new, 0 new versions, .* already there, 0 skipped' "$work/k4"
check "stopped bulk load: searches find what LIKE finds" search_ok arc_k

# a one-table archive whose name needs quoting, bulk-loaded (--bulk): its one
# index is built again, the list dropped and its absence checked in one session
sql "SELECT news_archive.create_archive('arc''q')" >/dev/null
rc=0
"${as_user[@]}" "$load" -q -b 1 -j 2 --bulk -d $db -a "arc'q" "$work/conc" >/dev/null 2>"$work/q1" || rc=$?
check "bulk, quoted archive name: exit 0, indexes built" \
	bash -c "[ $rc -eq 0 ] && grep -q 'bulk load: indexes built in' '$work/q1'"
check "bulk, quoted archive name: the search index is zh_gin's again, no list left" \
	[ "$(sql "SELECT (SELECT a.amname FROM pg_class c JOIN pg_am a ON a.oid = c.relam
	                   WHERE c.oid = to_regclass('\"arc''q\".articles_search_idx'))
	                 || ' ' || (to_regclass('\"arc''q\".news_archive_load_indexes') IS NULL)")" = "zh_gin true" ]
check "bulk, quoted archive name: the articles of the plain load" \
	[ "$(sql "SELECT count(*) FROM \"arc'q\".articles")" = "$(sql "SELECT count(*) FROM arc_nb.articles")" ]

# errors that stop the load before it starts
rc=0
"$load" -d $db -a nosuch "$dir" >/dev/null 2>"$work/err4" || rc=$?
check "unknown archive: exit 1 with the reason" bash -c "[ $rc -eq 1 ] && grep -q 'is not a news archive' '$work/err4'"
rc=0
"$load" -d $db "$work/nosuchdir" >/dev/null 2>"$work/err5" || rc=$?
check "missing directory: exit 1" bash -c "[ $rc -eq 1 ] && grep -q 'not a directory' '$work/err5'"

# the COPY stream for users who roll their own
sql "CREATE TABLE staging (source text, raw text)"
"${as_user[@]}" "$load" --copy-stream "$dir" 2>/dev/null | psql -qX -d $db -c '\copy staging FROM STDIN' || true
check "copy stream: good files only" [ "$(sql 'SELECT count(*) FROM staging')" -eq $good ]
check "copy stream: ingest_table finds them all stored" \
	[ "$(sql "SELECT string_agg(DISTINCT status, ',') FROM news_archive.ingest_table('staging', 'arc')")" = "duplicate" ]

psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null
checks_summary load
