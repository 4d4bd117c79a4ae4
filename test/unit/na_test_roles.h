/*
 * na_test_roles.h
 *	  Invented lines joined into a text, for the unit tests of the passes
 *	  that read decoded roles (split_ends.c, split_numbers.c): each line
 *	  classified as the splitter classifies it, the roles standing for the
 *	  model's.
 */
#ifndef NA_TEST_ROLES_H
#define NA_TEST_ROLES_H

#include <string.h>

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

#endif							/* NA_TEST_ROLES_H */
