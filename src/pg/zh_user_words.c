/*
 * zh_user_words.c
 *	  Hands the session's user words (news_archive.user_word, see
 *	  user_words.c) to the segmenter, folded by the same normaliser as the
 *	  text, so a word typed in traditional characters or full-width forms
 *	  still matches.
 */
#include "postgres.h"
#include "na_pg_compat.h"

#include "pg_user_words.h"
#include "zh_tsearch.h"
#include "zh_normalize.h"
#include "zh_dict.h"
#include "na_utf8.h"

#include "fmgr.h"
#include "utils/builtins.h"

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

/*
 * zh_known_word(text): does the compiled dictionary or the user word table
 * list this word (after normalisation)?
 */
PG_FUNCTION_INFO_V1(zh_known_word);
Datum
zh_known_word(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	const ZhDict *dict = zh_segment_dict();
	ZhNorm		n;
	bool		known = false;
	int32_t		state = 0;
	size_t		i = 0,
				adv;

	zh_normalize(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), false, &n);
	if (n.len > 0 && zh_userdict_lookup(zh_segment_user_words(), n.text, n.len, NULL))
		known = true;
	else if (dict && n.len > 0)
	{
		/* walk the trie character by character */
		while (i < n.len && state >= 0)
		{
			uint32_t	id = zh_dict_char_id(dict, na_utf8_decode(n.text + i, n.len - i, &adv));

			state = id ? zh_dict_next(dict, state, id) : -1;
			i += adv;
		}
		known = state > 0 && dict->slots[state].logp < 0;
	}
	zh_norm_free(&n);
	PG_RETURN_BOOL(known);
}
