/*
 * na_test.h
 *	  A tiny assertion harness for the standalone unit tests.  Each test
 *	  binary ends with NA_TEST_DONE(), which prints "N passed, N failed" and
 *	  exits non-zero on any failure.
 */
#ifndef NA_TEST_H
#define NA_TEST_H

#include <stdio.h>
#include <string.h>

static int	na_test_passed = 0;
static int	na_test_failed = 0;

#define NA_CHECK(cond) \
	do { \
		if (cond) na_test_passed++; \
		else { na_test_failed++; \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); } \
	} while (0)

/* compare two C strings, NULL-safe */
#define NA_CHECK_STR(got, want) \
	do { \
		const char *g_ = (got), *w_ = (want); \
		if ((g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0)) na_test_passed++; \
		else { na_test_failed++; \
			fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
					g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } \
	} while (0)

#define NA_CHECK_INT(got, want) \
	do { \
		long g_ = (long) (got), w_ = (long) (want); \
		if (g_ == w_) na_test_passed++; \
		else { na_test_failed++; \
			fprintf(stderr, "%s:%d: got %ld, want %ld (%s)\n", __FILE__, __LINE__, g_, w_, #got); } \
	} while (0)

#define NA_TEST_DONE() \
	do { \
		printf("%d passed, %d failed\n", na_test_passed, na_test_failed); \
		return na_test_failed ? 1 : 0; \
	} while (0)

#endif
