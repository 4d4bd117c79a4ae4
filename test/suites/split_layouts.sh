#!/usr/bin/env bash
# Split quality on rendered issues: tools/split_render.py renders the
# held-out half of the articles (the project's own fixtures, and the real
# articles and sentences of ../shared when present) in six layouts -- e-paper
# dump, masthead with blank lines, web-copied, OCR with marks, e-paper with
# captions, plain -- of which plain was never seen in fitting the line-role
# model (scripts/split-fit.sh; captions are in 30% of its issues) -- with
# adverts and notices between articles in most non-OCR issues.  build/na_split splits them and
# tools/split_eval.py checks every layout's boundary F1, body ends and
# titles against the bars.
set -uo pipefail
NA_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$NA_ROOT"
SHARED="$NA_ROOT/../shared"
[ -d "$SHARED" ] || SHARED="$NA_ROOT/../../shared"
TMP=${NA_TMP:-$(mktemp -d)}/split_layouts
rm -rf "$TMP"
mkdir -p "$TMP"

make -s build/na_split >/dev/null || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

if [ -d "$SHARED/dev/news" ]; then
	echo "articles: project fixtures + ../shared (held-out half, never seen in fitting)"
	split=test
	issues=12
	# floors under the issue's 90% bars, which the web and plain layouts do
	# not reach yet (README, "Splitting issues into articles"): a drop below
	# today's figures (lowest: web 86.5 F1, 71.9 ends) fails; adverts/notices
	# must be found and at most one in 15 inside an article's body (the model
	# of commit 02d19cf, refitted in a fixed order, leaks 3 of 128, today's 1: the zero
	# it showed before came from the fitter's address-dependent file order)
	bars=(--min-f1 85 --min-end 70 --min-title 88 --min-ad 80 --max-ad-leak 7)
else
	# a smoke check: the 8 articles, half of them seen in fitting
	echo "../shared not found: the project's 8 articles only (test/split_model/articles.json)"
	split=all
	issues=8
	bars=(--min-f1 80 --min-end 80 --min-title 75 --max-ad-leak 10)
fi
python3 tools/split_render.py "$TMP/in" --split "$split" --seed 7 --issues "$issues" --shared "$SHARED"
build/na_split "$TMP"/in/*.txt -o "$TMP/out" --no-segments
python3 tools/split_eval.py "$TMP/in" "$TMP/out" "${bars[@]}"
