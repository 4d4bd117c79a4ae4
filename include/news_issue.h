/*
 * news_issue.h
 *	  The news_issue datum: one raw issue kept byte for byte, preceded by the
 *	  front matter parsed once on input.
 *
 * Layout (all integers little-endian host order, 4-byte aligned):
 *	  varlena header
 *	  NewsIssueHeader          version, sizes, numeric fields, offsets
 *	  string area              meta_len bytes: NUL-terminated strings
 *	  raw text                 raw_len bytes, not NUL-terminated
 *
 * The metadata sits first so that readers of the metadata can fetch just a
 * slice of a TOASTed value (PG_DETOAST_DATUM_SLICE) without the raw text.
 */
#ifndef NEWS_ISSUE_H
#define NEWS_ISSUE_H

#include "postgres.h"
#include "fmgr.h"
#include "na_frontmatter.h"

#define NEWS_ISSUE_VERSION 1

/* indexes of the string fields in the string area */
typedef enum NewsIssueStr
{
	NIS_MASTHEAD,
	NIS_WEEKDAY,
	NIS_LUNAR,
	NIS_SPONSOR,
	NIS_PUBLISHER,
	NIS_SITE,
	NIS_SOURCE,
	NIS_EDITOR,
	NIS__COUNT
} NewsIssueStr;

typedef struct NewsIssueHeader
{
	uint16		version;
	uint16		n_section;		/* section path entries */
	uint16		n_tags;
	uint16		flags;
	uint32		meta_len;		/* bytes of the string area */
	uint32		raw_len;		/* bytes of the raw text */
	int32		year,			/* issue date, 0 when absent */
				month,
				day;
	int32		issue_no;		/* -1 when absent */
	int32		pages;			/* -1 when absent */
	uint32		head_end;		/* byte offsets of the front matter */
	uint32		tail_start;
	/* offset of each string in the string area; UINT32_MAX when absent */
	uint32		str_off[NIS__COUNT];
	/* section path then tags: offsets into the string area */
	uint32		list_off[FLEXIBLE_ARRAY_MEMBER];
} NewsIssueHeader;

typedef struct NewsIssue
{
	int32		vl_len_;
	NewsIssueHeader hdr;
} NewsIssue;

#define NEWS_ISSUE_HDRSZ(nlist) \
	MAXALIGN(offsetof(NewsIssue, hdr) + offsetof(NewsIssueHeader, list_off) + \
			 sizeof(uint32) * (nlist))
/*
 * A value made from bytes (news_issue_from_bytes) records the charset it was
 * decoded from: flag DECODED, and two more list_off entries after the tags,
 * the charset's string offset and the count of bytes replaced by U+FFFD.
 */
#define NEWS_ISSUE_FLAG_DECODED 0x0001
/*
 * The date's source, precision and confidence sit in the flags (values made
 * since 0.3 set DATE_META; older values have a day-precision date from the
 * masthead or, for web pages, the text).
 */
#define NEWS_ISSUE_FLAG_DATE_META 0x0002
#define NEWS_ISSUE_DATE_SRC_SHIFT 2		/* 3 bits: NaDateSource */
#define NEWS_ISSUE_DATE_SRC_MASK 0x001C
#define NEWS_ISSUE_DATE_PREC_SHIFT 5	/* 2 bits: NaDatePrec */
#define NEWS_ISSUE_DATE_PREC_MASK 0x0060
#define NEWS_ISSUE_FLAG_DATE_LOW 0x0080	/* year far outside 1840..next year */
#define NEWS_ISSUE_NLIST(ni) \
	((ni)->hdr.n_section + (ni)->hdr.n_tags + \
	 (((ni)->hdr.flags & NEWS_ISSUE_FLAG_DECODED) ? 2 : 0))
#define NEWS_ISSUE_META_START(ni) \
	((char *) (ni) + NEWS_ISSUE_HDRSZ(NEWS_ISSUE_NLIST(ni)))
#define NEWS_ISSUE_RAW(ni) \
	(NEWS_ISSUE_META_START(ni) + (ni)->hdr.meta_len)

#define DatumGetNewsIssueP(d)		((NewsIssue *) PG_DETOAST_DATUM(d))
#define PG_GETARG_NEWS_ISSUE_P(n)	DatumGetNewsIssueP(PG_GETARG_DATUM(n))

/* build a value from raw text (parses the front matter) */
extern NewsIssue *news_issue_from_text(const char *raw, size_t len);

/* the same, recording the charset the text was decoded from (may be NULL) */
extern NewsIssue *news_issue_from_text_ex(const char *raw, size_t len,
										  const char *charset, uint32 replaced);

/* the recorded charset (NULL when the value was made from text) */
extern const char *news_issue_charset(const NewsIssue *ni, uint32 *replaced);

/* the raw text of a detoasted value */
static inline const char *
news_issue_raw(const NewsIssue *ni, size_t *len)
{
	*len = ni->hdr.raw_len;
	return NEWS_ISSUE_RAW(ni);
}

/* a stored string field, NULL when absent */
extern const char *news_issue_str(const NewsIssue *ni, NewsIssueStr f);

/* rebuild the parsed front matter (strings point into ni; do not free) */
extern void news_issue_frontmatter(const NewsIssue *ni, NaIssueInfo *info);

/* a calendar date as a date Datum; *isnull for absent (y <= 0) or impossible dates */
extern Datum news_archive_date_or_null(int y, int m, int d, bool *isnull);

/* error out unless the database encoding is UTF8 */
extern void news_archive_check_encoding(void);

#endif							/* NEWS_ISSUE_H */
