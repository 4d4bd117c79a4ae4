/*
 * news_issue.c
 *	  The news_issue base type: input/output/send/receive, casts, equality,
 *	  hashing and the metadata accessor news_issue_info().
 */
#include "postgres.h"
#include "na_pg_compat.h"

#include "access/hash.h"
#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"

#if PG_VERSION_NUM >= 140000
#include "common/cryptohash.h"
#include "common/sha2.h"
#else
#include "common/sha2.h"
#endif

#include "news_issue.h"
#include "na_charset.h"
#include "na_html.h"
#include "na_utf8.h"

#define NEWS_ISSUE_BINARY_VERSION 1

/* bytes of a value's header and strings, for slicing TOASTed values */
#define META_SLICE_GUESS 4096

static void
append_string(StringInfo meta, uint32 *off, const char *s)
{
	if (s == NULL)
	{
		*off = PG_UINT32_MAX;
		return;
	}
	*off = meta->len;
	appendBinaryStringInfo(meta, s, strlen(s) + 1);
}

NewsIssue *
news_issue_from_text(const char *raw, size_t len)
{
	return news_issue_from_text_ex(raw, len, NULL, 0);
}

/* the front matter: a saved web page's from its markup, else from the text */
static void
parse_frontmatter(const char *raw, size_t len, NaIssueInfo *info)
{
	if (!na_html_looks_like(raw, len))
	{
		na_frontmatter_parse(raw, len, info);
		return;
	}
	if (len > NA_HTML_MAX_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("HTML page is too large to read: %zu bytes", len),
				 errdetail("The limit for saved web pages is %d bytes.", NA_HTML_MAX_BYTES)));
	na_html_frontmatter(raw, len, info);
}

/* the date's source, precision and confidence as header flags */
static uint16
date_flags(const NaIssueInfo *info)
{
	uint16		f = NEWS_ISSUE_FLAG_DATE_META;

	f |= ((uint16) info->date_source << NEWS_ISSUE_DATE_SRC_SHIFT) & NEWS_ISSUE_DATE_SRC_MASK;
	f |= ((uint16) info->date_prec << NEWS_ISSUE_DATE_PREC_SHIFT) & NEWS_ISSUE_DATE_PREC_MASK;
	if (info->date_low_confidence)
		f |= NEWS_ISSUE_FLAG_DATE_LOW;
	return f;
}

NewsIssue *
news_issue_from_text_ex(const char *raw, size_t len, const char *charset, uint32 replaced)
{
	NaIssueInfo info;
	StringInfoData meta;
	NewsIssue  *ni;
	uint32		strs[NIS__COUNT];
	uint32		lists[2 * NA_MAX_LIST + 2];
	int			nlist,
				i;
	Size		hdrsz,
				total;

	parse_frontmatter(raw, len, &info);

	initStringInfo(&meta);
	append_string(&meta, &strs[NIS_MASTHEAD], info.masthead);
	append_string(&meta, &strs[NIS_WEEKDAY], info.weekday);
	append_string(&meta, &strs[NIS_LUNAR], info.lunar_date);
	append_string(&meta, &strs[NIS_SPONSOR], info.sponsor);
	append_string(&meta, &strs[NIS_PUBLISHER], info.publisher);
	append_string(&meta, &strs[NIS_SITE], info.site);
	append_string(&meta, &strs[NIS_SOURCE], info.source);
	append_string(&meta, &strs[NIS_EDITOR], info.editor);
	nlist = 0;
	for (i = 0; i < info.n_section; i++)
		append_string(&meta, &lists[nlist++], info.section_path[i]);
	for (i = 0; i < info.n_tags; i++)
		append_string(&meta, &lists[nlist++], info.tags[i]);
	if (charset)
	{
		append_string(&meta, &lists[nlist++], charset);
		lists[nlist++] = replaced;
	}

	hdrsz = NEWS_ISSUE_HDRSZ(nlist);
	total = hdrsz + meta.len + len;
	if (total > MaxAllocSize || len > PG_UINT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("news_issue value is too large: %zu bytes", len)));

	/* zero the header and metadata only: the raw text is copied over at once */
	ni = (NewsIssue *) palloc(total);
	memset(ni, 0, total - len);
	SET_VARSIZE(ni, total);
	ni->hdr.version = NEWS_ISSUE_VERSION;
	ni->hdr.flags = (charset ? NEWS_ISSUE_FLAG_DECODED : 0) | date_flags(&info);
	ni->hdr.n_section = info.n_section;
	ni->hdr.n_tags = info.n_tags;
	ni->hdr.meta_len = meta.len;
	ni->hdr.raw_len = (uint32) len;
	ni->hdr.year = info.year;
	ni->hdr.month = info.month;
	ni->hdr.day = info.day;
	ni->hdr.issue_no = info.issue_no;
	ni->hdr.pages = info.pages;
	ni->hdr.head_end = (uint32) info.head_end;
	ni->hdr.tail_start = (uint32) info.tail_start;
	memcpy(ni->hdr.str_off, strs, sizeof(strs));
	memcpy(ni->hdr.list_off, lists, sizeof(uint32) * nlist);
	memcpy(NEWS_ISSUE_META_START(ni), meta.data, meta.len);
	/* in pieces, so that a cancel need not wait for hundreds of megabytes */
	{
		size_t		done = 0;

		while (done < len)
		{
			size_t		n = Min(len - done, (size_t) 8 * 1024 * 1024);

			memcpy(NEWS_ISSUE_RAW(ni) + done, raw + done, n);
			done += n;
			CHECK_FOR_INTERRUPTS();
		}
	}

	na_frontmatter_free(&info);
	pfree(meta.data);
	return ni;
}

const char *
news_issue_charset(const NewsIssue *ni, uint32 *replaced)
{
	int			k = ni->hdr.n_section + ni->hdr.n_tags;

	*replaced = 0;
	if ((ni->hdr.flags & NEWS_ISSUE_FLAG_DECODED) == 0 ||
		ni->hdr.list_off[k] >= ni->hdr.meta_len)
		return NULL;
	*replaced = ni->hdr.list_off[k + 1];
	return NEWS_ISSUE_META_START(ni) + ni->hdr.list_off[k];
}

const char *
news_issue_str(const NewsIssue *ni, NewsIssueStr f)
{
	uint32		off = ni->hdr.str_off[f];

	if (off == PG_UINT32_MAX || off >= ni->hdr.meta_len)
		return NULL;
	return NEWS_ISSUE_META_START(ni) + off;
}

void
news_issue_frontmatter(const NewsIssue *ni, NaIssueInfo *info)
{
	const char *meta = NEWS_ISSUE_META_START(ni);
	int			i;

	memset(info, 0, sizeof(*info));
	info->masthead = (char *) news_issue_str(ni, NIS_MASTHEAD);
	info->weekday = (char *) news_issue_str(ni, NIS_WEEKDAY);
	info->lunar_date = (char *) news_issue_str(ni, NIS_LUNAR);
	info->sponsor = (char *) news_issue_str(ni, NIS_SPONSOR);
	info->publisher = (char *) news_issue_str(ni, NIS_PUBLISHER);
	info->site = (char *) news_issue_str(ni, NIS_SITE);
	info->source = (char *) news_issue_str(ni, NIS_SOURCE);
	info->editor = (char *) news_issue_str(ni, NIS_EDITOR);
	info->year = ni->hdr.year;
	info->month = ni->hdr.month;
	info->day = ni->hdr.day;
	if (ni->hdr.flags & NEWS_ISSUE_FLAG_DATE_META)
	{
		info->date_source = (NaDateSource) ((ni->hdr.flags & NEWS_ISSUE_DATE_SRC_MASK) >>
											NEWS_ISSUE_DATE_SRC_SHIFT);
		info->date_prec = (NaDatePrec) ((ni->hdr.flags & NEWS_ISSUE_DATE_PREC_MASK) >>
										NEWS_ISSUE_DATE_PREC_SHIFT);
		info->date_low_confidence = (ni->hdr.flags & NEWS_ISSUE_FLAG_DATE_LOW) != 0;
	}
	else if (info->year > 0)
	{
		/* a value stored before 0.3: a full date from the head of the text */
		info->date_prec = NA_DATE_DAY;
		info->date_source = info->site ? NA_DSRC_TEXT : NA_DSRC_MASTHEAD;
		info->date_low_confidence = info->year < NA_DATE_PLAUSIBLE_MIN;
	}
	info->issue_no = ni->hdr.issue_no;
	info->pages = ni->hdr.pages;
	info->head_end = ni->hdr.head_end;
	info->tail_start = ni->hdr.tail_start;
	info->n_section = ni->hdr.n_section;
	for (i = 0; i < ni->hdr.n_section; i++)
		info->section_path[i] = (char *) meta + ni->hdr.list_off[i];
	info->n_tags = ni->hdr.n_tags;
	for (i = 0; i < ni->hdr.n_tags; i++)
		info->tags[i] = (char *) meta + ni->hdr.list_off[ni->hdr.n_section + i];
}

/* reject empty and whitespace-only issues */
static void
check_not_blank(const char *s, size_t len)
{
	size_t		i = 0,
				adv;

	while (i < len)
	{
		if (!na_is_space(na_utf8_decode(s + i, len - i, &adv)))
			return;
		i += adv;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s", "news_issue"),
			 errdetail("An issue must contain some text; this one is empty or only white space.")));
}

static NewsIssue *
make_issue(const char *s, size_t len)
{
	news_archive_check_encoding();
	check_not_blank(s, len);
	return news_issue_from_text(s, len);
}

PG_FUNCTION_INFO_V1(news_issue_in);
Datum
news_issue_in(PG_FUNCTION_ARGS)
{
	char	   *s = PG_GETARG_CSTRING(0);

	PG_RETURN_POINTER(make_issue(s, strlen(s)));
}

PG_FUNCTION_INFO_V1(news_issue_out);
Datum
news_issue_out(PG_FUNCTION_ARGS)
{
	NewsIssue  *ni = PG_GETARG_NEWS_ISSUE_P(0);
	size_t		len;
	const char *raw = news_issue_raw(ni, &len);

	PG_RETURN_CSTRING(pnstrdup(raw, len));
}

/*
 * Binary format: one version byte, then the raw text in the client encoding.
 * Only the text travels; the receiver parses it again, so a tampered value
 * can never carry metadata inconsistent with its text.
 */
PG_FUNCTION_INFO_V1(news_issue_recv);
Datum
news_issue_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int			version = pq_getmsgbyte(buf);
	char	   *s;
	int			nbytes;

	if (version != NEWS_ISSUE_BINARY_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("unsupported news_issue binary format version %d", version)));
	/* converts to the server encoding and rejects invalid or NUL bytes */
	s = pq_getmsgtext(buf, buf->len - buf->cursor, &nbytes);
	PG_RETURN_POINTER(make_issue(s, nbytes));
}

PG_FUNCTION_INFO_V1(news_issue_send);
Datum
news_issue_send(PG_FUNCTION_ARGS)
{
	NewsIssue  *ni = PG_GETARG_NEWS_ISSUE_P(0);
	StringInfoData buf;
	size_t		len;
	const char *raw = news_issue_raw(ni, &len);

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, NEWS_ISSUE_BINARY_VERSION);
	pq_sendtext(&buf, raw, len);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(news_issue_from_text_fn);
Datum
news_issue_from_text_fn(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);

	PG_RETURN_POINTER(make_issue(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)));
}

PG_FUNCTION_INFO_V1(news_issue_to_text);
Datum
news_issue_to_text(PG_FUNCTION_ARGS)
{
	NewsIssue  *ni = PG_GETARG_NEWS_ISSUE_P(0);
	size_t		len;
	const char *raw = news_issue_raw(ni, &len);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(raw, len));
}

/* comparison: the raw text, bytewise */
static int
issue_cmp(FunctionCallInfo fcinfo)
{
	NewsIssue  *a = PG_GETARG_NEWS_ISSUE_P(0);
	NewsIssue  *b = PG_GETARG_NEWS_ISSUE_P(1);
	size_t		la,
				lb;
	const char *ra = news_issue_raw(a, &la);
	const char *rb = news_issue_raw(b, &lb);
	int			c = memcmp(ra, rb, Min(la, lb));

	if (c == 0 && la != lb)
		c = la < lb ? -1 : 1;
	return c;
}

PG_FUNCTION_INFO_V1(news_issue_cmp);
Datum
news_issue_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(issue_cmp(fcinfo));
}

PG_FUNCTION_INFO_V1(news_issue_eq);
Datum
news_issue_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(issue_cmp(fcinfo) == 0);
}

PG_FUNCTION_INFO_V1(news_issue_ne);
Datum
news_issue_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(issue_cmp(fcinfo) != 0);
}

PG_FUNCTION_INFO_V1(news_issue_lt);
Datum
news_issue_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(issue_cmp(fcinfo) < 0);
}

PG_FUNCTION_INFO_V1(news_issue_le);
Datum
news_issue_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(issue_cmp(fcinfo) <= 0);
}

PG_FUNCTION_INFO_V1(news_issue_gt);
Datum
news_issue_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(issue_cmp(fcinfo) > 0);
}

PG_FUNCTION_INFO_V1(news_issue_ge);
Datum
news_issue_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(issue_cmp(fcinfo) >= 0);
}

PG_FUNCTION_INFO_V1(news_issue_hash_int4);
Datum
news_issue_hash_int4(PG_FUNCTION_ARGS)
{
	NewsIssue  *ni = PG_GETARG_NEWS_ISSUE_P(0);
	size_t		len;
	const char *raw = news_issue_raw(ni, &len);

	return hash_any((const unsigned char *) raw, (int) len);
}

PG_FUNCTION_INFO_V1(news_issue_hash_int8);
Datum
news_issue_hash_int8(PG_FUNCTION_ARGS)
{
	NewsIssue  *ni = PG_GETARG_NEWS_ISSUE_P(0);
	size_t		len;
	const char *raw = news_issue_raw(ni, &len);

	return hash_any_extended((const unsigned char *) raw, (int) len,
							 PG_GETARG_INT64(1));
}

/* SHA-256 of the raw text, for de-duplication */
PG_FUNCTION_INFO_V1(news_issue_sha256);
Datum
news_issue_sha256(PG_FUNCTION_ARGS)
{
	NewsIssue  *ni = PG_GETARG_NEWS_ISSUE_P(0);
	size_t		len;
	const char *raw = news_issue_raw(ni, &len);
	bytea	   *result = (bytea *) palloc(VARHDRSZ + PG_SHA256_DIGEST_LENGTH);

#if PG_VERSION_NUM >= 140000
	pg_cryptohash_ctx *ctx = pg_cryptohash_create(PG_SHA256);

	if (pg_cryptohash_init(ctx) < 0 ||
		pg_cryptohash_update(ctx, (const uint8 *) raw, len) < 0 ||
#if PG_VERSION_NUM >= 150000
		pg_cryptohash_final(ctx, (uint8 *) VARDATA(result), PG_SHA256_DIGEST_LENGTH) < 0)
#else
		pg_cryptohash_final(ctx, (uint8 *) VARDATA(result)) < 0)
#endif
		elog(ERROR, "could not compute SHA-256 of a news_issue");
	pg_cryptohash_free(ctx);
#else
	pg_sha256_ctx ctx;

	pg_sha256_init(&ctx);
	pg_sha256_update(&ctx, (const uint8 *) raw, len);
	pg_sha256_final(&ctx, (uint8 *) VARDATA(result));
#endif
	SET_VARSIZE(result, VARHDRSZ + PG_SHA256_DIGEST_LENGTH);
	PG_RETURN_BYTEA_P(result);
}

/*
 * Fetch only the header and strings of a value: with an out-of-line TOASTed
 * issue this reads a few kilobytes instead of the whole text.
 */
static NewsIssue *
fetch_meta(Datum d)
{
	NewsIssue  *ni = (NewsIssue *) PG_DETOAST_DATUM_SLICE(d, 0, META_SLICE_GUESS);
	Size		need;

	if (VARSIZE(ni) < NEWS_ISSUE_HDRSZ(0))
		return DatumGetNewsIssueP(d);
	need = NEWS_ISSUE_HDRSZ(NEWS_ISSUE_NLIST(ni)) + ni->hdr.meta_len;
	if (need > VARSIZE(ni))
		ni = (NewsIssue *) PG_DETOAST_DATUM_SLICE(d, 0, need - VARHDRSZ);
	return ni;
}

static Datum
text_or_null(const char *s, bool *isnull)
{
	*isnull = (s == NULL);
	return s ? CStringGetTextDatum(s) : (Datum) 0;
}

static Datum
text_array(char **items, int n)
{
	Datum	   *elems = palloc(sizeof(Datum) * Max(n, 1));
	int			i;

	for (i = 0; i < n; i++)
		elems[i] = CStringGetTextDatum(items[i]);
	return PointerGetDatum(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}

/* a calendar date, or NULL for absent or impossible ones */
Datum
news_archive_date_or_null(int y, int m, int d, bool *isnull)
{
	*isnull = true;
	if (y <= 0 || m < 1 || m > 12 || d < 1 || d > day_tab[isleap(y)][m - 1])
		return (Datum) 0;
	*isnull = false;
	return DateADTGetDatum(date2j(y, m, d) - POSTGRES_EPOCH_JDATE);
}

enum
{
	INFO_MASTHEAD, INFO_DATE, INFO_WEEKDAY, INFO_LUNAR, INFO_ISSUE_NO,
	INFO_PAGES, INFO_SPONSOR, INFO_PUBLISHER, INFO_SITE, INFO_SECTION,
	INFO_SOURCE, INFO_TAGS, INFO_EDITOR, INFO_CHARSET, INFO_REPLACED,
	INFO_DATE_SOURCE, INFO_DATE_PRECISION, INFO_DATE_CONFIDENCE, INFO_NATTS
};

PG_FUNCTION_INFO_V1(news_issue_info);
Datum
news_issue_info(PG_FUNCTION_ARGS)
{
	NewsIssue  *ni = fetch_meta(PG_GETARG_DATUM(0));
	NaIssueInfo info;
	TupleDesc	tupdesc;
	Datum		values[INFO_NATTS];
	bool		nulls[INFO_NATTS];

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "news_issue_info must return a composite type");
	/* the 0.2 type (no date_* columns) until ALTER EXTENSION UPDATE has run */
	if (tupdesc->natts != INFO_NATTS && tupdesc->natts != INFO_DATE_SOURCE)
		elog(ERROR, "news_issue_info: result type has %d columns, expected %d",
			 tupdesc->natts, INFO_NATTS);
	tupdesc = BlessTupleDesc(tupdesc);

	news_issue_frontmatter(ni, &info);
	memset(nulls, 0, sizeof(nulls));
	values[INFO_MASTHEAD] = text_or_null(info.masthead, &nulls[INFO_MASTHEAD]);
	values[INFO_DATE] = news_archive_date_or_null(info.year, info.month, info.day, &nulls[INFO_DATE]);
	values[INFO_WEEKDAY] = text_or_null(info.weekday, &nulls[INFO_WEEKDAY]);
	values[INFO_LUNAR] = text_or_null(info.lunar_date, &nulls[INFO_LUNAR]);
	values[INFO_ISSUE_NO] = Int32GetDatum(info.issue_no);
	nulls[INFO_ISSUE_NO] = info.issue_no < 0;
	values[INFO_PAGES] = Int32GetDatum(info.pages);
	nulls[INFO_PAGES] = info.pages < 0;
	values[INFO_SPONSOR] = text_or_null(info.sponsor, &nulls[INFO_SPONSOR]);
	values[INFO_PUBLISHER] = text_or_null(info.publisher, &nulls[INFO_PUBLISHER]);
	values[INFO_SITE] = text_or_null(info.site, &nulls[INFO_SITE]);
	values[INFO_SECTION] = text_array(info.section_path, info.n_section);
	nulls[INFO_SECTION] = info.n_section == 0;
	values[INFO_SOURCE] = text_or_null(info.source, &nulls[INFO_SOURCE]);
	values[INFO_TAGS] = text_array(info.tags, info.n_tags);
	nulls[INFO_TAGS] = info.n_tags == 0;
	values[INFO_EDITOR] = text_or_null(info.editor, &nulls[INFO_EDITOR]);
	{
		uint32		replaced;
		const char *cs = news_issue_charset(ni, &replaced);

		values[INFO_CHARSET] = text_or_null(cs, &nulls[INFO_CHARSET]);
		values[INFO_REPLACED] = Int32GetDatum((int32) replaced);
		nulls[INFO_REPLACED] = cs == NULL;
	}

	if (nulls[INFO_DATE])
	{
		nulls[INFO_DATE_SOURCE] = nulls[INFO_DATE_PRECISION] = nulls[INFO_DATE_CONFIDENCE] = true;
		values[INFO_DATE_SOURCE] = values[INFO_DATE_PRECISION] = values[INFO_DATE_CONFIDENCE] = (Datum) 0;
	}
	else
	{
		values[INFO_DATE_SOURCE] = text_or_null(na_date_source_name(info.date_source),
												&nulls[INFO_DATE_SOURCE]);
		values[INFO_DATE_PRECISION] = text_or_null(na_date_prec_name(info.date_prec),
												   &nulls[INFO_DATE_PRECISION]);
		values[INFO_DATE_CONFIDENCE] = CStringGetTextDatum(info.date_low_confidence ? "low" : "high");
		nulls[INFO_DATE_CONFIDENCE] = false;
	}

	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}

/*
 * news_issue_from_bytes(bytea): a page in any charset (declared, detected,
 * checked against the bytes), kept as UTF-8 with the charset and the count
 * of invalid bytes replaced by U+FFFD recorded.
 */
PG_FUNCTION_INFO_V1(news_issue_from_bytes);
Datum
news_issue_from_bytes(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	NaDecoded	d;
	char		err[256];
	char		label[2 * NA_CHARSET_NAME + 16];
	NewsIssue  *ni;

	news_archive_check_encoding();
	if (!na_charset_decode(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b), &d, err, sizeof(err)))
		ereport(ERROR,
				(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
				 errmsg("cannot read the bytes as text in any charset"),
				 errdetail("%s", err)));
	check_not_blank(d.utf8, d.len);
	if (d.declared[0] && d.how == NA_CHARSET_VERIFIED)
		snprintf(label, sizeof(label), "%s (declared %s)", d.charset, d.declared);
	else
		snprintf(label, sizeof(label), "%s", d.charset);
	ni = news_issue_from_text_ex(d.utf8, d.len, label, (uint32) d.n_replaced);
	pfree(d.utf8);
	PG_RETURN_POINTER(ni);
}
