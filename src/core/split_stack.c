/*
 * split_stack.c
 *	  The title of an uncued pair of headline lines (issue #11): the model
 *	  called one line of two the title and the other a kicker above it or a
 *	  subtitle under it, with no printed cue between them (no —— opening the
 *	  lower line; no ——, colon or comma closing the upper one; no column
 *	  tag; no kicker shape such as 在……时强调 -- split_headline.c reads those).
 *
 * Papers set the main title (主题) as the short, prominent line; the kicker
 * (引题) above it and the subtitle (副题) below it are the explanatory lines
 * and the longer ones: a factual sentence over a figurative title
 * (卡塔尔世界杯分组抽签今晨揭晓 / 哪组冤家路窄谁人一马平川), a title over a
 * longer explanation (今晨上海的动与静 / 直击疫情封控下城市中的忙碌身影).
 * A model fitted on a paper without kickers learns that the longest line of
 * a stack is the title.  So of such a pair the shorter line is the title:
 * a title over a shorter subtitle becomes kicker and title, a kicker over a
 * longer title becomes title and subtitle.  The line made the title has at
 * least five Han characters (a name signed under an essay's title, 做嫁衣的人
 * / 葛昆元, has at most four) and is no byline; a kicker closing with 。 is a
 * sentence of the text above, not a title.  Only labels inside the stack
 * change, never where an article opens: the pair's top line stays its first
 * headline line, and the stack goes on after it as before.
 */
#include "split_internal.h"

/* a name is at most four characters; a title under a kicker is longer */
#define SP_STACK_MIN_TITLE_HAN	5

static bool
dashed(const char *text, const SpLine *l)
{
	const char *s = text + l->cs;
	size_t		len = l->ce - l->cs;

	return sp_starts(s, len, "—") || sp_starts(s, len, "--") || sp_starts(s, len, "－");
}

/* the upper line leads on into the next by a printed mark, or carries a tag */
static bool
cued(const char *text, const SpLine *l)
{
	const char *s = text + l->cs;
	size_t		len = l->ce - l->cs;
	bool		whole;

	return sp_ends(s, len, "—") || sp_ends(s, len, "：") || sp_ends(s, len, "，") ||
		sp_ends(s, len, ":") || sp_tail_tag(s, len, &whole) || sp_kicker_like(s, len);
}

static int
han_count(const char *text, const SpLine *l)
{
	size_t		i,
				adv;
	int			han = 0;

	for (i = l->cs; i < l->ce; i += adv)
		han += na_is_han(na_utf8_decode(text + i, l->ce - i, &adv));
	return han;
}

/*
 * Could line low be the title of the uncued pair top / low, by its length
 * and its shape?  other is the pair's other line.
 */
static bool
may_title(const char *text, const SpLine *top, const SpLine *low, const SpLine *t,
		  const SpLine *other, int second)
{
	if (dashed(text, top) || dashed(text, low) || cued(text, top) || cued(text, low))
		return false;
	/* the model's second choice for the line is a headline role too */
	if (second >= 0 && second != SPR_KICKER && second != SPR_TITLE && second != SPR_SUBTITLE)
		return false;
	return t->cls != SPC_BYLINE && t->ncp < other->ncp &&
		han_count(text, t) >= SP_STACK_MIN_TITLE_HAN;
}

/*
 * seq[k] is the model's title, seq[k + 1] its subtitle, and the stack ends
 * there or goes on with lines opening with —— only: is k + 1 the title?
 */
static bool
shorter_below(const char *text, const SpLine *lines, const int *seq, int n,
			  const SpRole *roles, const SpRole *runner, int k)
{
	const SpLine *top = &lines[seq[k]],
			   *low = &lines[seq[k + 1]];
	int			j;

	if (!may_title(text, top, low, low, top, runner ? (int) runner[k + 1] : -1))
		return false;
	for (j = k + 2; j < n && roles[j] == SPR_SUBTITLE; j++)
		if (!dashed(text, &lines[seq[j]]))
			return false;
	return j >= n || roles[j] != SPR_TITLE;
}

/*
 * seq[k] is the model's kicker, seq[k + 1] its title, and no headline line
 * follows: is k the title?
 */
static bool
shorter_above(const char *text, const SpLine *lines, const int *seq, int n,
			  const SpRole *roles, const SpRole *runner, int k)
{
	const SpLine *top = &lines[seq[k]],
			   *low = &lines[seq[k + 1]];

	if (!may_title(text, top, low, top, low, runner ? (int) runner[k] : -1) || sp_ends(text + top->cs, top->ce - top->cs, "。"))
		return false;
	return k + 2 >= n || (roles[k + 2] != SPR_KICKER && roles[k + 2] != SPR_TITLE &&
						  roles[k + 2] != SPR_SUBTITLE);
}

void
sp_stack_lengths(const char *text, const SpLine *lines, const int *seq, int n, SpRole *roles,
				 const SpRole *runner)
{
	int			k;

	for (k = 0; k + 1 < n; k++)
	{
		/* the pair opens a stack: no kicker or title above it */
		if (k > 0 && (roles[k - 1] == SPR_KICKER || roles[k - 1] == SPR_TITLE))
			continue;
		if (roles[k] == SPR_TITLE && roles[k + 1] == SPR_SUBTITLE &&
			shorter_below(text, lines, seq, n, roles, runner, k))
		{
			roles[k] = SPR_KICKER;
			roles[k + 1] = SPR_TITLE;
			k++;
		}
		else if (roles[k] == SPR_KICKER && roles[k + 1] == SPR_TITLE &&
				 shorter_above(text, lines, seq, n, roles, runner, k))
		{
			roles[k] = SPR_TITLE;
			roles[k + 1] = SPR_SUBTITLE;
			k++;
		}
	}
}
