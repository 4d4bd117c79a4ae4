/*
 * split_stack.c
 *	  The title of an uncued headline stack (issue #11): a decoded stack whose
 *	  top line the model called the title and the line under it a subtitle,
 *	  with no printed cue between them (no —— opening the lower line, no ——,
 *	  colon or comma closing the upper one, no column tag).
 *
 * Papers set the main title (主题) as the short, prominent line; the kicker
 * (引题) above it and the subtitle (副题) below it are the explanatory lines
 * and the longer ones: a factual sentence over a figurative title
 * (卡塔尔世界杯分组抽签今晨揭晓 / 哪组冤家路窄谁人一马平川), a title over a
 * longer explanation (今晨上海的动与静 / 直击疫情封控下城市中的忙碌身影).
 * A model fitted on a paper without kickers learns that the longest line of
 * a stack is the title, so a long kicker becomes the title and the title a
 * subtitle.  When the line under the model's title is shorter, it is the
 * title and the line above the kicker -- unless it is no longer than a
 * personal name (at most four characters: an essay's author signed under its
 * title, 做嫁衣的人 / 葛昆元).  Only labels inside the stack change (the top
 * line stays a headline line, so where an article opens stays the same).
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
 * seq[k] is the model's title, seq[k + 1] its subtitle, and the stack ends
 * there or goes on with lines opening with —— only: is k + 1 the title?
 */
static bool
shorter_title_below(const char *text, const SpLine *lines, const int *seq, int n,
					const SpRole *roles, int k)
{
	const SpLine *top = &lines[seq[k]],
			   *low = &lines[seq[k + 1]];
	int			j;

	if (dashed(text, top) || dashed(text, low) || cued(text, top) || cued(text, low))
		return false;
	if (low->cls == SPC_BYLINE || low->ncp >= top->ncp ||
		han_count(text, low) < SP_STACK_MIN_TITLE_HAN)
		return false;
	for (j = k + 2; j < n && roles[j] == SPR_SUBTITLE; j++)
		if (!dashed(text, &lines[seq[j]]))
			return false;
	return j >= n || roles[j] != SPR_TITLE;
}

void
sp_stack_lengths(const char *text, const SpLine *lines, const int *seq, int n, SpRole *roles)
{
	int			k;

	for (k = 0; k + 1 < n; k++)
	{
		/* a title with no kicker above it, a subtitle under it */
		if (roles[k] != SPR_TITLE || roles[k + 1] != SPR_SUBTITLE ||
			(k > 0 && (roles[k - 1] == SPR_KICKER || roles[k - 1] == SPR_TITLE)))
			continue;
		if (shorter_title_below(text, lines, seq, n, roles, k))
		{
			roles[k] = SPR_KICKER;
			roles[k + 1] = SPR_TITLE;
			k++;
		}
	}
}
