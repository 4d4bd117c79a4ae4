/*
 * na_port.h
 *	  What the text-processing cores need from their host: memory, interrupts,
 *	  errors.  The cores (src/core) are plain C.  Built inside the server they
 *	  use palloc and CHECK_FOR_INTERRUPTS; built with -DNA_STANDALONE (unit
 *	  tests, fuzzers, benchmarks) they use malloc and abort on exhaustion.
 */
#ifndef NA_PORT_H
#define NA_PORT_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* allocation sizes of zero become one byte, as malloc(0) may return NULL */
static inline size_t
na_nonzero(size_t sz)
{
	return sz ? sz : 1;
}

#ifdef NA_STANDALONE
#include <stdio.h>
#include <stdlib.h>

static inline void *
na_alloc_checked(void *p)
{
	if (p == NULL)
	{
		fprintf(stderr, "news_archive: out of memory\n");
		abort();
	}
	return p;
}
#define na_alloc(sz)		na_alloc_checked(malloc(na_nonzero(sz)))
#define na_alloc0(sz)		na_alloc_checked(calloc(1, na_nonzero(sz)))
#define na_realloc(p, sz)	na_alloc_checked(realloc((p), na_nonzero(sz)))
#define na_free(p)			free(p)
#define na_check_interrupts()	((void) 0)
#else
#include "postgres.h"
#include "miscadmin.h"
#define na_alloc(sz)		palloc(na_nonzero(sz))
#define na_alloc0(sz)		palloc0(na_nonzero(sz))
#define na_realloc(p, sz)	((p) ? repalloc((p), na_nonzero(sz)) : palloc(na_nonzero(sz)))
#define na_free(p)			pfree(p)
#define na_check_interrupts()	CHECK_FOR_INTERRUPTS()
#endif

/* duplicate len bytes as a NUL-terminated string */
static inline char *
na_strndup(const char *s, size_t len)
{
	char	   *r = (char *) na_alloc(len + 1);

	memcpy(r, s, len);
	r[len] = '\0';
	return r;
}

#endif							/* NA_PORT_H */
