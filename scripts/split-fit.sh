#!/usr/bin/env bash
# Fit the splitter's line-role model and rewrite src/core/split_model_weights.h.
#
#   bash scripts/split-fit.sh [WORKDIR]
#
# Renders the training issues (tools/split_render.py: the training half of
# the articles, layouts epaper, masthead, web, ocr and historical (OCR'd
# vertical columns, joined by split_reflow.c), photo captions in 30%
# of the non-OCR issues, adverts and notices between articles; ../shared
# material is read when present), dumps each line's features with
# build/na_split --features, and fits the weights with build/na_split_fit.
# The layout plain and the other half of the articles stay out of fitting
# for the held-out figures (test/suites/split_layouts.sh).  Deterministic:
# the same repository and ../shared give the same header.
#
# SWAP (e.g. SWAP=pages) fits on the other half of the named sources
# (split_render.py --swap); TWOPART (default 0) gives that share of the
# varied articles a two-part headline (split_render.py --two-part; bench/split_quality.md,
# "The pages as fitting data": measured, not kept).
#
# LONG_KICKERS, PAGE_STACKS (default 0) and WEIGHTS (default none; e.g.
# own=2,xinmin=2,cnki=2,pku=2,msr=2 fits the pages at half weight) pass
# --long-kickers, --page-stacks and --weights to split_render.py (bench/split_quality.md,
# "Titles in headline stacks and the pages' weight in fitting": measured,
# not kept).
#
# QTITLES (default 0.15) turns that share of the varied articles' titles into
# question headlines of their own words (split_render.py --question-titles;
# bench/split_quality.md, "Question titles in the fitting data").  QSTREAM=own draws them
# from a stream of their own (split_render.py --qtitle-stream; default shared).
#
# WEBCAP (default 0) gives that share of the web layout's articles photo and
# video-still captions, picture credits and quoted-name inner heads of their
# own words (split_render.py --web-captions; bench/split_quality.md, "Captions and quoted
# names in copied web text": measured, not kept).
#
# STORY_CUT (default 1) ends each chunk of PKU/MSR sentences where the
# corpus opens another story, at a dateline or a headline (split_render.py
# --story-cut; 2 also keeps a chunk's opening headline as its title);
# BARE_CREDITS (default 0) signs that share of the varied articles off with a
# bare credit line (--bare-credits; bench/split_quality.md, "Story boundaries in the sentence
# corpora": 1 kept, 2 and the bare credits measured, not kept).
#
# LISTS (default 0.3) gives that share of the training issues (not the
# historical ones) a
# name list or directory (split_render.py --lists: tens to hundreds of
# short item lines under group heads; bench/split_quality.md, "Lists").
# REPORTS (default 0.3) gives that share of the training issues a long report
# or speech (split_render.py --reports: numbered sections, each of other
# articles; bench/split_quality.md, "Reports and speeches").
# SIGNS (default 0.05) prints that share of the articles as documents or
# letters closing with a signature block (split_render.py --signatures: the
# issuer and a date line; bench/split_quality.md, "Signature blocks").
# TOPICAL (default 0) renders that share of the training issues from one
# source in topical order (split_render.py --topical: related articles side
# by side, as pages print them).
# PHOTOS (default 0.3) gives that share of the issues photo news items
# (split_render.py --photos: a headline over a caption and a photographer's
# credit, or untitled pictures under a label; bench/split_quality.md, "Photo
# news between articles").
# POEMS (default 0.3) gives that share of the issues a poem (split_render.py
# --poems: a title, the poet's name, verse lines each a paragraph).
# BYLINE_PRESS (default 0.25) sets that share of the bylines as national
# dailies print them (split_render.py --byline-press: two-character names
# padded to three, 王　浩; half of them indented like a paragraph).
# STACK_LONG (default 0.8) draws that share of the invented kickers and
# subtitles longer than the title (split_render.py --stack-long: the main
# title is the stack's shortest line; bench/split_quality.md, "Which line
# of a stack is the title").
# QHEADS (default 0) puts that share of the sectioned varied articles' heads
# as questions (split_render.py --question-heads; bench/split_quality.md,
# "Every story of the sentence corpora its own article": 0.3 measured, not
# kept).
# KICKERS (default 0.3) gives that share of the varied articles an invented
# kicker; KDASH (default: half, from the main stream) closes that share of
# the short ones in —— (split_render.py --kickers, --kicker-dash;
# bench/split_quality.md, "An issue's own stack convention": 0.45 and 0.2
# measured, not kept).
# POINTS (default 0.15) prints bulleted key points in that share of the
# articles (split_render.py --points; bench/split_quality.md, "Bulleted key
# points").
# CAPORIG (default 0.3) sets that share of the photo captions as web copies
# and wire pages print many, with where the picture came from in place of
# the photographer (split_render.py --caption-origins: ……（视频截图）,
# ……。资料图片, ……（视觉中国）).
# QPOEMS (default 0.3) quotes a poem inside that share of the articles
# (split_render.py --quoted-poems: 《X》 alone on its line, a poet's line in
# some, verse lines of the article's own clauses).
# BYLINE_STYLES (default 0.3) prints that share of the reporter bylines in
# other papers' styles (split_render.py --byline-styles: names alone,
# 本报评论员, ...; bench/split_quality.md, "Bylines of other styles").
# CORPUS_CHUNKS (default 1) draws about that many times the PKU/MSR chunks
# (split_render.py --corpus-chunks K, or pku=K,msr=K; bench/split_quality.md,
# "More of the sentence corpora in fitting": measured 2x-8x, not kept).
# SOURCES (default all: own,xinmin,cnki,pku,msr) limits the articles fitted
# on and OUT (default src/core/split_model_weights.h) where the header goes;
# scripts/split-transfer.sh uses both to fit on one paper only.  UNSEEN_PRIOR
# (default 100) is where a role transition never seen in fitting starts
# (na_split_fit --unseen-prior; bench/split_quality.md, "Why the hard mask made titles ...").
# WEBCOPY (default 0) gives that share of the web issues a web page's
# furniture (split_render.py --webcopy; bench/split_quality.md, "Web copies and headline
# stacks": not kept in fitting).  PAIR_DROPOUT (default 0.5) leaves each pair of
# atoms out of a line with that probability in each epoch of fitting;
# DROPOUT (atoms, default 0), MIN_COUNT, MARGIN and CLIP (default 0: off)
# are the other regularisers of na_split_fit that were measured and not kept
# (bench/split_quality.md, "Regularising the fitter").  Bagging, measured and not kept
# (bench/split_quality.md, "Error analysis of the weak cells"): SEEDS (default 11)
# renders the training issues once per seed, each run fitting on one of
# the renderings (run r on the (r mod n)th; PER_DIR=0: every run on all of
# them); BAG=1 fits each run on a bootstrap sample of the issues.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${1:-$(mktemp -d)}
SEEDS=${SEEDS:-11}
make -s build/na_split build/na_split_fit build/na_web >/dev/null
DIRS=()
for SEED in $SEEDS; do
	D="$WORK/train"
	[ "$SEEDS" = 11 ] || D="$WORK/train_$SEED"
	rm -rf "$D"
	mkdir -p "$D"
	python3 tools/split_render.py "$D" --split train --seed "$SEED" --issues ${ISSUES:-60} \
		--layouts ${LAYOUTS:-epaper,masthead,web,ocr,historical} --captions 0.3 --vary "${VARY:-0.3}" --webcopy "${WEBCOPY:-0}" --sources "${SOURCES:-own,xinmin,cnki,pku,msr,pages}" --swap "${SWAP:-}" --two-part "${TWOPART:-0.5}" --long-kickers "${LONG_KICKERS:-0}" --weights "${WEIGHTS:-}" --page-stacks "${PAGE_STACKS:-0}" --question-titles "${QTITLES:-0.15}" --story-cut "${STORY_CUT:-1}" --bare-credits "${BARE_CREDITS:-0}" --qtitle-stream "${QSTREAM:-shared}" --web-captions "${WEBCAP:-0}" --corpus-chunks "${CORPUS_CHUNKS:-1}" --lists "${LISTS:-0.3}" --byline-styles "${BYLINE_STYLES:-0.3}" --reports "${REPORTS:-0.3}" --signatures "${SIGNS:-0.05}" --topical "${TOPICAL:-0}" --points "${POINTS:-0.15}" --caption-origins "${CAPORIG:-0.3}" --quoted-poems "${QPOEMS:-0.3}" --photos "${PHOTOS:-0.3}" --poems "${POEMS:-0.3}" --byline-press "${BYLINE_PRESS:-0.25}" --stack-long "${STACK_LONG:-0.8}" --question-heads "${QHEADS:-0}" --kickers "${KICKERS:-0.3}" --kicker-dash "${KDASH:-}"
	build/na_split "$D"/*.txt -o "$D" --features
	DIRS+=("$D")
done
BAGOPT=()
[ "${BAG:-0}" = 1 ] && BAGOPT+=(--bag)
[ "$SEEDS" = 11 ] || [ "${PER_DIR:-1}" = 0 ] || BAGOPT+=(--run-per-dir)
OUT=${OUT:-src/core/split_model_weights.h}
build/na_split_fit --epochs "${EPOCHS:-12}" --runs "${RUNS:-4}" --unseen-prior "${UNSEEN_PRIOR:-100}" --dropout "${DROPOUT:-0}" --pair-dropout "${PAIR_DROPOUT:-0.5}" --min-count "${MIN_COUNT:-0}" --margin "${MARGIN:-0}" --clip "${CLIP:-0}" ${BAGOPT[@]+"${BAGOPT[@]}"} --out "$OUT" "${DIRS[@]}"
echo "wrote $OUT"
