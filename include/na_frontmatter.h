/*
 * na_frontmatter.h
 *	  Issue front matter: the masthead block of a printed issue (paper name,
 *	  date, weekday, lunar date, page count, issue number, sponsor, publisher)
 *	  or the header and footer of a saved web page (site, section path, date,
 *	  source, tags, editor).  Plain C; see src/core/frontmatter.c.
 */
#ifndef NA_FRONTMATTER_H
#define NA_FRONTMATTER_H

#include "na_port.h"
#include "na_date.h"

#define NA_MAX_LIST 32			/* section path / tag entries kept */

/* where an issue's date came from (news_issue_info's date_source) */
typedef enum NaDateSource
{
	NA_DSRC_NONE = 0,
	NA_DSRC_MASTHEAD,			/* a printed issue's masthead block */
	NA_DSRC_TEXT,				/* a date line in a web page's text */
	NA_DSRC_HTML_META,			/* a web page's metadata (meta tags, JSON-LD) */
	NA_DSRC_FILE_NAME,			/* the file's path (set outside the text) */
	NA_DSRC_GIVEN				/* given by the user (set outside the text) */
} NaDateSource;

extern const char *na_date_source_name(NaDateSource s);

typedef struct NaIssueInfo
{
	char	   *masthead;		/* NULL when absent */
	int			year,			/* issue date; 0 when absent */
				month,			/* 1 when only the year is known */
				day;			/* 1 when only the year or month is known */
	NaDatePrec	date_prec;		/* NA_DATE_NONE when absent */
	NaDateSource date_source;
	bool		date_low_confidence;	/* year far outside 1840..next year */
	char	   *weekday;		/* 星期五 */
	char	   *lunar_date;		/* 辛丑年九月十三 (without 农历) */
	int			issue_no;		/* 总第N期; -1 when absent */
	int			pages;			/* 今日N版; -1 when absent */
	char	   *sponsor;
	char	   *publisher;
	char	   *site;			/* web pages: 浙江在线 */
	int			n_section;
	char	   *section_path[NA_MAX_LIST];
	char	   *source;			/* web pages: 来源 */
	int			n_tags;
	char	   *tags[NA_MAX_LIST];
	char	   *editor;			/* 责任编辑 */

	/*
	 * Byte offsets of the front matter: [0, head_end) is the masthead block
	 * or page header; [tail_start, len) is a web page's footer (tags,
	 * editor, sharing and copyright lines).  Without them head_end = 0 and
	 * tail_start = len.
	 */
	size_t		head_end;
	size_t		tail_start;
} NaIssueInfo;

/* Parse text (UTF-8, len bytes, need not be NUL-terminated).  Never fails. */
extern void na_frontmatter_parse(const char *text, size_t len, NaIssueInfo *info);
extern void na_frontmatter_free(NaIssueInfo *info);

#endif							/* NA_FRONTMATTER_H */
