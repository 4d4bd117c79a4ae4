/*
 * ingest_memory.c
 *	  news_archive._ingest_memory(): a bulk-loading session keeps the memory
 *	  it frees for its next issue instead of handing it back to the kernel.
 *
 * Storing an issue allocates and frees a few large chunks (its text, its
 * split, the article rows with their bodies, the planner's copies of the
 * parameters: 0.2-1 MB each).  glibc's malloc gives such chunks back to the
 * kernel when they are freed (mmap'd ones above M_MMAP_THRESHOLD, the heap's
 * free top above M_TRIM_THRESHOLD), so the next issue gets fresh zeroed pages
 * again, a page fault every 4 kB: a fifth of the server's CPU in a load
 * without the search index (bench/ingest.md, "Freed memory kept").  With the
 * thresholds raised, chunks up to 4 MB come from the heap and up to 32 MB of
 * free heap stays with the process for reuse.
 *
 * The setting is the process's, for the rest of the session: the loader
 * (scripts/news-archive-load) calls this in its own short-lived batch
 * sessions only; a session that calls it keeps at most that much more memory
 * until it ends.  Elsewhere than glibc it does nothing and returns false.
 */
#include "postgres.h"

#include "fmgr.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#define INGEST_MMAP_THRESHOLD	(4 * 1024 * 1024)
#define INGEST_TRIM_THRESHOLD	(32 * 1024 * 1024)
#define INGEST_TOP_PAD			(4 * 1024 * 1024)

PG_FUNCTION_INFO_V1(news_archive_ingest_memory);
Datum
news_archive_ingest_memory(PG_FUNCTION_ARGS)
{
#ifdef __GLIBC__
	bool		ok;

	/* mallopt returns 1 on success; setting the thresholds fixes them */
	ok = mallopt(M_MMAP_THRESHOLD, INGEST_MMAP_THRESHOLD) == 1;
	ok = mallopt(M_TRIM_THRESHOLD, INGEST_TRIM_THRESHOLD) == 1 && ok;
	ok = mallopt(M_TOP_PAD, INGEST_TOP_PAD) == 1 && ok;
	PG_RETURN_BOOL(ok);
#else
	PG_RETURN_BOOL(false);
#endif
}
