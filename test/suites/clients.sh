#!/usr/bin/env bash
# Real client libraries read an archive's views, the way BI tools do:
#   - psqlODBC through unixODBC's isql (a DSN in a temporary odbc.ini, TCP to
#     127.0.0.1:$PGPORT): column types of every view as the driver reports
#     them (SQLColumns), and titles and bodies, long ones included, byte for
#     byte (MD5 of what arrived against MD5 in the server);
#   - JDBC (Debian libpostgresql-jdbc-java) through test/clients/ArchiveJdbc.java:
#     column types from ResultSetMetaData, text and text[] as they arrive.
# Runs inside the private cluster of scripts/test.sh (PGHOST/PGPORT set).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
db=na_clients
. "$root/test/lib/checks.sh"
sql() { psql -qXAt -d $db -v ON_ERROR_STOP=1 -c "$1"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LANG=C.UTF-8 LC_ALL=C.UTF-8

# an archive with the fixtures and one long article (more than 8190
# characters, the psqlODBC default for long text columns)
psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
sql "CREATE EXTENSION news_archive" >/dev/null
sql "SELECT news_archive.create_archive('arc')" >/dev/null
mkdir "$work/issues"
cp "$root"/test/fixtures/issues/*.txt "$work/issues/"
{
	printf '长文日报\n2022年4月1日 星期五\n今日4版 总第7期\n\n## 一篇很长的文章：测试“长文本”\n\n■本报记者 林一帆\n\n'
	for i in $(seq 1 400); do printf '第%d段，临江港新材料产业园与社区食堂的数字经济行动计划，ＡＢＣ全角与abc半角、😀表情。\n\n' "$i"; done
} >"$work/issues/long.txt"
"$root/scripts/news-archive-load" -q -d $db "$work/issues" 2>/dev/null
check "long article stored" [ "$(sql "SELECT count(*) FROM arc.articles WHERE char_count > 8190")" -ge 1 ]

# what the server says each view column is (pg_type.typname)
sql "SELECT c.relname || ' ' || a.attname || ' ' || t.typname
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
       JOIN pg_type t ON t.oid = a.atttypid
      WHERE c.relnamespace = 'arc'::regnamespace AND c.relkind = 'v'
      ORDER BY 1" >"$work/types.server"
check "views use plain types only" \
	bash -c "! awk '{print \$3}' '$work/types.server' | grep -vxE 'int4|int8|text|date|timestamptz|_text'"

# ---- ODBC -----------------------------------------------------------------
driver=$(find /usr/lib -name psqlodbcw.so 2>/dev/null | head -n 1)
if [ -z "$driver" ] || ! command -v isql >/dev/null; then
	echo "FAIL odbc: psqlODBC or isql missing (odbc-postgresql, unixodbc)"
	failed=$((failed + 1))
else
	cat >"$work/odbc.ini" <<INI
[news_archive]
Description = news_archive archive over psqlODBC
Driver      = $driver
Servername  = 127.0.0.1
Port        = $PGPORT
Database    = $db
Username    = $PGUSER
SSLmode     = disable
ConnSettings = SET search_path = arc, public
INI
	export ODBCINI=$work/odbc.ini ODBCSYSINI=$work
	isql_() { isql news_archive -b -d'|' -L10000000 "$@"; }

	for v in issues_v articles_v authors_v; do
		echo "help $v" | isql_ | awk -F'|' -v v=$v '$4 != "" {print v " " $4 " " $6}'
	done | LC_ALL=C sort >"$work/types.odbc"
	check "odbc: every view column described" [ "$(wc -l <"$work/types.odbc")" -eq "$(wc -l <"$work/types.server")" ]
	check "odbc: column types as in the server" diff <(LC_ALL=C sort "$work/types.server") "$work/types.odbc"
	echo "help articles_v" | isql_ | awk -F'|' '$4 == "issue_date" || $4 == "title" || $4 == "authors" {print "  odbc: " $4 " " $5 " " $6}'

	echo "SELECT title FROM arc.articles_v ORDER BY issue_id, ordinal" | isql_ >"$work/titles.odbc"
	sql "SELECT title FROM arc.articles_v ORDER BY issue_id, ordinal" >"$work/titles.server"
	check "odbc: Chinese titles intact" diff "$work/titles.server" "$work/titles.odbc"
	n=0
	bad=0
	while read -r id ord want; do
		got=$(echo "SELECT body FROM arc.articles_v WHERE issue_id = $id AND ordinal = $ord" | isql_ | head -c -1 | md5sum | cut -d' ' -f1)
		n=$((n + 1))
		[ "$got" = "$want" ] || { bad=$((bad + 1)); echo "  body $id/$ord: odbc md5 $got, server $want"; }
	done < <(sql "SELECT issue_id, ordinal, md5(body) FROM arc.articles_v WHERE body NOT LIKE '%|%' ORDER BY 1, 2" | tr '|' ' ')
	check "odbc: $n bodies byte for byte (long one included)" [ "$n" -gt 0 ] && [ "$bad" -eq 0 ]
	got=$(echo "SELECT count(*) FROM news_archive.search('产业园') WHERE snippet LIKE '%<b>%'" | isql_)
	check "odbc: search function with highlights" [ "$got" -ge 1 ]
	got=$(echo "SELECT month, articles FROM news_archive.trend('产业园')" | isql_ | sed -n 1p)
	check "odbc: trend as date and integer" grep -qE '^[0-9]{4}-[0-9]{2}-01\|[0-9]+$' <<<"$got"
fi

# ---- JDBC -----------------------------------------------------------------
jar=/usr/share/java/postgresql.jar
if [ ! -f "$jar" ] || ! command -v java >/dev/null; then
	echo "FAIL jdbc: $jar or java missing (libpostgresql-jdbc-java, a JDK)"
	failed=$((failed + 1))
else
	java -cp "$jar" "$root/test/clients/ArchiveJdbc.java" "jdbc:postgresql://127.0.0.1:$PGPORT/$db" "$PGUSER" arc \
		>"$work/jdbc.out" 2>"$work/jdbc.err" || { cat "$work/jdbc.err"; }
	grep '^type ' "$work/jdbc.out" | awk '{print $2 " " $3 " " $4}' | LC_ALL=C sort >"$work/types.jdbc"
	check "jdbc: column types as in the server" diff <(LC_ALL=C sort "$work/types.server") "$work/types.jdbc"
	check "jdbc: no OTHER/STRUCT/JAVA_OBJECT columns" bash -c "! grep -E '^type .* (OTHER|STRUCT|JAVA_OBJECT|BINARY|VARBINARY)$' '$work/jdbc.out'"
	sql "SELECT 'title ' || issue_id || ' ' || ordinal || ' ' || COALESCE(md5(title), 'NULL') FROM arc.articles_v ORDER BY issue_id, ordinal" >"$work/t.server"
	check "jdbc: titles intact (MD5 in Java)" diff "$work/t.server" <(grep '^title ' "$work/jdbc.out")
	sql "SELECT 'body ' || issue_id || ' ' || ordinal || ' ' || COALESCE(md5(body), 'NULL') || ' ' || char_length(COALESCE(body, ''))
	       FROM arc.articles_v ORDER BY issue_id, ordinal" >"$work/b.server"
	check "jdbc: bodies intact, astral characters included" diff "$work/b.server" <(grep '^body ' "$work/jdbc.out")
	sql "SELECT 'authors ' || issue_id || ' ' || ordinal || ' ' || cardinality(authors) || ' ' || array_to_string(authors, ',')
	       FROM arc.articles_v ORDER BY issue_id, ordinal" >"$work/a.server"
	check "jdbc: authors text[] as java.sql.Array" diff "$work/a.server" <(grep '^authors ' "$work/jdbc.out")
	check "jdbc: search snippet highlighted" grep -q '^search true .*<b>产业园</b>' "$work/jdbc.out"
fi

psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null
checks_summary clients
