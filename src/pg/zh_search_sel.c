/*
 * zh_search_sel.c
 *	  zh_match_sel(): the RESTRICT estimator of "text &@ query".  A constant
 *	  query (or a parameter of a one-shot plan, as search() runs) is parsed
 *	  and estimated from its shape (zh_subquery_selectivity); anything else
 *	  gets contsel's constant.  article_match()'s support function asks it
 *	  too (zh_match_sel_query).  The estimate decides whether a top-N over a
 *	  frequent term is worth parallel workers (bench/search.md).
 */
#include "postgres.h"
#include "na_pg_compat.h"

#include "catalog/pg_type_d.h"
#include "fmgr.h"
#include "nodes/pathnodes.h"
#include "optimizer/optimizer.h"
#include "utils/selfuncs.h"

#include "pg_zh_search.h"
#include "zh_query_syntax.h"

PG_FUNCTION_INFO_V1(zh_match_sel);

/* contsel's constant, for queries the planner does not know */
#define SEL_UNKNOWN		0.001

/* the estimate for a query expression: its value if the planner knows it */
double
zh_match_sel_query(PlannerInfo *root, Node *query)
{
	Node	   *other = estimate_expression_value(root, query);
	double		sel = SEL_UNKNOWN;

	if (IsA(other, Const) && ((Const *) other)->consttype == TEXTOID)
	{
		Const	   *c = (Const *) other;
		text	   *t = c->constisnull ? NULL : DatumGetTextPP(c->constvalue);

		/* a query too long to run errors at run time, not here */
		if (t == NULL)
			sel = 0.0;
		else if (VARSIZE_ANY_EXHDR(t) <= ZH_QUERY_MAX_BYTES)
		{
			ZhSubQuery *q = zh_search_parse(t);

			sel = zh_subquery_selectivity(q);
			zh_subquery_free(q);
		}
	}
	CLAMP_PROBABILITY(sel);
	return sel;
}

Datum
zh_match_sel(PG_FUNCTION_ARGS)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	int			varRelid = PG_GETARG_INT32(3);
	VariableStatData vardata;
	Node	   *other;
	bool		varonleft;
	double		sel = SEL_UNKNOWN;

	if (!get_restriction_variable(root, args, varRelid, &vardata, &other, &varonleft))
		PG_RETURN_FLOAT8(sel);
	if (varonleft)
		sel = zh_match_sel_query(root, other);
	ReleaseVariableStats(vardata);
	PG_RETURN_FLOAT8(sel);
}
