#!/usr/bin/env bash
# Concurrency (issue 7): pgbench with NA_CC_CLIENTS (8) clients running
# ingest (news_issue inserts) and search (to_tsvector('chinese') @@ zh_query,
# news_articles) together for NA_CC_SECONDS (30; bench/reliability.md has the
# 300 s run).  Passes when no client reports an error and the table holds
# exactly the issues pgbench committed, byte for byte: every row's md5 equals
# the md5 of the text it was built from, and the row count equals the
# committed ingest transactions.  Scripts: bench/pgbench/.  When the archive
# functions (news_archive.ingest/search) exist, their scripts run too.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECS=${NA_CC_SECONDS:-30}
CLIENTS=${NA_CC_CLIENTS:-8}
DB=na_concurrency
export PGDATABASE=postgres
psql -Xq -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null 2>&1 || exit 1
export PGDATABASE=$DB
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
daily=$(cat "$ROOT/test/fixtures/issues/demo_daily.txt")
psql -X -q -v ON_ERROR_STOP=1 -v daily="$daily" <<'SQL' || exit 1
CREATE EXTENSION news_archive;
CREATE TABLE rel_fixture AS SELECT :'daily'::text AS d;
CREATE SEQUENCE rel_seq;
CREATE TABLE rel_issue (k bigint PRIMARY KEY, raw news_archive.news_issue NOT NULL);
CREATE INDEX ON rel_issue USING gin (to_tsvector('chinese', raw::text));
SQL
scripts=(-f "$ROOT/bench/pgbench/ingest.sql@1" -f "$ROOT/bench/pgbench/search.sql@1")
archive=$(psql -XAtc "SELECT count(*) FROM pg_proc WHERE proname = 'ingest' AND pronamespace = 'news_archive'::regnamespace")
if [ "$archive" != 0 ]; then
	psql -Xq -c "SELECT news_archive.create_archive('pgbench')" >/dev/null 2>&1 || true
	scripts+=(-f "$ROOT/bench/pgbench/archive_ingest.sql@1" -f "$ROOT/bench/pgbench/archive_search.sql@1")
fi
pgbench -n -c "$CLIENTS" -j 2 -T "$SECS" "${scripts[@]}" >"$tmp/out" 2>&1
rc=$?
grep -E 'number of (transactions|failed)|tps|SQL script|- number' "$tmp/out" | sed 's/^/  /'
if [ "$rc" -eq 0 ] && ! grep -qiE 'error|aborted' "$tmp/out"; then
	passed=$((passed + 1)); echo "ok   pgbench: no client error"
else
	failed=$((failed + 1)); echo "FAIL pgbench (rc $rc):"; grep -iE 'error|abort' "$tmp/out" | head
fi
committed=$(awk '/SQL script 1:/ {f=1} f && /- [0-9]+ transactions/ {print $2; exit}' "$tmp/out")
read -r rows bad <<<"$(psql -X -qAt -F' ' -c "SELECT count(*), count(*) FILTER (WHERE md5(raw::text) <> md5(f.d || E'\n第' || k || '号')) FROM rel_issue, rel_fixture f")"
# pgbench does not count a transaction still running when -T expires, but it
# commits: allow at most one such per client; every row's text is checked
inflight_ok() { [ -n "$2" ] && [ "$1" -ge "$2" ] && [ "$1" -le $(($2 + CLIENTS)) ]; }
if inflight_ok "$rows" "$committed" && [ "$bad" = 0 ]; then
	passed=$((passed + 1)); echo "ok   content: $rows issues for $committed counted ingests (+$((rows - committed)) in flight at the deadline), all hashes equal"
else
	failed=$((failed + 1)); echo "FAIL content: $rows rows, $committed committed ingests, $bad hash mismatches"
fi
# the archive holds exactly what its ingest clients committed, byte for byte
if [ "$archive" != 0 ]; then
	acommitted=$(awk '/SQL script 3:/ {f=1} f && /- [0-9]+ transactions/ {print $2; exit}' "$tmp/out")
	read -r arows abad aarts <<<"$(psql -X -qAt -F' ' -c "SELECT count(*),
	        count(*) FILTER (WHERE i.content_hash <> sha256(convert_to(f.d || E'\n第' || substr(i.source, 9) || '号', 'UTF8'))
	                            OR i.raw::text <> f.d || E'\n第' || substr(i.source, 9) || '号'),
	        (SELECT count(DISTINCT issue_id) FROM pgbench.articles)
	   FROM pgbench.issues i, rel_fixture f")"
	if inflight_ok "$arows" "$acommitted" && [ "$abad" = 0 ] && [ "$aarts" = "$arows" ]; then
		passed=$((passed + 1)); echo "ok   archive: $arows issues for $acommitted counted ingest() calls (+$((arows - acommitted)) in flight at the deadline), all hashes and texts equal, every issue has its articles"
	else
		failed=$((failed + 1)); echo "FAIL archive: $arows issues, $acommitted committed ingest() calls, $abad mismatches, $aarts with articles"
	fi
fi
# searches agree with the index-free answer after the run
read -r a b <<<"$(psql -X -qAt -F' ' -c "SET enable_seqscan = off" -c "SELECT (SELECT count(*) FROM rel_issue WHERE to_tsvector('chinese', raw::text) @@ news_archive.zh_query('临江 发布')), (SELECT count(*) FROM rel_issue WHERE strpos(news_archive.zh_normalize(raw::text), '临江') > 0 AND strpos(news_archive.zh_normalize(raw::text), '发布') > 0)")"
if [ "$a" = "$b" ] && [ "$a" = "$rows" ]; then
	passed=$((passed + 1)); echo "ok   search after the run: $a of $rows issues (index) = $b (substring)"
else
	failed=$((failed + 1)); echo "FAIL search after the run: index $a, substring $b, rows $rows"
fi
psql -Xq -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
echo "concurrency: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
