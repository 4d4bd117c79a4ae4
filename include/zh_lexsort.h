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
 * lexemes are longer than eight bytes are compared byte by byte.
 */
#ifndef ZH_LEXSORT_H
#define ZH_LEXSORT_H

#include "na_port.h"

typedef struct ZhLexPair
{
	uint64_t	key;			/* first 8 bytes, big-endian, zero padded */
	uint32_t	off;			/* lexeme: bytes [off, off + len) of a text */
	uint16_t	len;
	uint16_t	pos;			/* position (already limited) */
} ZhLexPair;

/* the sort key of a lexeme (bytes are never NUL) */
static inline uint64_t
zh_lex_key(const char *s, size_t len)
{
	uint64_t	k = 0;
	size_t		i;

	for (i = 0; i < 8; i++)
		k = (k << 8) | (i < len ? (unsigned char) s[i] : 0);
	return k;
}

/*
 * Sort n pairs in place into tsvector order: by lexeme (bytes of text),
 * then by position.  Pairs must come in ascending position order (the
 * order in which a document yields them); equal lexemes keep that order.
 * tmp: scratch space for n pairs.
 */
extern void zh_lexsort(ZhLexPair *pairs, size_t n, const char *text, ZhLexPair *tmp);

/* the comparison the sort implements: lexeme bytes, then length, then pos */
extern int	zh_lexpair_cmp(const ZhLexPair *a, const ZhLexPair *b, const char *text);

#endif							/* ZH_LEXSORT_H */
