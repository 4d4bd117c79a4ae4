/*
 * html_segments.c
 *	  Segments of a saved page: the raw UTF-8 page is cut into markup (tags,
 *	  comments, doctype, script and style contents: role "markup") and text
 *	  between them; a text span is the article's title or body when its
 *	  opening characters are found, in order, in the extracted title or body,
 *	  boilerplate otherwise, blank when only white space.  The spans tile the
 *	  page without gaps: nothing is dropped, only labelled.
 */
#include "na_html.h"
#include "na_utf8.h"

#include <ctype.h>

typedef struct SegOut
{
	NaSegment  *segs;
	size_t		n;
	size_t		cap;
} SegOut;

static void
emit(SegOut *o, size_t start, size_t end, NaSegRole role, int ordinal)
{
	if (end <= start)
		return;
	if (o->n > 0 && o->segs[o->n - 1].role == role && o->segs[o->n - 1].ordinal == ordinal &&
		o->segs[o->n - 1].end == start)
	{
		o->segs[o->n - 1].end = end;
		return;
	}
	if (o->n == o->cap)
	{
		o->cap = o->cap ? o->cap * 2 : 256;
		o->segs = na_realloc(o->segs, sizeof(NaSegment) * o->cap);
	}
	o->segs[o->n].start = start;
	o->segs[o->n].end = end;
	o->segs[o->n].role = role;
	o->segs[o->n].ordinal = ordinal;
	o->n++;
}

static bool
starts_markup(const char *t, size_t i, size_t len)
{
	return i + 1 < len && t[i] == '<' &&
		(isalpha((unsigned char) t[i + 1]) || t[i + 1] == '/' || t[i + 1] == '!' || t[i + 1] == '?');
}

/* needle starts with a byte that has no case ('<' or '-') */
static const char *
find_ci(const char *s, const char *end, const char *needle)
{
	size_t		n = strlen(needle);

	while (s + n <= end && (s = memchr(s, needle[0], end - s - n + 1)) != NULL)
	{
		if (strncasecmp(s, needle, n) == 0)
			return s;
		s++;
	}
	return NULL;
}

/* end of the markup starting at i: a tag, a comment, or script/style with its contents */
static size_t
markup_end(const char *t, size_t i, size_t len)
{
	const char *end = t + len;
	const char *p;
	bool		raw;

	if (i + 4 <= len && memcmp(t + i, "<!--", 4) == 0)
	{
		p = find_ci(t + i + 4, end, "-->");
		return p ? (size_t) (p - t) + 3 : len;
	}
	raw = (len - i > 7 && strncasecmp(t + i, "<script", 7) == 0) ||
		(len - i > 6 && strncasecmp(t + i, "<style", 6) == 0);
	p = memchr(t + i, '>', len - i);
	if (p == NULL)
		return len;
	if (raw)
	{
		const char *close = find_ci(p, end, t[i + 2] == 'c' || t[i + 2] == 'C' ? "</script" : "</style");

		if (close == NULL)
			return len;
		p = memchr(close, '>', end - close);
		if (p == NULL)
			return len;
	}
	return (size_t) (p - t) + 1;
}

/* the role of a text span, advancing the body cursor when it is found */
static NaSegRole
text_role(const char *t, size_t s, size_t e, const NaSplit *sp, const NaArticle *a,
		  size_t *bpos, bool *title_seen, int *ordinal)
{
	size_t		p = s,
				q,
				window;
	int			k;
	const char *hit;
	char		probe[16];

	/* white space, no-break and ideographic spaces: the body has none at line starts */
	while (p < e)
	{
		if (isspace((unsigned char) t[p]))
			p++;
		else if (p + 1 < e && memcmp(t + p, "\xC2\xA0", 2) == 0)
			p += 2;
		else if (p + 2 < e && memcmp(t + p, "\xE3\x80\x80", 3) == 0)
			p += 3;
		else
			break;
	}
	if (p == e)
		return NA_SEG_BLANK;
	for (q = p; q < e && q - p < 9 && t[q] != '&' && t[q] != '\0' && !isspace((unsigned char) t[q]); q++)
		;
	while (q > p && ((unsigned char) t[q - 1] & 0xC0) == 0x80 && q < e && ((unsigned char) t[q] & 0xC0) == 0x80)
		q--;
	while (q > p && (unsigned char) t[q - 1] >= 0xC0)
		q--;
	if (q == p)
		return NA_SEG_BOILERPLATE;
	memcpy(probe, t + p, q - p);
	probe[q - p] = '\0';
	if (a->title && !*title_seen && strncmp(a->title, probe, q - p) == 0)
	{
		*title_seen = true;
		return NA_SEG_TITLE;
	}
	/* a photo's caption (its text is in the body too, as printed) */
	for (k = 1; k < sp->n_articles; k++)
		if (sp->articles[k].caption && strncmp(sp->articles[k].caption, probe, q - p) == 0 &&
			strstr(a->body ? a->body + *bpos : "", probe) != NULL)
		{
			*ordinal = sp->articles[k].ordinal;
			*bpos = (strstr(a->body + *bpos, probe) - a->body) + strlen(probe);
			return NA_SEG_CAPTION;
		}
	if (a->body == NULL)
		return NA_SEG_BOILERPLATE;
	window = 3 * (e - s) + 256;
	hit = strstr(a->body + *bpos, probe);
	if (hit == NULL || (size_t) (hit - (a->body + *bpos)) > window)
		return NA_SEG_BOILERPLATE;
	*bpos = (hit - a->body) + strlen(probe);
	return NA_SEG_BODY;
}

void
na_html_segments(const char *t, size_t len, const NaSplit *sp, NaSplit *out)
{
	SegOut		o = {NULL, 0, 0};
	size_t		i = 0,
				bpos = 0;
	bool		title_seen = false;
	bool		in_head = false;
	const NaArticle *a = sp->n_articles > 0 ? &sp->articles[0] : NULL;
	NaArticle	empty;
	long		steps = 0;

	memset(&empty, 0, sizeof(empty));
	if (a == NULL)
		a = &empty;
	while (i < len)
	{
		size_t		j;

		if ((++steps & 0x3FFF) == 0)
			na_check_interrupts();
		if (starts_markup(t, i, len))
		{
			j = markup_end(t, i, len);
			/* text in <head> (the <title> element) is no article text */
			if (j - i >= 5 && strncasecmp(t + i, "<head", 5) == 0)
				in_head = true;
			else if (j - i >= 5 && (strncasecmp(t + i, "</hea", 5) == 0 || strncasecmp(t + i, "<body", 5) == 0))
				in_head = false;
			emit(&o, i, j, NA_SEG_MARKUP, 0);
		}
		else if (in_head)
		{
			for (j = i + 1; j < len && !starts_markup(t, j, len); j++)
				;
			emit(&o, i, j, NA_SEG_BOILERPLATE, 0);
		}
		else
		{
			NaSegRole	r;
			int			ordinal = 1;

			for (j = i + 1; j < len && !starts_markup(t, j, len); j++)
				;
			r = text_role(t, i, j, sp, a, &bpos, &title_seen, &ordinal);
			emit(&o, i, j, r,
				 (r == NA_SEG_BODY || r == NA_SEG_TITLE || r == NA_SEG_CAPTION) && sp->n_articles > 0 ? ordinal : 0);
		}
		i = j;
	}
	out->segments = o.segs;
	out->n_segments = o.n;
}
