#!/usr/bin/env bash
# PostgreSQL 18 (issue 13): news_archive on a private PostgreSQL 18 built
# from ../shared/vendor/postgresql-18.6.tar.bz2.
#
#   - PostgreSQL 18 is built once and cached outside the clone
#     (scripts/build-postgres.sh: ${NA_CACHE:-/var/cache/news_archive}/...;
#     a fresh machine builds it here: 11.4 CPU-minutes, 16 minutes wall on
#     a shared 2-core VM at load 3 to 7, so about 6 minutes on 2 idle cores),
#   - news_archive is built against it in a copy of the tree (the tree keeps
#     its PostgreSQL 15 build for the other suites) with no compiler warning
#     (any warning fails this suite),
#   - installed into a copy of that PostgreSQL (the cache stays pristine),
#     a private cluster starts on port ${NA_PG18_PORT:-NA_PORT+10},
#   - pg_regress (make installcheck, every test of sql/) and the recall suite
#     (test/suites/recall.sh) run on it.
# Prints "skipped: ../shared/vendor absent" without the tarball, otherwise
# one line per check, "N passed, N failed" (pg_regress tests and recall
# queries included) and its wall time.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
. "$ROOT/scripts/private-pg.sh"
SHARED=${NA_SHARED:-$ROOT/../shared}
TARBALL=$SHARED/vendor/postgresql-18.6.tar.bz2
PORT=${NA_PG18_PORT:-$((${NA_PORT:-54329} + 10))}
started=$(date +%s)
. "$ROOT/test/lib/checks.sh"
finish() {
	echo "$passed passed, $failed failed"
	echo "pg18 wall time: $(($(date +%s) - started)) s"
	[ "$failed" -eq 0 ]
}

if [ ! -f "$TARBALL" ]; then
	echo "skipped: ../shared/vendor absent (no $TARBALL)"
	echo "pg18 wall time: 0 s"
	exit 0
fi

# 1. PostgreSQL 18, cached
t0=$(date +%s)
if ! prefix=$(bash "$ROOT/scripts/build-postgres.sh" "$TARBALL"); then
	bad "building PostgreSQL 18 from $TARBALL"
	finish
	exit
fi
ok "PostgreSQL 18 in $prefix ($(($(date +%s) - t0)) s)"

work=$(mktemp -d "${TMPDIR:-/tmp}/na-pg18.XXXXXX")
chmod 755 "$work"
cleanup() {
	na_pg_stop "$work/pg/bin" "$work/cluster"
	rm -rf "$work"
}
trap cleanup EXIT
cp -a "$prefix" "$work/pg"
chmod -R a+rX "$work/pg"
pgc=$work/pg/bin/pg_config
pgv=$("$pgc" --version)
check "pg_config of the copy: $pgv" grep -q '^PostgreSQL 18\.' <<<"$pgv"

# 2. news_archive against it, from a copy of the tree, no warnings
mkdir -p "$work/src"
(cd "$ROOT" && git ls-files -z -c -o --exclude-standard) |
	(cd "$ROOT" && tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -xf - -C "$work/src"
t0=$(date +%s)
rc=0
make -C "$work/src" -j2 PG_CONFIG="$pgc" all >"$work/build.log" 2>&1 || rc=$?
if [ "$rc" -ne 0 ]; then
	tail -n 40 "$work/build.log"
	bad "news_archive builds against PostgreSQL 18"
	finish
	exit
fi
ok "news_archive builds against PostgreSQL 18 ($(($(date +%s) - t0)) s)"
warnings=$(grep -E 'warning:' "$work/build.log" || true)
[ -z "$warnings" ] || printf '%s\n' "$warnings" | head -n 40
check "no compiler warnings ($(grep -c . <<<"$warnings" || true) lines)" [ -z "$warnings" ]
make -C "$work/src" -s PG_CONFIG="$pgc" install >"$work/install.log" 2>&1 ||
	{ cat "$work/install.log"; bad "make install into the PostgreSQL 18 copy"; finish; exit; }

# 3. a private PostgreSQL 18 cluster
mkdir -p "$work/cluster"
na_pg_start "$work/pg/bin" "$work/cluster" "$PORT"
export PGHOST=$work/cluster/sock PGPORT=$PORT PGUSER=postgres PGDATABASE=postgres
export PATH="$work/pg/bin:$PATH"
sv=$(psql -X -At -c "SHOW server_version")
check "cluster runs PostgreSQL $sv" grep -q '^18\.' <<<"$sv"

# 4. pg_regress: every test of sql/, one check each
rc=0
make -C "$work/src" -s PG_CONFIG="$pgc" installcheck >"$work/regress.log" 2>&1 || rc=$?
# (15 prints "test x ... ok", 16 and later "ok 1 - x" / "not ok 2 - x")
while read -r line; do
	case $line in
	"not ok "* | *"... FAILED"* | *"... failed"*) bad "pg_regress on 18: $line" ;;
	*) ok "pg_regress on 18: $line" ;;
	esac
done < <(grep -E '^(not )?ok [0-9]+ |\.\.\. (ok|FAILED|failed)' "$work/regress.log" || true)
if [ "$rc" -ne 0 ]; then
	[ -f "$work/src/regression.diffs" ] && head -n 150 "$work/src/regression.diffs"
	grep -qE 'not ok|FAILED|failed' "$work/regress.log" || { tail -n 20 "$work/regress.log"; bad "pg_regress on 18 (exit $rc)"; }
fi

# 5. the recall suite on 18: its per-query lines added to this suite's count
rc=0
bash "$ROOT/test/suites/recall.sh" >"$work/recall.log" 2>&1 || rc=$?
sed -E 's/^([0-9]+ passed, [0-9]+ failed)/recall on 18: \1/; s/^/   /' "$work/recall.log" | tail -n 15
rp=$(grep -Eo '^[0-9]+ passed, [0-9]+ failed' "$work/recall.log" | awk '{p+=$1} END {print p+0}')
rf=$(grep -Eo '^[0-9]+ passed, [0-9]+ failed' "$work/recall.log" | awk '{f+=$3} END {print f+0}')
passed=$((passed + rp))
failed=$((failed + rf))
[ "$rc" -eq 0 ] || [ "$rf" -gt 0 ] || bad "recall suite on 18 (exit $rc)"
[ "$rp" -gt 0 ] || bad "recall suite on 18 counted no query"

finish
