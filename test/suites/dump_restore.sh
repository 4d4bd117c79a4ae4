#!/usr/bin/env bash
# pg_dump of a database with an archive, pg_restore into a fresh database:
# every issue (every version), article and author comes back, with the same
# content hashes, and search finds the same articles.  Also checks that the
# archive is not part of the extension (it is dumped as user data).
# Runs inside the private cluster of scripts/test.sh (PGHOST/PGPORT set).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
src=na_dump_src
dst=na_dump_dst
. "$root/test/lib/checks.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for d in $src $dst; do
	psql -qX -d postgres -c "DROP DATABASE IF EXISTS $d" >/dev/null 2>&1
done
psql -qX -d postgres -c "CREATE DATABASE $src" >/dev/null
psql -qX -d $src -v ON_ERROR_STOP=1 -c "CREATE EXTENSION news_archive" >/dev/null
psql -qX -d $src -v ON_ERROR_STOP=1 -c "SELECT news_archive.create_archive('arc')" >/dev/null

mkdir "$work/issues"
cp "$root"/test/fixtures/issues/*.txt "$work/issues/"
if [ -d "$root/../shared/seeds" ]; then
	cp "$root"/../shared/seeds/*.txt "$work/issues/"	# real issues when present, never copied into the project
fi
"$root/scripts/news-archive-load" -q -d $src "$work/issues" 2>/dev/null
printf '\n（更正）\n' >>"$work/issues/demo_daily.txt"	# a second version of one source
"$root/scripts/news-archive-load" -q -d $src "$work/issues" 2>/dev/null

fingerprint() {
	psql -qXAt -d "$1" -v ON_ERROR_STOP=1 <<'SQL'
SELECT 'issues ' || count(*) || ' ' || md5(string_agg(
           concat_ws('|', id, source, version, supersedes, is_current, encode(content_hash, 'hex'),
                     md5(raw::text), encode(news_archive.news_issue_hash(raw), 'hex'), issue_date, masthead, loaded_at),
           E'\n' ORDER BY id))
  FROM arc.issues;
SELECT 'articles ' || count(*) || ' ' || md5(string_agg(md5(a::text), E'\n' ORDER BY issue_id, ordinal))
  FROM arc.articles a;
SELECT 'authors ' || count(*) || ' ' || md5(string_agg(p::text, E'\n' ORDER BY issue_id, article_ordinal, position))
  FROM arc.authors p;
SELECT 'views ' || (SELECT count(*) FROM arc.issues_v) || ' ' || (SELECT count(*) FROM arc.articles_v)
       || ' ' || (SELECT count(*) FROM arc.authors_v);
SELECT 'search ' || COALESCE(string_agg(issue_id || '/' || ordinal, ',' ORDER BY issue_id, ordinal), '')
  FROM news_archive.search('产业园');
SELECT 'comments ' || count(*) FROM pg_description d JOIN pg_class c ON c.oid = d.objoid
 WHERE c.relnamespace = 'arc'::regnamespace;
SQL
}
fingerprint $src >"$work/src.txt"
cat "$work/src.txt"
check "source archive has issues and articles" \
	bash -c "grep -Eq '^issues [1-9]' '$work/src.txt' && grep -Eq '^articles [1-9]' '$work/src.txt'"

pg_dump -Fc -d $src -f "$work/archive.dump"
check "the archive is in the dump as user data" \
	bash -c "pg_restore -l '$work/archive.dump' | grep -q 'TABLE DATA arc issues'"
check "the extension is dumped as CREATE EXTENSION" \
	bash -c "pg_restore -l '$work/archive.dump' | grep -q 'EXTENSION - news_archive'"

psql -qX -d postgres -c "CREATE DATABASE $dst" >/dev/null
rc=0
pg_restore -d $dst --exit-on-error "$work/archive.dump" 2>"$work/restore.err" || rc=$?
cat "$work/restore.err"
check "pg_restore succeeds" [ "$rc" -eq 0 ]
fingerprint $dst >"$work/dst.txt"
for what in issues articles authors views search comments; do
	check "$what round-trip" diff <(grep "^$what " "$work/src.txt") <(grep "^$what " "$work/dst.txt")
done

# the restored archive keeps working: loading the same files adds nothing
"$root/scripts/news-archive-load" -q -d $dst "$work/issues" 2>"$work/reload.err" || true
cat "$work/reload.err"
check "reload after restore adds nothing" grep -q ' 0 new, 0 new versions, [0-9]* already there, 0 skipped' "$work/reload.err"
id_new=$(psql -qXAt -d $dst -c "SELECT news_archive.ingest('new.txt', E'新报\n2023年1月1日\n\n## 新标题\n新正文')")
check "new ids after restore do not collide" [ "$id_new" -gt "$(psql -qXAt -d $src -c 'SELECT max(id) FROM arc.issues')" ]

for d in $src $dst; do
	psql -qX -d postgres -c "DROP DATABASE $d" >/dev/null
done
checks_summary dump_restore
