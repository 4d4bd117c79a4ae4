#!/usr/bin/env bash
# The standalone unit tests under valgrind (memcheck, full leak check): one
# check per test binary, failing on any memory error or leak.  Skipped
# (counted as passed, with a note) when valgrind is not installed; the fuzz
# harnesses run with LeakSanitizer in test/suites/fuzz.sh.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
make -s PG_CONFIG="${PG_CONFIG:-pg_config}" build/zh_fold_table.h $(ls test/unit/test_*.c | sed 's|test/unit/|build/|; s|\.c$||') >/dev/null || { echo "valgrind: build failed"; echo "0 passed, 1 failed"; exit 1; }
passed=0
failed=0
for t in build/test_*; do
	if ! command -v valgrind >/dev/null; then
		echo "valgrind not installed: $t not checked"; passed=$((passed + 1)); continue
	fi
	if valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
			--error-exitcode=9 "$t" >"$t.valgrind.log" 2>&1; then
		passed=$((passed + 1)); echo "ok   $t under valgrind: $(tail -n 1 "$t.valgrind.log")"
	else
		failed=$((failed + 1)); echo "FAIL $t under valgrind:"; grep -E '^==' "$t.valgrind.log" | head -30
	fi
done
echo "valgrind: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
