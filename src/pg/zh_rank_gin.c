/*
 * zh_rank_gin.c
 *	  The optional GIN operator class zh_rank_ops on text, for a top-N by
 *	  rank (zh_top): its keys are frequency levels of the normalised text's
 *	  characters and bigrams (src/core/zh_substr_levels.c), its operator
 *	  "text &@# 'l:query'" is true when some positive term of the query may
 *	  occur 2^l times or more (every character or bigram of the term does);
 *	  'l/t:query' asks it of the t-th positive term alone.  The index answers
 *	  it exactly, without a recheck.  zh_rank_bound() turns a row's levels
 *	  into an upper bound of zh_rank().
 */
#include "postgres.h"
#include "na_pg_compat.h"

#include "access/gin.h"
#include "fmgr.h"
#include "utils/builtins.h"

#include "pg_zh_search.h"
#include "zh_query_syntax.h"

PG_FUNCTION_INFO_V1(zh_rank_gin_extract_value);
PG_FUNCTION_INFO_V1(zh_rank_gin_extract_query);
PG_FUNCTION_INFO_V1(zh_rank_gin_consistent);
PG_FUNCTION_INFO_V1(zh_rank_gin_triconsistent);
PG_FUNCTION_INFO_V1(zh_rank_level_match);
PG_FUNCTION_INFO_V1(zh_rank_bound_sql);
PG_FUNCTION_INFO_V1(zh_rank_terms);

/* a level query: the terms' level keys, term by term */
typedef struct LevelQuery
{
	ZhSubQuery *q;
	int			level;
	int32	   *keys;
	uint32	   *first;			/* per positive term: its first key */
	uint32	   *nkeys;			/* ... and their count */
	uint32		nterms;			/* positive terms */
	uint32		total;
} LevelQuery;

/* "l:query", l = 1 .. ZH_RANK_LEVELS */
static LevelQuery *
level_query(text *arg)
{
	const char *s = VARDATA_ANY(arg);
	size_t		len = VARSIZE_ANY_EXHDR(arg);
	LevelQuery *lq = palloc0(sizeof(LevelQuery));
	uint32		i,
				cap = 0;
	int			npos = 0;
	size_t		at = 0;
	int			level = 0,
				term = 0;

	while (at < len && at < 3 && s[at] >= '0' && s[at] <= '9')
		level = level * 10 + (s[at++] - '0');
	if (at > 0 && at < len && s[at] == '/')
	{
		size_t		from = ++at;

		while (at < len && at - from < 3 && s[at] >= '0' && s[at] <= '9')
			term = term * 10 + (s[at++] - '0');
		if (term < 1)
			level = 0;
	}
	if (at == 0 || at >= len || s[at] != ':' || level < 1 || level > ZH_RANK_LEVELS)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a level query is \"l:query\" or \"l/t:query\" with l from 1 to %d and t from 1",
						ZH_RANK_LEVELS)));
	at++;
	lq->level = level;
	lq->q = zh_search_parse_bytes(s + at, len - at);
	for (i = 0; i < lq->q->nterms; i++)
		cap += lq->q->terms[i].ncp;
	lq->keys = palloc(sizeof(int32) * (cap ? cap : 1));
	lq->first = palloc(sizeof(uint32) * (lq->q->nterms + 1));
	lq->nkeys = palloc(sizeof(uint32) * (lq->q->nterms + 1));
	for (i = 0; i < lq->q->nterms; i++)
	{
		const ZhSubTerm *t = &lq->q->terms[i];

		if (t->negated || (term > 0 && ++npos != term))
			continue;
		lq->first[lq->nterms] = lq->total;
		lq->nkeys[lq->nterms] = (uint32) zh_rank_term_keys(t, lq->level, lq->keys + lq->total);
		lq->total += lq->nkeys[lq->nterms++];
	}
	return lq;
}

/* 0 no term can reach the level, 1 one does, 2 maybe (check: GIN values) */
static int
level_consistent(const LevelQuery *lq, const char *check)
{
	int			v = 0;
	uint32		i,
				k;

	for (i = 0; i < lq->nterms; i++)
	{
		int			tv = 1;

		for (k = 0; k < lq->nkeys[i] && tv != 0; k++)
		{
			char		c = check[lq->first[i] + k];

			if (c == 0)
				tv = 0;
			else if (c == 2)
				tv = 2;
		}
		if (tv == 1)
			return 1;
		if (tv == 2)
			v = 2;
	}
	return v;
}

Datum
zh_rank_gin_extract_value(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	int32_t    *keys;
	size_t		n = zh_rank_keys(VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc), &keys);
	Datum	   *d = zh_keys_to_datums(keys, n);

	na_free(keys);
	*nentries = (int32) n;
	PG_RETURN_POINTER(d);
}

Datum
zh_rank_gin_extract_query(PG_FUNCTION_ARGS)
{
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	Pointer   **extra_data = (Pointer **) PG_GETARG_POINTER(4);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	LevelQuery *lq = level_query(PG_GETARG_TEXT_PP(0));
	uint32		i;

	*nentries = (int32) lq->total;
	*searchMode = GIN_SEARCH_MODE_DEFAULT;
	if (lq->total > 0)
	{
		*extra_data = (Pointer *) palloc(sizeof(Pointer) * lq->total);
		for (i = 0; i < lq->total; i++)
			(*extra_data)[i] = (Pointer) lq;
	}
	PG_RETURN_POINTER(zh_keys_to_datums(lq->keys, lq->total));
}

Datum
zh_rank_gin_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);
	char	   *c;
	int32		i;
	int			v;

	*recheck = false;
	if (nkeys <= 0 || extra_data == NULL)
		PG_RETURN_BOOL(false);
	c = (char *) palloc(nkeys);
	for (i = 0; i < nkeys; i++)
		c[i] = check[i] ? 1 : 0;
	v = level_consistent((LevelQuery *) extra_data[0], c);
	pfree(c);
	PG_RETURN_BOOL(v != 0);
}

Datum
zh_rank_gin_triconsistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	int			v;

	if (nkeys <= 0 || extra_data == NULL)
		PG_RETURN_GIN_TERNARY_VALUE(GIN_FALSE);
	v = level_consistent((LevelQuery *) extra_data[0], (const char *) check);
	PG_RETURN_GIN_TERNARY_VALUE(v == 0 ? GIN_FALSE : (v == 1 ? GIN_TRUE : GIN_MAYBE));
}

static bool
has_key(const int32_t *keys, size_t n, int32 key)
{
	size_t		lo = zh_keys_lower_bound(keys, n, key);

	return lo < n && keys[lo] == key;
}

/* text &@# 'l:query': what the index answers, from the text's own keys */
Datum
zh_rank_level_match(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	LevelQuery *lq = level_query(PG_GETARG_TEXT_PP(1));
	int32_t    *keys;
	size_t		n = zh_rank_keys(VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc), &keys);
	char	   *c = palloc(lq->total + 1);
	uint32		i;
	int			v;

	for (i = 0; i < lq->total; i++)
		c[i] = has_key(keys, n, lq->keys[i]) ? 1 : 0;
	v = level_consistent(lq, c);
	na_free(keys);
	zh_subquery_free(lq->q);
	PG_RETURN_BOOL(v == 1);
}

/*
 * zh_rank_bound(title, body_bytes, levels, query, title_weight, avg_title,
 * avg_body): at least zh_rank(title, body, query, ...) for every body of
 * body_bytes bytes whose level for the query's i-th positive term (&@#
 * 'l/i:query', from 1) is at most (levels >> 4(i - 1)) & 15.
 */
Datum
zh_rank_bound_sql(PG_FUNCTION_ARGS)
{
	text	   *title = PG_ARGISNULL(0) ? NULL : PG_GETARG_TEXT_PP(0);
	int64		nbytes,
				levels;
	double		tw,
				at,
				ab;
	ZhSubQuery *q;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3) ||
		PG_ARGISNULL(4) || PG_ARGISNULL(5) || PG_ARGISNULL(6))
		PG_RETURN_NULL();
	nbytes = PG_GETARG_INT64(1);
	levels = PG_GETARG_INT64(2);
	tw = PG_GETARG_FLOAT8(4);
	at = PG_GETARG_FLOAT8(5);
	ab = PG_GETARG_FLOAT8(6);
	if (tw < 0 || at <= 0 || ab <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("zh_rank_bound: title weight must be >= 0 and average lengths > 0")));
	q = zh_search_cached(fcinfo, PG_GETARG_TEXT_PP(3));
	PG_RETURN_FLOAT8(zh_rank_bound(q, title ? VARDATA_ANY(title) : NULL,
								   title ? VARSIZE_ANY_EXHDR(title) : 0,
								   nbytes < 0 ? 0 : (size_t) nbytes,
								   (uint64_t) levels, tw, at, ab));
}

/* the number of positive terms of a query (zh_top's per-term levels) */
Datum
zh_rank_terms(PG_FUNCTION_ARGS)
{
	ZhSubQuery *q = zh_search_parse(PG_GETARG_TEXT_PP(0));
	int32		n = 0;
	uint32		i;

	for (i = 0; i < q->nterms; i++)
		if (!q->terms[i].negated)
			n++;
	zh_subquery_free(q);
	PG_RETURN_INT32(n);
}
