/*
 * zh_search.c
 *	  SQL functions of the exact substring search: the operator function
 *	  zh_match(text, text) behind "&@", zh_rank() and zh_highlight().
 *	  The work is done by src/core/zh_substr*.c.
 */
#include "postgres.h"
#include "na_pg_compat.h"

#include "access/detoast.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "pg_zh_search.h"
#include "pg_zh_text_cache.h"
#include "zh_query_syntax.h"

PG_FUNCTION_INFO_V1(zh_match);
PG_FUNCTION_INFO_V1(zh_rank);
PG_FUNCTION_INFO_V1(zh_highlight);

ZhSubQuery *
zh_search_parse_bytes(const char *s, size_t len)
{
	if (len > ZH_QUERY_MAX_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("search text is too long (%zu bytes, at most %d)",
						len, ZH_QUERY_MAX_BYTES)));
	return zh_subquery_parse(s, len);
}

ZhSubQuery *
zh_search_parse(text *query)
{
	return zh_search_parse_bytes(VARDATA_ANY(query), VARSIZE_ANY_EXHDR(query));
}

typedef struct QueryCache
{
	ZhSubQuery *q;
	size_t		len;
	char		text[FLEXIBLE_ARRAY_MEMBER];
} QueryCache;

ZhSubQuery *
zh_search_cached(FunctionCallInfo fcinfo, text *query)
{
	QueryCache *c = (QueryCache *) fcinfo->flinfo->fn_extra;
	size_t		len = VARSIZE_ANY_EXHDR(query);
	MemoryContext old;

	if (c && c->len == len && memcmp(c->text, VARDATA_ANY(query), len) == 0)
		return c->q;
	if (c)
	{
		zh_subquery_free(c->q);
		pfree(c);
		fcinfo->flinfo->fn_extra = NULL;
	}
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	c = (QueryCache *) palloc(offsetof(QueryCache, text) + len);
	c->q = zh_search_parse(query);
	c->len = len;
	memcpy(c->text, VARDATA_ANY(query), len);
	MemoryContextSwitchTo(old);
	fcinfo->flinfo->fn_extra = c;
	return c->q;
}

/*
 * Texts stored out of line and longer than this are confirmed slice by
 * slice: slices of SLICE_FIRST bytes, doubling up to SLICE_MAX (a compressed
 * text decompresses its whole prefix for each slice, so its slices keep
 * doubling).  Each slice is searched for the terms' raw bytes, which settle
 * most matches; if the text ends undecided, it is read whole and its folded
 * forms decide (zh_substr_stream.c).  Texts over FOLD_SLICES bytes are
 * searched fully slice by slice instead, never read whole.
 */
#define SLICE_FIRST		(64 * 1024)
#define SLICE_MAX		(256 * 1024)
#define FOLD_SLICES		(64 * 1024 * 1024)

/*
 * match_slices with the text's bytes kept in the backend's cache
 * (zh_text_cache.c): what an earlier query read is searched in memory, and
 * only what this one needs beyond it is read, in the same slices.
 */
static bool
match_cached(Datum d, const ZhSubQuery *q, ZhTextCached *c, bool compressed,
			 const bool *pre)
{
	Size		fed = 0,
				n = SLICE_FIRST;
	ZhSubStream st;
	int			r = -1;

	if (c->have == c->len && pre == NULL)
		return zh_subquery_match(q, c->data, c->len);
	zh_substream_init(&st, q, false);
	if (pre)
		r = zh_substream_preset(&st, pre);
	while (r < 0)
	{
		Size		from;

		if (fed == c->have)
		{
			zh_text_cache_extend(d, c, c->have + n);
			if (c->have == fed)
				elog(ERROR, "could not read a long text past byte %zu of %zu",
					 fed, c->len);
			if (compressed || n < SLICE_MAX)
				n *= 2;
		}
		from = Min(zh_substream_need(&st), fed);
		r = zh_substream_feed(&st, c->data + from, from, c->have - from,
							  c->have >= c->len);
		fed = c->have;
		if (r < 0 && fed >= c->len)
			r = zh_substream_finish(&st, c->data, c->len);
		CHECK_FOR_INTERRUPTS();
	}
	zh_substream_free(&st);
	return r == 1;
}

/*
 * Does the long toasted text d satisfy q?  Reads only the TOAST chunks of
 * the slices up to the one that decides (or, undecided, the whole text).
 * pre (or NULL): terms known to occur already (zh_substream_preset).
 */
static bool
match_slices(Datum d, const ZhSubQuery *q, const bool *pre)
{
	Size		total = toast_raw_datum_size(d) - VARHDRSZ;
	Size		end = 0,
				n = SLICE_FIRST;
	varatt_external ptr;
	bool		compressed;
	ZhSubStream st;
	int			r = -1;
	ZhTextCached c;

	VARATT_EXTERNAL_GET_POINTER(ptr, DatumGetPointer(d));
	compressed = VARATT_EXTERNAL_GET_EXTSIZE(ptr) < (uint32) (ptr.va_rawsize - VARHDRSZ);
	if (zh_text_cache_lookup(d, &c))
		return match_cached(d, q, &c, compressed, pre);
	zh_substream_init(&st, q, total > FOLD_SLICES);
	if (pre)
		r = zh_substream_preset(&st, pre);
	while (r < 0 && end < total)
	{
		/* a compressed text is decompressed from its start anyway */
		Size		from = compressed ? 0 : Min(zh_substream_need(&st), end),
					stop = Min(end + n, total);
		text	   *part = (text *) PG_DETOAST_DATUM_SLICE(d, (int32) from,
														   (int32) (stop - from));
		Size		len = VARSIZE_ANY_EXHDR(part);

		end = from + len;
		r = zh_substream_feed(&st, VARDATA_ANY(part), from, len, end >= total);
		if (r < 0 && end >= total)
		{
			/* undecided at the end: the whole text decides */
			if (from > 0)
			{
				pfree(part);
				part = (text *) PG_DETOAST_DATUM(d);
			}
			r = zh_substream_finish(&st, VARDATA_ANY(part), VARSIZE_ANY_EXHDR(part));
		}
		pfree(part);
		if (compressed || n < SLICE_MAX)
			n *= 2;
		CHECK_FOR_INTERRUPTS();
	}
	zh_substream_free(&st);
	return r == 1;
}

bool
zh_match_is_long(Datum d, const ZhSubQuery *q)
{
	return VARATT_IS_EXTERNAL_ONDISK(DatumGetPointer(d)) &&
		toast_raw_datum_size(d) > SLICE_FIRST * 2 && zh_substream_ok(q);
}

bool
zh_match_long(Datum d, const ZhSubQuery *q, const bool *pre)
{
	return match_slices(d, q, pre);
}

/* text &@ query: does the text satisfy the query (zh_query syntax)? */
Datum
zh_match(PG_FUNCTION_ARGS)
{
	Datum		d = PG_GETARG_DATUM(0);
	ZhSubQuery *q = zh_search_cached(fcinfo, PG_GETARG_TEXT_PP(1));
	text	   *doc;

	if (zh_match_is_long(d, q))
		PG_RETURN_BOOL(match_slices(d, q, NULL));
	doc = PG_GETARG_TEXT_PP(0);
	PG_RETURN_BOOL(zh_subquery_match(q, VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc)));
}

/*
 * The bytes of text argument argno (not null): a long text stored out of
 * line from the session's cache (read whole into it the first time), any
 * other detoasted as usual.
 */
static const char *
text_arg_bytes(FunctionCallInfo fcinfo, int argno, size_t *len)
{
	Datum		d = PG_GETARG_DATUM(argno);
	ZhTextCached c;
	text	   *t;

	if (zh_text_cache_lookup(d, &c))
	{
		if (c.have < c.len)
			zh_text_cache_extend(d, &c, c.len);
		if (c.have == c.len)
		{
			*len = c.len;
			return c.data;
		}
	}
	t = PG_GETARG_TEXT_PP(argno);
	*len = VARSIZE_ANY_EXHDR(t);
	return VARDATA_ANY(t);
}

/*
 * zh_rank(title, body, query, title_weight, avg_title_chars, avg_body_chars):
 * BM25F-like relevance (see zh_substr.h); NULL title or body count as empty.
 */
Datum
zh_rank(PG_FUNCTION_ARGS)
{
	text	   *title = PG_ARGISNULL(0) ? NULL : PG_GETARG_TEXT_PP(0);
	const char *body = NULL;
	size_t		body_len = 0;
	ZhSubQuery *q;
	double		tw = PG_GETARG_FLOAT8(3),
				at = PG_GETARG_FLOAT8(4),
				ab = PG_GETARG_FLOAT8(5);

	if (PG_ARGISNULL(2) || PG_ARGISNULL(3) || PG_ARGISNULL(4) || PG_ARGISNULL(5))
		PG_RETURN_NULL();
	if (tw < 0 || at <= 0 || ab <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("zh_rank: title weight must be >= 0 and average lengths > 0")));
	q = zh_search_cached(fcinfo, PG_GETARG_TEXT_PP(2));
	if (!PG_ARGISNULL(1))
		body = text_arg_bytes(fcinfo, 1, &body_len);
	PG_RETURN_FLOAT4((float4) zh_substr_rank(q,
											 title ? VARDATA_ANY(title) : NULL,
											 title ? VARSIZE_ANY_EXHDR(title) : 0,
											 body, body_len, tw, at, ab));
}

/* one "Name=value" of zh_highlight's options */
static void
set_option(ZhHeadlineOpts *o, const char *name, char *val)
{
	if (pg_strcasecmp(name, "StartSel") == 0)
		o->start_sel = val;
	else if (pg_strcasecmp(name, "StopSel") == 0)
		o->stop_sel = val;
	else if (pg_strcasecmp(name, "FragmentDelimiter") == 0)
		o->frag_delim = val;
	else if (pg_strcasecmp(name, "MaxChars") == 0 || pg_strcasecmp(name, "MaxFragments") == 0)
	{
		char	   *end;
		long		v = strtol(val, &end, 10);

		if (*val == '\0' || *end != '\0' || v < 0 || v > 1000000 ||
			(pg_strcasecmp(name, "MaxChars") == 0 && v < 1))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("zh_highlight: bad value \"%s\" for %s", val, name)));
		if (pg_strcasecmp(name, "MaxChars") == 0)
			o->max_chars = (int) v;
		else
			o->max_fragments = (int) v;
	}
	else if (pg_strcasecmp(name, "HighlightAll") == 0)
	{
		bool		b;

		if (!parse_bool(val, &b))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("zh_highlight: bad value \"%s\" for HighlightAll", val)));
		o->highlight_all = b;
	}
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("zh_highlight: unknown option \"%s\"", name),
				 errhint("Options are StartSel, StopSel, MaxChars, MaxFragments, FragmentDelimiter, HighlightAll.")));
}

/* "Name=value, Name=\"value, with comma\"" as ts_headline takes them */
static void
parse_options(ZhHeadlineOpts *o, char *s)
{
	while (*s)
	{
		char	   *name,
				   *val;

		while (*s == ' ' || *s == ',')
			s++;
		if (!*s)
			break;
		name = s;
		while (*s && *s != '=' && *s != ' ')
			s++;
		if (*s == ' ')
			*s++ = '\0';
		while (*s == ' ')
			s++;
		if (*s != '=')
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("zh_highlight: option \"%s\" needs a value (Name=value)", name)));
		*s++ = '\0';
		while (*s == ' ')
			s++;
		if (*s == '"')
		{
			val = ++s;
			while (*s && *s != '"')
				s++;
		}
		else
		{
			val = s;
			while (*s && *s != ',' && *s != ' ')
				s++;
		}
		if (*s)
			*s++ = '\0';
		set_option(o, name, val);
	}
}

/* zh_highlight(text, query, options): the matched spans marked */
Datum
zh_highlight(PG_FUNCTION_ARGS)
{
	ZhSubQuery *q = zh_search_cached(fcinfo, PG_GETARG_TEXT_PP(1));
	ZhHeadlineOpts o;
	const char *doc;
	size_t		doc_len;
	char	   *res;
	size_t		len;
	text	   *out;

	zh_headline_opts_default(&o);
	if (PG_NARGS() > 2 && !PG_ARGISNULL(2))
		parse_options(&o, text_to_cstring(PG_GETARG_TEXT_PP(2)));
	doc = text_arg_bytes(fcinfo, 0, &doc_len);
	res = zh_substr_headline(q, doc, doc_len, &o, &len);
	out = cstring_to_text_with_len(res, len);
	pfree(res);
	PG_RETURN_TEXT_P(out);
}
