/*
 * fuzz_split.c
 *	  libFuzzer harness: the article splitter and its JSON writer on
 *	  arbitrary bytes, as auto and as historical (column lines joined by
 *	  split_reflow.c, offsets mapped back).  Checks that the segments cover
 *	  the input exactly, in order, and that article spans stay inside it.
 */
#include "na_split.h"
#include "na_buf.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
split_check(const char *buf, size_t size, NaSplitLayout layout)
{
	NaSplit		sp;
	NaBuf		js;
	size_t		i,
				pos = 0;
	int			a;

	na_split_issue_layout(buf, size, layout, &sp);
	for (i = 0; i < sp.n_segments; i++)
	{
		if (sp.segments[i].start != pos || sp.segments[i].end <= pos ||
			sp.segments[i].ordinal < 0 || sp.segments[i].ordinal > sp.n_articles)
			abort();
		pos = sp.segments[i].end;
	}
	if (pos != size)
		abort();
	for (a = 0; a < sp.n_articles; a++)
		if (sp.articles[a].raw_end > size || sp.articles[a].raw_start > sp.articles[a].raw_end)
			abort();
	na_buf_init(&js, 1024);
	na_split_to_json(&sp, buf, size, &js, true);
	na_buf_free(&js);
	na_split_free(&sp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy so ASan sees any read past the end */
	char	   *buf = malloc(size ? size : 1);

	memcpy(buf, data, size);
	split_check(buf, size, NA_LAYOUT_AUTO);
	split_check(buf, size, NA_LAYOUT_HISTORICAL);
	free(buf);
	return 0;
}
