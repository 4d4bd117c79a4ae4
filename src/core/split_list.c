/*
 * split_list.c
 *	  Lists inside an issue: runs of short item lines.
 *
 * Dailies print name lists, directories and tables of projects (名单, 名录,
 * 公示) as tens to hundreds of short lines with no sentence punctuation: a
 * name and a unit, several names a line, an organisation, a numbered
 * project, with short group heads between them.  Line by line such a run
 * looks like a stack of headlines; as a run it is one article's body.  This
 * file measures the runs (how many item-shaped lines stand right before and
 * right after each line), which the line-role model sees as atoms
 * (SP_ATOM_LIST_LIST), and marks the lines of long runs, whose text the body
 * keeps one item a line with the gaps between an item's fields.
 */
#include "split_internal.h"

/*
 * a line of a list: short, no sentence inside or at its end, few commas,
 * no heading mark or bullet
 */
bool
sp_item_like(const char *text, const SpLine *l)
{
	const char *s = text + l->cs;
	size_t		len = l->ce - l->cs;
	size_t		i = 0,
				adv;
	int			commas = 0;

	/* a heading mark (#) or a bullet (■) sets a line apart from a list */
	if (l->ncp < 2 || l->ncp > SP_ITEM_MAX_CP || l->cls == SPC_BLANK ||
		l->level > 0 || l->marked)
		return false;
	if (sp_ends_sentence(s, len))
		return false;
	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B ||
			cp == '!' || cp == '?' || cp == ';')
			return false;
		if ((cp == 0xFF0C || cp == ',') && ++commas > 1)
			return false;
		i += adv;
	}
	return true;
}

/*
 * before[k] / after[k]: how many item-like lines of the sequence stand
 * right before / right after line k (blank lines are not in the sequence),
 * capped at 255.
 */
static void
list_runs(const char *text, const SpLine *lines, const int *seq, int n,
		  bool *item, uint8_t *before, uint8_t *after)
{
	int			k;

	for (k = 0; k < n; k++)
		item[k] = sp_item_like(text, &lines[seq[k]]);
	for (k = 0; k < n; k++)
		before[k] = (k == 0 || !item[k - 1]) ? 0 :
			(uint8_t) (before[k - 1] < 255 ? before[k - 1] + 1 : 255);
	for (k = n - 1; k >= 0; k--)
		after[k] = (k == n - 1 || !item[k + 1]) ? 0 :
			(uint8_t) (after[k + 1] < 255 ? after[k + 1] + 1 : 255);
}

void
sp_list_runs(const char *text, const SpLine *lines, const int *seq, int n,
			 uint8_t *before, uint8_t *after)
{
	bool	   *item = (bool *) na_alloc(sizeof(bool) * (size_t) (n + 1));

	list_runs(text, lines, seq, n, item, before, after);
	na_free(item);
}

/*
 * A line led by a bullet (■ ● ◆ ▲ ★ ...) that may be a point of a list
 * inside an article: no heading mark, not a credit or caption by its own
 * shape (▲ 图为 ...), nor a byline (■ 本报记者 X).  The line classes call
 * a short bulleted line without punctuation a byline (split_lines.c: a pen
 * name □钱塘唐平), so the byline's own shape decides here.
 */
static bool
bullet_line(const char *text, const SpLine *l)
{
	return l->marked && l->level == 0 && l->ncp >= 2 &&
		l->cls != SPC_CREDIT && l->cls != SPC_CAPTION &&
		l->cls != SPC_BLANK && l->cls != SPC_PAGE_HEADER &&
		!(l->cls == SPC_BYLINE && na_byline_looks_like(text + l->cs, l->ce - l->cs));
}

/*
 * run[k]: line k is one of two or more bulleted lines in a row (blank lines
 * are not in the sequence).  Dailies print an article's key points so
 * (■ 新开工项目二十三个, ■ 竣工投产项目十一个); one such line alone is more
 * often a byline or a section head led by ■.
 */
void
sp_bullet_runs(const char *text, const SpLine *lines, const int *seq, int n, bool *run)
{
	int			k = 0;

	while (k < n)
	{
		int			j = k;

		while (j < n && bullet_line(text, &lines[seq[j]]))
			j++;
		if (j == k)
		{
			run[k++] = false;
			continue;
		}
		/* lines k .. j - 1 are bulleted: a run when two or more */
		{
			bool		many = j - k >= 2;

			for (; k < j; k++)
				run[k] = many;
		}
	}
}

/*
 * Mark the lines of long runs (list_item): their body text is kept one
 * item a line, with the gaps inside an item (split_body.c).  Bulleted
 * points (sp_bullet_runs) are marked bullet_item, kept one a line too.
 */
void
sp_list_mark(const char *text, SpLine *lines, const int *seq, int n)
{
	uint8_t    *before = (uint8_t *) na_alloc((size_t) n + 1);
	uint8_t    *after = (uint8_t *) na_alloc((size_t) n + 1);
	bool	   *item = (bool *) na_alloc(sizeof(bool) * (size_t) (n + 1));
	int			k;

	list_runs(text, lines, seq, n, item, before, after);
	for (k = 0; k < n; k++)
		lines[seq[k]].list_item = item[k] &&
			before[k] + after[k] + 1 >= SP_LIST_MIN_LINES;
	sp_bullet_runs(text, lines, seq, n, item);
	for (k = 0; k < n; k++)
		lines[seq[k]].bullet_item = item[k];
	na_free(item);
	na_free(before);
	na_free(after);
}

/* a gap of spaces between two fields of the line's content */
bool
sp_line_spaced(const char *text, const SpLine *l)
{
	const char *s = text + l->cs;
	size_t		len = l->ce - l->cs,
				i = 0,
				adv;
	bool		seen = false,
				gap = false;

	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (sp_char_class(cp) & SPX_SPACE)
			gap = seen;
		else if (gap)
			return true;
		else
			seen = true;
		i += adv;
	}
	return false;
}
