#!/usr/bin/env bash
# Short libFuzzer runs (ASan + UBSan) of every harness in test/fuzz, seeded
# with the project's fixtures (and ../shared/seeds when present, copied to a
# temporary corpus only).  FUZZ_SECONDS sets each harness's run length
# (default 60); FUZZ_JOBS how many harnesses run at once (default: the number
# of cores, at most 4), so the suite's wall time is about
# harnesses * FUZZ_SECONDS / FUZZ_JOBS.  Each harness is one check: it passes
# when the fuzzer finds nothing.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
secs=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}
[ "$jobs" -gt 4 ] && jobs=4
[ "$jobs" -lt 1 ] && jobs=1
if ! command -v clang >/dev/null; then
	echo "fuzz: clang is not installed"
	echo "0 passed, 1 failed"
	exit 1
fi
make -s fuzz >/dev/null || { echo "fuzz: build failed"; echo "0 passed, 1 failed"; exit 1; }
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# One harness: its report goes to $results/$name.out, its verdict to
# $results/$name.ok or $results/$name.fail.
fuzz_one() {
	local bin=$1 name=${1#build/fuzz_} work dict=()
	work=$(mktemp -d)
	mkdir -p "$work/corpus"
	cp test/fixtures/issues/*.txt "$work/corpus/" 2>/dev/null || true
	[ -d test/fuzz/corpus/$name ] && cp test/fuzz/corpus/$name/* "$work/corpus/" 2>/dev/null
	[ -d ../shared/seeds ] && cp ../shared/seeds/*.txt "$work/corpus/" 2>/dev/null
	[ -f test/fuzz/$name.dict ] && dict=(-dict="$root/test/fuzz/$name.dict")
	if (cd "$work" && "$root/$bin" -max_total_time="$secs" -max_len=65536 -timeout=10 \
			-rss_limit_mb=2048 -print_final_stats=1 "${dict[@]}" corpus \
			>"$work/log" 2>&1); then
		{
			echo "fuzz $name: ok after ${secs}s: $(grep -E '^#[0-9]+.*(DONE|pulse)' "$work/log" | tail -n 1)"
			grep -E 'stat::number_of_executed_units|stat::average_exec_per_sec' "$work/log" | tr '\n' ' '
			echo
		} >"$results/$name.out"
		touch "$results/$name.ok"
	else
		{
			echo "fuzz $name: FOUND A PROBLEM"
			grep -E -A 30 '^==[0-9]+==ERROR|runtime error|deadly signal|timeout' "$work/log" | head -n 60
		} >"$results/$name.out"
		touch "$results/$name.fail"
	fi
	rm -rf "$work"
}

running=0
for bin in build/fuzz_*; do
	if [ "$running" -ge "$jobs" ]; then
		wait -n
		running=$((running - 1))
	fi
	fuzz_one "$bin" &
	running=$((running + 1))
done
wait
passed=0
failed=0
for bin in build/fuzz_*; do
	name=${bin#build/fuzz_}
	cat "$results/$name.out" 2>/dev/null
	if [ -e "$results/$name.ok" ]; then
		passed=$((passed + 1))
	else
		[ -e "$results/$name.fail" ] || echo "fuzz $name: no verdict (the harness did not finish)"
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
