/*
 * fuzz_tokenize.c
 *	  libFuzzer harness: the search normaliser, then the tokenizer and word
 *	  segmenter (with the compiled dictionary when it is found, and without),
 *	  on arbitrary bytes, plus the user-word dictionary.  Checks that
 *	  - the normalised text is NUL-terminated, its offset map is monotonic
 *	    and inside the original, orig[len] is the original's length;
 *	  - the tokens cover the normalised text exactly, in order, none empty,
 *	    each with a known type;
 *	  - every token maps back to an original span inside the input.
 *
 *	  The dictionary: $NA_ZH_DICT, else build/news_archive_zh.dict of the
 *	  source tree the harness was built from (NA_FUZZ_DICT).
 */
#include "na_utf8.h"
#include "zh_normalize.h"
#include "zh_segment.h"
#include "zh_userdict.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int			LLVMFuzzerInitialize(int *argc, char ***argv);

static ZhDict *dict;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *path = getenv("NA_ZH_DICT");
	const char *err = NULL;

#ifdef NA_FUZZ_DICT
	if (path == NULL)
		path = NA_FUZZ_DICT;
#endif
	if (path)
		dict = zh_dict_open(path, &err);
	fprintf(stderr, "fuzz_tokenize: dictionary %s: %s\n", path ? path : "(none)",
			dict ? "loaded" : (err ? err : "not found"));
	return 0;
}

static void
check_tokens(const ZhDict *d, const ZhNorm *norm, size_t srclen)
{
	ZhToken    *toks;
	size_t		n = zh_tokenize(d, norm->text, norm->len, &toks),
				i;
	uint32_t	pos = 0;

	for (i = 0; i < n; i++)
	{
		uint32_t	os,
					oe;

		if (toks[i].start != pos || toks[i].len == 0 ||
			toks[i].type < 1 || toks[i].type >= ZH_TOK__COUNT)
			abort();
		pos += toks[i].len;
		if (pos > norm->len)
			abort();
		(void) zh_token_type_name(toks[i].type);
		zh_norm_orig_span(norm, toks[i].start, pos, &os, &oe);
		if (os > oe || oe > srclen)
			abort();
	}
	if (pos != norm->len)
		abort();
	na_free(toks);
}

/* user words: the first line, cut at spaces; looked up all along the input */
static void
check_userdict(const char *buf, size_t size)
{
	ZhUserDict *ud = zh_userdict_create();
	size_t		i = 0,
				w = 0,
				eol = 0;
	size_t		lens[8];
	double		weights[8];

	while (eol < size && eol < 1024 && buf[eol] != '\n')
		eol++;
	for (i = 0; i <= eol; i++)
	{
		if (i == eol || buf[i] == ' ')
		{
			if (i > w)
				zh_userdict_add(ud, buf + w, i - w, (double) (i - w));
			w = i + 1;
		}
	}
	for (i = 0; i < size; i++)
	{
		int			k = zh_userdict_prefixes(ud, buf + i, size - i, lens, weights, 8),
					j;

		if (k < 0 || k > 8)
			abort();
		for (j = 0; j < k; j++)
		{
			double		wt;

			if (lens[j] == 0 || lens[j] > size - i ||
				(j > 0 && lens[j] > lens[j - 1]) ||
				!zh_userdict_lookup(ud, buf + i, lens[j], &wt))
				abort();
		}
	}
	zh_userdict_free(ud);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ZhNorm		norm;
	uint32_t	i;
	char	   *buf = malloc(size ? size : 1);	/* exact size: ASan sees overreads */

	memcpy(buf, data, size);
	zh_normalize(buf, size, true, &norm);
	if (norm.text[norm.len] != '\0' || norm.orig[norm.len] != size)
		abort();
	for (i = 0; i < norm.len; i++)
		if (norm.orig[i] > size || (i > 0 && norm.orig[i] < norm.orig[i - 1]))
			abort();
	check_tokens(dict, &norm, size);
	check_tokens(NULL, &norm, size);
	zh_norm_free(&norm);

	/* the tokenizer also copes with text that was not normalised */
	{
		ZhToken    *toks;
		size_t		n = zh_tokenize(dict, buf, size, &toks),
					pos = 0;

		for (i = 0; i < n; i++)
		{
			if (toks[i].start != pos || toks[i].len == 0)
				abort();
			pos += toks[i].len;
		}
		if (pos != size)
			abort();
		na_free(toks);
	}
	check_userdict(buf, size);
	free(buf);
	return 0;
}
