/*
 * issue_date.c
 *	  date_from_path(text): the issue date a file's path names (the loader's
 *	  default; see src/core/date_path.c).
 */
#include "postgres.h"
#include "na_pg_compat.h"

#include "utils/builtins.h"

#include "news_issue.h"
#include "na_date.h"

PG_FUNCTION_INFO_V1(news_archive_date_from_path);
Datum
news_archive_date_from_path(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	NaDate		d;
	bool		isnull;
	Datum		result;

	news_archive_check_encoding();
	if (!na_date_from_path(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &d))
		PG_RETURN_NULL();
	result = news_archive_date_or_null(d.year, d.month, d.day, &isnull);
	if (isnull)
		PG_RETURN_NULL();
	PG_RETURN_DATUM(result);
}
