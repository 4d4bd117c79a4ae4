/*
 * zh_article_match.c
 *	  article_match(kicker, title, subtitle, body, query): exactly
 *	  article_text(kicker, title, subtitle, body) &@ query without building
 *	  article_text(): a long body stored out of line is read slice by slice
 *	  and through the session's cache, as "body &@ query" reads it
 *	  (zh_search.c), after the head "kicker\ntitle\nsubtitle\n" and the
 *	  body's first characters settle the terms that may start in the head
 *	  (src/core/zh_substr_join.c).  Its planner support function estimates
 *	  its selectivity and cost; the index is reached through the candidate
 *	  clause article_text(...) &@? query written beside it (see the README).
 */
#include "postgres.h"
#include "na_pg_compat.h"

#include "access/detoast.h"
#include "catalog/namespace.h"
#include "catalog/pg_type_d.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "nodes/makefuncs.h"
#include "nodes/supportnodes.h"
#include "optimizer/cost.h"
#include "optimizer/optimizer.h"
#include "optimizer/pathnode.h"
#include "parser/parse_func.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "pg_zh_search.h"
#include "pg_zh_text_cache.h"

PG_FUNCTION_INFO_V1(article_match);
PG_FUNCTION_INFO_V1(article_match_support);

/* read at most this much of a body for its lead (else: the joined copy) */
#define LEAD_MAX	(256 * 1024)

/*
 * The lead of the long body d: its first bytes up to the query's longest
 * term's length in non-space characters (one more, so that a slice cut
 * inside a character never matters), from the session's cache when it
 * keeps d.  *complete false: white space ran on past LEAD_MAX.
 */
static const char *
body_lead(Datum d, const ZhSubQuery *q, size_t *len, bool *complete)
{
	uint32		nch = zh_subquery_max_ncp(q) + 1;
	Size		total = toast_raw_datum_size(d) - VARHDRSZ,
				n = (Size) nch * 4 + 64;
	ZhTextCached c;

	for (;;)
	{
		const char *p;
		Size		got;

		n = Min(n, total);
		if (zh_text_cache_lookup(d, &c))
		{
			if (c.have < n)
				zh_text_cache_extend(d, &c, n);
			p = c.data;
			got = Min(c.have, n);
		}
		else
		{
			text	   *part = (text *) PG_DETOAST_DATUM_SLICE(d, 0, (int32) n);

			p = VARDATA_ANY(part);
			got = VARSIZE_ANY_EXHDR(part);
		}
		*len = zh_substr_lead_bytes(p, got, nch, complete);
		if (got >= total)
			*complete = true;
		if (*complete || n >= LEAD_MAX)
			return p;
		n *= 8;
	}
}

/* article_match(kicker, title, subtitle, body, query); NULL fields are '' */
Datum
article_match(PG_FUNCTION_ARGS)
{
	ZhSubQuery *q;
	StringInfoData buf;
	int			i;

	if (PG_ARGISNULL(4))
		PG_RETURN_NULL();
	q = zh_search_cached(fcinfo, PG_GETARG_TEXT_PP(4));
	initStringInfo(&buf);
	for (i = 0; i < 3; i++)
	{
		if (!PG_ARGISNULL(i))
		{
			text	   *f = PG_GETARG_TEXT_PP(i);

			appendBinaryStringInfo(&buf, VARDATA_ANY(f), VARSIZE_ANY_EXHDR(f));
		}
		appendStringInfoChar(&buf, '\n');
	}
	if (!PG_ARGISNULL(3))
	{
		Datum		d = PG_GETARG_DATUM(3);
		text	   *body;

		if (zh_match_is_long(d, q))
		{
			bool	   *pre = (bool *) palloc0(q->nterms + 1);
			size_t		lead_len;
			bool		complete;
			const char *lead;
			int			v;

			/* the head alone (a prefix of the joined text) may decide */
			zh_subquery_join_found(q, buf.data, buf.len, "", 0, pre);
			if ((v = zh_subquery_known(q, pre)) >= 0)
				PG_RETURN_BOOL(v == 1);
			lead = body_lead(d, q, &lead_len, &complete);
			if (complete)
			{
				zh_subquery_join_found(q, buf.data, buf.len, lead, lead_len, pre);
				PG_RETURN_BOOL(zh_match_long(d, q, pre));
			}
		}
		/* a short body: head and body are read in place, not joined */
		body = PG_GETARG_TEXT_PP(3);
		PG_RETURN_BOOL(zh_subquery_match_joined(q, buf.data, buf.len,
												VARDATA_ANY(body),
												VARSIZE_ANY_EXHDR(body)));
	}
	PG_RETURN_BOOL(zh_subquery_match(q, buf.data, buf.len));
}

/*
 * Is there, among the restrictions of the relation args are on, a clause
 * "x &@? query" with article_match's query?  Then that clause carries the
 * estimate and article_match, which keeps the rows of it that match, is
 * estimated to keep them all (the same estimator answers both).
 */
/*
 * zh_match_candidate's OID, looked up once per backend for the schema of
 * the article_match being planned (the selectivity hook runs for every
 * plan that has the call); any change to pg_proc drops it.
 */
static Oid	cached_for_func = InvalidOid;
static Oid	cached_candidate = InvalidOid;
static bool cache_callback_set = false;

static void
candidate_cache_reset(Datum arg, int cacheid, uint32 hashvalue)
{
	cached_for_func = InvalidOid;
	cached_candidate = InvalidOid;
}

static Oid
candidate_func(Oid funcid)
{
	Oid			argtypes[2] = {TEXTOID, TEXTOID};

	if (!cache_callback_set)
	{
		CacheRegisterSyscacheCallback(PROCOID, candidate_cache_reset, (Datum) 0);
		cache_callback_set = true;
	}
	if (cached_for_func != funcid)
	{
		cached_candidate =
			LookupFuncName(list_make2(makeString(get_namespace_name(get_func_namespace(funcid))),
									  makeString("zh_match_candidate")),
						   2, argtypes, true);
		cached_for_func = funcid;
	}
	return cached_candidate;
}

static bool
has_candidate_clause(PlannerInfo *root, List *args, Oid funcid)
{
	Node	   *query = (Node *) lfirst(list_nth_cell(args, 4));
	Relids		relids = pull_varnos(root, (Node *) args);
	int			relid;
	Oid			cand;
	RelOptInfo *rel;
	ListCell   *lc;

	if (!bms_get_singleton_member(relids, &relid) ||
		relid >= root->simple_rel_array_size ||
		(rel = root->simple_rel_array[relid]) == NULL)
		return false;
	cand = candidate_func(funcid);
	if (!OidIsValid(cand))
		return false;
	foreach(lc, rel->baserestrictinfo)
	{
		Expr	   *c = ((RestrictInfo *) lfirst(lc))->clause;

		if (IsA(c, OpExpr) && list_length(((OpExpr *) c)->args) == 2 &&
			get_opcode(((OpExpr *) c)->opno) == cand &&
			equal(lsecond(((OpExpr *) c)->args), query))
			return true;
	}
	return false;
}

/*
 * Planner support: selectivity as &@'s (zh_match_sel's estimate of the
 * query), or 1 beside its candidate clause; cost per row as the expression
 * it replaces (zh_match's 50 and the nine operators of article_text()).
 */
Datum
article_match_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestSelectivity))
	{
		SupportRequestSelectivity *req = (SupportRequestSelectivity *) rawreq;

		if (list_length(req->args) != 5)
			PG_RETURN_POINTER(NULL);
		if (!req->is_join && has_candidate_clause(req->root, req->args, req->funcid))
			req->selectivity = 1.0;
		else
			req->selectivity = zh_match_sel_query(req->root, (Node *) lfirst(list_nth_cell(req->args, 4)));
		PG_RETURN_POINTER(req);
	}
	if (IsA(rawreq, SupportRequestCost))
	{
		SupportRequestCost *req = (SupportRequestCost *) rawreq;

		req->startup = 0;
		req->per_tuple = (50 + 9) * cpu_operator_cost;
		PG_RETURN_POINTER(req);
	}
	PG_RETURN_POINTER(NULL);
}
