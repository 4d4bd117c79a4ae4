/*
 * zh_tokenize.c
 *	  STAND-IN for the segmenter (branch seg owns the real one): character
 *	  class rules only, each Han character is a word, no dictionary.
 *	  Replaced wholesale when branch seg is merged.
 */
#include "zh_segment.h"
#include "na_utf8.h"

struct ZhDict
{
	int			unused;
};

ZhDict *
zh_dict_open(const char *path, const char **errmsg)
{
	*errmsg = "dictionary support is not built (stand-in tokenizer)";
	return NULL;
}

void
zh_dict_close(ZhDict *dict)
{
}

static int
classify(uint32_t cp)
{
	if (na_is_han(cp))
		return ZH_TOK_WORD;
	if (na_is_space(cp))
		return ZH_TOK_SPACE;
	if (na_is_digit(cp))
		return ZH_TOK_NUMBER;
	if (na_is_latin(cp))
		return ZH_TOK_LATIN;
	if (na_is_punct(cp))
		return ZH_TOK_PUNCT;
	return ZH_TOK_OTHER;
}

size_t
zh_tokenize(const ZhDict *dict, const char *text, size_t len, ZhToken **tokens)
{
	size_t		cap = 64,
				n = 0,
				i = 0;
	size_t		bytes = cap * sizeof(ZhToken);
	ZhToken    *t = (ZhToken *) na_alloc(bytes);

	while (i < len)
	{
		size_t		adv,
					j;
		uint32_t	cp = na_utf8_decode(text + i, len - i, &adv);
		int			type = classify(cp);

		j = i + adv;
		if (type == ZH_TOK_LATIN || type == ZH_TOK_NUMBER || type == ZH_TOK_SPACE)
		{
			while (j < len)
			{
				size_t		a2;
				int			t2 = classify(na_utf8_decode(text + j, len - j, &a2));

				if (type == ZH_TOK_SPACE ? t2 != ZH_TOK_SPACE :
					(t2 != ZH_TOK_LATIN && t2 != ZH_TOK_NUMBER))
					break;
				if (t2 == ZH_TOK_LATIN)
					type = ZH_TOK_LATIN;
				j += a2;
			}
		}
		if (n == cap)
		{
			cap *= 2;
			bytes = cap * sizeof(ZhToken);
			t = (ZhToken *) na_realloc(t, bytes);
		}
		t[n].start = (uint32_t) i;
		t[n].len = (uint32_t) (j - i);
		t[n].type = (uint8_t) type;
		n++;
		i = j;
	}
	*tokens = t;
	return n;
}

const char *
zh_token_type_name(int type)
{
	static const char *const names[] = {
		"", "word", "latin", "number", "numunit", "email", "url", "punct",
		"space", "other"
	};

	return (type > 0 && type < ZH_TOK__COUNT) ? names[type] : "unknown";
}
