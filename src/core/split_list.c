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
#include "zh_names.h"

#include <string.h>

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
void
sp_list_runs(const char *text, const SpLine *lines, const int *seq, int n,
			 uint8_t *before, uint8_t *after)
{
	bool	   *item = (bool *) na_alloc(sizeof(bool) * (size_t) (n + 1));
	int			k;

	for (k = 0; k < n; k++)
		item[k] = sp_item_like(text, &lines[seq[k]]);
	for (k = 0; k < n; k++)
		before[k] = (k == 0 || !item[k - 1]) ? 0 :
			(uint8_t) (before[k - 1] < 255 ? before[k - 1] + 1 : 255);
	for (k = n - 1; k >= 0; k--)
		after[k] = (k == n - 1 || !item[k + 1]) ? 0 :
			(uint8_t) (after[k + 1] < 255 ? after[k + 1] + 1 : 255);
	na_free(item);
}

/*
 * Mark the lines of long runs (list_item): their body text is kept one
 * item a line, with the gaps inside an item (split_body.c).
 */
void
sp_list_mark(const char *text, SpLine *lines, const int *seq, int n)
{
	uint8_t    *before = (uint8_t *) na_alloc((size_t) n + 1);
	uint8_t    *after = (uint8_t *) na_alloc((size_t) n + 1);
	int			k;

	sp_list_runs(text, lines, seq, n, before, after);
	for (k = 0; k < n; k++)
	{
		SpLine	   *l = &lines[seq[k]];

		l->list_item = sp_item_like(text, l) &&
			before[k] + after[k] + 1 >= SP_LIST_MIN_LINES;
	}
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

		if (na_is_space(cp))
			gap = seen;
		else if (gap)
			return true;
		else
			seen = true;
		i += adv;
	}
	return false;
}

/* a person's name: 2-4 Han characters led by a common surname */
static bool
name_token(const char *s, size_t len)
{
	size_t		i = 0,
				adv;
	int			han = 0;
	char		first[8];
	uint32_t	cp0 = 0;
	const char *const *c;

	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (!na_is_han(cp))
			return false;
		if (han++ == 0)
			cp0 = cp;
		i += adv;
	}
	if (han < 2 || han > 4)
		return false;
	for (c = zh_compound_surnames; *c; c++)
		if (sp_starts(s, len, *c) && han >= 3)
			return true;
	adv = na_utf8_encode(cp0, first);
	first[adv] = '\0';
	return strstr(zh_single_surnames, first) != NULL;
}

/*
 * A line that is only who wrote it (the NAME_LINE atom): one to four names
 * and nothing else (钱七, 张三　李四; a two-character name padded to three,
 * 王　伟, is one name), or a paper's commentator (本报评论员).
 */
bool
sp_name_line(const char *s, size_t len)
{
	size_t		ts[9],
				te[9];
	int			n = 0,
				k,
				names = 0;
	size_t		i = 0,
				adv;

	if (na_utf8_count(s, len) <= 8 && sp_ends(s, len, "评论员"))
		return true;
	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (na_is_space(cp))
			i += adv;
		else
		{
			if (n == 9)
				return false;
			ts[n] = i;
			while (i < len && !na_is_space(na_utf8_decode(s + i, len - i, &adv)))
				i += adv;
			te[n++] = i;
		}
	}
	for (k = 0; k < n; k++)
	{
		/* 王　伟: two lone characters are one padded name */
		if (k + 1 < n && na_utf8_count(s + ts[k], te[k] - ts[k]) == 1 &&
			na_utf8_count(s + ts[k + 1], te[k + 1] - ts[k + 1]) == 1)
		{
			char		buf[16];
			size_t		a = te[k] - ts[k],
						b = te[k + 1] - ts[k + 1];

			memcpy(buf, s + ts[k], a);
			memcpy(buf + a, s + ts[k + 1], b);
			if (!name_token(buf, a + b))
				return false;
			k++;
		}
		else if (!name_token(s + ts[k], te[k] - ts[k]))
			return false;
		names++;
	}
	return names >= 1 && names <= 4;
}
