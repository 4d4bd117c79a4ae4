/*
 * pg_zh_text_cache.h
 *	  A backend's cache of the bytes of long texts stored out of line
 *	  (src/pg/zh_text_cache.c), for the recheck of "&@" (src/pg/zh_search.c).
 */
#ifndef PG_ZH_TEXT_CACHE_H
#define PG_ZH_TEXT_CACHE_H

#include "postgres.h"

/*
 * One cached text: data[0, have) are the first bytes of the text (no
 * header), len its length.  Valid until the next zh_text_cache_* call.
 */
typedef struct ZhTextCached
{
	const char *data;
	Size		have;
	Size		len;
} ZhTextCached;

/* the GUC news_archive.long_text_cache (kB); defined in _PG_init */
extern int	zh_text_cache_kb;
extern void zh_text_cache_define_guc(void);

/*
 * The cached prefix of d, a text stored out of line (TOAST) of at least
 * ZH_TEXT_CACHE_MIN bytes; false when the cache is off or d is not one
 * it keeps (then *c is untouched).  A text read for the first time has an
 * empty prefix (have 0).
 */
#define ZH_TEXT_CACHE_MIN	(128 * 1024)
extern bool zh_text_cache_lookup(Datum d, ZhTextCached *c);

/*
 * Read d's bytes [have, upto) from TOAST into its cache entry (upto is
 * clamped to the text's length) and refresh *c.  Only after a successful
 * lookup of the same d.
 */
extern void zh_text_cache_extend(Datum d, ZhTextCached *c, Size upto);

#endif							/* PG_ZH_TEXT_CACHE_H */
