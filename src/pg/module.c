/*
 * module.c
 *	  Module magic and checks shared by the whole PostgreSQL layer.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"

#include "news_issue.h"

PG_MODULE_MAGIC;

/*
 * Every core reads and writes UTF-8; in any other database encoding the
 * results would be garbled, so refuse to work at all.
 */
void
news_archive_check_encoding(void)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("news_archive requires a UTF8 database"),
				 errdetail("The database encoding is %s.",
						   GetDatabaseEncodingName()),
				 errhint("Create the database with ENCODING 'UTF8'.")));
}
