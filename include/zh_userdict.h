/*
 * zh_userdict.h
 *	  A small in-memory dictionary of user words (and user stop words) that
 *	  the segmenter consults next to the compiled dictionary.  Plain C.
 *
 * Built from (word, weight) pairs; looked up by position: "which user words
 * start at this byte?".  Words are kept in an open-addressing hash table
 * keyed by their bytes, with a filter on the first byte pair so that text
 * without user words costs one bit test per character.
 */
#ifndef ZH_USERDICT_H
#define ZH_USERDICT_H

#include "na_port.h"

#define ZH_USERDICT_MAX_WORD_BYTES 256

typedef struct ZhUserDict ZhUserDict;

extern ZhUserDict *zh_userdict_create(void);
/* add or replace a word (UTF-8, not NUL-terminated); ignores empty or over-long words */
extern void zh_userdict_add(ZhUserDict *ud, const char *word, size_t len, double weight);
extern size_t zh_userdict_count(const ZhUserDict *ud);
extern void zh_userdict_free(ZhUserDict *ud);

/* weight of an exact word; returns false when absent */
extern bool zh_userdict_lookup(const ZhUserDict *ud, const char *word, size_t len,
							   double *weight);

/*
 * Lengths in bytes of the user words that start at text[0] (text has len
 * bytes), longest first; at most max are written to lens.  Returns how many.
 */
extern int	zh_userdict_prefixes(const ZhUserDict *ud, const char *text, size_t len,
								 size_t *lens, double *weights, int max);

#endif							/* ZH_USERDICT_H */
