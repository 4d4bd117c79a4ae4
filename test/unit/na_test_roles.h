/*
 * na_test_roles.h
 *	  Invented lines joined into a text, for the unit tests of the passes
 *	  that read decoded roles (split_ends.c, split_numbers.c,
 *	  split_parallel.c): each line classified as the splitter classifies it,
 *	  the roles standing for the model's.  Include after na_test.h.
 */
#ifndef NA_TEST_ROLES_H
#define NA_TEST_ROLES_H

#include <stdio.h>
#include <string.h>

/* most lines a test gives a pass */
#define NA_TEST_ROLE_MAX	32

/*
 * lines[0..n-1] into text (cap bytes, one line each), seq[] their order;
 * the lines as sp_lines_build() reads them, classified (na_free them)
 */
static SpLine *
na_test_role_lines(const char *const *lines, int n, char *text, size_t cap, int *seq)
{
	SpLine	   *ls;
	size_t		pos = 0,
				nl,
				i;

	for (i = 0; i < (size_t) n; i++)
	{
		size_t		len = strlen(lines[i]);

		if (pos + len + 2 > cap)
			break;
		memcpy(text + pos, lines[i], len);
		pos += len;
		text[pos++] = '\n';
		seq[i] = (int) i;
	}
	text[pos] = '\0';
	ls = sp_lines_build(text, pos, &nl);
	for (i = 0; i < nl; i++)
		sp_classify(text, &ls[i]);
	return ls;
}

/* a pass over decoded roles: sp_end_cues, sp_numbered_parts, sp_parallel_parts */
typedef void (*NaRolePass) (const char *text, const SpLine *lines, const int *seq, int n,
							SpRole *roles);

/*
 * Label lines[0..n-1] with roles in[], run pass over them and check that
 * the roles are then want[]; a difference is printed under name and what.
 */
static void
na_test_role_pass(NaRolePass pass, const char *name, const char *what,
				  const char *const *lines, const SpRole *in, const SpRole *want, int n)
{
	char		text[4096];
	SpLine	   *ls;
	int			seq[NA_TEST_ROLE_MAX];
	SpRole		roles[NA_TEST_ROLE_MAX];
	int			i,
				bad = 0;

	NA_CHECK(n <= NA_TEST_ROLE_MAX);
	if (n > NA_TEST_ROLE_MAX)
		return;
	ls = na_test_role_lines(lines, n, text, sizeof(text), seq);
	for (i = 0; i < n; i++)
		roles[i] = in[i];
	pass(text, ls, seq, n, roles);
	for (i = 0; i < n; i++)
		bad += roles[i] != want[i];
	if (bad)
		fprintf(stderr, "%s, %s: %d lines wrong\n", name, what, bad);
	NA_CHECK_INT(bad, 0);
	na_free(ls);
}

#endif							/* NA_TEST_ROLES_H */
