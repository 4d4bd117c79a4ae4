/*
 * test_lexsort.c
 *	  zh_lexsort() against a reference: qsort with the tsvector order
 *	  (lexeme bytes, the shorter first on a common prefix, then position).
 */
#include <stdlib.h>

#include "na_test.h"
#include "zh_lexsort.h"

static const char *ref_text;

/* PostgreSQL's order of lexemes (tsCompareString), then the position */
static int
ref_cmp(const void *pa, const void *pb)
{
	const ZhLexPair *a = pa,
			   *b = pb;
	size_t		m = a->len < b->len ? a->len : b->len;
	int			c = memcmp(ref_text + a->off, ref_text + b->off, m);

	if (c != 0)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* a text of pieces drawn from a small alphabet, so lexemes share prefixes */
static char *
make_text(size_t nbytes, unsigned *seed)
{
	static const char *alphabet[] = {
		"\xe4\xb8\x80", "\xe4\xb8\x81", "\xe4\xb9\x80", "\xe9\xbe\xa5",
		"\xe6\x9d\xad", "\xe5\xb7\x9e", "a", "b", "z", "5", "\xc3\xa9",
		"\xf0\xa0\x80\x80", "\xf0\xa0\x80\x81"
	};
	char	   *t = malloc(nbytes + 16);
	size_t		len = 0;

	while (len < nbytes)
	{
		const char *p = alphabet[rand_r(seed) % (sizeof(alphabet) / sizeof(alphabet[0]))];

		memcpy(t + len, p, strlen(p));
		len += strlen(p);
	}
	t[len] = '\0';
	return t;
}

static int
run_case(size_t n, unsigned seed)
{
	char	   *text = make_text(4 * n + 64, &seed);
	size_t		tlen = strlen(text);
	ZhLexPair  *a = malloc(sizeof(ZhLexPair) * (n + 1)),
			   *b = malloc(sizeof(ZhLexPair) * (n + 1)),
			   *tmp = malloc(sizeof(ZhLexPair) * (n + 1)),
			   *got;
	size_t		i;
	int			ok = 1;

	for (i = 0; i < n; i++)
	{
		/* start and end on character boundaries */
		uint32_t	off = rand_r(&seed) % (uint32_t) (tlen - 40);
		uint32_t	len = 1 + rand_r(&seed) % 14;

		while ((text[off] & 0xC0) == 0x80)
			off++;
		while (off + len < tlen && (text[off + len] & 0xC0) == 0x80)
			len++;
		a[i].off = off;
		a[i].len = (uint16_t) len;
		a[i].pos = (uint16_t) (i / 2 + 1);	/* ascending, two per position */
		a[i].key = zh_lex_key(text + off, len);
	}
	memcpy(b, a, sizeof(ZhLexPair) * n);
	ref_text = text;
	qsort(b, n, sizeof(ZhLexPair), ref_cmp);
	got = zh_lexsort(a, n, text, tmp);
	for (i = 0; i < n; i++)
		if (got[i].off != b[i].off && ref_cmp(&got[i], &b[i]) != 0)
			ok = 0;
		else if (got[i].pos != b[i].pos || got[i].len != b[i].len)
			ok = 0;
	free(text);
	free(a);
	free(b);
	free(tmp);
	return ok;
}

int
main(void)
{
	static const size_t sizes[] = {0, 1, 2, 3, 15, 16, 17, 100, 1000, 5000, 70000};
	size_t		s;
	unsigned	seed;

	/* the key is the first two code points; longer lexemes tie on it */
	NA_CHECK(zh_lex_key("ab", 2) < zh_lex_key("b", 1));
	NA_CHECK(zh_lex_key("a", 1) < zh_lex_key("ab", 2));
	NA_CHECK(zh_lex_key("ab", 2) == zh_lex_key("abc", 3));
	NA_CHECK(!zh_lex_key_partial(zh_lex_key("ab", 2), 2));
	NA_CHECK(zh_lex_key_partial(zh_lex_key("abc", 3), 3));
	NA_CHECK(!zh_lex_key_partial(zh_lex_key("\xe4\xb8\xad\xe5\x9b\xbd", 6), 6));
	NA_CHECK(zh_lex_key_partial(zh_lex_key("\xe4\xb8\xad\xe5\x9b\xbd\xe4\xba\xba", 9), 9));
	NA_CHECK(zh_lex_key("\xc3\xa9", 2) > zh_lex_key("z", 1));
	NA_CHECK(zh_lex_key("\xf0\xa0\x80\x80", 4) > zh_lex_key("\xef\xbf\xbd", 3));

	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++)
		for (seed = 1; seed <= 5; seed++)
		{
			if (sizes[s] == 0)
			{
				ZhLexPair	one;

				NA_CHECK(zh_lexsort(&one, 0, "", &one) == &one);
				continue;
			}
			NA_CHECK(run_case(sizes[s], seed * 7919u + (unsigned) sizes[s]));
		}
	NA_TEST_DONE();
}
