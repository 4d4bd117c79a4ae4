#!/usr/bin/env bash
# The whole test suite: builds and installs the extension, starts a private
# cluster, runs the standalone unit tests, pg_regress (installcheck) and every
# suite in test/suites/, and prints one summary line "N passed, N failed".
#
# A suite is an executable script test/suites/NAME.sh run with PGHOST/PGPORT
# set; it prints lines "N passed, N failed" (all such lines are added up).
# With ../shared present, suites also print the evaluation scores.
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$NA_ROOT"

t_setup0=$SECONDS
na_deps scripts/packages.txt scripts/packages-test.txt
na_build
na_cluster_start
t_setup=$((SECONDS - t_setup0))
echo "== set-up (packages, build, cluster): $t_setup s"

passed=0
failed=0
mkdir -p "$NA_TMP/logs"
timings=()

# remember a suite's wall time for the table printed at the end
timed() {
	timings+=("$(printf '%-22s %5d s' "$1" "$2")")
	echo "   ($1 took $2 s)"
}

# add up the "N passed, N failed" lines of a suite's log
count() {
	local log=$1 rc=$2 p f
	local lines
	lines=$(grep -Eo '^([A-Za-z_-]+: )?[0-9]+ passed, [0-9]+ failed' "$log" || true)
	p=$(printf '%s\n' "$lines" | awk 'NF >= 4 && $(NF-3) ~ /^[0-9]+$/ {s+=$(NF-3)} END {print s+0}')
	f=$(printf '%s\n' "$lines" | awk 'NF >= 4 && $(NF-1) ~ /^[0-9]+$/ {s+=$(NF-1)} END {print s+0}')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1				# a suite that failed without saying how counts once
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	echo "   -> $p passed, $f failed"
}

run_suite() {
	local name=$1
	shift
	local log="$NA_TMP/logs/$name.log" rc=0 t0=$SECONDS
	echo "== $name"
	"$@" >"$log" 2>&1 || rc=$?
	# show the suite's own report, without the per-check noise of unit tests
	{ grep -v '^== ' "$log" || true; } | tail -n 40
	count "$log" "$rc"
	timed "$name" $((SECONDS - t0))
}


run_suite unit make -s PG_CONFIG="$PG_CONFIG" unit

# pg_regress: count its per-test lines
echo "== pg_regress"
rc=0
t0=$SECONDS
make -s PG_CONFIG="$PG_CONFIG" installcheck >"$NA_TMP/logs/regress.log" 2>&1 || rc=$?
grep -E '\.\.\. (ok|FAILED|failed)' "$NA_TMP/logs/regress.log" || true
[ -f regression.diffs ] && head -n 200 regression.diffs
ok=$(grep -cE '\.\.\. ok' "$NA_TMP/logs/regress.log" || true)
bad=$(grep -cE '\.\.\. (FAILED|failed)' "$NA_TMP/logs/regress.log" || true)
[ "$rc" -ne 0 ] && [ "$bad" -eq 0 ] && { tail -n 20 "$NA_TMP/logs/regress.log"; bad=1; }
echo "   -> $ok passed, $bad failed"
timed pg_regress $((SECONDS - t0))
passed=$((passed + ok))
failed=$((failed + bad))

for s in test/suites/*.sh; do
	[ -e "$s" ] || continue
	run_suite "$(basename "$s" .sh)" bash "$s"
done

echo
echo "== wall time per suite"
printf '   %s\n' "${timings[@]}"
echo "   total, set-up included $((SECONDS - t_setup0)) s"
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
