/*
 * zh_gin.c
 *	  GIN operator class zh_search_ops on text: the keys are the bigrams of
 *	  the normalised text and the characters that start none
 *	  (src/core/zh_substr_keys.c), the operator is "text &@ query" (zh_query
 *	  syntax).  A one-character query also matches the bigram keys it starts
 *	  (partial match, zh_gin_compare_partial).  Rows whose keys cannot settle
 *	  a query are rechecked on the raw text by zh_match().
 */
#include "postgres.h"
#include "na_pg_compat.h"

#include "access/gin.h"
#include "access/stratnum.h"
#include "catalog/pg_am_d.h"
#include "catalog/pg_type_d.h"
#include "commands/defrem.h"
#include "fmgr.h"
#include "nodes/value.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "pg_zh_search.h"

#define ZH_STRATEGY_MATCH	1
/* text &@? query: the text has the keys the query needs (a superset of &@
 * that the index answers without reading the text; zh_top) */
#define ZH_STRATEGY_CANDIDATE	2

PG_FUNCTION_INFO_V1(zh_gin_extract_value);
PG_FUNCTION_INFO_V1(zh_gin_extract_query);
PG_FUNCTION_INFO_V1(zh_gin_compare_partial);
PG_FUNCTION_INFO_V1(zh_gin_consistent);
PG_FUNCTION_INFO_V1(zh_gin_triconsistent);
PG_FUNCTION_INFO_V1(zh_match_candidate);
PG_FUNCTION_INFO_V1(zh_index_decides);

Datum *
zh_keys_to_datums(const int32_t *keys, size_t n)
{
	Datum	   *d = (Datum *) palloc(sizeof(Datum) * (n ? n : 1));
	size_t		i;

	for (i = 0; i < n; i++)
		d[i] = Int32GetDatum(keys[i]);
	return d;
}

/*
 * Can the operator family of the extractValue function fn match partially
 * (support function 5, added by 0.4)?  Until ALTER EXTENSION UPDATE adds
 * it, a one-character query cannot find a character through the bigrams
 * it starts, so every character keeps its own key.  A yes is remembered; a
 * no is looked up again (it costs keys, never rows).
 */
static bool
partial_match_supported(Oid fn)
{
	static bool supported = false;
	char	   *nsp;
	Oid			fam;

	if (supported)
		return true;
	nsp = get_namespace_name(get_func_namespace(fn));
	if (nsp == NULL)
		return false;
	fam = get_opfamily_oid(GIN_AM_OID,
						   list_make2(makeString(nsp), makeString(pstrdup("zh_search_ops"))),
						   true);
	supported = OidIsValid(fam) &&
		OidIsValid(get_opfamily_proc(fam, TEXTOID, TEXTOID, GIN_COMPARE_PARTIAL_PROC));
	return supported;
}

/*
 * The keys zh_gin_extract_value gives doc (sorted, unique; na_malloc'd),
 * fn its OID: also called by zh_gin's build without the function manager.
 */
size_t
zh_gin_doc_keys(Oid fn, text *doc, int32_t **keys)
{
	return zh_substr_keys(VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc),
						  !partial_match_supported(fn), keys);
}

Datum
zh_gin_extract_value(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	int32_t    *keys;
	size_t		n = zh_gin_doc_keys(fcinfo->flinfo->fn_oid, doc, &keys);
	Datum	   *d = zh_keys_to_datums(keys, n);

	na_free(keys);
	*nentries = (int32) n;
	PG_RETURN_POINTER(d);
}

Datum
zh_gin_extract_query(PG_FUNCTION_ARGS)
{
	text	   *query = PG_GETARG_TEXT_PP(0);
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	Pointer   **extra_data = (Pointer **) PG_GETARG_POINTER(4);
	bool	  **pmatch = (bool **) PG_GETARG_POINTER(3);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	ZhSubQuery *q;
	uint32		i;

	if (strategy != ZH_STRATEGY_MATCH && strategy != ZH_STRATEGY_CANDIDATE)
		elog(ERROR, "zh_search_ops: unknown strategy %d", strategy);
	q = zh_search_parse(query);
	*nentries = (int32) q->nkeys;
	*searchMode = q->needs_all ? GIN_SEARCH_MODE_ALL : GIN_SEARCH_MODE_DEFAULT;
	if (q->nkeys > 0)
	{
		/* every key carries the query, for the consistent functions */
		*extra_data = (Pointer *) palloc(sizeof(Pointer) * q->nkeys);
		for (i = 0; i < q->nkeys; i++)
			(*extra_data)[i] = (Pointer) q;
		*pmatch = (bool *) palloc(sizeof(bool) * q->nkeys);
		memcpy(*pmatch, q->partial, sizeof(bool) * q->nkeys);
	}
	PG_RETURN_POINTER(zh_keys_to_datums(q->keys, q->nkeys));
}

/*
 * Partial match of a one-character query's prefix key: the scan starts at
 * the prefix key and walks up in int4 order; the bigrams the character
 * starts are contiguous from there.
 */
Datum
zh_gin_compare_partial(PG_FUNCTION_ARGS)
{
	int32		prefix = PG_GETARG_INT32(0);
	int32		key = PG_GETARG_INT32(1);

	PG_RETURN_INT32(zh_substr_key_in_prefix(prefix, key) ? 0 : 1);
}

Datum
zh_gin_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);
	ZhSubQuery *q;
	char	   *c;
	int32		i;
	int			v;

	if (nkeys <= 0 || extra_data == NULL)
	{
		*recheck = true;
		PG_RETURN_BOOL(false);
	}
	q = (ZhSubQuery *) extra_data[0];
	c = (char *) palloc(nkeys);
	for (i = 0; i < nkeys; i++)
		c[i] = check[i] ? 1 : 0;
	v = zh_subquery_consistent(q, c);
	pfree(c);
	*recheck = (v == 2 && strategy != ZH_STRATEGY_CANDIDATE);
	PG_RETURN_BOOL(v != 0);
}

Datum
zh_gin_triconsistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	ZhSubQuery *q;
	int			v;
	int32		i;

	if (nkeys <= 0 || extra_data == NULL)
		PG_RETURN_GIN_TERNARY_VALUE(GIN_FALSE);
	StaticAssertStmt(GIN_FALSE == 0 && GIN_TRUE == 1 && GIN_MAYBE == 2,
					 "GinTernaryValue encoding");
	q = (ZhSubQuery *) extra_data[0];
	v = zh_subquery_consistent(q, (const char *) check);
	if (v == 0 && q->or_partial)
	{
		/*
		 * A one-character term among alternatives ANDed with other groups:
		 * say maybe rather than no while any key is unknown.  GIN reads the
		 * keys it finds required (a no with them absent) and skips the
		 * others' items before the smallest required item; when one
		 * alternative's partial match is a lossy page and another's an exact
		 * item on the same heap page, the items before that exact one were
		 * lost.  So every key is required here: the candidates are the
		 * union of the keys' rows (rechecked), never fewer than the rows.
		 */
		for (i = 0; i < nkeys && check[i] != GIN_MAYBE; i++)
			;
		if (i < nkeys)
			v = 2;
	}
	if (strategy == ZH_STRATEGY_CANDIDATE && v == 2)
	{
		/* a candidate needs no recheck: maybe only while a key is unknown */
		for (i = 0; i < nkeys && check[i] != GIN_MAYBE; i++)
			;
		if (i == nkeys)
			v = 1;
	}
	PG_RETURN_GIN_TERNARY_VALUE(v == 0 ? GIN_FALSE : (v == 1 ? GIN_TRUE : GIN_MAYBE));
}

/* is key in the sorted keys (or, partial, one that it is the prefix of)? */
static bool
keys_have(const int32_t *keys, size_t n, int32 key, bool partial)
{
	size_t		lo = zh_keys_lower_bound(keys, n, key);

	if (lo >= n)
		return false;
	return partial ? zh_substr_key_in_prefix(key, keys[lo]) : keys[lo] == key;
}

/*
 * text &@? query: does the text have the keys the query needs?  A superset
 * of &@ (what the index finds before any recheck), for zh_top, which
 * confirms only the rows it reads.
 */
Datum
zh_match_candidate(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	ZhSubQuery *q = zh_search_cached(fcinfo, PG_GETARG_TEXT_PP(1));
	int32_t    *keys;
	size_t		n = zh_substr_keys(VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc), false, &keys);
	char	   *c = palloc(q->nkeys + 1);
	uint32		i;
	int			v;

	for (i = 0; i < q->nkeys; i++)
		c[i] = keys_have(keys, n, q->keys[i], q->partial[i]) ? 1 : 0;
	v = zh_subquery_consistent(q, c);
	na_free(keys);
	pfree(c);
	PG_RETURN_BOOL(v != 0);
}

/*
 * zh_index_decides(query): do the index keys alone decide text &@ query
 * (every term one or two BMP characters)?  Then &@? is &@ itself, and a
 * query written as "doc &@? q AND (zh_index_decides(q) OR exact test)"
 * reads no text for it (the planner folds a constant q's answer away).
 */
Datum
zh_index_decides(PG_FUNCTION_ARGS)
{
	ZhSubQuery *q = zh_search_cached(fcinfo, PG_GETARG_TEXT_PP(0));

	PG_RETURN_BOOL(q->exact);
}
