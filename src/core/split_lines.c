/*
 * split_lines.c
 *	  Cut an issue into lines and say what each line looks like on its own:
 *	  blank, garbage, page header, byline, photo credit, caption,
 *	  continuation mark, headline candidate or body text.  Context (what
 *	  comes before and after) is the assembler's business.
 */
#include "split_internal.h"

#define HEAD_MAX_CP			64	/* longest unmarked headline line */
#define HEAD_MAX_CP_MARKED	96	/* with OCR heading marks (kicker + title) */
#define BYLINE_MAX_CP		48
#define CAPTION_MAX_CP		200

static bool
is_lead_mark(uint32_t cp)
{
	/* ■ □ ● ▲ ◆ ★ ◇ ○ ▶ lead bylines and items */
	return cp == 0x25A0 || cp == 0x25A1 || cp == 0x25CF || cp == 0x25B2 ||
		cp == 0x25C6 || cp == 0x2605 || cp == 0x25C7 || cp == 0x25CB ||
		cp == 0x25B6;
}

SpLine *
sp_lines_build(const char *text, size_t len, size_t *n_lines)
{
	size_t		n = 1,
				pos = 0,
				i = 0;
	SpLine	   *lines;
	const char *p = text;

	while ((p = memchr(p, '\n', len - (p - text))) != NULL)
	{
		if ((n & 0xFFFF) == 0)
			na_check_interrupts();
		n++;
		p++;
	}
	{
		size_t		sz = sizeof(SpLine) * n;

		/* not zeroed here: each line is as it is filled (interruptibly) */
		lines = (SpLine *) na_alloc(sz);
	}
	while (pos < len)
	{
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t		end = nl ? (size_t) (nl - text) + 1 : len;
		size_t		ce = nl ? (size_t) (nl - text) : len;
		SpLine	   *l = &lines[i++];
		size_t		cs = pos,
					adv;
		int			fw = 0;

		if ((i & 0x3FFF) == 0)
			na_check_interrupts();
		memset(l, 0, sizeof(*l));

		l->start = pos;
		l->end = end;
		/* leading spaces, markdown marks and byline marks */
		while (cs < ce)
		{
			uint32_t	cp = na_utf8_decode(text + cs, ce - cs, &adv);

			if (cp == '#')
				l->level++;
			else if (is_lead_mark(cp))
				l->marked = true;
			else if (cp == 0x3000)
				fw++;
			else if (!na_is_space(cp) && cp != '>' && cp != '*' && cp != '|' && cp != '\r')
				break;
			cs += adv;
		}
		/* trailing spaces and marks */
		while (ce > cs)
		{
			size_t		st;
			uint32_t	cp = sp_last_cp(text + cs, ce - cs, &st);

			if (!na_is_space(cp) && cp != '#' && cp != '\r' && cp != '*')
				break;
			ce = cs + st;
		}
		l->cs = cs;
		l->ce = ce;
		l->indented = fw >= 1 && l->level == 0;
		l->art = -1;
		pos = end;
	}
	/* the spare entry (text ending in a newline) stays zeroed as before */
	if (i < n)
		memset(&lines[i], 0, (n - i) * sizeof(SpLine));
	*n_lines = i;
	return lines;
}

/* only marks and symbols, a character or two, or scattered single letters */
static bool
is_garbage(const char *s, size_t len, int ncp)
{
	size_t		i = 0,
				adv;
	int			words = 0,
				bad = 0,
				tokens = 0,
				singles = 0,
				tok_cp = 0;
	uint32_t	steps = 0;

	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);
		int			c = sp_char_class(cp);

		if ((++steps & 0xFFFF) == 0)
			na_check_interrupts();
		words += (c & SPX_WORD) != 0;
		bad += (c & SPX_BAD) != 0;
		if (c & SPX_SPACE)
		{
			if (tok_cp)
			{
				tokens++;
				singles += tok_cp == 1;
			}
			tok_cp = 0;
		}
		else
			tok_cp++;
		i += adv;
	}
	if (tok_cp)
	{
		tokens++;
		singles += tok_cp == 1;
	}
	if (words == 0)
		return true;
	if (bad * 3 > ncp)
		return true;
	if (ncp <= 2 && !sp_ends_sentence(s, len) && !na_is_digit(sp_first_cp(s, len, NULL)))
		return true;
	if (tokens >= 3 && singles * 3 >= tokens * 2)
		return true;
	return false;
}

static bool
contains_cp(const char *s, size_t len, uint32_t want)
{
	return sp_count_cp(s, len, want) > 0;
}

/*
 * OCR'd print leads its bylines with ■ or □, the writer's pen name too
 * (□钱塘唐平), which no byline parser reads as a name; a daily leads its
 * key points with the same marks (■ 竣工投产项目十一个，新增产值九十亿元).  A
 * marked line is a byline by its mark alone when it is as short as a name
 * with a place or a title (MARKED_NAME_MAX_CP), holds no punctuation, and
 * either ends with a name led by a common surname or is as short as a pen
 * name with its place (MARKED_PEN_MAX_HAN: □青湾言平); ■ 长效管理跟上去, a
 * daily's section head, is neither.  Longer, it must look like a byline.
 */
#define MARKED_NAME_MAX_CP	8
#define MARKED_PEN_MAX_HAN	5

static bool
marked_name(const char *s, size_t len, const SpLine *l)
{
	size_t		i = 0,
				adv;
	int			han = 0;

	if (!l->marked || l->ncp > MARKED_NAME_MAX_CP)
		return false;
	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (!na_is_han(cp) && !na_is_space(cp))
			return false;
		han += na_is_han(cp);
		i += adv;
	}
	return han <= MARKED_PEN_MAX_HAN || sp_ends_with_name(s, len);
}

void
sp_classify(const char *text, SpLine *l)
{
	const char *s = text + l->cs;
	size_t		len = l->ce - l->cs;
	size_t		mstart,
				mend,
				off,
				slen,
				dl,
				c;
	int			page;
	bool		fwd;
	uint32_t	last;

	l->cls = SPC_BLANK;
	if (len == 0)
		return;
	l->ncp = (int) na_utf8_count(s, len);
	l->ends_sentence = sp_ends_sentence(s, len);
	last = sp_last_cp(s, len, NULL);

	if (sp_match_page_header(s, len, &off, &slen))
	{
		l->cls = SPC_PAGE_HEADER;
		return;
	}
	if (sp_match_continuation(s, len, &mstart, &mend, &page, &fwd))
	{
		if (mstart == 0 && mend >= len)
		{
			l->cls = SPC_CONT;
			if (fwd)
				l->cont_to = page;
			else
				l->cont_from = page;
			return;
		}
		if (mstart == 0)
		{
			l->lead_len = mend;
			l->lead_role = NA_SEG_CONTINUATION;
			l->cont_from = fwd ? 0 : page;
			l->cont_to = fwd ? page : 0;
		}
		else
		{
			l->trail_len = len - mstart;
			l->trail_role = NA_SEG_CONTINUATION;
			l->cont_to = fwd ? page : 0;
			l->cont_from = fwd ? 0 : page;
		}
		l->cls = SPC_BODY;
	}
	if (l->cls == SPC_BLANK)
	{
		c = sp_match_credit_tail(s, len);
		if (c == 0 && l->ncp <= 40)
		{
			l->cls = SPC_CREDIT;
			return;
		}
		if (c < len && l->ncp <= CAPTION_MAX_CP)
		{
			l->cls = SPC_CAPTION;
			l->trail_len = len - c;
			l->trail_role = NA_SEG_CREDIT;
			return;
		}
		if ((sp_starts(s, len, "图为") || sp_starts(s, len, "上图") ||
			 sp_starts(s, len, "下图") || sp_starts(s, len, "图：") ||
			 sp_picture_tail(s, len, l->ncp)) &&
			l->ncp <= CAPTION_MAX_CP)
		{
			l->cls = SPC_CAPTION;
			return;
		}
		if (l->ncp <= BYLINE_MAX_CP && (marked_name(s, len, l) || na_byline_looks_like(s, len)) &&
			!l->ends_sentence && !contains_cp(s, len, 0x3002))
		{
			l->cls = SPC_BYLINE;
			return;
		}
		if (is_garbage(s, len, l->ncp))
		{
			l->cls = SPC_GARBAGE;
			return;
		}
	}
	/* a paragraph led by a dateline */
	if (l->lead_len == 0 && (off = sp_match_dateline(s, len, &dl)) > 0)
	{
		l->lead_len = off;
		l->lead_role = NA_SEG_DATELINE;
		l->dateline_len = dl;
		l->cls = SPC_BODY;
		return;
	}
	if (l->lead_len == 0 && (off = sp_garbage_prefix(s, len)) > 0)
	{
		l->lead_len = off;
		l->lead_role = NA_SEG_GARBAGE;
	}
	if (l->cls == SPC_BODY)
		return;
	if (!l->indented &&
		l->ncp <= (l->level > 0 ? HEAD_MAX_CP_MARKED : HEAD_MAX_CP) &&
		!sp_is_clause_punct(last) &&
		(!l->ends_sentence || (l->level > 0 && last != 0x3002)) &&
		!contains_cp(s, len, 0x3002) &&
		sp_count_cp(s, len, 0xFF0C) + sp_count_cp(s, len, ',') <= 2)
	{
		l->cls = SPC_HEAD;
		return;
	}
	l->cls = SPC_BODY;
}
