#!/usr/bin/env bash
# Upgrades (issue 13): the previous release, built from the git history,
# filled with an archive, then ALTER EXTENSION news_archive UPDATE to this
# tree's version.  Checks, one "ok"/"FAIL" line each:
#   - the data is intact (every archive table's rows, byte for byte, in the
#     columns they had before the upgrade, but for
#     the articles' tsvector column that 0.2 replaces by an index),
#   - the indexes are valid (amcheck on every B-tree with heapallindexed,
#     and the archive's search index, which the upgrade builds in place of
#     the stored tsvector, returns what a sequential scan returns),
#   - every function of the extension is callable (its language validator
#     loads the C symbol or parses the body) and the archive functions answer
#     on the upgraded archive, which also takes a new issue and a resplit,
#   - the upgraded extension's objects equal a fresh install's
#     (test/upgrade/extension_catalog.sql): a missing or wrong upgrade piece
#     shows here; the suite also checks that this comparison sees a change.
#
# Where the previous release comes from: the commit before the one that set
# this tree's EXTVERSION in the Makefile (found with git log; NA_PREV_RELEASE
# overrides it).  It is built in a temporary directory and installed, with
# this tree after it, into a relocated copy of $PG_CONFIG's PostgreSQL
# (scripts/private-pg.sh), where a private cluster runs on port
# ${NA_UPGRADE_PORT:-NA_PORT+11}: the installation the other suites use is
# never touched.  Prints "skipped: history not available" when the commit is
# not in the clone (a shallow clone), "N passed, N failed" and its wall time.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/scripts/private-pg.sh"
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
PORT=${NA_UPGRADE_PORT:-$((${NA_PORT:-54329} + 11))}
started=$(date +%s)
. "$ROOT/test/lib/checks.sh"
finish() {
	echo "upgrade: $passed passed, $failed failed"
	echo "upgrade wall time: $(($(date +%s) - started)) s"
	[ "$failed" -eq 0 ]
}

new=$(sed -n 's/^EXTVERSION *= *\([0-9.]*\) *$/\1/p' "$ROOT/Makefile")
steps=("$ROOT"/sql/update/*--"$new")
[ -d "${steps[0]}" ] || { bad "no sql/update/OLD--$new for this version $new"; finish; exit; }
[ ${#steps[@]} -eq 1 ] || { bad "more than one sql/update/*--$new"; finish; exit; }
old=$(basename "${steps[0]}")
old=${old%--*}

# the previous release: the commit before EXTVERSION became $new
skip_history() {
	echo "skipped: history not available ($1)"
	echo "upgrade wall time: $(($(date +%s) - started)) s"
	exit 0
}
git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1 || skip_history "not a git checkout"
if [ -n "${NA_PREV_RELEASE:-}" ]; then
	prev=$NA_PREV_RELEASE
else
	intro=$(git -C "$ROOT" log --format=%H -G"^EXTVERSION *= *${new//./\\.} *\$" -- Makefile | tail -n 1)
	if [ -z "$intro" ]; then
		prev=HEAD		# the version change is not committed yet
	else
		prev=$(git -C "$ROOT" rev-parse -q --verify "$intro^1^{commit}") ||
			skip_history "the parent of $intro is not in this clone; fetch more history"
	fi
fi
prev=$(git -C "$ROOT" rev-parse -q --verify "$prev^{commit}") || skip_history "$prev is not in this clone"
if ! git -C "$ROOT" show "$prev:Makefile" | grep -q "^EXTVERSION *= *${old//./\\.} *\$"; then
	bad "commit $prev (the previous release) does not have EXTVERSION = $old"
	finish
	exit
fi
echo "upgrading $old (commit ${prev:0:12}) to $new (this tree)"

work=$(mktemp -d "${TMPDIR:-/tmp}/na-upgrade.XXXXXX")
chmod 755 "$work"
pgc=$(na_pg_copy "$PG_CONFIG" "$work/pg")
bin=$("$pgc" --bindir)
cleanup() {
	na_pg_stop "$bin" "$work/cluster"
	rm -rf "$work"
}
trap cleanup EXIT

# 1. the previous release, built and installed into the copy
mkdir -p "$work/old"
git -C "$ROOT" archive "$prev" | tar -x -C "$work/old"
if ! make -C "$work/old" -s -j2 PG_CONFIG="$pgc" with_llvm=no all >"$work/old-build.log" 2>&1 ||
	! make -C "$work/old" -s PG_CONFIG="$pgc" with_llvm=no install >>"$work/old-build.log" 2>&1; then
	tail -n 30 "$work/old-build.log"
	bad "build of $old"
	finish
	exit
fi
ok "release $old built from commit ${prev:0:12} and installed"

mkdir -p "$work/cluster"
na_pg_start "$bin" "$work/cluster" "$PORT"
export PGHOST=$work/cluster/sock PGPORT=$PORT PGUSER=postgres PGDATABASE=postgres
export PATH="$bin:$PATH"
P() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
Q() { psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
P -c "CREATE DATABASE upgraded" -c "CREATE DATABASE fresh"

# 2. an archive filled under the previous release
P -d upgraded -c "CREATE EXTENSION news_archive VERSION '$old'" -c "CREATE EXTENSION amcheck" \
	-c "SELECT news_archive.create_archive('arch')" >/dev/null
if bash "$work/old/scripts/news-archive-load" -q -d upgraded -a arch "$ROOT/test/fixtures/issues" \
	>"$work/load.log" 2>&1; then
	ok "archive filled under $old: $(Q -d upgraded -c "SELECT count(*) || ' issues, ' ||
		(SELECT count(*) FROM arch.articles) || ' articles' FROM arch.issues")"
else
	cat "$work/load.log"
	bad "loading test/fixtures/issues under $old"
fi

# every archive table's rows, in the columns they had before the upgrade
# (noted now in public.fingerprint_cols), hashed: a column an upgrade adds is
# new data, not a change of the old
Q -d upgraded -c "CREATE TABLE public.fingerprint_cols AS
    SELECT a.attrelid::regclass::text AS rel, a.attname::text AS col
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'arch' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped" >/dev/null
fingerprint() {
	Q -d upgraded <<'SQL'
SELECT string_agg(t || ' ' || h, E'\n' ORDER BY t) FROM (
    SELECT c.relname::text AS t,
           (xpath('/row/h/text()', query_to_xml(format(
               'SELECT md5(coalesce(string_agg(j::text, E''\n'' ORDER BY j::text), '''')) AS h
                  FROM (SELECT (SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(to_jsonb(r)) e
                                 WHERE e.key <> ''tsv''
                                   AND e.key IN (SELECT col FROM public.fingerprint_cols WHERE rel = %L)) AS j
                          FROM %s r) x',
               c.oid::regclass::text, c.oid::regclass), false, true, '')))[1]::text AS h
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'arch' AND c.relkind = 'r') s
SQL
}
# (0.2 replaces the articles' stored tsvector column, derived data, by an
# index on the text: every other column is compared)
before=$(fingerprint)

# 3. this tree installed into the same copy, then the upgrade
if ! make -C "$ROOT" -s -j2 PG_CONFIG="$pgc" all >"$work/new-build.log" 2>&1 ||
	! make -C "$ROOT" -s PG_CONFIG="$pgc" install >>"$work/new-build.log" 2>&1; then
	tail -n 30 "$work/new-build.log"
	bad "install of this tree ($new)"
	finish
	exit
fi
if P -d upgraded -c "ALTER EXTENSION news_archive UPDATE" 2>"$work/update.err"; then
	ok "ALTER EXTENSION news_archive UPDATE ran"
else
	cat "$work/update.err"
	bad "ALTER EXTENSION news_archive UPDATE"
fi
v=$(Q -d upgraded -c "SELECT extversion FROM pg_extension WHERE extname = 'news_archive'")
check "version after the upgrade is $new (is $v)" [ "$v" = "$new" ]

# 4. data intact: the new backend reads the same rows
check "archive rows unchanged by the upgrade" [ "$before" = "$(fingerprint)" ]

# 5. indexes valid: amcheck on every B-tree (news_issue_ops too), and the GIN
#    index answers like a sequential scan
badidx=$(Q -d upgraded <<'SQL'
SELECT count(*) FROM (
    SELECT c.relname, bt_index_check(c.oid, true)
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE a.amname = 'btree' AND n.nspname IN ('arch', 'news_archive')) s
SQL
) || badidx=0
check "B-tree indexes pass amcheck bt_index_check(heapallindexed): $badidx checked" [ "$badidx" -gt 0 ]
gin=$(Q -d upgraded <<'SQL'
CREATE TEMP TABLE terms AS
    SELECT DISTINCT substr(news_archive.zh_normalize(a.body), 1 + (i * 37) % greatest(length(a.body) - 4, 1), 2) AS q
      FROM arch.articles a, generate_series(0, 3) i
     WHERE length(a.body) > 10;
SET enable_seqscan = off;
CREATE TEMP TABLE by_index AS
    SELECT q, (SELECT count(*) FROM arch.articles a
                WHERE news_archive.article_text(a.kicker, a.title, a.subtitle, a.body) OPERATOR(news_archive.&@) q) AS n
      FROM terms;
RESET enable_seqscan;
SET enable_bitmapscan = off; SET enable_indexscan = off;
SELECT count(*) || ' ' || count(*) FILTER (WHERE b.n IS DISTINCT FROM s.n) || ' ' || coalesce(sum(s.n), 0)
  FROM by_index b JOIN (SELECT q, (SELECT count(*) FROM arch.articles a
                                    WHERE news_archive.article_text(a.kicker, a.title, a.subtitle, a.body)
                                          OPERATOR(news_archive.&@) q) AS n
                          FROM terms) s USING (q)
 WHERE EXISTS (SELECT FROM pg_indexes WHERE schemaname = 'arch' AND indexname = 'articles_search_idx');
SQL
) || gin="0 error 0"
read -r nq ndiff nhits <<<"$gin"
check "GIN index: $nq queries, $nhits hits, $ndiff differ from a sequential scan" \
	[ "$ndiff" = 0 -a "$nq" -gt 10 -a "$nhits" -gt 0 ]

# 6. every function callable: its language's validator (C: the library and
#    symbol load; SQL and PL/pgSQL: the body parses against the new objects)
invalid=$(Q -d upgraded 2>&1 <<'SQL'
SET check_function_bodies = on;
DO $$
DECLARE f record; bad int := 0; n int := 0;
BEGIN
    FOR f IN SELECT p.oid, p.oid::regprocedure AS sig, l.lanvalidator::regproc AS val
               FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid
               JOIN pg_language l ON l.oid = p.prolang AND l.lanvalidator <> 0
              WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_proc'::regclass
                AND d.deptype = 'e'
                AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'news_archive')
    LOOP
        n := n + 1;
        BEGIN
            EXECUTE format('SELECT %s(%s)', f.val, f.oid);
        EXCEPTION WHEN OTHERS THEN
            bad := bad + 1;
            RAISE WARNING '%: %', f.sig, SQLERRM;
        END;
    END LOOP;
    RAISE NOTICE 'validated % % %', n, bad, '';
END
$$;
SQL
) || true
nv=$(sed -n 's/.*validated \([0-9]*\) \([0-9]*\).*/\1 \2/p' <<<"$invalid")
[ -n "$nv" ] || nv="0 error"
grep WARNING <<<"$invalid" || true
check "every function's validator passes: ${nv#* } of ${nv% *} fail" [ "${nv#* }" = 0 -a "${nv% *}" -gt 20 ]

# the archive functions answer on the upgraded archive, which keeps working
calls=$(Q -d upgraded <<'SQL' 2>&1
SET news_archive.archive = 'arch';
CREATE TEMP TABLE probe AS
    SELECT substr(news_archive.zh_normalize(a.body), 3, 2) AS q
      FROM arch.articles a JOIN arch.issues i ON i.id = a.issue_id
     WHERE length(a.body) > 20 AND i.issue_date IS NOT NULL   -- trend() counts dated issues
     ORDER BY a.issue_id, a.ordinal LIMIT 1;
SELECT 'search ' || count(*) FROM news_archive.search((SELECT q FROM probe));
SELECT 'trend ' || count(*) FROM news_archive.trend((SELECT q FROM probe));
SELECT 'top_words ' || count(*) FROM news_archive.top_words();
SELECT 'top_authors ' || (count(*) >= 0) FROM news_archive.top_authors();
SELECT 'views ' || (SELECT count(*) FROM arch.issues_v) || ' ' || (SELECT count(*) FROM arch.articles_v)
       || ' ' || (SELECT count(*) >= 0 FROM arch.authors_v);
SELECT 'body_storage ' || attstorage::text FROM pg_attribute WHERE attrelid = 'arch.articles'::regclass AND attname = 'body';
SELECT 'ingest ' || (news_archive.ingest('after-upgrade.txt',
       (SELECT raw::text || E'\n\n补记：升级之后载入的一期。' FROM arch.issues ORDER BY id LIMIT 1)::news_archive.news_issue) > 0);
SELECT 'resplit ' || news_archive.resplit();
SELECT 'articles ' || count(*) FROM arch.articles;
-- the upgraded archive's tables and views have the columns of one made now
-- (0.4 added notes), and its views stay out of the extension
SELECT news_archive.create_archive('arch_now') IS NOT NULL AS made \gset
SELECT 'columns ' || bool_and(o.cols IS NOT DISTINCT FROM n.cols)
  FROM (SELECT c.relname, string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum) AS cols
          FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         WHERE c.relnamespace = 'arch'::regnamespace AND c.relkind IN ('r', 'p', 'v') GROUP BY c.relname) o
  FULL JOIN
       (SELECT c.relname, string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum) AS cols
          FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         WHERE c.relnamespace = 'arch_now'::regnamespace AND c.relkind IN ('r', 'p', 'v') GROUP BY c.relname) n
    USING (relname);
SELECT 'members ' || count(*) FROM pg_depend d JOIN pg_class c ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
 WHERE d.deptype = 'e' AND c.relnamespace IN ('arch'::regnamespace, 'arch_now'::regnamespace);
SELECT 'notes ' || (count(*) FILTER (WHERE notes IS NOT NULL) > 0) FROM arch.articles;
SET client_min_messages = warning;
DROP SCHEMA arch_now CASCADE;
SQL
) || true
echo "$calls" | sed 's/^/   /'
for want in 'search [1-9]' 'trend [1-9]' 'top_words [1-9]' 'top_authors true' 'views [1-9][0-9]* [1-9][0-9]* true' \
	'body_storage e' 'ingest true' 'resplit [1-9]' 'articles [1-9]' 'columns true' 'members 0' 'notes true'; do
	check "upgraded archive: ${want%% *} answers" grep -qx "$want[0-9]*" <<<"$calls"
done

# 7. the upgraded extension equals a fresh install of $new
P -d fresh -c "CREATE EXTENSION news_archive" -c "CREATE EXTENSION amcheck"
describe() { Q -d "$1" -f "$ROOT/test/upgrade/extension_catalog.sql"; }
describe upgraded >"$work/upgraded.txt"
describe fresh >"$work/fresh.txt"
if diff -u "$work/fresh.txt" "$work/upgraded.txt" >"$work/catalog.diff"; then
	ok "upgraded extension equals a fresh $new install ($(grep -c '^member ' "$work/fresh.txt") members, $(wc -l <"$work/fresh.txt") lines compared)"
else
	echo "   fresh install (-) against upgraded (+):"
	head -n 80 "$work/catalog.diff" | sed 's/^/   /'
	bad "upgraded extension differs from a fresh $new install (an upgrade piece in sql/update/$old--$new is missing or wrong)"
fi

# the comparison sees a change: a copy of the upgraded database with one
# function's volatility changed and one member dropped must differ
P -c "CREATE DATABASE altered TEMPLATE upgraded"
P -d altered -c "ALTER FUNCTION news_archive.archives() VOLATILE" \
	-c "ALTER EXTENSION news_archive DROP FUNCTION news_archive.is_archive(name)"
describe altered >"$work/altered.txt"
nd=$(diff "$work/upgraded.txt" "$work/altered.txt" | grep -c '^[<>]' || true)
check "the comparison detects a changed and a missing member ($nd lines differ)" [ "$nd" -ge 2 ]

finish
