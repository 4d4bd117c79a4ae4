/*
 * fuzz_html.c
 *	  libFuzzer harness: the HTML path of saved web pages on arbitrary bytes,
 *	  charset layer first (declaration, detection, converters), then the
 *	  libxml2 reader, the metadata, the article scorer and the segments.
 *	  Checks: a refused input says why; the decoded text is valid UTF-8;
 *	  segments tile the page without gaps or overlaps; every article field
 *	  is a NUL-terminated string.
 */
#include "na_charset.h"
#include "na_html.h"
#include "na_utf8.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_split(const NaSplit *sp, size_t len)
{
	size_t		i,
				at = 0;
	int			a;

	for (i = 0; i < sp->n_segments; i++)
	{
		if (sp->segments[i].start != at || sp->segments[i].end <= at ||
			sp->segments[i].end > len)
			abort();
		at = sp->segments[i].end;
	}
	if (at != len)
		abort();
	for (a = 0; a < sp->n_articles; a++)
	{
		const NaArticle *ar = &sp->articles[a];

		if (ar->title)
			(void) strlen(ar->title);
		if (ar->body)
			(void) strlen(ar->body);
		if (ar->caption)
			(void) strlen(ar->caption);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char head[] = "<html><head><meta charset=gbk></head><body>";
	char	   *buf = malloc(size ? size : 1);	/* exact size: ASan sees overreads */
	NaDecoded	d;
	NaSplit		sp;
	char		err[256];

	memcpy(buf, data, size);
	if (!na_charset_decode(buf, size, &d, err, sizeof(err)))
	{
		if (err[0] == '\0')
			abort();
		free(buf);
		return 0;
	}
	if (!na_utf8_valid(d.utf8, d.len) || strlen(d.utf8) > d.len)
		abort();
	/* the page as the server reads it: the splitter's HTML dispatch */
	na_html_split(d.utf8, d.len, &sp);
	check_split(&sp, d.len);
	na_split_free(&sp);
	na_free(d.utf8);

	/* the same bytes as the body of a page declaring GBK */
	{
		char	   *page = malloc(sizeof(head) - 1 + size);

		memcpy(page, head, sizeof(head) - 1);
		memcpy(page + sizeof(head) - 1, data, size);
		if (na_charset_decode(page, sizeof(head) - 1 + size, &d, err, sizeof(err)))
		{
			na_html_split(d.utf8, d.len, &sp);
			check_split(&sp, d.len);
			na_split_free(&sp);
			na_free(d.utf8);
		}
		free(page);
	}
	free(buf);
	return 0;
}
