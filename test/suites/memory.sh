#!/usr/bin/env bash
# Memory (issue 7): many calls of to_tsvector('chinese', ...), news_articles,
# zh_segment, zh_query and the news_issue input in ONE backend must not grow
# its memory beyond a constant.  For each function: a warm-up of W calls,
# then the backend's RSS (/proc/PID/status VmRSS) and the total of
# pg_backend_memory_contexts are read, N more calls are made, and both are
# read again.  Passes when RSS grows by less than NA_MEM_RSS_KB (4096 kB)
# and the contexts by less than NA_MEM_CTX_KB (512 kB).
# NA_MEM_CALLS (default 5000) sets N; bench/reliability.md has N = 100,000.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${NA_MEM_CALLS:-5000}
W=${NA_MEM_WARMUP:-500}
RSS_LIMIT=${NA_MEM_RSS_KB:-4096}
CTX_LIMIT=${NA_MEM_CTX_KB:-512}
DB=na_memory
export PGDATABASE=postgres
psql -Xq -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null 2>&1 || exit 1
export PGDATABASE=$DB
passed=0
failed=0
daily=$ROOT/test/fixtures/issues/demo_daily.txt

# each call gets a different text (the loop counter is mixed in), so that
# nothing is served from a cache
declare -A calls=(
	[to_tsvector]="PERFORM length(to_tsvector('chinese', d || k::text || '北京市人民政府'));"
	[news_articles]="PERFORM count(*) FROM news_archive.news_articles((d || k::text)::news_archive.news_issue);"
	[news_issue_json]="PERFORM news_archive.news_issue_json((d || k::text)::news_archive.news_issue);"
	[zh_segment]="PERFORM cardinality(news_archive.zh_segment(left(d, 400) || k::text));"
	[zh_query]="PERFORM news_archive.zh_query('\"中国 经济\" OR 北京 -上海 ' || k::text);"
	[ts_headline]="PERFORM ts_headline('chinese', left(d, 600) || k::text, news_archive.zh_query('临江'));"
	[news_byline]="PERFORM count(*) FROM news_archive.news_byline('本报记者 王妍 实习生 张华颖' || k::text);"
)

out=$(psql -X -v ON_ERROR_STOP=1 -qAt -v daily="$(cat "$daily")" <<SQL 2>&1
CREATE EXTENSION news_archive;
CREATE FUNCTION pg_temp.rss() RETURNS bigint LANGUAGE sql AS
\$\$ SELECT (regexp_match(pg_read_file('/proc/' || pg_backend_pid() || '/status'), 'VmRSS:\\s+(\\d+)'))[1]::bigint \$\$;
CREATE FUNCTION pg_temp.ctx() RETURNS bigint LANGUAGE sql AS
\$\$ SELECT sum(total_bytes)::bigint / 1024 FROM pg_backend_memory_contexts \$\$;
CREATE TEMP TABLE input AS SELECT :'daily'::text AS d;
$(for name in $(printf '%s\n' "${!calls[@]}" | sort); do
cat <<ONE
DO \$\$
DECLARE d text := (SELECT d FROM input); k int; r0 bigint; r1 bigint; c0 bigint; c1 bigint;
BEGIN
	FOR k IN 1..$W LOOP ${calls[$name]} END LOOP;
	r0 := pg_temp.rss(); c0 := pg_temp.ctx();
	FOR k IN 1..$N LOOP ${calls[$name]} END LOOP;
	r1 := pg_temp.rss(); c1 := pg_temp.ctx();
	RAISE NOTICE 'MEM $name % % % %', r0, r1, c0, c1;
END \$\$;
ONE
done)
SQL
)
echo "$out" | grep -v '^NOTICE:  MEM' | grep -v '^$' | head -20
while read -r _ _ name r0 r1 c0 c1; do
	dr=$((r1 - r0)); dc=$((c1 - c0))
	if [ "$dr" -lt "$RSS_LIMIT" ] && [ "$dc" -lt "$CTX_LIMIT" ]; then
		passed=$((passed + 1)); s=ok
	else
		failed=$((failed + 1)); s=FAIL
	fi
	printf '%-4s %-16s %6d calls: RSS %7d -> %7d kB (%+d), contexts %6d -> %6d kB (%+d)\n' \
		"$s" "$name" "$N" "$r0" "$r1" "$dr" "$c0" "$c1" "$dc"
done < <(echo "$out" | grep -o 'MEM .*' | sed 's/^/NOTICE: /')
[ $((passed + failed)) -eq ${#calls[@]} ] || failed=$((failed + ${#calls[@]} - passed - failed))
psql -Xq -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
echo "memory: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
