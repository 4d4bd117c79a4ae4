/*
 * zh_substr_stream.c
 *	  Confirming a query on a long text slice by slice, stopping at the first
 *	  slice that decides it: see zh_substr.h.
 *
 * Raw first: a term's raw bytes found in text[raw_from, cut) are a match
 * (see zh_substr.h); an occurrence of them not found there ends past the
 * cut, so starts at or after cut - nbytes + 1: raw_from becomes that.  The
 * folded forms are looked for in the whole text, by zh_substream_finish().
 *
 * Fold per slice, why no match is missed.  For each term not found yet,
 * from[i] is where every match not yet ruled out starts (0, or the start of
 * a non-space character).  A slice is cut before its last character (so no character
 * is split, even in malformed text: a byte that is not a continuation byte
 * always starts a character), and the term is looked for in [from[i], cut)
 * read as a text of its own.  Folding that stretch yields exactly the full
 * text's normalised code points from from[i] up to the white space run at
 * the cut, if any (folding depends only on the character itself and, for
 * white space, on the non-space characters either side: the stretch starts
 * at one).  Terms neither start nor end with white space, so a match found
 * there is a match in the text, and a match in the text that lies within
 * [from[i], cut) is found.  Any other match ends past the cut, and so
 * starts at or after zh_subterm_resume() of the stretch: from[i] becomes
 * that.  A run of white space however long stays in the next slice.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE				/* memmem */
#endif
#include "zh_substr.h"

#include <assert.h>
#include <string.h>

bool
zh_substream_ok(const ZhSubQuery *q)
{
	uint32_t	i;

	for (i = 0; i < q->nterms; i++)
		if (q->terms[i].has_fffd)
			return false;
	return true;
}

void
zh_substream_init(ZhSubStream *st, const ZhSubQuery *q, bool fold_per_slice)
{
	st->q = q;
	st->fold_per_slice = fold_per_slice;
	st->raw_from = (size_t *) na_alloc0((q->nterms + 1) * sizeof(size_t));
	st->from = (size_t *) na_alloc0((q->nterms + 1) * sizeof(size_t));
	st->found = (bool *) na_alloc0((q->nterms + 1) * sizeof(bool));
}

void
zh_substream_free(ZhSubStream *st)
{
	na_free(st->from);
	na_free(st->raw_from);
	na_free(st->found);
}

/* the first byte some term still needs (SIZE_MAX when none does) */
size_t
zh_substream_need(const ZhSubStream *st)
{
	const size_t *from = st->fold_per_slice ? st->from : st->raw_from;
	size_t		need = SIZE_MAX;
	uint32_t	i;

	for (i = 0; i < st->q->nterms; i++)
		if (!st->found[i] && from[i] < need)
			need = from[i];
	return need;
}

/*
 * A term's value so far: a term found is decided; one not found is
 * undecided until the end of the text (then absent).
 */
typedef struct
{
	const ZhSubStream *st;
	bool		last;
} StreamAt;

static int
term_so_far(const ZhSubQuery *q, uint32_t i, void *arg)
{
	const StreamAt *at = (const StreamAt *) arg;
	int			v = at->st->found[i] ? 1 : at->last ? 0 : 2;

	return v != 2 && q->terms[i].negated ? !v : v;
}

/* the query's value so far: 1 true, 0 false, -1 undecided */
static int
decide(const ZhSubStream *st, bool last)
{
	StreamAt	at = {st, last};
	int			v = zh_subquery_eval(st->q, term_so_far, &at);

	return v == 2 ? -1 : v;
}

/* the start of s[0, len)'s last character: where a slice is cut */
static size_t
slice_cut(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		cut = len;

	while (cut > 0 && len - cut < 4)
	{
		cut--;
		if ((p[cut] & 0xC0) != 0x80)
			break;
	}
	return cut;
}

/* raw first: the term's bytes in s[raw_from - base, cut) */
static bool
feed_raw(ZhSubStream *st, uint32_t i, const char *s, size_t base, size_t cut)
{
	const ZhSubTerm *t = &st->q->terms[i];
	size_t		off = st->raw_from[i] - base;

	if (off < cut && memmem(s + off, cut - off, t->bytes, t->nbytes) != NULL)
		return true;
	if (cut > off + t->nbytes)
		st->raw_from[i] = base + cut - t->nbytes + 1;
	return false;
}

/* fold per slice: the term in s[from - base, cut), or where to resume */
static bool
feed_fold(ZhSubStream *st, uint32_t i, const char *s, size_t base, size_t cut,
		  bool last)
{
	const ZhSubTerm *t = &st->q->terms[i];
	size_t		off = st->from[i] - base;

	if (off >= cut && !last)
		return false;
	if (zh_subterm_in(t, s + off, cut - off))
		return true;
	if (!last)
		st->from[i] += zh_subterm_resume(t, s + off, cut - off);
	return false;
}

int
zh_substream_feed(ZhSubStream *st, const char *s, size_t base, size_t len,
				  bool last)
{
	const ZhSubQuery *q = st->q;
	size_t		cut = last ? len : slice_cut(s, len);
	uint32_t	i;

	for (i = 0; i < q->nterms; i++)
	{
		if (st->found[i])
			continue;
		assert((st->fold_per_slice ? st->from[i] : st->raw_from[i]) >= base);
		if (st->fold_per_slice ? feed_fold(st, i, s, base, cut, last)
			: feed_raw(st, i, s, base, cut))
			st->found[i] = true;
	}
	return decide(st, last && st->fold_per_slice);
}

int
zh_substream_preset(ZhSubStream *st, const bool *found)
{
	uint32_t	i;

	for (i = 0; i < st->q->nterms; i++)
		if (found[i])
			st->found[i] = true;
	return decide(st, false);
}

int
zh_substream_finish(ZhSubStream *st, const char *s, size_t len)
{
	uint32_t	i;

	for (i = 0; i < st->q->nterms; i++)
		if (!st->found[i] && zh_subterm_in_folded(&st->q->terms[i], s, len))
			st->found[i] = true;
	return decide(st, true);
}
