/*
 * fuzz_frontmatter.c
 *	  libFuzzer harness: the front matter parser on arbitrary bytes.
 *	  Checks that the offsets it reports stay inside the input.
 */
#include "na_frontmatter.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	NaIssueInfo info;
	/* an exact-size copy so ASan sees any read past the end */
	char	   *buf = malloc(size ? size : 1);

	memcpy(buf, data, size);
	na_frontmatter_parse(buf, size, &info);
	if (info.head_end > size || info.tail_start > size ||
		info.n_section > NA_MAX_LIST || info.n_tags > NA_MAX_LIST)
		abort();
	na_frontmatter_free(&info);
	free(buf);
	return 0;
}
