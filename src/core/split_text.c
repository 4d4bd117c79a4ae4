/*
 * split_text.c
 *	  Small UTF-8 pattern helpers the splitter's files share.
 */
#include "split_internal.h"

uint32_t
sp_first_cp(const char *s, size_t len, size_t *adv)
{
	size_t		a = 0;
	uint32_t	cp = len ? na_utf8_decode(s, len, &a) : 0;

	if (adv)
		*adv = a;
	return cp;
}

/* the last code point of s; *start gets its byte offset */
uint32_t
sp_last_cp(const char *s, size_t len, size_t *start)
{
	size_t		k,
				adv;
	uint32_t	cp;

	if (len == 0)
	{
		if (start)
			*start = 0;
		return 0;
	}
	k = len - 1;
	while (k > 0 && len - k < 4 && (((unsigned char) s[k]) & 0xC0) == 0x80)
		k--;
	cp = na_utf8_decode(s + k, len - k, &adv);
	if (k + adv != len)
	{
		/* a malformed tail: take the last byte alone */
		k = len - 1;
		cp = NA_REPLACEMENT_CP;
	}
	if (start)
		*start = k;
	return cp;
}

bool
sp_starts(const char *s, size_t len, const char *lit)
{
	size_t		n = strlen(lit);

	return len >= n && memcmp(s, lit, n) == 0;
}

bool
sp_ends(const char *s, size_t len, const char *lit)
{
	size_t		n = strlen(lit);

	return len >= n && memcmp(s + len - n, lit, n) == 0;
}

const char *
sp_find(const char *s, size_t len, const char *lit)
{
	return sp_find_n(s, len, lit, strlen(lit));
}

/* the first occurrence of the n bytes lit in s[0 .. len), or NULL */
const char *
sp_find_n(const char *s, size_t len, const char *lit, size_t n)
{
	const char *p = s;
	const char *end = s + len;

	if (n == 0 || n > len)
		return NULL;
	while ((size_t) (end - p) >= n)
	{
		const char *q = memchr(p, lit[0], end - p - n + 1);

		if (q == NULL)
			return NULL;
		if (memcmp(q, lit, n) == 0)
			return q;
		p = q + 1;
	}
	return NULL;
}

/* round and square brackets, full-width and ASCII: （ ( 【 [ */
bool
sp_is_open_bracket(uint32_t cp)
{
	return cp == '(' || cp == 0xFF08 || cp == 0x3010 || cp == '[';
}

bool
sp_is_close_bracket(uint32_t cp)
{
	return cp == ')' || cp == 0xFF09 || cp == 0x3011 || cp == ']';
}

/* marks that close a sentence: 。！？… and their ASCII forms */
bool
sp_is_sentence_end(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x2026 ||
		cp == '!' || cp == '?' || cp == 0xFF0E || cp == 0xFF61;
}

/* marks inside a sentence: ，、；：, and their ASCII forms */
bool
sp_is_clause_punct(uint32_t cp)
{
	return cp == 0xFF0C || cp == 0x3001 || cp == 0xFF1B || cp == 0xFF1A ||
		cp == ',' || cp == ';' || cp == ':';
}

/*
 * Does s end a sentence?  Closing quotes and brackets count when a sentence
 * mark stands before them (……奋斗！”), and so does a credit in brackets after
 * the sentence (……举行。（新华社北京1月1日电）, sp_credit_bracket).  A full
 * stop after a Latin letter or digit (v1.2.) is taken as one too.
 */
bool
sp_ends_sentence(const char *s, size_t len)
{
	int			guard = 0;

	len = sp_credit_bracket(s, len);
	while (len > 0 && guard++ < 4)
	{
		size_t		st;
		uint32_t	cp = sp_last_cp(s, len, &st);

		if (sp_is_sentence_end(cp) || cp == '.')
			return true;
		if (cp == 0x201D || cp == 0x2019 || cp == 0x300D || cp == 0x300F ||
			cp == 0xFF09 || cp == ')' || cp == '"' || cp == '\'' ||
			na_is_space(cp))
		{
			len = st;
			continue;
		}
		return false;
	}
	return false;
}

/* Han or CJK punctuation/full-width forms: no space is needed around these */
bool
sp_is_cjk(uint32_t cp)
{
	if (na_is_han(cp))
		return true;
	if (cp >= 0x3001 && cp <= 0x303F)
		return true;
	if (cp >= 0xFF01 && cp <= 0xFF0F)
		return true;
	if (cp >= 0xFF1A && cp <= 0xFF20)
		return true;
	if (cp >= 0xFF3B && cp <= 0xFF40)
		return true;
	if (cp >= 0xFF5B && cp <= 0xFF65)
		return true;
	return cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 ||
		cp == 0x2014 || cp == 0x2026 || cp == 0x00B7;
}

size_t
sp_count_cp(const char *s, size_t len, uint32_t want)
{
	char		enc[4];
	size_t		el = na_utf8_encode(want, enc),
				i = 0,
				n = 0;
	uint32_t	steps = 0;
	const char *p;

	/*
	 * The encoded character's bytes, searched: its first byte is never a
	 * continuation byte, so no character decoded from an earlier position
	 * takes it in, even in bytes that are not UTF-8, and every match is one
	 * the decoder would have read
	 */
	while (i < len && (p = memchr(s + i, enc[0], len - i)) != NULL)
	{
		i = (size_t) (p - s);
		/* compared inline: a lead byte such as ，'s 0xEF is common */
		if (len - i >= el && (el < 2 || p[1] == enc[1]) && (el < 3 || p[2] == enc[2]) &&
			(el < 4 || p[3] == enc[3]))
		{
			n++;
			i += el;
		}
		else
			i++;
		if ((++steps & 0xFFF) == 0)
			na_check_interrupts();
	}
	return n;
}
