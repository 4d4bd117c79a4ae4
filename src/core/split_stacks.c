/*
 * split_stacks.c
 *	  The big-type headline convention lent to two-line stacks, unless an
 *	  issue's three-line stacks show another (a second decoding pass).
 *
 * A paper sets the main title in its largest type, so most papers print it
 * as the shortest line of its stack: a kicker over it and a subtitle under
 * it carry more words.  Not every paper does (a short column tag over a
 * long title is a kicker too), and the fitting renderings mix conventions,
 * so the model weighs a line's length against its stack neighbours only
 * lightly.  On a paper it has not seen, a two-line stack whose long kicker
 * sits over a short title is then read as a title and a subtitle
 * (上海戏曲艺术中心云上放送经典 / 每天都有好戏等你解锁), or the title as
 * a byline.
 *
 * Reading a longer line over a shorter one as kicker over title is the
 * second pass's default: the pairs of the first pass's headline stack lines
 * printed longer over shorter lean that way (SP_STACK_LEAN is added to the
 * upper line's kicker score and the lower line's title score).  An issue can
 * say otherwise in its three-line stacks (kicker, title, subtitle), whose
 * roles their order fixes: when the first pass reads more of them with the
 * title not the shortest line than with it, nothing leans.  The lean first
 * waited for the opposite, the three-line stacks' say-so; most issues have
 * none, and the figures came out the same whether two-line stacks read with
 * the title shortest counted as evidence too or the lean waited for none
 * (bench/split_quality.md, "The big-type default").  A shorter line over a
 * longer one is left as the first pass read it: it may be a column tag over
 * a title (稳就业) as well as a title over its subtitle, and a credit or
 * date line over a title is shorter too.  Only lines already read as part of
 * a headline stack lean, so article boundaries stay where the first pass put
 * them.  The lean's size was chosen on the transfer folds (bench/
 * split_quality.md, "An issue's own stack convention").
 */
#include "split_internal.h"
#include "na_byline.h"

#define SP_STACK_LEAN	200.0f

static int
ncp_of(const SpSeq *sq, int k)
{
	return sq->lines[sq->seq[k]].ncp;
}

/*
 * Three-line stacks the first pass read whose title is the shortest line,
 * less those whose title is not (shorter by SP_STACK_GAP, as the atoms
 * count it).
 */
static int
title_shortest_evidence(const SpSeq *sq, const SpRole *roles)
{
	int			k,
				ev = 0;

	for (k = 1; k + 1 < sq->n; k++)
	{
		int			t = ncp_of(sq, k);

		if (roles[k] != SPR_TITLE || roles[k - 1] != SPR_KICKER ||
			roles[k + 1] != SPR_SUBTITLE)
			continue;
		if (ncp_of(sq, k - 1) >= t + SP_STACK_GAP && ncp_of(sq, k + 1) >= t + SP_STACK_GAP)
			ev++;
		else
			ev--;
	}
	return ev;
}

/* does line k name nobody the byline reader knows (no 2-6 character name)? */
static bool
names_nobody(const SpSeq *sq, int k)
{
	const SpLine *l = &sq->lines[sq->seq[k]];
	NaByline	b;
	int			n;

	memset(&b, 0, sizeof(b));
	n = na_byline_parse(sq->text + l->cs, l->ce - l->cs, &b);
	na_byline_free(&b);
	return n == 0;
}

/*
 * Is line k part of a headline stack in the first pass's reading?  Both
 * lines of a pair must be.  A line read as a byline is one only when it
 * names nobody: a short title under its kicker (奔跑乐手月行万里) may be
 * read as a byline, but a name under a title (侍佳妮) is shorter than it too.
 * A line read as a section head is one right under a kicker or title: a
 * quote set as the main title under a long kicker (“我终于可以回家了！”)
 * reads as a section head, but an article's body does not open with one.
 * A numbered head (一、总体要求) under a title is the first of the
 * article's sections and is not.  Each line is asked once, for stack[k].
 */
static void
stack_lines(const SpSeq *sq, const SpRole *roles, bool *stack)
{
	int			k;

	for (k = 0; k < sq->n; k++)
		stack[k] = roles[k] == SPR_KICKER || roles[k] == SPR_TITLE ||
			roles[k] == SPR_SUBTITLE ||
			(roles[k] == SPR_BYLINE && names_nobody(sq, k)) ||
			(roles[k] == SPR_HEADING && k > 0 &&
			 (roles[k - 1] == SPR_KICKER || roles[k - 1] == SPR_TITLE) &&
			 !sp_line_numbered(sq->text, &sq->lines[sq->seq[k]]));
}

/*
 * Lean the emissions em (SPR_N a line) of the first pass's headline stacks
 * toward kicker over title; false when no pair leans (the issue's
 * three-line stacks show the title not shortest, or no stack has a pair
 * printed longer over shorter), and em is left as it was: the caller then
 * skips the second decoding, which would read the same roles.
 */
bool
sp_stack_lean(const SpSeq *sq, const SpRole *roles, const uint8_t *shape,
			  float *em)
{
	bool	   *stack;
	bool		leaned = false;
	int			k;

	if (title_shortest_evidence(sq, roles) < 0)
		return false;
	stack = (bool *) na_alloc((size_t) sq->n);
	stack_lines(sq, roles, stack);
	for (k = 0; k < sq->n; k++)
	{
		float	   *e = em + (size_t) k * SPR_N;

		if (!stack[k])
			continue;
		if ((shape[k] & SP_STK_SHORTER_P) && k > 0 && stack[k - 1])
		{
			e[SPR_TITLE] += SP_STACK_LEAN;
			leaned = true;
		}
		if ((shape[k] & SP_STK_LONGER_N) && k + 1 < sq->n && stack[k + 1])
		{
			e[SPR_KICKER] += SP_STACK_LEAN;
			leaned = true;
		}
	}
	na_free(stack);
	return leaned;
}
