/*
 * zh_dictionary.c
 *	  The dictionary template "news_archive.zh_chars": lexemes of the Chinese
 *	  parser's tokens (see zh_tsearch.h for the scheme).
 *
 *	  Option StopWords = name: a stop list (tsearch_data/name.stop).  Stop
 *	  words lose their unigram and word lexemes but keep their position and
 *	  their bigrams, so phrase queries stay exact.
 *
 *	  Punctuation and space give an empty lexeme set: they are stop words,
 *	  so they take up a position and no phrase matches across them.
 */
#include "postgres.h"

#include "commands/defrem.h"
#include "fmgr.h"
#include "tsearch/ts_public.h"
#include "utils/builtins.h"

#include "na_utf8.h"
#include "zh_tsearch.h"

PG_FUNCTION_INFO_V1(zh_dict_init);
PG_FUNCTION_INFO_V1(zh_dict_lexize);

typedef struct ZhDictData
{
	StopList	stop;
} ZhDictData;

static char *
normalize_word(const char *word)
{
	ZhNorm		n;
	char	   *r;

	zh_normalize(word, strlen(word), false, &n);
	r = pstrdup(n.text);
	zh_norm_free(&n);
	return r;
}

Datum
zh_dict_init(PG_FUNCTION_ARGS)
{
	List	   *options = (List *) PG_GETARG_POINTER(0);
	ZhDictData *d = palloc0(sizeof(ZhDictData));
	ListCell   *l;
	bool		stop_loaded = false;

	foreach(l, options)
	{
		DefElem    *opt = (DefElem *) lfirst(l);

		if (strcmp(opt->defname, "stopwords") == 0)
		{
			if (stop_loaded)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("multiple StopWords parameters")));
			readstoplist(defGetString(opt), &d->stop, normalize_word);
			stop_loaded = true;
		}
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized Chinese dictionary parameter: \"%s\"",
							opt->defname)));
	}
	PG_RETURN_POINTER(d);
}

static bool
is_stop(ZhDictData *d, const char *s, int len)
{
	char		key[ZH_MAX_WORD_BYTES + 1];

	if (d->stop.len == 0 || len > ZH_MAX_WORD_BYTES)
		return false;
	memcpy(key, s, len);
	key[len] = '\0';
	return searchstoplist(&d->stop, key);
}

static void
add_lexeme(TSLexeme *res, int *n, const char *s, int len)
{
	res[*n].lexeme = pnstrdup(s, len);
	res[*n].nvariant = (uint16) (*n + 1);	/* alternatives, not a sequence */
	res[*n].flags = 0;
	(*n)++;
}

/* true if the text has nothing but punctuation and space */
static bool
only_punct_space(const char *s, int len)
{
	int			i = 0;

	while (i < len)
	{
		size_t		adv;
		uint32		cp = na_utf8_decode(s + i, len - i, &adv);

		if (!na_is_punct(cp) && !na_is_space(cp))
			return false;
		i += (int) adv;
	}
	return true;
}

Datum
zh_dict_lexize(PG_FUNCTION_ARGS)
{
	ZhDictData *d = (ZhDictData *) PG_GETARG_POINTER(0);
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int			len = PG_GETARG_INT32(2);
	TSLexeme   *res = palloc0(sizeof(TSLexeme) * 4);
	int			n = 0;
	uint32		idx;
	ZhParse    *p = zh_parse_find(in, len, &idx);

	if (p != NULL)
	{
		ZhPTok	   *t = &p->toks[idx];
		const char *s = p->norm.text + t->norm_off;

		/* punctuation and space: the empty set, a stop word */
		if (t->unit)
		{
			if (!is_stop(d, s, t->norm_len))
				add_lexeme(res, &n, s, t->norm_len);
			if (t->bigram_len)
				add_lexeme(res, &n, s, t->bigram_len);
			if (t->word_len && !is_stop(d, s, t->word_len))
				add_lexeme(res, &n, s, t->word_len);
		}
	}
	else
	{
		/* no context (ts_lexize, ts_debug): the normalised token itself */
		ZhNorm		norm;

		zh_normalize(in, (size_t) len, false, &norm);
		if (norm.len > 0 && !only_punct_space(norm.text, norm.len) &&
			!is_stop(d, norm.text, norm.len))
			add_lexeme(res, &n, norm.text, norm.len);
		zh_norm_free(&norm);
	}
	PG_RETURN_POINTER(res);
}
