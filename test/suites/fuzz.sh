#!/usr/bin/env bash
# Short libFuzzer runs (ASan + UBSan) of every harness in test/fuzz, seeded
# with the project's fixtures (and ../shared/seeds when present, copied to a
# temporary corpus only).  FUZZ_SECONDS sets the run length (default 60).
# Each harness is one check: it passes when the fuzzer finds nothing.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
secs=${FUZZ_SECONDS:-60}
if ! command -v clang >/dev/null; then
	echo "fuzz: clang is not installed"
	echo "0 passed, 1 failed"
	exit 1
fi
make -s fuzz >/dev/null || { echo "fuzz: build failed"; echo "0 passed, 1 failed"; exit 1; }
passed=0
failed=0
for bin in build/fuzz_*; do
	name=${bin#build/fuzz_}
	work=$(mktemp -d)
	mkdir -p "$work/corpus"
	cp test/fixtures/issues/*.txt "$work/corpus/" 2>/dev/null || true
	[ -d test/fuzz/corpus/$name ] && cp test/fuzz/corpus/$name/* "$work/corpus/" 2>/dev/null
	[ -d ../shared/seeds ] && cp ../shared/seeds/*.txt "$work/corpus/" 2>/dev/null
	dict=()
	[ -f test/fuzz/$name.dict ] && dict=(-dict=test/fuzz/$name.dict)
	if (cd "$work" && "$root/$bin" -max_total_time="$secs" -max_len=65536 -timeout=10 \
			-rss_limit_mb=2048 -print_final_stats=1 "${dict[@]/#-dict=/-dict=$root/}" corpus \
			>"$work/log" 2>&1); then
		passed=$((passed + 1))
		echo "fuzz $name: ok after ${secs}s: $(grep -E '^#[0-9]+.*(DONE|pulse)' "$work/log" | tail -n 1)"
		grep -E 'stat::number_of_executed_units|stat::average_exec_per_sec' "$work/log" | tr '\n' ' '
		echo
	else
		failed=$((failed + 1))
		echo "fuzz $name: FOUND A PROBLEM"
		grep -E -A 30 '^==[0-9]+==ERROR|runtime error|deadly signal|timeout' "$work/log" | head -n 60
	fi
	rm -rf "$work"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
