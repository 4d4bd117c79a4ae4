#!/usr/bin/env bash
# Word segmentation quality on the PKU and MSR test sets of ../shared/seg
# (outside the repository), scored by ../shared/eval/seg_score.py.
#
# Each corpus is one check: it passes when word F1 is no lower than the
# figure the segmenter reached when this guard was set, minus 0.005.  The
# project's bar (issue 4) is F1 >= 0.85 on both.
set -uo pipefail
NA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SHARED=${NA_SHARED:-$NA_ROOT/../shared}
# in a git worktree, ../shared sits next to the main checkout
if [ ! -d "$SHARED" ] && common=$(git -C "$NA_ROOT" rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
	SHARED=$(dirname "$(dirname "$common")")/shared
fi
CLI=$NA_ROOT/build/zh_segment_cli
DICT=$NA_ROOT/build/news_archive_zh.dict

# F1 reached when the guard was last raised
declare -A REACHED=([pku]=0.8725 [msr]=0.8639)
BAR=0.85

if [ ! -d "$SHARED/seg" ] || [ ! -f "$SHARED/eval/seg_score.py" ]; then
	echo "seg_score: $SHARED/seg not present, segmentation not scored"
	echo "0 passed, 0 failed"
	exit 0
fi
if [ ! -x "$CLI" ] || [ ! -f "$DICT" ]; then
	make -s -C "$NA_ROOT" standalone >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
fi

passed=0
failed=0
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for corpus in pku msr; do
	"$CLI" -d "$DICT" <"$SHARED/seg/${corpus}_test_raw.txt" >"$out/$corpus.txt"
	line=$(python3 "$SHARED/eval/seg_score.py" "$SHARED/seg/${corpus}_test_gold.txt" \
		"$out/$corpus.txt" --oov "$SHARED/seg/${corpus}_training_words.txt" | tail -n 1)
	echo "$corpus $line"
	f1=$(sed -n 's/.* F1 \([0-9.]*\).*/\1/p' <<<"$line")
	guard=$(awk -v r="${REACHED[$corpus]}" 'BEGIN {printf "%.4f", r - 0.005}')
	if [ -n "$f1" ] && awk -v f="$f1" -v g="$guard" 'BEGIN {exit !(f >= g)}'; then
		echo "ok: $corpus F1 $f1 >= guard $guard (bar $BAR)"
		passed=$((passed + 1))
	else
		echo "FAILED: $corpus F1 ${f1:-?} < guard $guard (bar $BAR)"
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
