/*
 * fuzz_byline.c
 *	  libFuzzer harness: the byline parser on arbitrary bytes.  Checks the
 *	  person count stays within NA_BYLINE_MAX, that every person has a
 *	  NUL-terminated name, and that the parser and the recogniser agree
 *	  with themselves when run twice (no hidden state).
 */
#include "na_byline.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	NaByline	b,
				b2;
	int			n,
				n2,
				i;
	bool		looks;
	char	   *buf = malloc(size ? size : 1);	/* exact size: ASan sees overreads */

	memcpy(buf, data, size);
	memset(&b, 0, sizeof(b));
	n = na_byline_parse(buf, size, &b);
	if (n < 0 || n > NA_BYLINE_MAX || b.n != n)
		abort();
	for (i = 0; i < b.n; i++)
	{
		if (b.persons[i].name == NULL)
			abort();
		(void) strlen(b.persons[i].name);
		if (b.persons[i].role)
			(void) na_byline_is_photo_role(b.persons[i].role);
		if (b.persons[i].organization)
			(void) strlen(b.persons[i].organization);
	}
	looks = na_byline_looks_like(buf, size);
	if (na_byline_looks_like(buf, size) != looks)
		abort();
	/* appending to a non-empty result keeps the limit */
	memset(&b2, 0, sizeof(b2));
	n2 = na_byline_parse(buf, size, &b2);
	if (n2 != n)
		abort();
	n2 = na_byline_parse(buf, size, &b2);
	if (b2.n > NA_BYLINE_MAX)
		abort();
	na_byline_free(&b2);
	na_byline_free(&b);
	free(buf);
	return 0;
}
