/*
 * zh_dictionary.c
 *	  The dictionary template "news_archive.zh_chars": lexemes of the Chinese
 *	  parser's tokens (see zh_tsearch.h for the scheme).
 *
 *	  Option StopWords = name: a stop list (tsearch_data/name.stop).  Stop
 *	  words lose their unigram and word lexemes but keep their position and
 *	  their bigrams, so phrase queries stay exact (a stop word alone finds
 *	  nothing, as stop words do).
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
#include "pg_user_words.h"

PG_FUNCTION_INFO_V1(zh_dict_init);
PG_FUNCTION_INFO_V1(zh_dict_lexize);

typedef struct ZhDictData
{
	StopList	stop;
	bool		stop_table;		/* also drop words of news_archive.stop_word */
} ZhDictData;

static char *
normalize_bytes(const char *word, size_t len)
{
	ZhNorm		n;
	char	   *r;

	zh_normalize(word, len, false, &n);
	r = pstrdup(n.text);
	zh_norm_free(&n);
	return r;
}

/* readstoplist's word callback: 18 passes the length and a collation too */
#if PG_VERSION_NUM >= 180000
static char *
normalize_word(const char *word, size_t len, Oid collation)
{
	return normalize_bytes(word, len);
}
#else
static char *
normalize_word(const char *word)
{
	return normalize_bytes(word, strlen(word));
}
#endif

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
		else if (strcmp(opt->defname, "stoptable") == 0)
			d->stop_table = defGetBoolean(opt);
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized Chinese dictionary parameter: \"%s\"",
							opt->defname)));
	}
	PG_RETURN_POINTER(d);
}

/* a dictionary without stop words: every character keeps its lexemes */
bool
zh_dict_keeps_all(const void *dict_data)
{
	const ZhDictData *d = (const ZhDictData *) dict_data;

	return d != NULL && d->stop.len == 0 && !d->stop_table;
}

static bool
is_stop(ZhDictData *d, const char *s, int len)
{
	char		key[ZH_MAX_WORD_BYTES + 1];

	if (d->stop_table && zh_userdict_lookup(news_archive_stop_words(), s, len, NULL))
		return true;
	if (d->stop.len == 0 || len > ZH_MAX_WORD_BYTES)
		return false;
	memcpy(key, s, len);
	key[len] = '\0';
	return searchstoplist(&d->stop, key);
}

static inline void
add_lexeme(TSLexeme *res, int *n, const char *s, int len, uint16 nvariant,
		   uint16 flags)
{
	char	   *l = palloc(len + 1);

	memcpy(l, s, len);
	l[len] = '\0';
	res[*n].lexeme = l;
	res[*n].nvariant = nvariant;	/* alternatives at one position */
	res[*n].flags = flags;
	(*n)++;
}

/*
 * The lexemes of characters first .. first + nchars - 1 of a parse, one
 * position each: the first lexeme of every character after the first
 * carries TSL_ADDPOS.  Only the first character may have no lexeme at all
 * (punctuation, space, a stop word): run tokens consist of characters with
 * a bigram, which is never dropped.
 */
static TSLexeme *
chars_lexemes(ZhDictData *d, ZhParse *p, uint32 first, uint32 nchars)
{
	TSLexeme   *res = palloc(sizeof(TSLexeme) * (3 * nchars + 1));
	int			n = 0;
	uint32		k;

	for (k = 0; k < nchars; k++)
	{
		ZhPTok	   *t = &p->toks[first + k];
		const char *s = p->norm.text + t->norm_off;
		uint16		step = k > 0 ? TSL_ADDPOS : 0;
		int			before = n;

		/* punctuation and space: the empty set, a stop word */
		if (!t->unit)
			continue;
		if (t->bigram_len)
		{
			add_lexeme(res, &n, s, t->bigram_len, 1, step);
			/* the character's first occurrence: its unigram too */
			if (t->first_han && !is_stop(d, s, t->norm_len))
				add_lexeme(res, &n, s, t->norm_len, 1, 0);
		}
		else if (!is_stop(d, s, t->norm_len))
			add_lexeme(res, &n, s, t->norm_len, 1, step);
		if (t->word_len && !is_stop(d, s, t->word_len))
			add_lexeme(res, &n, s, t->word_len, 2, n > before ? 0 : step);
		if (k > 0 && n == before)
			elog(ERROR, "news_archive: character without a lexeme inside a token");
	}
	/* the terminator: LexizeExec reads its flags (TSL_FILTER) too */
	memset(&res[n], 0, sizeof(TSLexeme));
	return res;
}

Datum
zh_dict_lexize(PG_FUNCTION_ARGS)
{
	ZhDictData *d = (ZhDictData *) PG_GETARG_POINTER(0);
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int			len = PG_GETARG_INT32(2);
	uint32		idx;
	ZhParse    *p = zh_parse_find(in, len, &idx);
	TSLexeme   *res;

	if (p != NULL)
		res = chars_lexemes(d, p, p->runs[idx].first, p->runs[idx].nchars);
	else
	{
		/*
		 * No context (ts_lexize, ts_debug): the lexemes the token's text
		 * gets as a document of its own.
		 */
		uint32		k,
					n = 0;

		p = zh_parse_build(in, len, 0);
		res = palloc0(sizeof(TSLexeme) * (3 * p->ntoks + 1));
		for (k = 0; k < p->ntoks; k++)
		{
			TSLexeme   *one = chars_lexemes(d, p, k, 1);
			TSLexeme   *l;

			for (l = one; l->lexeme; l++)
				res[n++] = *l;
			pfree(one);
		}
		res[n].lexeme = NULL;
		zh_parse_release(p);
	}
	PG_RETURN_POINTER(res);
}
