/*
 * na_date.h
 *	  Calendar dates as Chinese papers print them: 2020年5月4日, 2020-05-04,
 *	  二〇二〇年五月四日, 民國十九年四月三日, 中華民國貳拾捌年, 公元一九三〇年,
 *	  full-width digits, 號 for 日; year-only and year-month dates with their
 *	  precision; month-day dates of datelines resolved against an issue date;
 *	  dates in file paths (20200504, 2020-05-04, 2020/05/04, 2020/0504/).
 *	  Plain C; see src/core/date_parse.c and src/core/date_path.c.
 */
#ifndef NA_DATE_H
#define NA_DATE_H

#include "na_port.h"

/* how much of the date is known; a coarser date is stored as its first day */
typedef enum NaDatePrec
{
	NA_DATE_NONE = 0,
	NA_DATE_DAY,
	NA_DATE_MONTH,
	NA_DATE_YEAR
} NaDatePrec;

/* years outside [NA_DATE_PLAUSIBLE_MIN, max_year] are low confidence */
#define NA_DATE_PLAUSIBLE_MIN 1840
/* years the parser accepts at all (a Gregorian year of 3 digits is no date) */
#define NA_DATE_YEAR_MIN 1000
#define NA_DATE_YEAR_MAX 2999

typedef struct NaDate
{
	int			year,
				month,			/* 1 when precision is NA_DATE_YEAR */
				day;			/* 1 when precision is coarser than a day */
	NaDatePrec	prec;
	bool		era;			/* given in the Republic's era (民國 N = 1911 + N) */
	bool		low_confidence; /* year far outside the plausible range */
	size_t		start,			/* bytes [start, end) of the text that said it */
				end;
} NaDate;

/* what na_date_parse_at accepts */
#define NA_DATE_ACCEPT_COARSE 0x01	/* year-only and year-month dates */

extern int	na_days_in_month(int y, int m);
extern bool na_date_valid(int y, int m, int d);

/*
 * A date starting exactly at s (after an optional 公元/西元/西曆 or era
 * prefix).  Returns the bytes it spans (0 when there is none); impossible
 * dates (2月30日) are never returned.  max_year: the last plausible year
 * (e.g. next year), for low_confidence.
 */
extern size_t na_date_parse_at(const char *s, size_t len, int flags, int max_year,
							   NaDate *out);

/* the first date starting within the first max_chars code points of s */
extern bool na_date_find(const char *s, size_t len, size_t max_chars, int flags,
						 int max_year, NaDate *out);

/*
 * The day a dateline or lead names: a full date, or a month-day (5月3日,
 * 五月三日, 四月三號) or day (十五日) resolved against the issue date
 * (iy/im/id, iy = 0 when unknown: then only full dates count).  A month-day
 * more than 60 days after the issue is last year's; a day after the issue's
 * day is last month's.  The date must start within the first max_chars code
 * points.
 */
extern bool na_date_find_reported(const char *s, size_t len, size_t max_chars,
								  int iy, int im, int id, NaDate *out);

/*
 * A date in a file path: 20200504, 2020-05-04, 2020_05_04, 2020.05.04,
 * 2020/05/04, and directories 2020/05/04/page1.txt, 2020/0504/..., the last
 * such date in the path (the file's own name before its directories).  The
 * digits must not run on into other digits.  Day precision only.
 */
extern bool na_date_from_path(const char *path, size_t len, NaDate *out);

extern const char *na_date_prec_name(NaDatePrec p);

/* the last plausible year of an issue date: next year (UTC) */
extern int	na_date_max_plausible_year(void);

#endif							/* NA_DATE_H */
