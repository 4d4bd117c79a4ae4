#!/usr/bin/env bash
# The Debian package (issue 13): builds postgresql-15-news-archive and
# news-archive-loader from debian/ with dpkg-buildpackage (pg_buildext, the
# way apt.postgresql.org builds extensions), checks what they hold, and
# installs them into a fresh cluster.
#
# The build runs in a copy of the tree (its tracked and untracked, not ignored
# files) in a temporary directory, so the tree's own build is not touched.
#
# Installing: the package's files go into a relocated copy of Debian's
# PostgreSQL 15 (scripts/private-pg.sh) by unpacking it there (dpkg-deb -x),
# and a private cluster of that copy (port ${NA_PACKAGE_PORT:-NA_PORT+12})
# runs CREATE EXTENSION and a smoke test with the packaged loader.  Not
# "dpkg -i": that would write into /usr/lib/postgresql/15 and
# /usr/share/postgresql/15, replacing the files "make install" put there for
# the suites that run after this one, and purging it would delete them; a
# failure half-way would leave the machine's PostgreSQL changed.  Unpacking
# into a copy installs exactly the package's files and cannot disturb
# anything else.  Prints "N passed, N failed" and its wall time.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/scripts/private-pg.sh"
PORT=${NA_PACKAGE_PORT:-$((${NA_PORT:-54329} + 12))}
started=$(date +%s)
. "$ROOT/test/lib/checks.sh"
finish() {
	echo "package: $passed passed, $failed failed"
	echo "package wall time: $(($(date +%s) - started)) s"
	[ "$failed" -eq 0 ]
}

versions=$(cd "$ROOT" && pg_buildext supported-versions)
echo "PostgreSQL versions to package (debian/pgversions and installed server headers): $versions"
grep -qx 15 <<<"$versions" || { bad "PostgreSQL 15 is not among the versions to package"; finish; exit; }
new=$(sed -n 's/^EXTVERSION *= *\([0-9.]*\) *$/\1/p' "$ROOT/Makefile")

# 0. the release's version wherever the release carries it
mv=$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1]))
print(d["version"], d["provides"]["news_archive"]["version"])' "$ROOT/META.json" || echo invalid)
check "META.json (PGXN) versions are $new.0 ($mv)" [ "$mv" = "$new.0 $new.0" ]
dv=$(cd "$ROOT" && dpkg-parsechangelog -S Version)
check "debian/changelog version is $new-N ($dv)" grep -qx "${new//./\\.}-[0-9]*" <<<"$dv"
# the package builds with what the source build needs (scripts/packages.txt;
# postgresql-server-dev-all stands for postgresql-server-dev-NN)
missing=
while read -r p; do
	p=${p%%#*}
	p=${p// /}
	case $p in '' | postgresql-server-dev-* | make | gcc) continue ;; esac
	grep -qE "^ *$p( |,|\$)" "$ROOT/debian/control.in" || missing="$missing $p"
done <"$ROOT/scripts/packages.txt"
check "debian/control.in Build-Depends lists scripts/packages.txt${missing:+ (missing:$missing)}" [ -z "$missing" ]

work=$(mktemp -d "${TMPDIR:-/tmp}/na-package.XXXXXX")
chmod 755 "$work"
bin=
cleanup() {
	[ -z "$bin" ] || na_pg_stop "$bin" "$work/cluster"
	rm -rf "$work"
}
trap cleanup EXIT

# 1. build from a copy of the tree
mkdir -p "$work/news-archive"
(cd "$ROOT" && git ls-files -z -c -o --exclude-standard) |
	(cd "$ROOT" && tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$work/news-archive"
t0=$(date +%s)
if (cd "$work/news-archive" && DEB_BUILD_OPTIONS="nocheck parallel=2" \
	dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1; then
	ok "dpkg-buildpackage -us -uc -b ($(($(date +%s) - t0)) s)"
else
	tail -n 40 "$work/build.log"
	bad "dpkg-buildpackage -us -uc -b"
	finish
	exit
fi
deb=$(ls "$work"/postgresql-15-news-archive_*.deb 2>/dev/null | head -n 1)
loader_deb=$(ls "$work"/news-archive-loader_*.deb 2>/dev/null | head -n 1)
check "postgresql-15-news-archive and news-archive-loader built" [ -n "$deb" -a -n "$loader_deb" ]
[ -n "$deb" ] && [ -n "$loader_deb" ] || { finish; exit; }
echo "built: $(basename "$deb") $(basename "$loader_deb")"
warn=$(grep -c 'warning:' "$work/build.log" || true)
check "no compiler warnings in the package build ($warn)" [ "$warn" -eq 0 ]

# 2. what the packages hold
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/lib/postgresql/15/lib/news_archive.so \
	./usr/share/postgresql/15/extension/news_archive.control \
	"./usr/share/postgresql/15/extension/news_archive--$new.sql" \
	./usr/share/postgresql/15/tsearch_data/news_archive_zh.dict \
	./usr/share/postgresql/15/tsearch_data/news_archive_zh.stop; do
	check "package holds ${f#./}" grep -qxF "$f" <<<"$contents"
done
for d in "$ROOT"/sql/update/*--*; do
	f="./usr/share/postgresql/15/extension/news_archive--$(basename "$d").sql"
	check "package holds the upgrade script ${f##*/}" grep -qxF "$f" <<<"$contents"
done
check "package depends on postgresql-15" grep -q 'postgresql-15' <<<"$(dpkg-deb -f "$deb" Depends)"
check "loader package holds /usr/bin/news-archive-load" \
	grep -qxF ./usr/bin/news-archive-load <<<"$(dpkg-deb -c "$loader_deb" | awk '{print $6}')"

# 3. installed into a relocated PostgreSQL 15, a fresh cluster, a smoke test
pgc=$(na_pg_copy /usr/lib/postgresql/15/bin/pg_config "$work/pg")
bin=$("$pgc" --bindir)
root=${pgc%/lib/postgresql/15/bin/pg_config}	# the copy's /usr
# only the package's files: nothing of an earlier "make install"
rm -f "$root"/lib/postgresql/15/lib/news_archive.so "$root"/share/postgresql/15/extension/news_archive* \
	"$root"/share/postgresql/15/tsearch_data/news_archive_zh.*
dpkg-deb -x "$deb" "$work/unpacked"
dpkg-deb -x "$loader_deb" "$work/unpacked"
cp -a "$work/unpacked/usr/." "$root/"
chmod -R a+rX "$work/pg"
mkdir -p "$work/cluster"
na_pg_start "$bin" "$work/cluster" "$PORT"
export PGHOST=$work/cluster/sock PGPORT=$PORT PGUSER=postgres PGDATABASE=postgres
export PATH="$bin:$PATH"
Q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
if Q -c "CREATE EXTENSION news_archive" 2>"$work/create.err"; then
	ok "CREATE EXTENSION news_archive from the package"
else
	cat "$work/create.err"
	bad "CREATE EXTENSION news_archive from the package"
fi
v=$(Q -c "SELECT extversion FROM pg_extension WHERE extname = 'news_archive'" || true)
check "installed version is $new ($v)" [ "$v" = "$new" ]
paths=$(Q -c "SELECT source || '>' || target FROM pg_extension_update_paths('news_archive')
               WHERE path IS NOT NULL AND target = '$new'" || true)
check "update paths to $new: $(echo $paths)" [ -n "$paths" ]
smoke=$(Q <<'SQL' 2>&1
SELECT 'articles ' || count(*) FROM news_archive.news_articles(
    E'# 示范日报\n\n## 城市新闻\n\n### 新桥今日通车\n\n本报讯 记者王小明报道：连接两岸的新桥今天上午正式通车。\n'::news_archive.news_issue);
SELECT 'match ' || (to_tsvector('chinese', '新桥今天上午正式通车') @@ news_archive.zh_query('正式通车'));
SELECT 'archive ' || news_archive.create_archive('arch');
SQL
) || true
echo "$smoke" | sed 's/^/   /'
check "news_articles splits an issue" grep -qx 'articles [1-9][0-9]*' <<<"$smoke"
check "the chinese configuration and zh_query match" grep -qx 'match true' <<<"$smoke"
check "create_archive works" grep -qx 'archive arch' <<<"$smoke"
loader=$work/unpacked/usr/bin/news-archive-load
if "$loader" -q -a arch "$ROOT/test/fixtures/issues" >"$work/load.log" 2>&1; then
	ok "the packaged news-archive-load loads test/fixtures/issues"
else
	cat "$work/load.log"
	bad "the packaged news-archive-load loads test/fixtures/issues"
fi
n=$(Q -c "SELECT count(*) FROM arch.issues" || echo 0)
nf=$(ls "$ROOT"/test/fixtures/issues/*.txt | wc -l)
check "archive holds the $nf fixture issues ($n)" [ "$n" = "$nf" ]
hits=$(Q -c "SET news_archive.archive = 'arch';
             SELECT count(*) FROM news_archive.search((SELECT substr(news_archive.zh_normalize(body), 3, 2)
                 FROM arch.articles WHERE length(body) > 20 ORDER BY issue_id, ordinal LIMIT 1))" || echo 0)
check "search on the archive finds articles ($hits)" [ "$hits" -gt 0 ]

finish
