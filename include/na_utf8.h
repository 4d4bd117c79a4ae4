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
extern uint32_t na_utf8_decode(const char *s, size_t len, size_t *adv);
extern size_t na_utf8_encode(uint32_t cp, char *out);	/* out: 4 bytes */
extern size_t na_utf8_count(const char *s, size_t len);	/* code points */
extern bool na_utf8_valid(const char *s, size_t len);

/* Han ideographs (CJK unified, extensions, compatibility) */
extern bool na_is_han(uint32_t cp);
/* white space including U+3000 ideographic space and U+00A0 */
extern bool na_is_space(uint32_t cp);
/* ASCII or full-width digit */
extern bool na_is_digit(uint32_t cp);
/* Latin letter, ASCII or full-width */
extern bool na_is_latin(uint32_t cp);
/* punctuation, ASCII, CJK and general punctuation blocks */
extern bool na_is_punct(uint32_t cp);

#endif							/* NA_UTF8_H */
