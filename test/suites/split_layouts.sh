#!/usr/bin/env bash
# Split quality on rendered issues: tools/split_render.py renders the
# held-out half of the articles (the project's own fixtures, and the real
# articles and sentences of ../shared when present) in seven layouts -- e-paper
# dump, masthead with blank lines, web-copied, OCR with marks, e-paper with
# captions, plain, historical (traditional characters OCR'd from vertical
# columns, joined by split_reflow.c) -- of which plain was never seen in fitting the line-role
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
	# today's figures fails; adverts/notices must be found and at most one in
	# 15 inside an article's body (the model of commit 02d19cf, refitted in a
	# fixed order, leaks 3 of 128: the zero it showed before came from the
	# fitter's address-dependent file order)
	base=(--min-f1 85 --min-end 70 --min-title 88 --min-ad 80 --max-ad-leak 7)
	bars=("${base[@]}" --min-byline 90)
	# headline stacks (a kicker or a subtitle besides the title): their
	# titles right at least 75% a layout (today 80-93%; 71-87% with the
	# header before the stack atoms, which read a long kicker over a short
	# title as title and subtitle; bench/split_quality.md, "Which line of a
	# stack is the title")
	stbars=(--min-stack-title 75)
	bbars=(--min-f1 85 --min-end 70 --min-title 85 --min-ad 80 --max-ad-leak 7 --min-byline 75)
	# historical issues have their own floors, under today's figures
	hbars=(--min-f1 78 --min-end 72 --min-title 85 --min-ad 85 --max-ad-leak 5)
else
	# a smoke check: the 8 articles, half of them seen in fitting
	echo "../shared not found: the project's 8 articles only (test/split_model/articles.json)"
	split=all
	issues=8
	bars=(--min-f1 80 --min-end 80 --min-title 75 --max-ad-leak 10)
	bbars=("${bars[@]}")
	hbars=(--min-f1 60 --min-end 60 --min-title 60 --max-ad-leak 10)
	stbars=()
fi
python3 tools/split_render.py "$TMP/in" --split "$split" --seed 7 --issues "$issues" --shared "$SHARED"
mkdir -p "$TMP/hist"
mv "$TMP"/in/historical_* "$TMP/hist/"
# with segments: tools/split_kept.py checks that no line's text is lost
build/na_split "$TMP"/in/*.txt -o "$TMP/out"
build/na_split "$TMP"/hist/*.txt -o "$TMP/hout"
python3 tools/split_eval.py "$TMP/in" "$TMP/out" "${bars[@]}" "${stbars[@]}" | sed '$d' | tee "$TMP/eval.txt"
python3 tools/split_eval.py "$TMP/hist" "$TMP/hout" "${hbars[@]}" | sed -n '/^historical/,/adverts/p;/not within/p' | tee -a "$TMP/eval.txt"
# variant DIR TITLE BARS RENDER_OPTION..: the same articles rendered with
# the options into $TMP/DIR, split into $TMP/DIR.out and checked against the
# bars (the name of an array).  With seeds="7 8" the renderings of each
# render seed are pooled (the second's files named LAYOUT_s8-NNN), for the
# groups an issue holds only one of
variant() {
	local dir=$1 title=$2 seed f
	local -n vbars=$3
	shift 3
	for seed in ${seeds:-7}; do
		if [ "$seed" = 7 ]; then
			python3 tools/split_render.py "$TMP/$dir" --split "$split" --seed 7 --issues "$issues" --shared "$SHARED" "$@"
			continue
		fi
		python3 tools/split_render.py "$TMP/$dir.s$seed" --split "$split" --seed "$seed" --issues "$issues" --shared "$SHARED" "$@"
		for f in "$TMP/$dir.s$seed"/*; do
			f=${f##*/}
			mv "$TMP/$dir.s$seed/$f" "$TMP/$dir/${f%%_*}_s$seed-${f#*_}"
		done
	done
	build/na_split "$TMP/$dir"/*.txt -o "$TMP/$dir.out"
	echo "$title:"
	python3 tools/split_eval.py "$TMP/$dir" "$TMP/$dir.out" "${vbars[@]}" | sed '$d' | grep -v "adverts/notices" |
		tee -a "$TMP/eval.txt"
}
# every reporter byline printed in another paper's style (names alone,
# 本报评论员, ...; split_render.py --byline-styles): bylines read right at
# least 75% a layout (today 85-87%; 43-61% before the NAME_LINE atom),
# titles at least 85%
variant bin "every reporter byline in another style" bbars --layouts epaper,masthead,web,plain --byline-styles 1
# a name list or directory in every issue (tens to hundreds of short item
# lines under group heads; split_render.py --lists, bench/split_quality.md
# "Lists"): the layouts' floors, and lists found whole (found, body ending
# right) at least 40% (today 50-92%; before the list features, 4-42% of
# those found)
lbars=("${bars[@]}" --min-list 40)
[ "$split" = test ] || lbars=("${bars[@]}")
variant lin "with a list in every issue" lbars --layouts epaper,masthead,web,plain,captions,ocr --lists 1
# a long report or speech in every issue (8,000-40,000 characters under
# numbered heads 一、 （一）, the topic changing at every head;
# split_render.py --reports, bench/split_quality.md "Reports and speeches"):
# the layouts' floors, and reports found whole at least 50% a layout (today
# 67-100%; 25-82% before the NUM_NEXT atom)
rbars=("${bars[@]}" --min-report 50)
[ "$split" = test ] || rbars=("${bars[@]}")
variant rin "with a report or speech in every issue" rbars --layouts epaper,masthead,web,plain,captions,ocr --reports 1
# documents and letters (an issuer and a date line under the text, a
# salutation above it in some) in a fifth of the articles
# (split_render.py --signatures, bench/split_quality.md "Signature
# blocks"): F1 at least 82 (today 89.8-96.5; plain and web the lowest), the
# other floors, and the articles right after a signed one found whole at
# least 75% a layout (today 80-92%, render seeds 7 and 8 pooled: a seed alone
# holds 40-45 such articles a layout, and moved web between 70 and 90%); main's
# header before the signature atoms read the block as the next article's
# kicker and title (ocr titles 79.8%, under the floor of 88)
sbars=("${bars[@]}" --min-f1 82 --min-after-signed 75)
[ "$split" = test ] || sbars=("${bars[@]}")
seeds="7 8" variant sin "with documents and letters signed" sbars --layouts epaper,masthead,web,plain,captions,ocr --signatures 0.2
# bulleted key points (■ ● ◆ ▲ ★ lines, two to four after a paragraph) in
# 30% of the articles (split_render.py --points, bench/split_quality.md
# "Bulleted key points"): the layouts' floors; before the points were in
# fitting and ■ alone made a byline, they opened articles or went to notes
# (ocr F1 83.4, body ends 66.9; web ends 75.5)
variant pin "with bulleted key points in 30% of the articles" bars --layouts epaper,masthead,web,plain,captions,ocr --points 0.3
# photo news (a short headline over one caption paragraph and a
# photographer's credit, or untitled pictures under 图片新闻) and a poem (a
# title, the poet's name, verse lines) in every issue (split_render.py
# --photos, --poems; bench/split_quality.md "Photo news and poems"): the
# layouts' floors, photo news items found whole at least 55% a layout (today
# 57.6-100%, plain the lowest: 19 of 33 items, 20 before quoted poems were in
# fitting; a floor a few items under today's, so one item's flip in a refit
# does not fail it) and
# poems at least 45% (render seeds 7 and 8 pooled, 22-24 poems a layout:
# today 50-95%, web 50% and plain 58% the lowest, where a poem's last verse
# line, unindented, is read as the next article's kicker; 41-95% with the
# header before the story cut of the sentence corpora; before poems were in
# fitting, 20-88% of A -> B)
fbars=("${bars[@]}" --min-photo 55 --min-poem 45)
[ "$split" = test ] || fbars=("${bars[@]}")
seeds="7 8" variant fin "with photo news and a poem in every issue" fbars --layouts epaper,masthead,web,plain,captions --photos 1 --poems 1
# bylines as national dailies set them (two-character names padded, 王　浩;
# half of them indented like a paragraph; split_render.py --byline-press,
# bench/split_quality.md "Bylines as national dailies set them"), a third
# of them in another paper's style, in the layouts that indent paragraphs:
# the layouts' floors and bylines read right at least 93% a layout (today
# 94.3-97.0%; 92.3-94.7% before such bylines were in fitting, which read an
# indented name line as body or a section head).  Most misses left are one
# 新民晚报 column's writer, her name run into her school and class
# (许X北京市第X中学初三（20）班), a byline in the gold since the renderer
# reads a writer's line over the text as one (split_render.py byline_head)
ybars=("${bars[@]}" --min-byline 93)
[ "$split" = test ] || ybars=("${bars[@]}")
variant yin "with bylines set as national dailies set them" ybars --layouts epaper,masthead,captions --byline-press 1 --byline-styles 0.3
# no text silently lost (tools/split_kept.py): every kicker, title,
# subtitle, byline, dateline, body, heading, caption and credit line of an
# article found in its row, in every rendering above (a round-up's later
# 本报讯 paragraphs lost their lead before commit b7e4053; closing notes
# such as （资料来源：…） before the notes column; before commit 8dd2d1b a
# photographer's credit under a photo news item went to a photo row of its
# own that was dropped as empty, 117 of the 742 credit lines of the photo
# rendering, which the check did not see: a line in no row now counts)
echo "text kept, every rendering above:"
for d in in hist lin rin sin bin pin fin yin; do
	o=$TMP/$d.out
	[ "$d" = in ] && o=$TMP/out
	[ "$d" = hist ] && o=$TMP/hout
	# a check that cannot run fails
	python3 tools/split_kept.py "$TMP/$d" "$o" --max-lost 0 >"$TMP/kept.$d.txt" 2>&1 ||
		echo "0 passed, 1 failed" >>"$TMP/kept.$d.txt"
done
cat "$TMP"/kept.*.txt | awk '$1 ~ /^(kicker|title|subtitle|byline|dateline|body|heading|caption|credit)$/ {n[$1] += $2; l[$1] += $3}
	/ lost, more than/ {print}
	END {for (r in n) printf "   %-9s %7d segments, %d lost\n", r, n[r], l[r]}' | sort
# one line for all: the checks of every layout against its bars
p=$( (python3 tools/split_eval.py "$TMP/in" "$TMP/out" "${bars[@]}" "${stbars[@]}"; python3 tools/split_eval.py "$TMP/hist" "$TMP/hout" "${hbars[@]}"
	python3 tools/split_eval.py "$TMP/lin" "$TMP/lin.out" "${lbars[@]}"
	python3 tools/split_eval.py "$TMP/rin" "$TMP/rin.out" "${rbars[@]}"
	python3 tools/split_eval.py "$TMP/sin" "$TMP/sin.out" "${sbars[@]}"
	python3 tools/split_eval.py "$TMP/bin" "$TMP/bin.out" "${bbars[@]}"
	python3 tools/split_eval.py "$TMP/pin" "$TMP/pin.out" "${bars[@]}"
	python3 tools/split_eval.py "$TMP/fin" "$TMP/fin.out" "${fbars[@]}"
	python3 tools/split_eval.py "$TMP/yin" "$TMP/yin.out" "${ybars[@]}"
	tail -q -n 1 "$TMP"/kept.*.txt) |
	awk '/ passed, .* failed$/ {p += $1; f += $3} END {print p, f}')
echo "${p% *} passed, ${p#* } failed"
[ "${p#* }" = 0 ]
