#!/usr/bin/env bash
# The loader on a folder of saved web pages (issue 14): the project's own pages
# in UTF-8, GBK, GB18030 and Big5 (test/fixtures/web) plus a page no charset
# decodes.  The pages load as bytes, the server decodes them and records the
# charset; the broken page is named and skipped, the exit status says so; the
# same text in two charsets is one issue (the content hash is of the UTF-8
# text).  Runs inside the private cluster of scripts/test.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
load=$root/scripts/news-archive-load
db=na_web_load
. "$root/test/lib/checks.sh"
sql() { psql -qXAt -d $db -v ON_ERROR_STOP=1 -c "$1"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dir=$work/pages
mkdir -p "$dir/2023"
cp "$root"/test/fixtures/web/*.html "$dir/"
mv "$dir/article_gbk.html" "$dir/2023/article_gbk.htm"
cp "$root"/test/fixtures/web/not_text.bin "$dir/broken.html"
npages=$(ls "$root"/test/fixtures/web/*.html | wc -l)
[ "$(id -u)" -eq 0 ] && chown -R postgres: "$work"

psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
sql "CREATE EXTENSION news_archive" >/dev/null
sql "SELECT news_archive.create_archive('web')" >/dev/null

rc=0
"$load" -d $db "$dir" >"$work/out" 2>"$work/err" || rc=$?
cat "$work/err"
check "exit status 3 (a page skipped)" [ "$rc" -eq 3 ]
check "broken page named with the reason" grep -q "failed broken.html: cannot read the bytes as text in any charset" "$work/err"
# utf8, its BOM copy, the declared-gb2312 copy, GBK declared utf-8 / undeclared / .htm: one text
distinct=$(sql "SELECT count(*) FROM web.issues")
check "pages stored (same text in other charsets counted once)" [ "$distinct" -ge 6 ] && [ "$distinct" -lt "$npages" ]
check "every page taken, .htm in a subfolder too" grep -q "loading $((npages + 1)) files" "$work/err"
check "charset recorded" [ "$(sql "SELECT (news_archive.news_issue_info(raw)).charset FROM web.issues WHERE source = 'article_big5.html'")" = "Big5-HKSCS" ]
check "replacement counted" [ "$(sql "SELECT (news_archive.news_issue_info(raw)).replaced FROM web.issues WHERE source = 'article_gbk_stray_byte.html'")" -eq 1 ]
check "articles read from the stored page" \
	[ "$(sql "SELECT title FROM web.issues i, news_archive.news_articles(i.raw) a WHERE i.source = 'article_gb18030.html' AND a.kind = 'article'")" = "河畔小镇启用新码头 货船清晨首次靠岸" ]
rc=0
"$load" -q -d $db "$dir" >/dev/null 2>"$work/err2" || rc=$?
check "second load adds nothing" grep -Eq " 0 new, 0 new versions, $npages already there, 1 skipped$" "$work/err2"
check "-p selects pages only" bash -c "'$load' -q -d $db -p '*.htm' '$dir' 2>&1 | grep -q ' 1 files'"
psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null
checks_summary web_load
