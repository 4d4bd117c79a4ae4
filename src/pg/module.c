/*
 * module.c
 *	  Module magic and checks shared by the whole PostgreSQL layer.
 */
#include "postgres.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"

#include "news_issue.h"
#include "pg_zh_text_cache.h"
#include "zh_tsearch.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/*
 * Loaded through shared_preload_libraries, the postmaster maps the
 * segmenter's dictionary once and every backend inherits the mapping, so a
 * new connection pays nothing for it.  Loaded on first use, each backend
 * maps it itself (a fraction of a millisecond: the file is used in place and
 * its pages come from the shared page cache).
 */
void
_PG_init(void)
{
	/*
	 * No MarkGUCPrefixReserved("news_archive"): news_archive.archive is a
	 * placeholder the archive functions read with current_setting().
	 */
	zh_text_cache_define_guc();
	if (process_shared_preload_libraries_in_progress)
		(void) zh_segment_dict();
}

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
