/*
 * articles.c
 *	  SQL functions over the article splitter: news_articles(),
 *	  news_segments(), news_issue_json() and news_byline().
 *
 * The splitter core allocates with palloc; each call runs it in a private
 * memory context that is deleted once the results are copied out, so a
 * query over many issues does not accumulate memory.
 */
#include "postgres.h"
#include "na_pg_compat.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/tuplestore.h"

#include "na_buf.h"
#include "na_split.h"
#include "news_issue.h"

/* set up a materialized set-returning call; returns the tuple descriptor */
static TupleDesc
begin_materialize(FunctionCallInfo fcinfo, Tuplestorestate **store)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	TupleDesc	tupdesc;
	MemoryContext old;

	if (rsinfo == NULL || !IsA(rsinfo, ReturnSetInfo) ||
		!(rsinfo->allowedModes & SFRM_Materialize))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("set-valued function called in context that cannot accept a set")));
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");

	old = MemoryContextSwitchTo(rsinfo->econtext->ecxt_per_query_memory);
	tupdesc = CreateTupleDescCopy(tupdesc);
	*store = tuplestore_begin_heap(rsinfo->allowedModes & SFRM_Materialize_Random,
								   false, work_mem);
	MemoryContextSwitchTo(old);
	rsinfo->returnMode = SFRM_Materialize;
	rsinfo->setResult = *store;
	rsinfo->setDesc = tupdesc;
	return tupdesc;
}

static Datum
text_or_null(const char *s, bool *isnull)
{
	*isnull = (s == NULL || *s == '\0');
	return *isnull ? (Datum) 0 : CStringGetTextDatum(s);
}

static Datum
int_or_null(int v, bool *isnull)
{
	*isnull = (v <= 0);
	return Int32GetDatum(v);
}

static int32
cp_offset(NaCpCursor *cur, size_t byte)
{
	return (int32) na_cp_offset(cur, byte);
}

/*
 * The splitter keeps about a hundred bytes per line (its line table must
 * stay below the 1 GB allocation limit); an issue with more
 * lines than this (a real one has a few thousand) is refused with a clear
 * error instead of failing on a huge allocation.
 */
#define NA_SPLIT_MAX_LINES	(8 * 1000 * 1000)
#define NA_SPLIT_MAX_BYTES	(512 * 1024 * 1024)

static void
check_line_count(const char *raw, size_t len)
{
	const char *p = raw,
			   *end = raw + len;
	size_t		n = 1;

	/* an article's text grows by doubling, which must stay below 1 GB */
	if (len > NA_SPLIT_MAX_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("news_issue is too large to split into articles (%zu bytes)", len),
				 errdetail("The limit is %d bytes.", NA_SPLIT_MAX_BYTES)));
	while (p < end && (p = memchr(p, '\n', end - p)) != NULL)
	{
		if (++n > NA_SPLIT_MAX_LINES)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("news_issue has too many lines to split into articles"),
					 errdetail("The limit is %d lines.", NA_SPLIT_MAX_LINES)));
		if ((n & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
		p++;
	}
}

/* the optional layout argument (argument 1): auto, epaper, ocr, web or historical */
static NaSplitLayout
layout_arg(FunctionCallInfo fcinfo)
{
	NaSplitLayout layout = NA_LAYOUT_AUTO;
	char	   *name;

	if (PG_NARGS() < 2 || PG_ARGISNULL(1))
		return layout;
	name = text_to_cstring(PG_GETARG_TEXT_PP(1));
	if (!na_split_layout_from_name(name, &layout))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown issue layout \"%s\"", name),
				 errhint("Use auto, epaper, ocr, web or historical.")));
	pfree(name);
	return layout;
}

/* run the splitter on an issue in a private memory context */
static MemoryContext
split_issue_as(NewsIssue *ni, NaSplitLayout layout, NaSplit *sp, const char **raw, size_t *len)
{
	MemoryContext cxt;
	MemoryContext old;

	*raw = news_issue_raw(ni, len);
	check_line_count(*raw, *len);
	cxt = AllocSetContextCreate(CurrentMemoryContext, "news_archive split",
								ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(cxt);
	na_split_issue_layout(*raw, *len, layout, sp);
	MemoryContextSwitchTo(old);
	return cxt;
}

static MemoryContext
split_issue(NewsIssue *ni, NaSplit *sp, const char **raw, size_t *len)
{
	return split_issue_as(ni, NA_LAYOUT_AUTO, sp, raw, len);
}

enum
{
	A_ORDINAL, A_KIND, A_SECTION, A_KICKER, A_TITLE, A_SUBTITLE, A_BYLINE,
	A_AUTHORS, A_ROLES, A_DATELINE, A_REPORTED_ON, A_BODY, A_CAPTION,
	A_CONTINUED_TO, A_CONTINUED_FROM, A_RAW_START, A_RAW_END, A_NOTES, A_NATTS
};

PG_FUNCTION_INFO_V1(news_articles);
Datum
news_articles(PG_FUNCTION_ARGS)
{
	NewsIssue  *ni = PG_GETARG_NEWS_ISSUE_P(0);
	Tuplestorestate *store;
	TupleDesc	tupdesc = begin_materialize(fcinfo, &store);
	NaSplit		sp;
	const char *raw;
	size_t		len;
	MemoryContext cxt,
				old;
	NaCpCursor	cur;
	int			i,
				j;

	/* notes came in 0.4: a 0.3 type (before ALTER EXTENSION UPDATE) ends before it */
	if (tupdesc->natts != A_NATTS && tupdesc->natts != A_NOTES)
		elog(ERROR, "news_article has %d columns, expected %d", tupdesc->natts, A_NATTS);
	cxt = split_issue_as(ni, layout_arg(fcinfo), &sp, &raw, &len);
	old = MemoryContextSwitchTo(cxt);
	cur.text = raw;
	cur.len = len;
	cur.byte = cur.cp = 0;

	for (i = 0; i < sp.n_articles; i++)
	{
		NaArticle  *a = &sp.articles[i];
		Datum		values[A_NATTS];
		bool		nulls[A_NATTS];
		Datum	   *names = palloc(sizeof(Datum) * Max(a->authors.n, 1));
		Datum	   *roles = palloc(sizeof(Datum) * Max(a->authors.n, 1));
		bool	   *role_nulls = palloc(sizeof(bool) * Max(a->authors.n, 1));
		int			dims[1];
		int			lbs[1] = {1};

		CHECK_FOR_INTERRUPTS();
		memset(nulls, 0, sizeof(nulls));
		for (j = 0; j < a->authors.n; j++)
		{
			names[j] = CStringGetTextDatum(a->authors.persons[j].name);
			role_nulls[j] = a->authors.persons[j].role == NULL;
			roles[j] = role_nulls[j] ? (Datum) 0 :
				CStringGetTextDatum(a->authors.persons[j].role);
		}
		dims[0] = a->authors.n;
		values[A_ORDINAL] = Int32GetDatum(a->ordinal);
		values[A_KIND] = CStringGetTextDatum(na_article_kind_name(a->kind));
		values[A_SECTION] = text_or_null(a->section, &nulls[A_SECTION]);
		values[A_KICKER] = text_or_null(a->kicker, &nulls[A_KICKER]);
		values[A_TITLE] = text_or_null(a->title, &nulls[A_TITLE]);
		values[A_SUBTITLE] = text_or_null(a->subtitle, &nulls[A_SUBTITLE]);
		values[A_BYLINE] = text_or_null(a->byline, &nulls[A_BYLINE]);
		values[A_AUTHORS] = PointerGetDatum(construct_array(names, a->authors.n, TEXTOID, -1, false, TYPALIGN_INT));
		values[A_ROLES] = PointerGetDatum(construct_md_array(roles, role_nulls, 1, dims, lbs, TEXTOID, -1, false, TYPALIGN_INT));
		values[A_DATELINE] = text_or_null(a->dateline, &nulls[A_DATELINE]);
		values[A_REPORTED_ON] = news_archive_date_or_null(a->reported_y, a->reported_m, a->reported_d,
											 &nulls[A_REPORTED_ON]);
		values[A_BODY] = text_or_null(a->body, &nulls[A_BODY]);
		values[A_CAPTION] = text_or_null(a->caption, &nulls[A_CAPTION]);
		values[A_CONTINUED_TO] = int_or_null(a->continued_to, &nulls[A_CONTINUED_TO]);
		values[A_CONTINUED_FROM] = int_or_null(a->continued_from, &nulls[A_CONTINUED_FROM]);
		values[A_RAW_START] = Int32GetDatum(cp_offset(&cur, a->raw_start));
		values[A_RAW_END] = Int32GetDatum(cp_offset(&cur, a->raw_end));
		values[A_NOTES] = text_or_null(a->notes, &nulls[A_NOTES]);
		tuplestore_putvalues(store, tupdesc, values, nulls);
	}
	MemoryContextSwitchTo(old);
	MemoryContextDelete(cxt);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(news_segments);
Datum
news_segments(PG_FUNCTION_ARGS)
{
	NewsIssue  *ni = PG_GETARG_NEWS_ISSUE_P(0);
	Tuplestorestate *store;
	TupleDesc	tupdesc = begin_materialize(fcinfo, &store);
	NaSplit		sp;
	const char *raw;
	size_t		len,
				i;
	MemoryContext cxt;
	NaCpCursor	cur;

	/* news_segments(issue, layout) adds the model's score as a fifth column */
	cxt = split_issue_as(ni, layout_arg(fcinfo), &sp, &raw, &len);
	cur.text = raw;
	cur.len = len;
	cur.byte = cur.cp = 0;
	for (i = 0; i < sp.n_segments; i++)
	{
		NaSegment  *s = &sp.segments[i];
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		values[0] = Int32GetDatum(cp_offset(&cur, s->start));
		values[1] = Int32GetDatum(cp_offset(&cur, s->end));
		values[2] = CStringGetTextDatum(na_seg_role_name(s->role));
		values[3] = Int32GetDatum(s->ordinal);
		if (tupdesc->natts >= 5)
		{
			values[4] = Float4GetDatum(s->score);
			nulls[4] = s->score == 0;
		}
		tuplestore_putvalues(store, tupdesc, values, nulls);
	}
	MemoryContextDelete(cxt);
	return (Datum) 0;
}

PG_FUNCTION_INFO_V1(news_issue_json);
Datum
news_issue_json(PG_FUNCTION_ARGS)
{
	NewsIssue  *ni = PG_GETARG_NEWS_ISSUE_P(0);
	NaSplit		sp;
	const char *raw;
	size_t		len;
	MemoryContext cxt,
				old;
	NaBuf		json;
	Datum		result;

	cxt = split_issue(ni, &sp, &raw, &len);
	old = MemoryContextSwitchTo(cxt);
	na_buf_init(&json, len + 4096);
	na_split_to_json(&sp, raw, len, &json, false);
	MemoryContextSwitchTo(old);
	result = DirectFunctionCall1(jsonb_in, CStringGetDatum(json.data));
	MemoryContextDelete(cxt);
	PG_RETURN_DATUM(result);
}

PG_FUNCTION_INFO_V1(news_byline);
Datum
news_byline(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	Tuplestorestate *store;
	TupleDesc	tupdesc = begin_materialize(fcinfo, &store);
	NaByline	b;
	int			i;

	memset(&b, 0, sizeof(b));
	na_byline_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &b);
	for (i = 0; i < b.n; i++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = text_or_null(b.persons[i].name, &nulls[0]);
		values[1] = text_or_null(b.persons[i].role, &nulls[1]);
		values[2] = text_or_null(b.persons[i].organization, &nulls[2]);
		tuplestore_putvalues(store, tupdesc, values, nulls);
	}
	na_byline_free(&b);
	return (Datum) 0;
}
