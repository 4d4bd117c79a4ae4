/*
 * pg_user_words.h
 *	  The backend's view of news_archive.user_word and news_archive.stop_word.
 */
#ifndef PG_USER_WORDS_H
#define PG_USER_WORDS_H

#include "zh_userdict.h"

/*
 * The current user dictionary and stop-word set of this backend.  Reloaded
 * from the tables when a committed change has invalidated them; otherwise
 * returned from cache at the cost of a flag test.  Never NULL.  Valid until
 * the next call (a reload frees the previous one).
 */
extern const ZhUserDict *news_archive_user_words(void);
extern const ZhUserDict *news_archive_stop_words(void);

/* how many times this backend has loaded the tables (for tests) */
extern int	news_archive_user_words_loads(void);

/*
 * Hook for the text-search layer: maps a word to its normalised form before
 * it goes into the dictionary (traditional -> simplified, full-width ->
 * half-width).  NULL keeps words as written.  Returns a palloc'd string.
 */
typedef char *(*NaWordNormalizer) (const char *word, size_t len, size_t *outlen);
extern NaWordNormalizer news_archive_word_normalizer;

#endif							/* PG_USER_WORDS_H */
