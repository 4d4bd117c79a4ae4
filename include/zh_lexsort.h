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

/*
 * Bytes of a lexeme in its key: two CJK characters.  Longer lexemes (words,
 * Latin terms) that tie on them are compared in full afterwards.
 */
#define ZH_LEX_KEY_BYTES	6

typedef struct ZhLexPair
{
	uint64_t	key;			/* first ZH_LEX_KEY_BYTES bytes, big-endian,
								 * zero padded */
	uint32_t	off;			/* lexeme: bytes [off, off + len) of a text */
	uint16_t	len;
	uint16_t	pos;			/* position (already limited) */
} ZhLexPair;

/*
 * The sort key of the lexeme at s (bytes are never NUL).  avail: bytes
 * readable from s on (at least len), so that a whole word can be loaded.
 */
static inline uint64_t
zh_lex_key(const char *s, size_t len, size_t avail)
{
	uint64_t	k = 0;
	size_t		i,
				take = len < ZH_LEX_KEY_BYTES ? len : ZH_LEX_KEY_BYTES;

	if (avail >= 8)
	{
		memcpy(&k, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		k = __builtin_bswap64(k);
#endif
		return (k >> (8 * (8 - take))) << (8 * (ZH_LEX_KEY_BYTES - take));
	}
	for (i = 0; i < ZH_LEX_KEY_BYTES; i++)
		k = (k << 8) | (i < len ? (unsigned char) s[i] : 0);
	return k;
}

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
