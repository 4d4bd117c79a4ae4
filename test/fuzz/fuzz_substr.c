/*
 * fuzz_substr.c
 *	  libFuzzer harness: the exact search core (src/core/zh_substr*.c) on
 *	  arbitrary bytes.  The input is "query NUL document" (no NUL: the
 *	  first 16 bytes are the query).  Checks each term against strstr() on
 *	  the normalised document, that the document's keys hold every key of a
 *	  term it contains (characters and bigrams), that counting agrees with
 *	  the span scan, and that ranking and highlighting run within bounds.
 */
#include "zh_normalize.h"
#include "zh_substr.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
has_key(const int32_t *keys, size_t n, const ZhSubQuery *sq, uint32_t k)
{
	size_t		i;

	for (i = 0; i < n; i++)
		if (sq->partial[k] ? zh_substr_key_in_prefix(sq->keys[k], keys[i])
			: keys[i] == sq->keys[k])
			return true;
	return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t		qlen = nul ? (size_t) (nul - data) : (size < 16 ? size : 16),
				dlen = size - qlen - (nul ? 1 : 0),
				nk,
				hl_len,
				i;
	char	   *q,
			   *d,
			   *hl;
	ZhSubQuery *sq;
	ZhNorm		nd;
	int32_t    *keys;
	ZhHeadlineOpts o;

	/* PostgreSQL text holds no NUL */
	if (qlen > 4096 || memchr(data + size - dlen, 0, dlen) != NULL)
		return 0;
	/* exact sizes: ASan sees overreads */
	q = malloc(qlen ? qlen : 1);
	memcpy(q, data, qlen);
	d = malloc(dlen ? dlen : 1);
	memcpy(d, data + qlen + (nul ? 1 : 0), dlen);
	sq = zh_subquery_parse(q, qlen);
	zh_normalize(d, dlen, false, &nd);
	nk = zh_substr_keys(d, dlen, false, &keys);
	/* sorted, and no own key of a non-common BMP character (end keys) */
	for (i = 0; i < nk; i++)
		if ((i > 0 && keys[i - 1] >= keys[i]) ||
			(keys[i] > 0 && keys[i] < 0x10000 &&
			 !zh_substr_char_common((uint32_t) keys[i])))
			abort();
	for (i = 0; i < sq->nterms; i++)
	{
		const ZhSubTerm *t = &sq->terms[i];
		bool		truth = strstr(nd.text, t->bytes) != NULL;
		uint32_t	k;

		if (zh_subterm_in(t, d, dlen) != truth)
			abort();
		/* all of its keys, or (one character) any of them */
		if (truth)
		{
			uint32_t	nhave = 0;

			for (k = 0; k < t->nkeys; k++)
				nhave += has_key(keys, nk, sq, t->key_first + k);
			if (nhave < (t->any_key ? 1 : t->nkeys))
				abort();
		}
		if (zh_subterm_count(t, d, dlen) != zh_subterm_spans(t, d, dlen, NULL, NULL, NULL))
			abort();
	}
	(void) zh_subquery_match(sq, d, dlen);
	(void) zh_substr_rank(sq, q, qlen, d, dlen, 3, 20, 1500);
	zh_headline_opts_default(&o);
	o.max_chars = 1 + (int) (size % 50);
	o.max_fragments = (int) (size % 3);
	hl = zh_substr_headline(sq, d, dlen, &o, &hl_len);
	if (strlen(hl) != hl_len)
		abort();
	free(hl);
	free(keys);
	zh_norm_free(&nd);
	zh_subquery_free(sq);
	free(q);
	free(d);
	return 0;
}
