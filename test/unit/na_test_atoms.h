/*
 * na_test_atoms.h
 *	  The line-role model's atoms of one line, read from the features text
 *	  na_split_features() writes ("LINE\tID ID ..." a line), for the unit
 *	  tests of split_features.c.  Include after split_internal.h.
 */
#ifndef NA_TEST_ATOMS_H
#define NA_TEST_ATOMS_H

#include <stdlib.h>
#include <string.h>

/* the atoms of raw line `line` in the features text, as a bitmap */
static void
atoms_of(const NaBuf *feat, int line, bool *has)
{
	const char *s = feat->data,
			   *end = feat->data + feat->len;

	memset(has, 0, sizeof(bool) * SP_N_ATOMS);
	while (s < end)
	{
		const char *nl = memchr(s, '\n', (size_t) (end - s));
		char	   *p;

		if (nl == NULL)
			nl = end;
		if (strtol(s, &p, 10) == line)
		{
			while (p < nl)
			{
				long		id = strtol(p, &p, 10);

				if (id >= 0 && id < SP_N_ATOMS)
					has[id] = true;
				while (p < nl && (*p == ' ' || *p == '\t'))
					p++;
			}
			return;
		}
		s = nl + 1;
	}
}

#endif							/* NA_TEST_ATOMS_H */
