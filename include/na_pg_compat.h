/*
 * na_pg_compat.h
 *	  What differs between the PostgreSQL versions news_archive builds for
 *	  (15 to 18) and is needed by more than one file.  Include it right after
 *	  postgres.h.  An API difference used in one place only is handled there,
 *	  with its own #if PG_VERSION_NUM.
 */
#ifndef NA_PG_COMPAT_H
#define NA_PG_COMPAT_H

/*
 * The varlena macros (VARDATA, VARSIZE_ANY_EXHDR, SET_VARSIZE, ...) moved to
 * varatt.h in 16; postgres.h still included it in 16 and 17, no longer in 18.
 */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#endif							/* NA_PG_COMPAT_H */
