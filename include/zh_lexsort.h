/*
 * zh_lexsort.h
 *	  Sorting (lexeme, position) pairs into tsvector order (plain C core).
 *
 * A tsvector lists its lexemes in byte order (shorter first when one is a
 * prefix of the other), each with its positions ascending.  The Chinese
 * configuration gives every character a lexeme, so a document has about as
 * many pairs as characters; PostgreSQL's generic sort of them costs more
 * than all the rest of to_tsvector('simple').  Here the pairs carry the
 * first eight bytes of their lexeme as an integer key and are put in order
 * by a stable radix sort on that key; only pairs whose keys tie and whose
 * lexemes are longer than that are compared byte by byte.
 */
#ifndef ZH_LEXSORT_H
#define ZH_LEXSORT_H

#include "na_port.h"
#include "na_utf8.h"

typedef struct ZhLexPair
{
	uint64_t	key;			/* first two code points: see zh_lex_key */
	uint32_t	off;			/* lexeme: bytes [off, off + len) of a text */
	uint16_t	len;
	uint16_t	pos;			/* position (already limited) */
} ZhLexPair;

/*
 * The sort key of a lexeme: its first code point in bits 24-47, its second
 * (0 if none) in bits 0-23.  UTF-8 byte order is code point order, and a
 * lexeme that is a prefix of another sorts first, so keys order lexemes as
 * tsvectors do, except that lexemes sharing their first two code points
 * tie (they are ordered in full afterwards).  Each code point in a slot of
 * its own keeps the high byte of both slots zero for the Basic Multilingual
 * Plane: two of the six radix passes are then skipped.
 */
static inline uint64_t
zh_lex_key(const char *s, size_t len)
{
	size_t		adv,
				adv2;
	uint64_t	c1,
				c2 = 0;

	c1 = na_utf8_decode(s, len, &adv);
	if (adv < len)
		c2 = na_utf8_decode(s + adv, len - adv, &adv2);
	return (c1 << 24) | c2;
}

/* is the lexeme longer than the two code points its key holds? */
static inline bool
zh_lex_key_partial(uint64_t key, size_t len)
{
	uint32_t	c1 = (uint32_t) (key >> 24),
				c2 = (uint32_t) (key & 0xFFFFFF);
	size_t		covered = (c1 < 0x80 ? 1 : c1 < 0x800 ? 2 : c1 < 0x10000 ? 3 : 4) +
		(c2 == 0 ? 0 : c2 < 0x80 ? 1 : c2 < 0x800 ? 2 : c2 < 0x10000 ? 3 : 4);

	return len > covered;
}

#define ZH_LEX_KEY_BYTES	6	/* radix digits of a key */

/*
 * Sort n pairs into tsvector order: by lexeme (bytes of text),
 * then by position.  Pairs must come in ascending position order (the
 * order in which a document yields them); equal lexemes keep that order.
 * tmp: space for n pairs.  Returns the sorted array: pairs or tmp.
 */
extern ZhLexPair *zh_lexsort(ZhLexPair *pairs, size_t n, const char *text, ZhLexPair *tmp);

/* the comparison the sort implements: lexeme bytes, then length, then pos */
extern int	zh_lexpair_cmp(const ZhLexPair *a, const ZhLexPair *b, const char *text);

#endif							/* ZH_LEXSORT_H */
