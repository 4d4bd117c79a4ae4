#!/usr/bin/env bash
# Split quality: runs build/na_split on the shared seeds (when ../shared is
# there) and on the project's own fixtures, scores both with split_score.py,
# and counts one check per quality bar.
set -uo pipefail
NA_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$NA_ROOT"
SHARED="$NA_ROOT/../shared"
# a worktree sits one level deeper than the project root
[ -d "$SHARED" ] || SHARED="$NA_ROOT/../../shared"
TMP=${NA_TMP:-$(mktemp -d)}
mkdir -p "$TMP"

make -s build/na_split >/dev/null || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0

# bars: name, minimum percent
check_bars() {
	local line=$1
	local -a bars=("recall 95" "precision 95" "title 90" "headline 90" "authors 95" "roles 95"
		"end 90" "dateline 100" "continued 100" "issue fields 100")
	local b name min got
	for b in "${bars[@]}"; do
		name=${b% *}
		min=${b##* }
		got=$(echo "$line" | grep -Eo "$name [0-9.]+%" | grep -Eo '[0-9.]+' | head -n1)
		if [ -n "$got" ] && awk -v g="$got" -v m="$min" 'BEGIN{exit !(g >= m)}'; then
			passed=$((passed + 1))
		else
			failed=$((failed + 1))
			echo "  below bar: $name ${got:-?}% < $min%"
		fi
	done
}

score() {
	local label=$1 gold=$2 inputs=$3 out="$TMP/split_$1"
	rm -rf "$out"
	# shellcheck disable=SC2086
	build/na_split $inputs -o "$out"
	local report
	report=$(python3 "$SHARED/eval/split_score.py" "$gold" "$out" 2>&1)
	echo "== $label"
	echo "$report"
	check_bars "$(echo "$report" | grep '^split score:')"
}

if [ -f "$SHARED/eval/split_score.py" ]; then
	score seeds "$SHARED/gold" "$SHARED/seeds/*.txt"
	score fixtures test/fixtures/gold "test/fixtures/issues/*.txt"
else
	echo "../shared not found: split scores skipped"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
