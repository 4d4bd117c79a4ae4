/*
 * html_extract.c
 *	  Find the article's text among a page's blocks (na_html.h).
 *
 * The readability family's idea, on our blocks: every block of running text
 * (long enough, few links, sentence punctuation) votes for the element that
 * holds it, its parent and, at half weight, its grandparent; an element's
 * votes are discounted by its link density and moved by its class/id hints.
 * The best element is the article's container; its blocks are kept unless
 * they are link lists, page furniture (nav/footer/aside, negative hints) or
 * the headline itself.  The vote's weights are in html_weights.h.
 */
#include "na_html.h"
#include "html_weights.h"

static double
block_vote(const NaHtmlBlock *b)
{
	double		ld = b->chars ? (double) b->link_chars / b->chars : 1.0;
	double		len_term = b->chars / NA_HW_CHARS_PER_POINT;

	if (b->chars < NA_HW_MIN_CHARS || ld > NA_HW_MAX_LINK_DENSITY || b->boiler_elem ||
		b->tag == NA_HT_H1)
		return 0.0;
	if (len_term > NA_HW_MAX_LEN_POINTS)
		len_term = NA_HW_MAX_LEN_POINTS;
	return 1.0 + NA_HW_PUNCT * b->punct + len_term;
}

static int
best_container(NaHtmlPage *pg)
{
	int			i,
				best = 0;
	double		best_score = -1e9;

	for (i = 0; i < pg->n_blocks; i++)
	{
		const NaHtmlBlock *b = &pg->blocks[i];
		double		v = block_vote(b);
		int			e = b->elem;

		if (v <= 0)
			continue;
		pg->elems[e].score += v;
		if ((e = pg->elems[e].parent) >= 0)
		{
			pg->elems[e].score += v;
			if ((e = pg->elems[e].parent) >= 0)
				pg->elems[e].score += v * NA_HW_GRANDPARENT;
		}
	}
	for (i = 0; i < pg->n_elems; i++)
	{
		NaHtmlElem *e = &pg->elems[i];
		double		ld,
					s;

		if (e->score <= 0)
			continue;
		ld = e->chars ? (double) e->link_chars / e->chars : 1.0;
		s = e->score * (1.0 - ld) + NA_HW_HINT * e->hint;
		if (s > best_score)
		{
			best_score = s;
			best = i;
		}
	}
	return best;
}

/* the summed hints of e's ancestors and e */
static int
cum_hint(const NaHtmlPage *pg, int e)
{
	int			h = 0;

	for (; e >= 0; e = pg->elems[e].parent)
		h += pg->elems[e].hint;
	return h;
}

static bool
keep_block(const NaHtmlBlock *b, int base_hint)
{
	double		ld = b->chars ? (double) b->link_chars / b->chars : 1.0;

	if (b->boiler_elem || b->hint < base_hint)
		return false;
	if (ld > NA_HW_KEEP_LINK_DENSITY)
		return false;
	if (b->in_list && b->punct == 0 && b->chars < NA_HW_MIN_CHARS)
		return false;
	return true;
}

int
na_html_main_blocks(NaHtmlPage *pg, int title_block, bool *keep)
{
	int			best,
				i,
				n = 0,
				base;
	const NaHtmlElem *e;

	memset(keep, 0, sizeof(bool) * (pg->n_blocks ? pg->n_blocks : 1));
	if (pg->n_blocks == 0)
		return 0;
	best = best_container(pg);
	e = &pg->elems[best];
	if (e->score <= 0)
		return 0;
	base = cum_hint(pg, best);
	for (i = 0; i < pg->n_blocks; i++)
	{
		const NaHtmlBlock *b = &pg->blocks[i];

		if (b->order < e->start || b->order >= e->end || i == title_block)
			continue;
		if ((i & 1023) == 0)
			na_check_interrupts();
		if (keep_block(b, base))
		{
			keep[i] = true;
			n++;
		}
	}
	return n;
}
