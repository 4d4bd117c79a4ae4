/*
 * split_body.c
 *	  Join the body pieces of one article into clean paragraphs, one a line.
 *
 * A piece that does not end a sentence continues in the next piece, even
 * across blank lines, captions or page furniture (创新要 / 素。), unless the
 * caller marks a paragraph break (sp_body_break: an indented line where
 * paragraphs open indented).  OCR spaces
 * between two Chinese characters go; spaces between Latin words or numbers
 * stay.  Byline marks (■/□) are dropped.
 */
#include "split_internal.h"

void
sp_body_init(SpBodyState *st)
{
	na_buf_init(&st->buf, 256);
	st->open = false;
	st->last_cp = 0;
}

/* split_chars.c's SPX_DROP: byline marks (■/□), # and \r */
static bool
is_dropped_mark(uint32_t cp)
{
	return (sp_char_class(cp) & SPX_DROP) != 0;
}

static bool
is_wordish(uint32_t cp)
{
	return na_is_latin(cp) || na_is_digit(cp);
}

void
sp_body_add(SpBodyState *st, const char *s, size_t len, bool own_paragraph)
{
	size_t		i = 0,
				run,
				adv;
	bool		pending_space = false;
	bool		first = true;
	uint32_t	prev = 0;
	uint32_t	steps = 0;

	/* skip leading spaces and marks */
	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (!(sp_char_class(cp) & (SPX_SPACE | SPX_DROP)))
			break;
		i += adv;
	}
	if (i >= len)
		return;

	/*
	 * Characters kept as they are go out in runs, run .. i - 1: a call a
	 * character was a tenth of a split.
	 */
	run = i;
	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		/* a paragraph can be the whole (huge) issue: stay cancellable */
		if ((++steps & 0xFFFF) == 0)
			na_check_interrupts();
		if (sp_char_class(cp) & (SPX_SPACE | SPX_DROP))
		{
			na_buf_append(&st->buf, s + run, i - run);
			if (sp_char_class(cp) & SPX_SPACE)
				pending_space = true;
			i += adv;
			run = i;
			continue;
		}
		if (first)
		{
			/* the first kept character: run is empty here */
			if (st->buf.len > 0)
			{
				if (own_paragraph || !st->open)
					na_buf_append_char(&st->buf, '\n');
				else if (is_wordish(st->last_cp) && is_wordish(cp))
					na_buf_append_char(&st->buf, ' ');
			}
			first = false;
		}
		else if (pending_space && !(sp_is_cjk(prev) && sp_is_cjk(cp)))
		{
			na_buf_append(&st->buf, s + run, i - run);
			run = i;
			na_buf_append_char(&st->buf, ' ');
		}
		pending_space = false;
		if (cp == NA_REPLACEMENT_CP)
		{
			na_buf_append(&st->buf, s + run, i - run);
			na_buf_append_cp(&st->buf, cp);
			run = i + adv;
		}
		prev = cp;
		i += adv;
	}
	na_buf_append(&st->buf, s + run, i - run);
	st->last_cp = prev;
	st->open = !own_paragraph && !sp_ends_sentence(s, len);
}

/* the next piece opens a paragraph of its own */
void
sp_body_break(SpBodyState *st)
{
	st->open = false;
}

char *
sp_body_finish(SpBodyState *st)
{
	char	   *r;

	if (st->buf.len == 0)
	{
		na_buf_free(&st->buf);
		return NULL;
	}
	r = na_strndup(st->buf.data, st->buf.len);
	na_buf_free(&st->buf);
	return r;
}

/*
 * One item of a list (split_list.c): a paragraph of its own, and the gaps
 * between its fields kept as one space (a full-width one between Chinese
 * characters), where the OCR rule above would run 王伟北京市某某公司工程师
 * together.  A two-character name padded to the width of three
 * (王　伟　　李　娜, 王　伟　北京市...) is written whole: the one-space gap
 * between two lone characters goes when a wider gap or a longer field
 * stands on each side of the pair.
 */
typedef struct ItemTok
{
	size_t		start,
				end;			/* bytes of the field */
	int			ncp;
	int			gap;			/* spaces after it */
	uint32_t	first,
				last;
} ItemTok;

static bool
padded_pair(const ItemTok *t, int n, int i)
{
	if (i + 1 >= n || t[i].ncp != 1 || t[i + 1].ncp != 1 || t[i].gap != 1 ||
		!sp_is_cjk(t[i].first) || !sp_is_cjk(t[i + 1].first))
		return false;
	return (i == 0 || t[i - 1].gap > 1 || t[i - 1].ncp > 1) &&
		(i + 2 >= n || t[i + 1].gap > 1 || t[i + 2].ncp > 1);
}

void
sp_body_add_item(SpBodyState *st, const char *s, size_t len)
{
	ItemTok    *t = (ItemTok *) na_alloc(sizeof(ItemTok) * (len + 1));
	int			n = 0,
				i;
	size_t		p = 0,
				adv;

	while (p < len)
	{
		uint32_t	cp = na_utf8_decode(s + p, len - p, &adv);

		if (na_is_space(cp) || is_dropped_mark(cp))
		{
			if (n > 0 && na_is_space(cp))
				t[n - 1].gap++;
		}
		else if (n == 0 || t[n - 1].gap > 0)
		{
			t[n].start = p;
			t[n].end = p + adv;
			t[n].ncp = 1;
			t[n].gap = 0;
			t[n].first = t[n].last = cp;
			n++;
		}
		else
		{
			t[n - 1].end = p + adv;
			t[n - 1].ncp++;
			t[n - 1].last = cp;
		}
		p += adv;
	}
	for (i = 0; i < n; i++)
	{
		if (i == 0 && st->buf.len > 0)
			na_buf_append_char(&st->buf, '\n');
		na_buf_append(&st->buf, s + t[i].start, t[i].end - t[i].start);
		if (i + 1 < n && !padded_pair(t, n, i))
		{
			if (sp_is_cjk(t[i].last) && sp_is_cjk(t[i + 1].first))
				na_buf_append_cp(&st->buf, 0x3000);
			else
				na_buf_append_char(&st->buf, ' ');
		}
	}
	if (n > 0)
	{
		st->last_cp = t[n - 1].last;
		st->open = false;
	}
	na_free(t);
}
