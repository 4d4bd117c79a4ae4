/*
 * fuzz_query.c
 *	  libFuzzer harness: the zh_query syntax (src/core/zh_query_syntax.c) on
 *	  arbitrary bytes up to twice the length the server accepts.  Checks the
 *	  term spans are inside the input, ordered and non-overlapping, that the
 *	  first term is never an OR alternative, and that each term's text
 *	  normalises and tokenizes as a document would.
 */
#include "zh_normalize.h"
#include "zh_query_syntax.h"
#include "zh_segment.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ZhQTerm    *terms;
	size_t		n,
				i;
	uint32_t	prev_end = 0;
	char	   *buf;

	if (size > 2 * ZH_QUERY_MAX_BYTES)
		return 0;
	buf = malloc(size ? size : 1);	/* exact size: ASan sees overreads */
	memcpy(buf, data, size);
	n = zh_query_split(buf, size, &terms);
	if (n > size)
		abort();
	for (i = 0; i < n; i++)
	{
		ZhNorm		norm;
		ZhToken    *toks;
		size_t		nt,
					k,
					pos = 0;

		if (terms[i].start > terms[i].end || terms[i].end > size ||
			terms[i].start < prev_end || (i == 0 && terms[i].or_prev))
			abort();
		prev_end = terms[i].end;
		zh_normalize(buf + terms[i].start, terms[i].end - terms[i].start, true, &norm);
		nt = zh_tokenize(NULL, norm.text, norm.len, &toks);
		for (k = 0; k < nt; k++)
		{
			if (toks[k].start != pos || toks[k].len == 0)
				abort();
			pos += toks[k].len;
		}
		if (pos != norm.len)
			abort();
		na_free(toks);
		zh_norm_free(&norm);
	}
	na_free(terms);
	free(buf);
	return 0;
}
