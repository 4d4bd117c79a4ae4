#!/usr/bin/env bash
# Transfer to an unseen paper: fit the line-role model on the articles of
# one paper only and score it on the other, both ways, in all six layouts.
#
#   bash scripts/split-transfer.sh [WORKDIR]
#
#   A -> B: fitted on own fixtures + 新民晚报 (xinmin) + PKU sentences,
#           scored on 解放日报 (cnki) + MSR sentences
#   B -> A: fitted on own fixtures + 解放日报 + MSR sentences,
#           scored on 新民晚报 + PKU sentences
# Every article of the scored paper is used (none was seen in fitting).
# SCORE_SEEDS (default 7) are the render seeds of the scored issues: with
# SCORE_SEEDS="7 8 9" each header is also scored on the issues of seeds 8
# and 9 (12 a layout each), without another fit.
# ADD (default pages, as the committed header is fitted; ADD= for none)
# adds sources to both fitting sides (their fitting half only: split-fit.sh
# renders --split train).
# SCORE_CUT (default 1) renders the scored issues with --story-cut (1: the
# PKU/MSR chunks end where the corpus opens another story, so that their
# gold is one story each; 0 keeps the real headlines inside them, which the
# gold then calls section heads; bench/split_quality.md, "Every story of
# the sentence corpora its own article").
# SCORE_LISTS (default 0) gives that share of the scored issues a name list
# (split_render.py --lists); SCORE_BYSTY (default 0) restyles that share of
# the scored bylines (split_render.py --byline-styles); SCORE_REPORTS (default
# 0) gives that share of the scored issues a long report (--reports);
# SCORE_SIGNS (default 0) closes that share of the scored articles with a
# signature block (--signatures); SCORE_TOPICAL (default 0) renders that
# share of the scored issues from one source in topical order (--topical);
# SCORE_POINTS (default 0) prints bulleted key points in that share of the
# scored articles (--points); SCORE_PHOTOS (default 0) gives that share of
# the scored issues photo news items (--photos); SCORE_POEMS (default 0) a
# poem (--poems); SCORE_BYPRESS (default 0) sets that share of the scored
# bylines padded and indented (--byline-press); SCORE_ROUNDUPS (default 0)
# gives that share of the scored issues a round-up of parts (--roundups).
# The committed header is put back afterwards and build/na_split rebuilt
# from it.  Needs ../shared (dev/news, seg); prints per-layout scores, and
# per source (split_eval.py --by-source: the paper's real articles apart
# from the sentence corpora's chunks).
#
# PAGES=1 (or the argument --pages before WORKDIR) scores instead on the
# articles of the saved news web pages (../shared/dev/web, 29+ outlets no
# fitting ever saw; tools/split_render.py --sources pages): the committed
# header as it is (no refit; it has seen the fitting half of the pages, so
# PAGES=held is the held-out figure now), the header refitted on the
# papers without the pages,
# and the headers fitted on one paper each (A -> pages, B -> pages).
#
# PAGES=held scores the pages as a fitted source: the header fitted on every
# source plus the fitting half of the pages (SOURCES=own,xinmin,cnki,pku,msr,
# pages) is scored on the held-out half of the pages, the header fitted on
# the other half (SWAP=pages) on the first half, so each page article is
# scored once held out; the committed header on the same renderings (seeds
# SCORE_SEEDS, default "7 8 9", 12 issues a layout each, pooled: one table
# per half and one for both).  PAGE_CAPTIONS=1 renders the scored pages
# with --page-captions 1 (their caption-shaped lines captions, not body).
# REUSE=DIR takes the fitted headers from the WORKDIR DIR of an earlier run
# (e.g. to score them again with SCORE_CUT or PAGE_CAPTIONS) instead of fitting.
# Other split-fit.sh settings (TWOPART, RUNS, ...) pass through.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=../shared
[ -d "$SHARED/dev/news" ] || { echo "../shared/dev/news not found: skipped"; exit 0; }
if [ "${1:-}" = --pages ]; then PAGES=1; shift; fi
WORK=${1:-$(mktemp -d)}
H=src/core/split_model_weights.h
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
cp "$H" "$WORK/committed.h"
restore() { cp "$WORK/committed.h" "$H"; make -s build/na_split >/dev/null; }
trap restore EXIT
# fit NAME [VAR=VALUE..]: the header $WORK/NAME.h, or with REUSE=DIR the one
# an earlier run left in DIR (rescoring other renderings without a refit)
fit() {
	local name=$1
	shift
	if [ -n "${REUSE:-}" ]; then
		cp "$REUSE/$name.h" "$WORK/$name.h"
	else
		env "$@" OUT="$WORK/$name.h" bash scripts/split-fit.sh "$WORK/fit_$name" >/dev/null 2>&1
	fi
}
run() {
	local name=$1 train=$2 test=$3
	fit "$name" SOURCES=$train
	cp "$WORK/$name.h" "$H"
	make -s build/na_split >/dev/null
	score "$name" "$train" "$test"
}
score() {
	local name=$1 train=$2 test=$3
	for seed in ${SCORE_SEEDS:-7}; do
		local dir=$name note=""
		[ "$seed" = 7 ] || { dir=${name}_s$seed; note=" (render seed $seed)"; }
		rm -rf "$WORK/in_$dir" "$WORK/out_$dir"
		python3 tools/split_render.py "$WORK/in_$dir" --split all --seed "$seed" --issues 12 --sources "$test" --story-cut "${SCORE_CUT:-1}" --lists "${SCORE_LISTS:-0}" --byline-styles "${SCORE_BYSTY:-0}" --reports "${SCORE_REPORTS:-0}" --signatures "${SCORE_SIGNS:-0}" --topical "${SCORE_TOPICAL:-0}" --points "${SCORE_POINTS:-0}" --photos "${SCORE_PHOTOS:-0}" --poems "${SCORE_POEMS:-0}" --byline-press "${SCORE_BYPRESS:-0}" --roundups "${SCORE_ROUNDUPS:-0}"
		build/na_split "$WORK/in_$dir"/*.txt -o "$WORK/out_$dir" --no-segments
		echo "== fitted on $train, scored on $test$note"
		python3 tools/split_eval.py "$WORK/in_$dir" "$WORK/out_$dir" --by-source
	done
}
# render the pages' half HALF (train|test) for every score seed into one
# directory, the seed in each file's name (split_eval.py pools them)
render_half() {
	local half=$1 dir=$WORK/held_$1 seed f b
	rm -rf "$dir" && mkdir -p "$dir"
	for seed in ${SCORE_SEEDS:-7 8 9}; do
		python3 tools/split_render.py "$WORK/r_$half" --split "$half" --seed "$seed" --issues 12 --sources pages --page-captions "${PAGE_CAPTIONS:-0}"
		for f in "$WORK/r_$half"/*; do
			b=$(basename "$f")
			mv "$f" "$dir/${b%_*}_$half$seed-${b##*_}"
		done
		rm -rf "$WORK/r_$half"
	done
}
# split the renderings of HALF with the header HDR into out_NAME
split_half() {
	local name=$1 hdr=$2 half=$3
	cp "$hdr" "$H"
	make -s build/na_split >/dev/null
	build/na_split "$WORK/held_$half"/*.txt -o "$WORK/out_$name" --no-segments >/dev/null
}
held() {
	local all=own,xinmin,cnki,pku,msr,pages n
	fit held_fit1 SOURCES=$all
	fit held_fit0 SOURCES=$all SWAP=pages
	render_half test
	render_half train
	rm -rf "$WORK"/out_* "$WORK/held_both"
	mkdir -p "$WORK/held_both"
	ln -s "$WORK"/held_test/* "$WORK"/held_train/* "$WORK/held_both/"
	split_half committed_test "$WORK/committed.h" test
	split_half committed_train "$WORK/committed.h" train
	split_half fitted_test "$WORK/held_fit1.h" test
	split_half fitted_train "$WORK/held_fit0.h" train
	for n in committed fitted; do
		mkdir -p "$WORK/out_${n}_both"
		ln -s "$WORK/out_${n}_test"/* "$WORK/out_${n}_train"/* "$WORK/out_${n}_both/"
	done
	for n in test train both; do
		local what="the $n half"
		[ "$n" = both ] && what="both halves"
		echo "== pages, $what: the committed header"
		python3 tools/split_eval.py "$WORK/held_$n" "$WORK/out_committed_$n"
		echo "== pages, $what: fitted with the other half of the pages"
		python3 tools/split_eval.py "$WORK/held_$n" "$WORK/out_fitted_$n"
	done
}
if [ "${PAGES:-0}" = held ]; then
	[ -d "$SHARED/dev/web" ] || { echo "../shared/dev/web not found: skipped"; exit 0; }
	make -s build/na_split build/na_web >/dev/null
	held
	exit 0
fi
if [ "${PAGES:-0}" = 1 ]; then
	[ -d "$SHARED/dev/web" ] || { echo "../shared/dev/web not found: skipped"; exit 0; }
	make -s build/na_split build/na_web >/dev/null
	score committed "the committed header (not refitted)" pages
	run ALLtoP own,xinmin,cnki,pku,msr pages
	if cmp -s "$WORK/ALLtoP.h" "$WORK/committed.h"; then
		echo "== the refit on every source is the committed header, byte for byte"
	else
		echo "== the refit on every source differs from the committed header"
	fi
	run AtoP own,xinmin,pku pages
	run BtoP own,cnki,msr pages
	exit 0
fi
ADD=${ADD-pages}
run AtoB own,xinmin,pku${ADD:+,$ADD} cnki,msr
run BtoA own,cnki,msr${ADD:+,$ADD} xinmin,pku
