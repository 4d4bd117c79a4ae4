/*
 * na_utf8.h
 *	  UTF-8 decoding and the character classes the cores share.
 */
#ifndef NA_UTF8_H
#define NA_UTF8_H

#include "na_port.h"

#define NA_REPLACEMENT_CP 0xFFFD

/*
 * Decode one code point at s (len bytes available, len > 0).  Sets *adv to the
 * bytes consumed (at least 1).  Malformed or truncated sequences decode as
 * U+FFFD consuming one byte, so a scan always moves forward and never reads
 * past s + len.
 */
extern uint32_t na_utf8_decode_any(const char *s, size_t len, size_t *adv);

/* every core decodes every character: ASCII and 3-byte forms inline */
static inline uint32_t
na_utf8_decode(const char *s, size_t len, size_t *adv)
{
	const unsigned char *p = (const unsigned char *) s;

	if (p[0] < 0x80)
	{
		*adv = 1;
		return p[0];
	}
	if ((p[0] & 0xF0) == 0xE0 && len >= 3 &&
		(p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
	{
		uint32_t	cp = ((uint32_t) (p[0] & 0x0F) << 12) |
			((uint32_t) (p[1] & 0x3F) << 6) | (p[2] & 0x3F);

		if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF))
		{
			*adv = 3;
			return cp;
		}
	}
	return na_utf8_decode_any(s, len, adv);
}
extern size_t na_utf8_encode(uint32_t cp, char *out);	/* out: 4 bytes */
extern size_t na_utf8_count(const char *s, size_t len);	/* code points */
extern bool na_utf8_valid(const char *s, size_t len);

/* Han ideographs (CJK unified, extensions, compatibility) */
static inline bool
na_is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) ||	/* CJK unified */
		(cp >= 0x3400 && cp <= 0x4DBF) ||	/* extension A */
		(cp >= 0x20000 && cp <= 0x323AF) || /* extensions B-H */
		(cp >= 0xF900 && cp <= 0xFAFF) ||	/* compatibility */
		cp == 0x3007;			/* 〇 */
}

/* white space including U+3000 ideographic space and U+00A0 */
static inline bool
na_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		cp == '\f' || cp == '\v' || cp == 0x3000 || cp == 0x00A0 ||
		(cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
		cp == 0xFEFF;
}
/* ASCII or full-width digit */
extern bool na_is_digit(uint32_t cp);
/* Latin letter, ASCII or full-width */
extern bool na_is_latin(uint32_t cp);
/* punctuation, ASCII, CJK and general punctuation blocks */
extern bool na_is_punct(uint32_t cp);

#endif							/* NA_UTF8_H */
