/*
 * split_block.c
 *	  Block features of the line-role model (SP_ATOM_LIST_BLOCK): on a
 *	  headline-like stack, the stretch of text it would open against the
 *	  stretch before it.  TextTiling compares blocks, not lines: a new
 *	  article changes the words of the whole stretch after its headline, a
 *	  section head does not, and a dateline or byline in the first lines of
 *	  the stretch is the printed sign of an article's start.
 *
 * A stretch runs from the stack to the next headline-like line
 * (sp_echo_head), at most BLK_LINES lines and BLK_BIGRAMS content bigrams
 * (those of split_features.c, function characters left out), the nearest
 * ones.  Depth: the overlap of the two halves nearest the stack (the end of
 * the stretch before, the start of the stretch after) against the mean of
 * each stretch's overlap between its own halves, in percent.
 */
#include "split_internal.h"

#define BLK_LINES	40			/* lines a stretch at most */
#define BLK_BIGRAMS	800			/* bigrams a stretch at most */
#define BLK_MIN		40			/* fewer bigrams: not measurable */
#define BLK_FILL	120			/* a stretch goes on past a headline-like
								 * line until it holds this many bigrams */
#define BLK_SKIP	2			/* ... past this many at most (a caption, a
								 * page's label; not a list's run of items) */
#define BLK_STACK	4			/* headline-like lines a stack at most */
#define BLK_DL_LINES 3			/* lines looked at for a dateline */

#define QHEAD_MAX	40			/* longest question/exclamation headline */

/* 为何老外却说“了不得”？ -- closes in ？ ！ … with no 。 inside, no quote first */
static bool
qhead_shape(const char *s, size_t len, int ncp)
{
	size_t		st,
				adv;
	uint32_t	last,
				first;

	if (ncp < 4 || ncp > QHEAD_MAX || len == 0)
		return false;
	last = sp_last_cp(s, len, &st);
	first = na_utf8_decode(s, len, &adv);
	if (last != 0xFF1F && last != 0xFF01 && last != '?' && last != '!' && last != 0x2026)
		return false;
	if (first == 0x201C || first == 0x300C || first == 0x2018 || first == '"')
		return false;
	return sp_count_cp(s, len, 0x3002) == 0 &&
		sp_count_cp(s, len, 0xFF0C) + sp_count_cp(s, len, ',') <= 2;
}

/* a line that may head a stretch: headline-like, or a question headline */
static bool
block_head(const SpSeq *sq, const SpCohesion *coh, int k)
{
	return sp_echo_head(&sq->lines[sq->seq[k]]) || coh[k].qhead;
}

/*
 * The distinct bigram hashes of a half stretch, in an open-addressing set.
 * Block depth counts shared bigrams exactly: a bitset of the cohesion's
 * size is a tenth full with a stretch's 400 bigrams, and its collisions
 * gave two unrelated stretches a tenth in common, so a new topic hardly
 * dipped below the overlap inside one.
 */
#define HSET_SLOTS	1024		/* power of two, over twice a half's bigrams */

typedef struct HSet
{
	uint32_t	slot[HSET_SLOTS];	/* 0: empty */
	uint32_t	list[HSET_SLOTS / 2];	/* the members, densely */
	uint16_t	pos[HSET_SLOTS / 2];	/* ... and their slots */
	int			n;
} HSet;

static inline int
hset_find(const HSet *s, uint32_t v)
{
	int			i = (int) (v >> 22) & (HSET_SLOTS - 1);

	while (s->slot[i] != 0 && s->slot[i] != v)
		i = (i + 1) & (HSET_SLOTS - 1);
	return i;
}

static void
hset_fill(HSet *s, const uint32_t *h, int a, int b)
{
	int			i;

	/* empty the slots the last fill used (zeroed when allocated) */
	for (i = 0; i < s->n; i++)
		s->slot[s->pos[i]] = 0;
	s->n = 0;
	for (i = a; i < b && s->n < HSET_SLOTS / 2; i++)
	{
		uint32_t	v = h[i] ? h[i] : 1;
		int			at = hset_find(s, v);

		if (s->slot[at] == 0)
		{
			s->slot[at] = v;
			s->pos[s->n] = (uint16_t) at;
			s->list[s->n++] = v;
		}
	}
}

/* shared members of x and y, percent of the smaller set */
static int
hset_overlap(const HSet *x, const HSet *y)
{
	int			i,
				common = 0;

	for (i = 0; i < x->n; i++)
		if (y->slot[hset_find(y, x->list[i])] != 0)
			common++;
	return x->n && y->n ? common * 100 / (x->n < y->n ? x->n : y->n) : 0;
}

static bool
opens_with_dateline(const SpSeq *sq, int j)
{
	const SpLine *l = &sq->lines[sq->seq[j]];

	return (l->lead_role == NA_SEG_DATELINE && l->lead_len > 0) ||
		l->cls == SPC_BYLINE || sq->coh[j].lead40;
}

/*
 * Depth bucket of the stack at lines s0..s1-1 of the sequence: 0 a deep
 * dip (the halves next to the stack share under a quarter of what the
 * stretches share inside), 1 under a half, 2 under 85%, 3 no dip; -1 when
 * a stretch is too short.
 */
static int
block_depth(const SpSeq *sq, const uint32_t *h, const int *off, int s0, int s1, HSet *hs)
{
	int			b0 = s0,
				e1 = s1,
				a,
				b,
				cross,
				inner,
				skipped = 0;

	while (b0 > 0 && s0 - b0 < BLK_LINES)
	{
		if (block_head(sq, sq->coh, b0 - 1) &&
			(off[s0] - off[b0] >= BLK_FILL || ++skipped > BLK_SKIP))
			break;
		b0--;
	}
	skipped = 0;
	while (e1 < sq->n && e1 - s1 < BLK_LINES)
	{
		if (block_head(sq, sq->coh, e1) &&
			(off[e1] - off[s1] >= BLK_FILL || ++skipped > BLK_SKIP))
			break;
		e1++;
	}
	a = off[s0] - off[b0] > BLK_BIGRAMS ? off[s0] - BLK_BIGRAMS : off[b0];
	b = off[e1] - off[s1] > BLK_BIGRAMS ? off[s1] + BLK_BIGRAMS : off[e1];
	if (off[s0] - a < BLK_MIN || b - off[s1] < BLK_MIN)
		return -1;
	{
		int			ma = (a + off[s0]) / 2,
					mb = (off[s1] + b) / 2;
		hset_fill(&hs[0], h, a, ma);	/* far half before */
		hset_fill(&hs[1], h, ma, off[s0]);	/* near half before */
		hset_fill(&hs[2], h, off[s1], mb);	/* near half after */
		hset_fill(&hs[3], h, mb, b);	/* far half after */
		cross = hset_overlap(&hs[1], &hs[2]);
		inner = (hset_overlap(&hs[0], &hs[1]) + hset_overlap(&hs[2], &hs[3])) / 2;
	}
	if (inner < 1)
		inner = 1;
	return cross * 4 < inner ? 0 : cross * 2 < inner ? 1 : cross * 100 < inner * 85 ? 2 : 3;
}

/* bdep and blk_dl at every line (coh has sq->n entries, lead40 set) */
void
sp_block_all(const SpSeq *sq, const uint32_t *h, const int *off, SpCohesion *coh)
{
	int			k;
	HSet	   *hs;

	/* the four half stretches' sets, zeroed once: a fill empties its own */
	hs = (HSet *) na_alloc0(sizeof(HSet) * 4);
	for (k = 0; k < sq->n; k++)
	{
		const SpLine *l = &sq->lines[sq->seq[k]];

		coh[k].qhead = !l->indented && qhead_shape(sq->text + l->cs, l->ce - l->cs, l->ncp);
	}
	k = 0;
	while (k < sq->n)
	{
		int			s1 = k,
					d,
					j;
		bool		dl = false;

		coh[k].bdep = -2;
		coh[k].blk_dl = false;
		if (!block_head(sq, coh, k))
		{
			k++;
			continue;
		}
		if ((k & 0x3F) == 0)
			na_check_interrupts();
		while (s1 < sq->n && s1 - k < BLK_STACK && block_head(sq, coh, s1))
			s1++;
		d = block_depth(sq, h, off, k, s1, hs);
		for (j = s1; j < sq->n && j < s1 + BLK_DL_LINES; j++)
			if (opens_with_dateline(sq, j))
				dl = true;
		for (j = k; j < s1; j++)
		{
			coh[j].bdep = (int8_t) d;
			coh[j].blk_dl = dl;
		}
		k = s1;
	}
	na_free(hs);
}
