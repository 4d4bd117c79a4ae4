/*
 * utf8.c
 *	  UTF-8 decoding and character classes shared by the cores.
 */
#include "na_utf8.h"

/* the general case of na_utf8_decode (na_utf8.h) */
uint32_t
na_utf8_decode_any(const char *s, size_t len, size_t *adv)
{
	const unsigned char *p = (const unsigned char *) s;
	uint32_t	cp;
	size_t		n,
				i;

	if (p[0] < 0x80)
	{
		*adv = 1;
		return p[0];
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
	{
		n = 2;
		cp = p[0] & 0x1F;
	}
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
	{
		n = 3;
		cp = p[0] & 0x0F;
	}
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
	{
		n = 4;
		cp = p[0] & 0x07;
	}
	else
	{
		*adv = 1;
		return NA_REPLACEMENT_CP;
	}
	if (n > len)
	{
		*adv = 1;
		return NA_REPLACEMENT_CP;
	}
	for (i = 1; i < n; i++)
	{
		if ((p[i] & 0xC0) != 0x80)
		{
			*adv = 1;
			return NA_REPLACEMENT_CP;
		}
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	/* reject overlong forms, surrogates and out-of-range values */
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		(cp >= 0xD800 && cp <= 0xDFFF))
	{
		*adv = 1;
		return NA_REPLACEMENT_CP;
	}
	*adv = n;
	return cp;
}

size_t
na_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *) out;

	if (cp < 0x80)
	{
		o[0] = (unsigned char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		o[0] = 0xC0 | (cp >> 6);
		o[1] = 0x80 | (cp & 0x3F);
		return 2;
	}
	if (cp < 0x10000)
	{
		o[0] = 0xE0 | (cp >> 12);
		o[1] = 0x80 | ((cp >> 6) & 0x3F);
		o[2] = 0x80 | (cp & 0x3F);
		return 3;
	}
	o[0] = 0xF0 | (cp >> 18);
	o[1] = 0x80 | ((cp >> 12) & 0x3F);
	o[2] = 0x80 | ((cp >> 6) & 0x3F);
	o[3] = 0x80 | (cp & 0x3F);
	return 4;
}

size_t
na_utf8_count(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0,
				n = len;

	/* subtract the continuation bytes (10xxxxxx), eight at a time */
	for (; i + 8 <= len; i += 8)
	{
		uint64_t	w;

		memcpy(&w, p + i, 8);
		/* 1 in each byte whose bit 7 is set and bit 6 clear; summed */
		w = (w >> 7) & ~(w >> 6) & UINT64_C(0x0101010101010101);
		n -= (size_t) ((w * UINT64_C(0x0101010101010101)) >> 56);
	}
	for (; i < len; i++)
		if ((p[i] & 0xC0) == 0x80)
			n--;
	return n;
}

bool
na_utf8_valid(const char *s, size_t len)
{
	size_t		i = 0,
				adv;

	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (cp == NA_REPLACEMENT_CP &&
			!(adv == 3 && (unsigned char) s[i] == 0xEF))
			return false;
		i += adv;
	}
	return true;
}

bool
na_is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

bool
na_is_latin(uint32_t cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
		(cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) ||
		(cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

bool
na_is_punct(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) ||
			(cp >= 0x5B && cp <= 0x60) || (cp >= 0x7B && cp <= 0x7E);
	return (cp >= 0x2010 && cp <= 0x2027) ||	/* dashes, quotes, ellipsis */
		(cp >= 0x2030 && cp <= 0x205E) ||
		(cp >= 0x3001 && cp <= 0x3003) ||	/* 、。〃 */
		(cp >= 0x3008 && cp <= 0x3011) ||	/* brackets 〈〉《》「」『』【】 */
		(cp >= 0x3014 && cp <= 0x301F) ||
		cp == 0x30FB ||			/* ・ */
		(cp >= 0xFF01 && cp <= 0xFF0F) ||	/* full-width ASCII punctuation */
		(cp >= 0xFF1A && cp <= 0xFF20) ||
		(cp >= 0xFF3B && cp <= 0xFF40) ||
		(cp >= 0xFF5B && cp <= 0xFF65) ||
		(cp >= 0xFE10 && cp <= 0xFE1F) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
		cp == 0x00B7 || cp == 0x00A7 || cp == 0x00B0 ||
		(cp >= 0x25A0 && cp <= 0x25FF) ||	/* ■□ and other geometric marks */
		(cp >= 0x2600 && cp <= 0x26FF) || (cp >= 0x2190 && cp <= 0x21FF);
}
