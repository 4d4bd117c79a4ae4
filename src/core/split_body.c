/*
 * split_body.c
 *	  Join the body pieces of one article into clean paragraphs, one a line.
 *
 * A piece that does not end a sentence continues in the next piece, even
 * across blank lines, captions or page furniture (创新要 / 素。).  OCR spaces
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

static bool
is_dropped_mark(uint32_t cp)
{
	return cp == 0x25A0 || cp == 0x25A1 || cp == '#' || cp == '\r';
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
				adv;
	bool		pending_space = false;
	bool		first = true;
	uint32_t	prev = 0;
	uint32_t	steps = 0;

	/* skip leading spaces and marks */
	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (!na_is_space(cp) && !is_dropped_mark(cp))
			break;
		i += adv;
	}
	if (i >= len)
		return;

	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		/* a paragraph can be the whole (huge) issue: stay cancellable */
		if ((++steps & 0xFFFF) == 0)
			na_check_interrupts();
		if (na_is_space(cp))
		{
			pending_space = true;
			i += adv;
			continue;
		}
		if (is_dropped_mark(cp))
		{
			i += adv;
			continue;
		}
		if (first)
		{
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
			na_buf_append_char(&st->buf, ' ');
		pending_space = false;
		if (cp == NA_REPLACEMENT_CP)
			na_buf_append_cp(&st->buf, cp);
		else
			na_buf_append(&st->buf, s + i, adv);
		prev = cp;
		i += adv;
	}
	st->last_cp = prev;
	st->open = !own_paragraph && !sp_ends_sentence(s, len);
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
