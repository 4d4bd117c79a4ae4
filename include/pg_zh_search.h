/*
 * pg_zh_search.h
 *	  Shared by the PostgreSQL layer of the "&@" search (src/pg/zh_gin.c,
 *	  src/pg/zh_rank_gin.c, src/pg/zh_search.c).
 */
#ifndef PG_ZH_SEARCH_H
#define PG_ZH_SEARCH_H

#include "postgres.h"
#include "fmgr.h"

#include "zh_substr.h"

/* parse a query (errors on one longer than ZH_QUERY_MAX_BYTES) */
extern ZhSubQuery *zh_search_parse(text *query);
extern ZhSubQuery *zh_search_parse_bytes(const char *s, size_t len);

/* zh_search_ops's keys of a text (zh_gin.c): sorted, unique, na_malloc'd */
extern size_t zh_gin_doc_keys(Oid fn, text *doc, int32_t **keys);
extern PGDLLEXPORT Datum zh_gin_extract_value(PG_FUNCTION_ARGS);

/* GIN keys (int4) as the Datums an extractValue/extractQuery returns */
extern Datum *zh_keys_to_datums(const int32_t *keys, size_t n);

/* the query, parsed once per call site and kept in fn_extra */
extern ZhSubQuery *zh_search_cached(FunctionCallInfo fcinfo, text *query);

/*
 * Is d a long text stored out of line that zh_match() confirms slice by
 * slice (src/pg/zh_search.c)?  Then zh_match_long() does it, with pre (or
 * NULL) the query's terms known to occur already, per term.
 */
/* &@'s selectivity estimate for a query expression (zh_search_sel.c) */
struct PlannerInfo;
extern double zh_match_sel_query(struct PlannerInfo *root, Node *query);

/* is the index a GIN or a zh_gin one (src/pg/zh_gin_am.c)? */
struct RelationData;
extern bool zh_gin_family_index(struct RelationData *index);

extern bool zh_match_is_long(Datum d, const ZhSubQuery *q);
extern bool zh_match_long(Datum d, const ZhSubQuery *q, const bool *pre);

#endif							/* PG_ZH_SEARCH_H */
