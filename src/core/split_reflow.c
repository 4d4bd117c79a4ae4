/*
 * split_reflow.c
 *	  Column-broken text.  Print set in vertical columns and OCR'd column by
 *	  column (1920s-30s issues) arrives as lines of nearly one length, broken
 *	  mid-sentence, with no indentation: a paragraph fills column after
 *	  column and ends in a shorter one.  This stage finds that shape from
 *	  the line-length statistics and joins the column lines of each
 *	  paragraph into one line of a shadow text, before the line-role model
 *	  runs.  A map from the shadow text's byte offsets back to the raw text
 *	  (the bytes left out at each join) keeps every article's and segment's
 *	  offsets pointing into the raw issue.
 *
 *	  A line is a full column when its length is within one code point of
 *	  the column height (the length most lines have: OCR drops or merges a
 *	  character now and then).  A full column is joined to the line after
 *	  it unless that line is blank or indented, either holds white space
 *	  inside (mastheads, adverts set in items), the next line opens with a
 *	  dateline, the next line is longer than a column (a deck line under a
 *	  headline as long as one), or -- in a punctuated issue -- the next line
 *	  is a short one that closes no sentence (a headline after a paragraph
 *	  or headline that happened to fill a column).
 */
#include "split_internal.h"
#include "split_reflow.h"

#define RF_COL_MIN	6			/* shortest column height considered */
#define RF_COL_MAX	60			/* longest */
#define RF_MAX(a, b)	((a) > (b) ? (a) : (b))
#define RF_MIN(a, b)	((a) < (b) ? (a) : (b))

typedef struct RfLine
{
	size_t		start,			/* raw line */
				next;			/* start of the next line */
	size_t		cs,				/* content without surrounding white space */
				ce;
	int			ncp;
	bool		indented;
	bool		inner_space;	/* white space inside the content */
	bool		ends_sent;
	bool		punct;			/* any sentence or clause mark */
	bool		dateline;		/* opens with a dateline: a new paragraph */
	int			col;			/* the column height it fills; 0 none */
} RfLine;

static void
rf_scan_line(const char *text, size_t pos, size_t len, RfLine *l)
{
	const char *nl = memchr(text + pos, '\n', len - pos);
	size_t		e = nl ? (size_t) (nl - text) : len,
				i,
				adv;
	uint32_t	cp;

	memset(l, 0, sizeof(*l));
	l->start = pos;
	l->next = nl ? e + 1 : len;
	l->cs = pos;
	while (l->cs < e && na_is_space(cp = na_utf8_decode(text + l->cs, e - l->cs, &adv)))
	{
		l->indented = true;
		l->cs += adv;
	}
	l->ce = e;
	while (l->ce > l->cs)
	{
		size_t		st;

		cp = sp_last_cp(text + l->cs, l->ce - l->cs, &st);
		if (!na_is_space(cp) && cp != '\r')
			break;
		l->ce = l->cs + st;
	}
	/* a line longer than any column is counted no further */
	for (i = l->cs; i < l->ce && l->ncp <= RF_COL_MAX + 1; i += adv)
	{
		cp = na_utf8_decode(text + i, l->ce - i, &adv);
		l->ncp++;
		if (na_is_space(cp))
			l->inner_space = true;
		if (sp_is_sentence_end(cp) || sp_is_clause_punct(cp))
			l->punct = true;
	}
	l->ends_sent = l->ce > l->cs && sp_ends_sentence(text + l->cs, l->ce - l->cs);
	{
		size_t		dl;

		/* column lines are short: long lines need not be looked at */
		l->dateline = l->ncp > 0 && l->ncp <= RF_COL_MAX + 1 &&
			sp_match_dateline(text + l->cs, l->ce - l->cs, &dl) > 0;
	}
}

/* the column height: the length (+-1) most lines without inner spaces have */
static int
rf_column(const RfLine *ls, int n, int *full)
{
	int			hist[RF_COL_MAX + 2];
	int			k,
				best = 0,
				best_n = 0;

	memset(hist, 0, sizeof(hist));
	for (k = 0; k < n; k++)
		if (ls[k].ncp > 0 && ls[k].ncp <= RF_COL_MAX && !ls[k].inner_space)
			hist[ls[k].ncp]++;
	for (k = RF_COL_MIN; k < RF_COL_MAX; k++)
	{
		int			c = hist[k - 1] + hist[k] + hist[k + 1];

		if (c > best_n || (c == best_n && c > 0 && hist[k] > hist[best]))
		{
			best = k;
			best_n = c;
		}
	}
	*full = best_n;
	return best;
}

static bool
rf_eligible(const RfLine *l)
{
	return l->ncp >= RF_COL_MIN && l->ncp <= RF_COL_MAX && !l->inner_space;
}

/*
 * Which lines fill a column: within one code point of the column
 * height, or -- blocks set in other heights on the same page -- in a run
 * of lines whose lengths differ by at most two (OCR jitter), as long as
 * the run's longest less two: three lines or more, or two when the first
 * closes no sentence (else it is a paragraph's tail before a headline)
 */
static void
rf_mark_full(RfLine *ls, int n, int col)
{
	int			k = 0,
				j,
				m;

	for (k = 0; k < n; k++)
		ls[k].col = col > 0 && rf_eligible(&ls[k]) && ls[k].ncp >= col - 1 &&
			ls[k].ncp <= col + 1 ? col : 0;
	for (k = 0; k < n; k = j + 1)
	{
		int			lo = ls[k].ncp,
					hi = ls[k].ncp;

		j = k;
		if ((k & 0x3FFF) == 0)
			na_check_interrupts();
		if (!rf_eligible(&ls[k]))
			continue;
		while (j + 1 < n && rf_eligible(&ls[j + 1]) &&
			   RF_MAX(hi, ls[j + 1].ncp) - RF_MIN(lo, ls[j + 1].ncp) <= 2)
		{
			j++;
			lo = RF_MIN(lo, ls[j].ncp);
			hi = RF_MAX(hi, ls[j].ncp);
		}
		/* two lines only: not when the first closes a sentence (a tail) */
		if (j - k < 1 || (j - k == 1 && ls[k].ends_sent))
			continue;
		for (m = k; m <= j; m++)
			if (ls[m].col == 0 && ls[m].ncp >= hi - 2)
				ls[m].col = hi;
	}
}

static bool
rf_join(const RfLine *a, const RfLine *b, bool punctuated)
{
	if (a->col == 0 || b->ncp == 0 || b->indented || b->inner_space ||
		b->dateline)
		return false;
	/* two lines without a mark in a punctuated issue: headline decks */
	if (punctuated && !a->punct && !b->punct)
		return false;
	/*
	 * In a punctuated issue a paragraph's last column closes a sentence: a
	 * short line that closes none is a headline or deck line (after a
	 * paragraph or a headline that happened to fill a column)
	 */
	if (punctuated && b->ncp < a->col - 1 && !b->ends_sent)
		return false;
	/*
	 * A line longer than the column is no column of it: a headline that
	 * happened to be as long as a column, over its deck line
	 */
	if (b->ncp > a->col + 1)
		return false;
	return true;
}

static void
rf_cut(SpReflow *rf, size_t at, size_t add, int *cap)
{
	if (rf->n_cuts == *cap)
	{
		*cap = *cap ? *cap * 2 : 64;
		rf->cut_at = (size_t *) na_realloc(rf->cut_at, sizeof(size_t) * (size_t) *cap);
		rf->cut_add = (size_t *) na_realloc(rf->cut_add, sizeof(size_t) * (size_t) *cap);
	}
	rf->cut_at[rf->n_cuts] = at;
	rf->cut_add[rf->n_cuts] = (rf->n_cuts ? rf->cut_add[rf->n_cuts - 1] : 0) + add;
	rf->n_cuts++;
}

/* write the shadow text: joined column lines, everything else as it was */
static void
rf_build(const char *text, size_t len, const RfLine *ls, int n, SpReflow *rf,
		 bool punctuated)
{
	int			k,
				cap = 0;
	size_t		o = 0;
	bool		from_prev = false;

	rf->text = (char *) na_alloc(len + 1);
	rf->raw_line = (int *) na_alloc(sizeof(int) * (size_t) (n + 1));
	rf->n_lines = 0;
	rf->raw_line[rf->n_lines++] = 0;
	for (k = 0; k < n; k++)
	{
		const RfLine *l = &ls[k];
		bool		to_next = k + 1 < n && rf_join(l, &ls[k + 1], punctuated);
		size_t		from = from_prev ? l->cs : l->start,
					to = to_next ? l->ce : l->next;

		if ((k & 0x3FF) == 0)
			na_check_interrupts();
		memcpy(rf->text + o, text + from, to - from);
		o += to - from;
		if (to_next)
			rf_cut(rf, o, ls[k + 1].cs - l->ce, &cap);
		else if (k + 1 < n)
			rf->raw_line[rf->n_lines++] = k + 1;
		from_prev = to_next;
	}
	rf->len = o;
	rf->text[o] = '\0';
	rf->n_raw = n;
}

/*
 * Look at the issue; when it is column-broken (forced: the layout hint
 * says so; else only on strong evidence) fill rf with the shadow text and
 * return true.  Otherwise rf is empty and false is returned.
 */
bool
sp_reflow(const char *text, size_t len, bool forced, SpReflow *rf)
{
	RfLine	   *ls;
	int			n = 0,
				n_text = 0,
				n_punct = 0,
				n_full_end = 0,
				full,
				k;
	size_t		pos = 0;
	bool		column_broken;

	memset(rf, 0, sizeof(*rf));
	{
		const char *p = text;

		n = 1;
		while ((p = memchr(p, '\n', len - (size_t) (p - text))) != NULL)
			n++, p++;
	}
	ls = (RfLine *) na_alloc(sizeof(RfLine) * (size_t) n);
	for (k = 0; k < n && pos < len; k++)
	{
		if ((k & 0x3FFF) == 0)
			na_check_interrupts();
		rf_scan_line(text, pos, len, &ls[k]);
		pos = ls[k].next;
	}
	n = k;
	rf->column = rf_column(ls, n, &full);
	rf_mark_full(ls, n, rf->column);
	full = 0;
	for (k = 0; k < n; k++)
	{
		if (ls[k].ncp == 0)
			continue;
		n_text++;
		n_punct += ls[k].punct;
		if (ls[k].col > 0)
		{
			full++;
			n_full_end += ls[k].ends_sent;
		}
	}
	/*
	 * Strong evidence: most text lines are full columns, and few of them
	 * close a sentence (paragraphs ending at line ends would).  Forced:
	 * some column shape at all.
	 */
	if (forced)
		column_broken = rf->column > 0 && full >= 3 && full * 5 >= n_text;
	else
		column_broken = rf->column > 0 && n_text >= RF_MIN_LINES &&
			full * 2 >= n_text && rf->column <= RF_AUTO_COL_MAX &&
			n_full_end * 5 <= full * 2;
	if (column_broken)
		rf_build(text, len, ls, n, rf, n_punct * 10 >= n_text * 3);
	na_free(ls);
	if (!column_broken || rf->n_cuts == 0)
	{
		sp_reflow_free(rf);
		return false;
	}
	return true;
}

/*
 * Tell each line of the shadow text (cut by sp_lines_build) how many raw
 * lines it was joined from and whether a lone line is as long as a column.
 */
bool
sp_reflow_mark_lines(const SpReflow *rf, SpLine *lines, size_t n_lines)
{
	size_t		i;

	for (i = 0; i < n_lines && (int) i < rf->n_lines; i++)
	{
		int			next = (int) i + 1 < rf->n_lines ? rf->raw_line[i + 1] : rf->n_raw;
		int			c = next - rf->raw_line[i];

		lines[i].cols = (uint8_t) (c < 1 ? 1 : c > 255 ? 255 : c);
		lines[i].col_full = c <= 1 && lines[i].ncp >= rf->column - 1 &&
			lines[i].ncp <= rf->column + 1;
	}
	return true;
}

/* a byte offset into the shadow text -> the raw text's */
size_t
sp_reflow_raw(const SpReflow *rf, size_t off)
{
	int			lo = 0,
				hi = rf->n_cuts - 1,
				k = -1;

	/* the last cut at or before off: bytes left out there belong before it */
	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (rf->cut_at[mid] <= off)
		{
			k = mid;
			lo = mid + 1;
		}
		else
			hi = mid - 1;
	}
	return off + (k >= 0 ? rf->cut_add[k] : 0);
}

/* every offset of a split of the shadow text -> the raw text's */
void
sp_reflow_map_split(const SpReflow *rf, NaSplit *out)
{
	size_t		i;
	int			a;

	for (i = 0; i < out->n_segments; i++)
	{
		out->segments[i].start = sp_reflow_raw(rf, out->segments[i].start);
		out->segments[i].end = sp_reflow_raw(rf, out->segments[i].end);
	}
	for (a = 0; a < out->n_articles; a++)
	{
		out->articles[a].raw_start = sp_reflow_raw(rf, out->articles[a].raw_start);
		out->articles[a].raw_end = sp_reflow_raw(rf, out->articles[a].raw_end);
	}
	out->info.head_end = sp_reflow_raw(rf, out->info.head_end);
	out->info.tail_start = sp_reflow_raw(rf, out->info.tail_start);
}

void
sp_reflow_free(SpReflow *rf)
{
	if (rf->text)
		na_free(rf->text);
	if (rf->cut_at)
		na_free(rf->cut_at);
	if (rf->cut_add)
		na_free(rf->cut_add);
	if (rf->raw_line)
		na_free(rf->raw_line);
	memset(rf, 0, sizeof(*rf));
}
