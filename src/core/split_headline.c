/*
 * split_headline.c
 *	  Tell the lines of one headline block apart: kicker (引题), title,
 *	  subtitle (副题) and column label.
 *
 * Papers print the kicker above the title (某某在……时强调), sometimes on the
 * title's own line; OCR may put it after the title.  A subtitle starts with
 * —— or stands under a title that already carried its kicker.  OCR heading
 * marks help: the title is the most prominent line (fewest #), and a line
 * with no mark under a marked one is no title (a report's date or speaker
 * line under its title).
 */
#include "split_internal.h"

static bool
is_subtitle_line(const char *text, const SpLine *l)
{
	const char *s = text + l->cs;
	size_t		len = l->ce - l->cs;

	return sp_starts(s, len, "——") || sp_starts(s, len, "—") ||
		sp_starts(s, len, "--") || sp_starts(s, len, "－－");
}

static bool
line_kicker_like(const char *text, const SpLine *l)
{
	return sp_kicker_like(text + l->cs, l->ce - l->cs);
}

/* title with a kicker on the same line: mark the kicker as the line's lead */
static bool
try_inline_kicker(const char *text, SpLine *l)
{
	size_t		k = sp_kicker_split(text + l->cs, l->ce - l->cs);

	if (k == 0)
		return false;
	l->lead_len = k;
	l->lead_role = NA_SEG_KICKER;
	return true;
}

/* for the model's titles: a kicker printed on the title's line */
void
sp_title_inline_kicker(const char *text, SpLine *l)
{
	if (l->lead_len == 0)
		try_inline_kicker(text, l);
}

void
sp_assign_headline(const char *text, SpLine *lines, const int *idx, int n)
{
	int			rest[64];
	int			nr = 0,
				i;

	for (i = 0; i < n; i++)
	{
		SpLine	   *l = &lines[idx[i]];

		l->lead_len = 0;
		if (l->cls == SPC_GARBAGE)
			l->role = NA_SEG_GARBAGE;
		else if (is_subtitle_line(text, l) && (nr > 0 || i > 0))
			l->role = NA_SEG_SUBTITLE;
		else if (nr < 64)
			rest[nr++] = idx[i];
		else
			l->role = NA_SEG_SUBTITLE;
	}

	/* a column label: a short plain line at either end of the block */
	if (nr >= 2)
	{
		int			maxcp = 0;

		for (i = 0; i < nr; i++)
			if (lines[rest[i]].ncp > maxcp)
				maxcp = lines[rest[i]].ncp;
		for (i = 0; i < nr; i += (nr - 1 > 0 ? nr - 1 : 1))
		{
			SpLine	   *l = &lines[rest[i]];

			if (sp_is_column_label(text + l->cs, l->ce - l->cs) &&
				l->ncp * 2 <= maxcp && l->level == 0)
			{
				l->role = NA_SEG_SECTION;
				memmove(&rest[i], &rest[i + 1], sizeof(int) * (nr - i - 1));
				nr--;
				break;
			}
		}
	}

	if (nr == 0)
		return;
	if (nr == 1)
	{
		lines[rest[0]].role = NA_SEG_TITLE;
		try_inline_kicker(text, &lines[rest[0]]);
		return;
	}
	{
		SpLine	   *a = &lines[rest[0]];
		SpLine	   *b = &lines[rest[1]];

		if (try_inline_kicker(text, a))
		{
			a->role = NA_SEG_TITLE;
			b->role = NA_SEG_SUBTITLE;
		}
		else if (line_kicker_like(text, b) && !line_kicker_like(text, a) && nr == 2)
		{
			/* printed after its title by the OCR reading order */
			a->role = NA_SEG_TITLE;
			b->role = NA_SEG_KICKER;
		}
		else if (!line_kicker_like(text, a) && a->level > 0 &&
				 ((nr == 2 && b->level > a->level) || b->level == 0))
		{
			a->role = NA_SEG_TITLE;
			b->role = NA_SEG_SUBTITLE;
		}
		else
		{
			a->role = NA_SEG_KICKER;
			b->role = NA_SEG_TITLE;
		}
		for (i = 2; i < nr; i++)
			lines[rest[i]].role = NA_SEG_SUBTITLE;
	}
}

/*
 * ---- The title of a decoded headline stack (branch web2, issue #11) ----
 * The model labels each line; in a stack (kicker, title, subtitle) it may
 * call the wrong line the title, mostly by length.  A careful reader goes by
 * the cues papers print: a column tag （XX谈） follows the main title; a line
 * opening with —— is a subtitle under it; a kicker leads into the title
 * with ——, a colon or a comma at its end; a line of a byline's shape
 * (本报记者 X) under it is the byline, not the title.  Only the labels
 * inside one stack change (kickers above the title, subtitles below),
 * never where an article opens.
 */
static bool
is_head(SpRole r)
{
	return r == SPR_KICKER || r == SPR_TITLE || r == SPR_SUBTITLE;
}

static bool
leads_on(const char *s, size_t len)
{
	return sp_ends(s, len, "——") || sp_ends(s, len, "：") || sp_ends(s, len, "，") ||
		sp_kicker_like(s, len);
}

/* the title of the stack seq[lo..hi), by its cues; -1 when they say nothing */
static int
cued_title(const char *text, const SpLine *lines, const int *seq, int lo, int hi,
		   const SpRole *roles)
{
	int			j,
				t = -1,
				tagged = -1,
				ntag = 0;

	for (j = lo; j < hi; j++)
	{
		const SpLine *l = &lines[seq[j]];
		bool		whole;

		if (roles[j] == SPR_TITLE && t < 0)
			t = j;
		if (!is_subtitle_line(text, l) && sp_tail_tag(text + l->cs, l->ce - l->cs, &whole) && !whole)
		{
			tagged = j;
			ntag++;
		}
	}
	if (ntag == 1)
		return tagged;
	if (t < 0)
		return -1;
	if (is_subtitle_line(text, &lines[seq[t]]))
	{
		for (j = t - 1; j >= lo; j--)
			if (!is_subtitle_line(text, &lines[seq[j]]))
				return j;
		return -1;
	}
	if (t + 1 < hi && !is_subtitle_line(text, &lines[seq[t + 1]]) &&
		leads_on(text + lines[seq[t]].cs, lines[seq[t]].ce - lines[seq[t]].cs))
		return t + 1;
	return -1;
}

/*
 * A reporter's line with the names glued on (澎湃新闻记者段彦超廖艳, 记者王伟):
 * an organization of a few characters, 记者 or 通讯员, then two to twelve Han
 * characters and nothing else.  The byline parser cannot cut such names
 * apart, so the line's class is no byline; under a headline it is one all
 * the same.
 */
static bool
glued_byline(const char *text, const SpLine *l)
{
	static const char *const roles[] = {"记者", "通讯员", NULL};
	const char *s = text + l->cs;
	size_t		len = l->ce - l->cs;
	int			r;

	if (l->ncp > 24)
		return false;
	for (r = 0; roles[r]; r++)
	{
		const char *at = sp_find(s, len, roles[r]),
				   *p;
		int			han = 0,
					before = 0;

		if (at == NULL)
			continue;
		for (p = s; p < at;)
		{
			size_t		adv;
			uint32_t	cp = sp_first_cp(p, (size_t) (at - p), &adv);

			if (!na_is_han(cp) && !na_is_latin(cp))
				return false;
			before++;
			p += adv;
		}
		for (p = at + strlen(roles[r]); p < s + len;)
		{
			size_t		adv;
			uint32_t	cp = sp_first_cp(p, (size_t) (s + len - p), &adv);

			if (!na_is_han(cp) || adv == 0)
				return false;
			han++;
			p += adv;
		}
		return before <= 10 && han >= 2 && han <= 12;
	}
	return false;
}

void
sp_stack_cues(const char *text, const SpLine *lines, const int *seq, int n, SpRole *roles)
{
	int			lo = 0;

	while (lo < n)
	{
		int			hi = lo + 1,
					t,
					j;

		if (!is_head(roles[lo]))
		{
			lo++;
			continue;
		}
		/* one article's stack: no line in it opens another article */
		while (hi < n && is_head(roles[hi]) &&
			   !(roles[hi] == SPR_KICKER && roles[hi - 1] != SPR_KICKER) &&
			   !(roles[hi] == SPR_TITLE && roles[hi - 1] == SPR_SUBTITLE))
			hi++;
		/*
		 * a byline's shape (本报记者 X, or names glued on: glued_byline) under
		 * the headline is its byline; the line above it the title when the
		 * stack has none left
		 */
		while (hi - lo >= 2 && (lines[seq[hi - 1]].cls == SPC_BYLINE ||
								glued_byline(text, &lines[seq[hi - 1]])))
		{
			bool		titled = false;

			roles[--hi] = SPR_BYLINE;
			for (j = lo; j < hi; j++)
				titled |= roles[j] == SPR_TITLE;
			if (!titled && !is_subtitle_line(text, &lines[seq[hi - 1]]) &&
				!(hi - 1 == lo && lo > 0 && (roles[lo - 1] == SPR_KICKER || roles[lo - 1] == SPR_TITLE)))
				roles[hi - 1] = SPR_TITLE;
		}
		t = hi - lo >= 2 && hi - lo <= 4 ? cued_title(text, lines, seq, lo, hi, roles) : -1;
		/* a title right under a kicker or title would join that article */
		if (t == lo && lo > 0 && (roles[lo - 1] == SPR_KICKER || roles[lo - 1] == SPR_TITLE))
			t = -1;
		if (t >= 0)
			for (j = lo; j < hi; j++)
				roles[j] = j < t ? SPR_KICKER : j == t ? SPR_TITLE : SPR_SUBTITLE;
		lo = hi;
	}
}
