/*
 * zh_rank_bounds.c
 *	  zh_top's first step in one call: every candidate row's upper bound of
 *	  zh_rank, best first.  The rows' frequency levels come straight from
 *	  the zh_rank_ops index (a bitmap scan per term and level, no heap page
 *	  visited); the bound is zh_rank_bound()'s (src/core/zh_substr_levels.c).
 *	  zh_rank_index() finds the zh_rank_ops index on zh_top's doc.
 *
 * The bitmaps may hold dead rows' TIDs and, past work_mem, whole (lossy)
 * pages: a row then gets the page's level, a level too high at worst, so
 * the bound still holds.  The index must cover every row (not partial).
 */
#include "postgres.h"
#include "na_pg_compat.h"

#include "access/genam.h"
#include "access/relation.h"
#include "access/skey.h"
#include "catalog/namespace.h"
#include "catalog/pg_am_d.h"
#include "catalog/pg_opfamily.h"
#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/tidbitmap.h"
#include "optimizer/optimizer.h"
#include "parser/analyze.h"
#include "parser/parser.h"
#include "storage/itemptr.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

#include "pg_zh_search.h"

PG_FUNCTION_INFO_V1(zh_rank_bounds);
PG_FUNCTION_INFO_V1(zh_rank_index);

/* a candidate: its TID and its place in the input arrays */
typedef struct Cand
{
	ItemPointerData tid;
	int			at;
} Cand;

/* a candidate's bound, for the final order */
typedef struct Ranked
{
	double		bound;
	int			at;
} Ranked;

/* candidates by TID, then input place */
static inline int
cmp_cand(const Cand *x, const Cand *y)
{
	int			c = ItemPointerCompare((ItemPointer) &x->tid, (ItemPointer) &y->tid);

	return c != 0 ? c : (x->at > y->at) - (x->at < y->at);
}

/* bounds highest first, equal ones in input order */
static inline int
cmp_ranked(const Ranked *x, const Ranked *y)
{
	if (x->bound != y->bound)
		return x->bound > y->bound ? -1 : 1;
	return (x->at > y->at) - (x->at < y->at);
}

#define ST_SORT sort_cands
#define ST_ELEMENT_TYPE Cand
#define ST_COMPARE(a, b) cmp_cand(a, b)
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

#define ST_SORT sort_ranked
#define ST_ELEMENT_TYPE Ranked
#define ST_COMPARE(a, b) cmp_ranked(a, b)
#define ST_SCOPE static
#define ST_DEFINE
#include "lib/sort_template.h"

/* the first candidate at or after (blk, off) in the sorted candidates */
static int
cand_lower(const Cand *c, int n, BlockNumber blk, OffsetNumber off)
{
	int			lo = 0,
				hi = n;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;
		BlockNumber b = ItemPointerGetBlockNumberNoCheck(&c[mid].tid);
		OffsetNumber o = ItemPointerGetOffsetNumberNoCheck(&c[mid].tid);

		if (b < blk || (b == blk && o < off))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* raise the level (4 bits at shift) of candidates from..to-1 to level */
static void
raise_level(const Cand *c, int from, int to, uint64 *levels, int shift, int level)
{
	for (; from < to; from++)
	{
		uint64	   *lv = &levels[c[from].at];

		if ((int) ((*lv >> shift) & 0xF) < level)
			*lv = (*lv & ~((uint64) 0xF << shift)) | ((uint64) level << shift);
	}
}

/* raise the candidates of one bitmap page: offs[0..ntuples), or all if lossy */
static void
raise_page(const Cand *c, int n, uint64 *levels, int shift, int level,
		   BlockNumber blk, bool lossy, const OffsetNumber *offs, int ntuples)
{
	int			i;

	if (lossy)
		raise_level(c, cand_lower(c, n, blk, 0), cand_lower(c, n, blk + 1, 0),
					levels, shift, level);
	for (i = 0; i < ntuples; i++)
	{
		int			from = cand_lower(c, n, blk, offs[i]),
					to = from;

		while (to < n && ItemPointerGetBlockNumberNoCheck(&c[to].tid) == blk &&
			   ItemPointerGetOffsetNumberNoCheck(&c[to].tid) == offs[i])
			to++;
		raise_level(c, from, to, levels, shift, level);
	}
}

/*
 * Raise to level the candidates the bitmap holds; false when it is empty.
 * (PostgreSQL 18 changed the iteration API: the result is filled in and the
 * offsets extracted.)
 */
static bool
raise_levels_of_bitmap(TIDBitmap *tbm, const Cand *c, int n, uint64 *levels,
					   int shift, int level)
{
	bool		any = false;
#if PG_VERSION_NUM >= 180000
	TBMIterator it = tbm_begin_iterate(tbm, NULL, InvalidDsaPointer);
	TBMIterateResult r;
	OffsetNumber offs[TBM_MAX_TUPLES_PER_PAGE];

	while (tbm_iterate(&it, &r))
	{
		int			ntuples = r.lossy ? 0 :
			tbm_extract_page_tuple(&r, offs, TBM_MAX_TUPLES_PER_PAGE);

		any = true;
		raise_page(c, n, levels, shift, level, r.blockno, r.lossy, offs, ntuples);
		CHECK_FOR_INTERRUPTS();
	}
	tbm_end_iterate(&it);
#else
	TBMIterator *it = tbm_begin_iterate(tbm);
	TBMIterateResult *r;

	while ((r = tbm_iterate(it)) != NULL)
	{
		any = true;
		/* ntuples < 0: lossy, every row of the page */
		raise_page(c, n, levels, shift, level, r->blockno, r->ntuples < 0,
				   r->offsets, Max(r->ntuples, 0));
		CHECK_FOR_INTERRUPTS();
	}
	tbm_end_iterate(it);
#endif
	return any;
}

/*
 * One bitmap scan of the rank index for "level/term:query"; raises the
 * level of the candidates it finds.  Returns whether it found any row.
 */
static bool
scan_level(Relation index, IndexScanDesc scan, text *query, int level, int term,
		   const Cand *c, int n, uint64 *levels)
{
	char		head[32];
	int			hl = snprintf(head, sizeof(head), "%d/%d:", level, term);
	size_t		ql = VARSIZE_ANY_EXHDR(query);
	text	   *arg = (text *) palloc(VARHDRSZ + hl + ql);
	ScanKeyData key;
	TIDBitmap  *tbm = tbm_create(work_mem * 1024L, NULL);
	bool		any;

	SET_VARSIZE(arg, VARHDRSZ + hl + ql);
	memcpy(VARDATA(arg), head, hl);
	memcpy(VARDATA(arg) + hl, VARDATA_ANY(query), ql);
	ScanKeyEntryInitialize(&key, 0, 1, 1, InvalidOid, index->rd_indcollation[0],
						   InvalidOid, PointerGetDatum(arg));
	index_rescan(scan, &key, 1, NULL, 0);
	index_getbitmap(scan, tbm);
	any = raise_levels_of_bitmap(tbm, c, n, levels, 4 * (term - 1), level);
	tbm_free(tbm);
	pfree(arg);
	return any;
}

static bool is_rank_family(Oid opfamily, Oid nsp);

/* the levels (4 bits per positive term, the first 16) of every candidate */
static void
candidate_levels(Oid indexoid, text *query, int nterms, const Cand *c, int n, uint64 *levels)
{
	Relation	index = index_open(indexoid, AccessShareLock);
	IndexScanDesc scan;
	AclResult	acl;
	int			t,
				l;

	if (!zh_gin_family_index(index) || !is_rank_family(index->rd_opfamily[0], InvalidOid))
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("zh_rank_bounds: \"%s\" is not a zh_rank_ops index",
						RelationGetRelationName(index))));
	/* the levels tell about the table's rows: its readers only */
	acl = pg_class_aclcheck(index->rd_index->indrelid, GetUserId(), ACL_SELECT);
	if (acl != ACLCHECK_OK)
		aclcheck_error(acl, OBJECT_TABLE, get_rel_name(index->rd_index->indrelid));
#if PG_VERSION_NUM >= 180000
	scan = index_beginscan_bitmap(index, GetActiveSnapshot(), NULL, 1);
#else
	scan = index_beginscan_bitmap(index, GetActiveSnapshot(), 1);
#endif

	for (t = 1; t <= nterms && t <= 16; t++)
		/* a row at level l is at every level below: stop at an empty one */
		for (l = 1; l <= ZH_RANK_LEVELS; l++)
			if (!scan_level(index, scan, query, l, t, c, n, levels))
				break;
	index_endscan(scan);
	index_close(index, AccessShareLock);
}

/* the result: (row_ids tid[], bounds float8[]) */
static Datum
bounds_result(FunctionCallInfo fcinfo, const Ranked *rk, int n, const ItemPointerData *ids)
{
	TupleDesc	desc;
	Datum	   *td = palloc(sizeof(Datum) * (n ? n : 1)),
			   *bd = palloc(sizeof(Datum) * (n ? n : 1)),
				out[2];
	bool		nulls[2] = {false, false};
	int			i;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "zh_rank_bounds: the result must be a composite type");
	for (i = 0; i < n; i++)
	{
		td[i] = PointerGetDatum(&ids[rk[i].at]);
		bd[i] = Float8GetDatum(rk[i].bound);
	}
	out[0] = PointerGetDatum(construct_array(td, n, TIDOID, sizeof(ItemPointerData), false,
											 TYPALIGN_SHORT));
	out[1] = PointerGetDatum(construct_array(bd, n, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL,
											 TYPALIGN_DOUBLE));
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(BlessTupleDesc(desc), out, nulls)));
}

/*
 * zh_rank_bounds(rank_index, query, row_ids, body_bytes, titles,
 * title_weight, avg_title, avg_body) -> (row_ids, bounds): the candidates'
 * upper bounds of zh_rank(title, body, query, ...), highest first (equal
 * bounds in input order); row_ids, body_bytes and titles are parallel.
 */
Datum
zh_rank_bounds(PG_FUNCTION_ARGS)
{
	text	   *query = PG_GETARG_TEXT_PP(1);
	ArrayType  *ida = PG_GETARG_ARRAYTYPE_P(2),
			   *nba = PG_GETARG_ARRAYTYPE_P(3),
			   *tia = PG_GETARG_ARRAYTYPE_P(4);
	double		tw = PG_GETARG_FLOAT8(5),
				at = PG_GETARG_FLOAT8(6),
				ab = PG_GETARG_FLOAT8(7);
	ZhSubQuery *q = zh_search_cached(fcinfo, query);
	Datum	   *ids,
			   *nbs,
			   *tis;
	bool	   *nbn,
			   *tin;
	int			n,
				nn,
				nt,
				i,
				nterms = 0;
	Cand	   *c;
	Ranked	   *rk;
	uint64	   *levels;
	ItemPointerData *tids;

	if (tw < 0 || at <= 0 || ab <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("zh_rank_bounds: title weight must be >= 0 and average lengths > 0")));
	deconstruct_array(ida, TIDOID, sizeof(ItemPointerData), false, TYPALIGN_SHORT, &ids, NULL, &n);
	deconstruct_array(nba, INT8OID, 8, FLOAT8PASSBYVAL, TYPALIGN_DOUBLE, &nbs, &nbn, &nn);
	deconstruct_array(tia, TEXTOID, -1, false, TYPALIGN_INT, &tis, &tin, &nt);
	if (nn != n || nt != n || array_contains_nulls(ida))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("zh_rank_bounds: row_ids, body_bytes and titles must be parallel, row_ids without NULLs")));
	for (i = 0; i < (int) q->nterms; i++)
		nterms += q->terms[i].negated ? 0 : 1;
	c = palloc(sizeof(Cand) * (n ? n : 1));
	tids = palloc(sizeof(ItemPointerData) * (n ? n : 1));
	levels = palloc0(sizeof(uint64) * (n ? n : 1));
	for (i = 0; i < n; i++)
	{
		tids[i] = *(ItemPointer) DatumGetPointer(ids[i]);
		c[i].tid = tids[i];
		c[i].at = i;
	}
	/* a bitmap heap scan gives them in TID order already */
	for (i = 1; i < n && cmp_cand(&c[i - 1], &c[i]) < 0; i++)
		;
	if (i < n)
		sort_cands(c, n);
	if (n > 0 && nterms > 0)
		candidate_levels(PG_GETARG_OID(0), query, nterms, c, n, levels);
	rk = palloc(sizeof(Ranked) * (n ? n : 1));
	for (i = 0; i < n; i++)
	{
		text	   *title = tin[i] ? NULL : DatumGetTextPP(tis[i]);
		int64		nb = nbn[i] ? 0 : DatumGetInt64(nbs[i]);

		rk[i].at = i;
		rk[i].bound = zh_rank_bound(q, title ? VARDATA_ANY(title) : NULL,
									title ? VARSIZE_ANY_EXHDR(title) : 0,
									nb < 0 ? 0 : (size_t) nb, levels[i], tw, at, ab);
	}
	sort_ranked(rk, n);
	return bounds_result(fcinfo, rk, n, tids);
}

/* is the operator family zh_rank_ops (of schema nsp, or of any if invalid)? */
static bool
is_rank_family(Oid opfamily, Oid nsp)
{
	HeapTuple	tup = SearchSysCache1(OPFAMILYOID, ObjectIdGetDatum(opfamily));
	bool		r;

	if (!HeapTupleIsValid(tup))
		return false;
	r = (!OidIsValid(nsp) || ((Form_pg_opfamily) GETSTRUCT(tup))->opfnamespace == nsp) &&
		strcmp(NameStr(((Form_pg_opfamily) GETSTRUCT(tup))->opfname), "zh_rank_ops") == 0;
	ReleaseSysCache(tup);
	return r;
}

/* doc, an SQL expression over the table's columns, as the planner sees it */
static Node *
doc_expression(Relation heap, const char *doc)
{
	char	   *sql = psprintf("SELECT (%s) FROM %s", doc,
							   quote_qualified_identifier(get_namespace_name(RelationGetNamespace(heap)),
														  RelationGetRelationName(heap)));
	List	   *raw = raw_parser(sql, RAW_PARSE_DEFAULT);
	Query	   *qry;

	if (list_length(raw) != 1)
		return NULL;
	qry = parse_analyze_fixedparams(linitial_node(RawStmt, raw), sql, NULL, 0, NULL);
	if (qry->commandType != CMD_SELECT || list_length(qry->targetList) != 1 ||
		list_length(qry->rtable) != 1)
		return NULL;
	return eval_const_expressions(NULL, (Node *) linitial_node(TargetEntry, qry->targetList)->expr);
}

/* does the one-key, non-partial, valid index have doc as its key? */
static bool
index_on(Relation index, Node *expr)
{
	int			key = index->rd_index->indkey.values[0];

	if (index->rd_index->indnkeyatts != 1 || !index->rd_index->indisvalid ||
		RelationGetIndexPredicate(index) != NIL)
		return false;
	if (key != 0)
		return IsA(expr, Var) && ((Var *) expr)->varattno == key;
	return equal(linitial(RelationGetIndexExpressions(index)), expr);
}

/*
 * zh_rank_index(table, doc, schema) -> regclass: a valid, non-partial
 * zh_rank_ops index (of the opclass in schema) on exactly doc, or NULL.
 */
Datum
zh_rank_index(PG_FUNCTION_ARGS)
{
	Relation	heap = relation_open(PG_GETARG_OID(0), AccessShareLock);
	Node	   *expr = doc_expression(heap, text_to_cstring(PG_GETARG_TEXT_PP(1)));
	Oid			nsp = get_namespace_oid(text_to_cstring(PG_GETARG_TEXT_PP(2)), false);
	List	   *idx = RelationGetIndexList(heap);
	ListCell   *lc;
	Oid			found = InvalidOid;

	foreach(lc, idx)
	{
		Relation	index = index_open(lfirst_oid(lc), AccessShareLock);

		if (expr != NULL && !OidIsValid(found) &&
			is_rank_family(index->rd_opfamily[0], nsp) && index_on(index, expr))
			found = lfirst_oid(lc);
		index_close(index, AccessShareLock);
	}
	relation_close(heap, AccessShareLock);
	if (!OidIsValid(found))
		PG_RETURN_NULL();
	PG_RETURN_OID(found);
}
