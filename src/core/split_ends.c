/*
 * split_ends.c
 *	  Where an article's body ends: cues of a new article that the
 *	  line-role model's local view misses (branch splitends, issue #11).
 *
 * On a paper the model never saw, an article's body runs on into the next
 * one in three ways.  The next article's title, right after a body
 * paragraph, is read as a section head (小标题) of the article before; its
 * first paragraph, when it has no headline, is read as one more paragraph;
 * and a closing credit (本报记者 X, （记者 X）) at an article's end is read
 * as the byline of the next one, or the title under it as a section head.
 * Papers mark a new article all the same: its title stands over a byline
 * line with text under it, or over a paragraph that opens with a dateline
 * (本报讯, 新华社X月X日电), and an in-article head has neither under it; a
 * dateline opens an article, not a paragraph inside one; and a byline's
 * shape right after a body paragraph, with a headline under it, closes the
 * article before: the next one's byline stands under its headline, not
 * above it.  This pass reads those cues off the decoded roles, with the
 * classifier's byline and dateline recognisers (split_lines.c,
 * split_marks.c), before the headline stacks are read (sp_stack_cues).  It
 * changes roles only; the articles are cut from the roles as before
 * (split_articles.c).  Measured in bench/split_quality.md, "Where the body
 * ends" (tools/split_ends.py counts the body-end errors by kind).
 */
#include "split_internal.h"

static bool
is_para(SpRole r)
{
	return r == SPR_BODY || r == SPR_LEAD;
}

static bool
byline_shaped(const SpLine *l)
{
	return l->cls == SPC_BYLINE;
}

/*
 * a paragraph that opens with a dateline and goes on after it with words;
 * a line that is only a dateline, （据新华社X月X日电）, or its end broken
 * off with a bracket after it, closes the article before
 */
static bool
opens_with_dateline(const char *text, const SpLine *l)
{
	size_t		i,
				adv;
	int			han = 0;

	if (l->lead_role != NA_SEG_DATELINE || l->lead_len == 0)
		return false;
	for (i = l->cs + l->lead_len; i < l->ce && han < 2; i += adv)
		han += na_is_han(na_utf8_decode(text + i, l->ce - i, &adv));
	return han >= 2;
}

/*
 * Does an article open under line k of the sequence: a byline line (of a
 * byline's shape, or a bare name the model read as one: 吴越) with a
 * paragraph under it, or a paragraph opening with a dateline?  Returns 2
 * for the byline, 1 for the dateline, 0 for neither.
 */
static int
cue_under(const char *text, const SpLine *lines, const int *seq, int n,
		  const SpRole *roles, int k)
{
	if (k + 2 < n && (byline_shaped(&lines[seq[k + 1]]) || roles[k + 1] == SPR_BYLINE) &&
		is_para(roles[k + 2]))
		return 2;
	if (k + 1 < n && is_para(roles[k + 1]) && opens_with_dateline(text, &lines[seq[k + 1]]))
		return 1;
	return 0;
}

/*
 * end of the run of up to three lines read as section heads from k; a
 * byline's shape ends it (the byline under a headline)
 */
static int
head_run(const SpLine *lines, const int *seq, int n, const SpRole *roles, int k)
{
	int			m = k;

	while (m < n && m - k < 3 && roles[m] == SPR_HEADING && !byline_shaped(&lines[seq[m]]))
		m++;
	return m;
}

/* lines k..m-1 a new article's headline: kicker, title, subtitle */
static void
make_stack(SpRole *roles, int k, int m)
{
	int			j;

	for (j = k; j < m; j++)
		roles[j] = m - k == 1 || j == k + 1 ? SPR_TITLE :
			j == k ? SPR_KICKER : SPR_SUBTITLE;
}

/*
 * Lines read as section heads right after a body paragraph are the
 * headline of a new article when the next article's cues stand under them.
 */
static void
heads_to_titles(const char *text, const SpLine *lines, const int *seq, int n,
				SpRole *roles)
{
	int			k;

	for (k = 1; k < n; k++)
	{
		int			m,
					cue;

		if (roles[k] != SPR_HEADING || !is_para(roles[k - 1]))
			continue;
		m = head_run(lines, seq, n, roles, k);
		cue = cue_under(text, lines, seq, n, roles, m - 1);
		if (cue == 0)
			continue;
		make_stack(roles, k, m);
		if (cue == 2)
			roles[m] = SPR_BYLINE;
	}
}

/*
 * A paragraph that opens with a dateline, after a body paragraph that is
 * not the first line under a headline (there it may be the headline's
 * last line read as body), is the first paragraph of a new article
 * without headline: a dateline opens an article, not a paragraph inside
 * one.
 */
static void
dateline_leads(const char *text, const SpLine *lines, const int *seq, int n,
			   SpRole *roles)
{
	int			k;

	for (k = 1; k < n; k++)
		if (roles[k] == SPR_BODY && is_para(roles[k - 1]) &&
			(k < 2 || !sp_head_role(roles[k - 2])) &&
			opens_with_dateline(text, &lines[seq[k]]))
			roles[k] = SPR_LEAD;
}

/*
 * A byline's shape right after a body paragraph, with a headline under it,
 * is the closing credit of the article before; so is it with a line read
 * as a section head and a paragraph under it, and that line is the next
 * article's title: an in-article head never follows a credit.  At the end
 * of the text or over a page header (制图：X, 本版责编：X), nothing of an
 * article follows it: a credit too, not a head or byline.
 */
static void
closing_credits(const SpLine *lines, const int *seq, int n, SpRole *roles)
{
	int			k;

	for (k = 1; k < n; k++)
	{
		if (!byline_shaped(&lines[seq[k]]) || !is_para(roles[k - 1]))
			continue;
		if (k + 1 == n || roles[k + 1] == SPR_PAGE)
		{
			if (roles[k] == SPR_HEADING || roles[k] == SPR_BYLINE)
				roles[k] = SPR_CREDIT;
		}
		else if (roles[k + 1] == SPR_TITLE || roles[k + 1] == SPR_KICKER)
			roles[k] = SPR_CREDIT;
		else if (roles[k + 1] == SPR_HEADING)
		{
			int			m = head_run(lines, seq, n, roles, k + 1);

			if (m < n && is_para(roles[m]))
			{
				roles[k] = SPR_CREDIT;
				make_stack(roles, k + 1, m);
			}
		}
	}
}

void
sp_end_cues(const char *text, const SpLine *lines, const int *seq, int n, SpRole *roles)
{
	heads_to_titles(text, lines, seq, n, roles);
	dateline_leads(text, lines, seq, n, roles);
	closing_credits(lines, seq, n, roles);
}
