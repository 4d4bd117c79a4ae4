/*
 * split_issue.c
 *	  na_split_issue(): the splitter's pipeline, stage by stage.
 *
 *	  column-broken text (OCR'd vertical columns) joined into paragraphs in
 *	  a shadow text whose offsets map back to the raw text (split_reflow.c)
 *	  -> front matter (frontmatter.c)
 *	  -> lines, each classified on its own (split_lines.c)
 *	  -> features of each line (split_features.c)
 *	  -> roles, by the line-role model (split_roles.c)
 *	  -> articles from the roles (split_articles.c); OCR'd issues with
 *	     heading marks and text copied from web pages with a site header go
 *	     to the rule assembler (split_assemble.c)
 *	  (saved HTML pages take their own path: html_split.c)
 *	  -> fields, clean bodies and segments (split_fill.c, split_body.c)
 */
#include "split_internal.h"
#include "na_html.h"
#include "split_reflow.h"

/* a byline (names and roles, not a bulleted point) led by ■ or □, as OCR'd print has them */
static bool
square_byline(const char *text, const SpLine *l)
{
	size_t		i,
				adv;

	if (!l->marked || l->cls != SPC_BYLINE || !na_byline_looks_like(text + l->cs, l->ce - l->cs))
		return false;
	for (i = l->start; i < l->cs; i += adv)
	{
		uint32_t	cp = na_utf8_decode(text + i, l->cs - i, &adv);

		if (cp == 0x25A0 || cp == 0x25A1)
			return true;
	}
	return false;
}

/* which assembler: the layout hint, or what the issue looks like */
static bool
use_rules(const Asm *as, NaSplitLayout layout)
{
	switch (layout)
	{
		case NA_LAYOUT_OCR:
			return true;
		case NA_LAYOUT_EPAPER:
		case NA_LAYOUT_WEB:
		case NA_LAYOUT_HISTORICAL:
			return false;
		default:
			/*
			 * OCR'd print: markdown heading marks or bylines led by ■/□,
			 * which e-paper dumps and copied web text never carry
			 */
			return as->web || as->heading_marks > 0 || as->marked_bylines >= 2;
	}
}

static void
split_text(const char *text, size_t len, NaSplitLayout layout, const SpReflow *rf,
		   NaSplit *out)
{
	Asm			as;
	size_t		n_lines,
				i;
	SpLine	   *lines;
	int			head_hi = 0,
				tail_lo,
				marks = 0;

	memset(out, 0, sizeof(*out));
	na_frontmatter_parse(text, len, &out->info);
	lines = sp_lines_build(text, len, &n_lines);

	memset(&as, 0, sizeof(as));
	as.text = text;
	as.lines = lines;
	as.cur = -1;
	as.web = out->info.site != NULL;

	for (i = 0; i < n_lines; i++)
	{
		if ((i & 0x3FF) == 0)
			na_check_interrupts();
		sp_classify(text, &lines[i]);
		lines[i].role = NA_SEG_BLANK;
		lines[i].model_role = -1;
		if (lines[i].level > 0 && lines[i].start >= out->info.head_end)
			marks++;
		if (lines[i].level > 0 && lines[i].cls != SPC_GARBAGE)
			as.heading_marks++;
		if (square_byline(text, &lines[i]))
			as.marked_bylines++;
	}
	as.marked_doc = marks >= 3;
	as.cols = rf != NULL && sp_reflow_mark_lines(rf, lines, n_lines);

	/* the zone between the front matter and a web page's footer */
	while ((size_t) head_hi < n_lines && lines[head_hi].start < out->info.head_end)
		head_hi++;
	tail_lo = head_hi;
	while ((size_t) tail_lo < n_lines && lines[tail_lo].start < out->info.tail_start)
		tail_lo++;
	as.lo = head_hi;
	as.hi = tail_lo;

	if (use_rules(&as, layout))
		sp_assemble_rules(&as, &out->info, head_hi);
	else
		sp_assemble_roles(&as);

	sp_fill(&as, out, (int) n_lines, head_hi, tail_lo);

	if (as.page_section)
		na_free(as.page_section);
	for (i = 0; i < (size_t) as.n_arts; i++)
		if (as.arts[i].section)
			na_free(as.arts[i].section);
	na_free(as.arts);
	na_free(lines);
}

void
na_split_issue_layout(const char *text, size_t len, NaSplitLayout layout, NaSplit *out)
{
	SpReflow	rf;

	/* saved web pages are read by their own path (html_*.c) */
	if (na_html_looks_like(text, len))
	{
		na_html_split(text, len, out);
		return;
	}
	/* column-broken text: split the joined paragraphs, offsets mapped back */
	if ((layout == NA_LAYOUT_AUTO || layout == NA_LAYOUT_HISTORICAL) &&
		sp_reflow(text, len, layout == NA_LAYOUT_HISTORICAL, &rf))
	{
		split_text(rf.text, rf.len, layout, &rf, out);
		sp_reflow_map_split(&rf, out);
		sp_reflow_free(&rf);
		return;
	}
	split_text(text, len, layout, NULL, out);
}

void
na_split_issue(const char *text, size_t len, NaSplit *out)
{
	na_split_issue_layout(text, len, NA_LAYOUT_AUTO, out);
}

bool
na_split_layout_from_name(const char *name, NaSplitLayout *layout)
{
	static const char *const names[] = {"auto", "epaper", "ocr", "web", "historical"};
	int			k;

	for (k = 0; k < 5; k++)
		if (strcmp(name, names[k]) == 0)
		{
			*layout = (NaSplitLayout) k;
			return true;
		}
	return false;
}

/*
 * For the fitting tool (tools/split_fit.py via build/na_split --features):
 * the features of every line the model labels, one line of text each,
 * "LINE<TAB>id id ...", LINE counted from 0 over the raw lines (a line
 * joined from column lines by split_reflow.c is its first raw line).
 */
void
na_split_features(const char *raw, size_t raw_len, NaBuf *out)
{
	SpReflow	rf;
	bool		reflowed = sp_reflow(raw, raw_len, false, &rf);
	const char *text = reflowed ? rf.text : raw;
	size_t		len = reflowed ? rf.len : raw_len;
	NaIssueInfo info;
	size_t		n_lines,
				i;
	SpLine	   *lines;
	int		   *seq;
	int			n = 0,
				k,
				lo = 0,
				hi;
	SpSeq		sq;
	SpFeatures	f;
	char		num[16];

	na_frontmatter_parse(text, len, &info);
	lines = sp_lines_build(text, len, &n_lines);
	for (i = 0; i < n_lines; i++)
		sp_classify(text, &lines[i]);
	while ((size_t) lo < n_lines && lines[lo].start < info.head_end)
		lo++;
	hi = lo;
	while ((size_t) hi < n_lines && lines[hi].start < info.tail_start)
		hi++;
	seq = (int *) na_alloc(sizeof(int) * (n_lines + 1));
	for (k = lo; k < hi; k++)
		if (sp_line_modelled(text, &lines[k]))
			seq[n++] = k;
	memset(&sq, 0, sizeof(sq));
	sq.text = text;
	sq.lines = lines;
	sq.seq = seq;
	sq.n = n;
	sp_doc_style(lines, lo, hi, &sq.doc_ind, &sq.doc_gap);
	sq.doc_cols = reflowed && sp_reflow_mark_lines(&rf, lines, n_lines);
	sq.coh = (SpCohesion *) na_alloc(sizeof(SpCohesion) * (size_t) (n + 1));
	sp_cohesion_all(&sq, sq.coh);
	for (k = 0; k < n; k++)
	{
		int			j;

		sp_features_line(&sq, k, &f);
		snprintf(num, sizeof(num), "%d\t", reflowed ? rf.raw_line[seq[k]] : seq[k]);
		na_buf_append(out, num, strlen(num));
		for (j = 0; j < f.n_ids; j++)
		{
			snprintf(num, sizeof(num), j ? " %d" : "%d", f.ids[j]);
			na_buf_append(out, num, strlen(num));
		}
		na_buf_append(out, "\n", 1);
	}
	na_free(sq.coh);
	na_free(seq);
	na_free(lines);
	na_frontmatter_free(&info);
	if (reflowed)
		sp_reflow_free(&rf);
}
