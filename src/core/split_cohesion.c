/*
 * split_cohesion.c
 *	  Lexical cohesion at every line of a sequence, for the line-role model:
 *	  how many content bigrams (character bigrams with no function character)
 *	  the text before a line shares with the text after it (a new article
 *	  changes topic, a section head does not; TextTiling's idea on a small
 *	  window), over two window sizes; how many of a short line's own bigrams
 *	  come back before and after it; and the title echo of split_features.c's
 *	  web atoms.
 *
 * A window is a set of hashed bigrams (COH_BITS of them; two unrelated
 * windows share some by chance, which bits_overlap takes off).  The windows
 * of line k are contiguous ranges of the sequence's bigrams whose ends only
 * move forward with k, so each is kept as counts per hash that slide along:
 * every bigram enters and leaves a window once, instead of each line
 * filling four bitsets of up to 500 bigrams (a seventh of a split).  The
 * figures are those of sets built afresh at each line.
 */
#include "split_internal.h"

#define COH_WINDOW	200			/* Han characters each side */
#define COH_LINES	8			/* lines each side at most */
#define COH_LONG	500			/* the wider window */
#define COH_BITS	4096		/* hashes of a content bigram */
#define COH_SHORT	50			/* lines this long get the self and long
								 * figures */

/* the slot of a bigram hash among the COH_BITS */
static inline uint16_t
hash_slot(uint32_t h)
{
	return (uint16_t) (((h >> 20) % (COH_BITS / 64)) * 64 + (h & 63));
}

/*
 * The content bigrams of every line of the sequence, hashed, in text order:
 * line k's are h[off[k]] .. h[off[k + 1] - 1] (slot[] their slots).  Built
 * once, so a window of any size costs no decoding.
 */
void
sp_bigrams_build(const SpSeq *sq, SpBigrams *bg)
{
	size_t		cap = 0,
				n = 0;
	uint32_t	steps = 0;
	int			k;

	for (k = 0; k < sq->n; k++)
		cap += (size_t) sq->lines[sq->seq[k]].ncp;
	bg->h = (uint32_t *) na_alloc(sizeof(uint32_t) * (cap + 1));
	bg->slot = (uint16_t *) na_alloc(sizeof(uint16_t) * (cap + 1));
	bg->off = (int *) na_alloc(sizeof(int) * (size_t) (sq->n + 1));
	for (k = 0; k < sq->n; k++)
	{
		const SpLine *l = &sq->lines[sq->seq[k]];
		uint32_t	prev = 0;
		size_t		i,
					adv;

		if ((k & 0xFF) == 0)
			na_check_interrupts();
		bg->off[k] = (int) n;
		for (i = l->cs; i < l->ce; i += adv)
		{
			uint32_t	cp = na_utf8_decode(sq->text + i, l->ce - i, &adv);

			/* one line may be the whole text */
			if ((++steps & 0xFFFF) == 0)
				na_check_interrupts();
			if (!(sp_char_class(cp) & SPX_CONTENT))
			{
				prev = 0;
				continue;
			}
			if (prev && n < cap)
			{
				bg->h[n] = (prev * 40503u + cp) * 2654435761u;
				bg->slot[n] = hash_slot(bg->h[n]);
				n++;
			}
			prev = cp;
		}
	}
	bg->off[sq->n] = (int) n;
}

void
sp_bigrams_free(SpBigrams *bg)
{
	na_free(bg->h);
	na_free(bg->slot);
	na_free(bg->off);
}

/*
 * A window: the bigrams lo .. hi - 1 of the sequence, as counts per slot;
 * nset the slots counted at least once.  A pair of windows (before and
 * after a line) keeps common, the slots set in both.
 */
typedef struct Window
{
	uint16_t	cnt[COH_BITS];
	int			lo,
				hi,
				nset;
} Window;

typedef struct Pair
{
	Window		w[2];
	int			common;
} Pair;

/* branch-free: whether a slot turns on or off is not predictable */
static inline void
slot_in(Pair *p, int side, uint16_t x)
{
	int			fresh = p->w[side].cnt[x]++ == 0;

	p->w[side].nset += fresh;
	p->common += fresh & (p->w[1 - side].cnt[x] != 0);
}

static inline void
slot_out(Pair *p, int side, uint16_t x)
{
	int			gone = --p->w[side].cnt[x] == 0;

	p->w[side].nset -= gone;
	p->common -= gone & (p->w[1 - side].cnt[x] != 0);
}

/* move one side of the pair to lo .. hi - 1 (neither end moves back) */
static void
slide(Pair *p, int side, const uint16_t *slot, int lo, int hi)
{
	Window	   *w = &p->w[side];

	if (lo >= w->hi)
	{
		while (w->lo < w->hi)
			slot_out(p, side, slot[w->lo++]);
		w->lo = w->hi = lo;
	}
	while (w->lo < lo)
		slot_out(p, side, slot[w->lo++]);
	while (w->hi < hi)
		slot_in(p, side, slot[w->hi++]);
}

/*
 * The windows around line k: before it, the last `window` bigrams of the
 * max_lines lines above it; after it, the first `window` bigrams of the
 * max_lines lines below it (line k itself, a title perhaps, is left out).
 */
static void
slide_to(Pair *p, const SpBigrams *bg, int n, int k, int window, int max_lines)
{
	int			lo = bg->off[k > max_lines ? k - max_lines : 0],
				hi = bg->off[k + 1 + max_lines < n ? k + 1 + max_lines : n];

	if (lo < bg->off[k] - window)
		lo = bg->off[k] - window;
	slide(p, 0, bg->slot, lo, bg->off[k]);
	if (hi > bg->off[k + 1] + window)
		hi = bg->off[k + 1] + window;
	slide(p, 1, bg->slot, bg->off[k + 1], hi);
}

static inline int
count(const Pair *p, int side)
{
	return p->w[side].hi - p->w[side].lo;
}

/*
 * Percent of the smaller side's slots found on the other side.  Slots two
 * unrelated sides share by chance (ca * cb / COH_BITS of them: an eighth
 * of the smaller side for two windows of 500 bigrams) are taken off, so that
 * a change of topic reads near 0 whatever the windows' size.
 */
static int
overlap(const Pair *p)
{
	int			ca = p->w[0].nset,
				cb = p->w[1].nset,
				common = p->common - (ca * cb + COH_BITS / 2) / COH_BITS;

	if (common < 0)
		common = 0;
	return ca && cb ? (common * 100) / (ca < cb ? ca : cb) : 0;
}

/*
 * Distinct slots of the bigrams from .. to - 1 set in window side of the
 * pair (two counts with both sides, the first in *s0); stamp marks the
 * slots seen, under a new tick each call.
 */
typedef struct Seen
{
	uint32_t	stamp[COH_BITS];
	uint32_t	tick;
} Seen;

static void
shared(const Pair *p, const uint16_t *slot, int from, int to, Seen *seen, int *s0, int *s1)
{
	int			i;

	seen->tick++;
	*s0 = *s1 = 0;
	for (i = from; i < to; i++)
	{
		uint16_t	x = slot[i];

		if (seen->stamp[x] == seen->tick)
			continue;
		seen->stamp[x] = seen->tick;
		*s0 += p->w[0].cnt[x] != 0;
		*s1 += p->w[1].cnt[x] != 0;
	}
}

#define ECHO_HEADS	3			/* headline-like lines looked back at */
#define ECHO_LINES	60			/* ... within this many lines */
#define ECHO_LEAD	60			/* bigrams of the paragraph after a head */

/* a short line that may be a headline: the heads echo() looks back at */
bool
sp_echo_head(const SpLine *l)
{
	return l->cls == SPC_HEAD && l->ncp >= 2 && l->ncp <= 40 && !l->ends_sentence;
}

/*
 * Title echo at a candidate line k: how many content bigrams of the nearest
 * headline-like lines above it (the title of the article it may belong to,
 * or its earlier section heads), each with the first ECHO_LEAD bigrams of
 * the paragraph after it, come back in the text after line k (the pair's
 * after side).  A section head is followed by more of its article's words;
 * a new article's title by other words.  The most over the heads looked at;
 * -1 when there is no such line or too little text after.
 */
static int
echo(const SpSeq *sq, const SpBigrams *bg, int k, const Pair *p, Seen *seen)
{
	int			j,
				heads = 0,
				best = -1;

	if (count(p, 1) < 20)
		return -1;
	for (j = k - 2; j >= 0 && k - j <= ECHO_LINES && heads < ECHO_HEADS; j--)
	{
		int			to = bg->off[j + 1] + ECHO_LEAD,
					before,
					after;

		if (!sp_echo_head(&sq->lines[sq->seq[j]]) || bg->off[j + 1] == bg->off[j])
			continue;
		heads++;
		/* the head and the opening of the paragraph after it */
		if (to > bg->off[j + 2])
			to = bg->off[j + 2];
		shared(p, bg->slot, bg->off[j], to, seen, &before, &after);
		if (after > best)
			best = after;
	}
	return best;
}

/*
 * coh, coh_long, small, self_prev, self_next and echo at every line (coh
 * has sq->n entries).
 */
void
sp_cohesion_lines(const SpSeq *sq, const SpBigrams *bg, SpCohesion *coh)
{
	Pair	   *near = (Pair *) na_alloc0(sizeof(Pair));
	Pair	   *wide = (Pair *) na_alloc0(sizeof(Pair));
	Seen	   *seen = (Seen *) na_alloc0(sizeof(Seen));
	int			k;

	for (k = 0; k < sq->n; k++)
	{
		SpCohesion *out = &coh[k];
		int			na,
					nb;

		if ((k & 0xFF) == 0)
			na_check_interrupts();
		slide_to(near, bg, sq->n, k, COH_WINDOW, COH_LINES);
		na = count(near, 0);
		nb = count(near, 1);
		out->coh = (int16_t) (na < 20 || nb < 20 ? -1 : overlap(near));
		out->small = na < 60 || nb < 60;
		out->self_prev = out->self_next = -1;
		out->echo = -1;
		out->coh_long = -1;
		if (sq->lines[sq->seq[k]].ncp > COH_SHORT)
			continue;
		{
			int			e = echo(sq, bg, k, near, seen),
						sp,
						sn;

			out->echo = (int8_t) (e > 100 ? 100 : e);
			shared(near, bg->slot, bg->off[k], bg->off[k + 1], seen, &sp, &sn);
			out->self_prev = (int8_t) (na < 20 ? -1 : sp > 2 ? 2 : sp);
			out->self_next = (int8_t) (nb < 20 ? -1 : sn > 2 ? 2 : sn);
		}
		/* the wide pair only here: it slides from the last short line */
		slide_to(wide, bg, sq->n, k, COH_LONG, 3 * COH_LINES);
		if (count(wide, 0) >= COH_LONG / 2 && count(wide, 1) >= COH_LONG / 2)
			out->coh_long = (int16_t) overlap(wide);
	}
	na_free(near);
	na_free(wide);
	na_free(seen);
}
