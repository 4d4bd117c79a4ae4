/*
 * zh_user_words.c
 *	  Hands the session's user words (news_archive.user_word, see
 *	  user_words.c) to the segmenter, folded by the same normaliser as the
 *	  text, so a word typed in traditional characters or full-width forms
 *	  still matches.
 */
#include "postgres.h"

#include "pg_user_words.h"
#include "zh_normalize.h"

static char *
normalize_word(const char *word, size_t len, size_t *outlen)
{
	ZhNorm		n;
	char	   *r;

	zh_normalize(word, len, false, &n);
	r = pnstrdup(n.text, n.len);
	*outlen = n.len;
	zh_norm_free(&n);
	return r;
}

const ZhUserDict *
zh_segment_user_words(void)
{
	news_archive_word_normalizer = normalize_word;
	return news_archive_user_words();
}
