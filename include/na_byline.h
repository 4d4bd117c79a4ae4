/*
 * na_byline.h
 *	  Parse a printed byline into persons: name, role and organization.
 *
 * Handles role-led runs (记者 王妍 实习生 张华颖 通讯员 叶佳锋), organization
 * prefixes glued to the role (杭州日报首席记者 齐航, 本报记者 X), glued
 * role and name (（记者杜海涛）), slash credits (文/X 图/Y) and trailing
 * credits that apply backwards (记者 X 摄, X 供图).  Plain C; never fails.
 */
#ifndef NA_BYLINE_H
#define NA_BYLINE_H

#include "na_port.h"

#define NA_BYLINE_MAX 32		/* persons kept per byline */

typedef struct NaPerson
{
	char	   *name;
	char	   *role;			/* NULL when none printed */
	char	   *organization;	/* NULL when none printed */
} NaPerson;

typedef struct NaByline
{
	int			n;
	NaPerson	persons[NA_BYLINE_MAX];
} NaByline;

/*
 * Parse len bytes of UTF-8 at s, appending persons to *out (which the caller
 * zeroes first).  Returns the number of persons added.
 */
extern int	na_byline_parse(const char *s, size_t len, NaByline *out);

/*
 * How much of s looks like a byline: true when every token is a role, an
 * organization-plus-role, a name or a credit word, and at least one role
 * word is present.  Used to recognise byline lines without a ■ mark.
 */
extern bool na_byline_looks_like(const char *s, size_t len);

/* true when the role names a photo credit (摄, 摄影, 供图, 图) */
extern bool na_byline_is_photo_role(const char *role);

extern void na_byline_free(NaByline *b);

#endif							/* NA_BYLINE_H */
