/*
 * zh_query_syntax.h
 *	  The syntax of news_archive.zh_query(text) (plain C core, fuzzable
 *	  standalone): cuts the search text into terms.
 *
 *	  Terms are separated by white space; "quoted text" (ASCII, curly or
 *	  full-width quotes) is one term even with spaces inside; OR or | between
 *	  two terms marks the next term as an alternative of the previous one;
 *	  a leading - (or full-width －) negates a term.  What a term means
 *	  (lexemes, phrases) is decided by the caller (src/pg/zh_query.c).
 */
#ifndef ZH_QUERY_SYNTAX_H
#define ZH_QUERY_SYNTAX_H

#include "na_port.h"

typedef struct ZhQTerm
{
	uint32_t	start;			/* byte span of the term's text in the input */
	uint32_t	end;			/* (quotes and the leading - excluded) */
	bool		negated;		/* -term */
	bool		or_prev;		/* OR or | came between the previous term and
								 * this one */
} ZhQTerm;

/* longest search text accepted (bytes); callers refuse longer ones */
#define ZH_QUERY_MAX_BYTES	16384

/*
 * Cut len bytes of (possibly malformed) UTF-8 into terms.  Returns the
 * number of terms and sets *terms to an array allocated with na_alloc
 * (caller frees with na_free; NULL when there are none).  len must be at
 * most UINT32_MAX.  Spans are in order, within [0, len], start <= end.
 */
extern size_t zh_query_split(const char *s, size_t len, ZhQTerm **terms);

#endif							/* ZH_QUERY_SYNTAX_H */
