/*
 * test_levels.c
 *	  Frequency levels (zh_substr_levels.c): a text lacking a term's level-l
 *	  key has the term fewer than 2^l times, and zh_rank_bound() at a row's
 *	  level is never below zh_substr_rank() of that row, on random texts and
 *	  queries (AND, OR, negated terms, 1 to 8 characters, titles).
 */
#include <stdlib.h>

#include "na_test.h"
#include "na_utf8.h"
#include "zh_substr.h"

/* few characters, so that terms repeat: Han, a traditional/simplified pair,
 * full-width and ASCII Latin, spaces, a supplementary character */
static const uint32_t alphabet[] = {
	0x4E2D, 0x56FD, 0x570B, 0x4EBA, 0x6C11, 0x7ECF, 0x6D4E, 'a', 0xFF41, ' ',
	0x3000, 0x20000,
};
#define NALPHA (sizeof(alphabet) / sizeof(alphabet[0]))

static size_t
random_text(char *buf, size_t nchars)
{
	size_t		n = 0,
				i;

	for (i = 0; i < nchars; i++)
		n += na_utf8_encode(alphabet[rand() % (i % 7 == 0 ? NALPHA : 7)], buf + n);
	buf[n] = '\0';
	return n;
}

static bool
has_key(const int32_t *keys, size_t n, int32_t key)
{
	size_t		i;

	for (i = 0; i < n; i++)
		if (keys[i] == key)
			return true;
	return false;
}

/* the row's level for q: the highest l at which some positive term has
 * all its level keys (what the index answers), 0 when none */
static int
row_level(const ZhSubQuery *q, const int32_t *keys, size_t nk)
{
	int			l,
				best = 0;
	uint32_t	i;
	int32_t		tk[64];

	for (l = 1; l <= ZH_RANK_LEVELS; l++)
		for (i = 0; i < q->nterms; i++)
		{
			size_t		n,
						k;
			bool		all = true;

			if (q->terms[i].negated || q->terms[i].ncp > 64)
				continue;
			n = zh_rank_term_keys(&q->terms[i], l, tk);
			for (k = 0; k < n && all; k++)
				all = has_key(keys, nk, tk[k]);
			if (all)
				best = l;
		}
	return best;
}

static void
test_bound(void)
{
	char		doc[4 * 3000 + 1],
				title[4 * 40 + 1],
				qs[200];
	int			r,
				over_bound = 0,
				over_level = 0,
				tight = 0,
				high = 0;

	for (r = 0; r < 4000; r++)
	{
		size_t		dlen = random_text(doc, 1 + (size_t) rand() % 3000),
					tlen = random_text(title, (size_t) rand() % 40),
					qn = 0,
					nk;
		int			nt = 1 + rand() % 3,
					t,
					level;
		int32_t    *keys;
		ZhSubQuery *q;
		double		score,
					bound;
		uint32_t	i;

		for (t = 0; t < nt; t++)
		{
			if (t > 0)
				qn += (size_t) sprintf(qs + qn, rand() % 3 == 0 ? " OR " : " ");
			if (t > 0 && rand() % 5 == 0)
				qs[qn++] = '-';
			qs[qn++] = '"';
			qn += random_text(qs + qn, 1 + (size_t) rand() % (rand() % 4 == 0 ? 8 : 3));
			qs[qn++] = '"';
		}
		q = zh_subquery_parse(qs, qn);
		nk = zh_rank_keys(doc, dlen, &keys);
		level = row_level(q, keys, nk);
		for (i = 0; i < q->nterms; i++)
			if (!q->terms[i].negated && level < ZH_RANK_LEVELS &&
				zh_subterm_count(&q->terms[i], doc, dlen) >= (2u << level))
				over_level++;
		score = zh_substr_rank(q, title, tlen, doc, dlen, 3, 20, 1500);
		bound = zh_rank_bound(q, title, tlen, dlen, level, 3, 20, 1500);
		if (score > bound)
			over_bound++;
		if (score > 0 && bound < 1.5 * score)
			tight++;
		if (level >= 3)
			high++;
		free(keys);
		zh_subquery_free(q);
	}
	NA_CHECK_INT(over_level, 0);
	NA_CHECK_INT(over_bound, 0);
	/* the bound is of use (not always the saturated maximum) */
	NA_CHECK(tight > 400);
	NA_CHECK(high > 400);
}

/* level keys of a known text: 中 three times has levels 1 (2+) only */
static void
test_known_levels(void)
{
	const char *doc = "中国中国中";
	int32_t    *keys;
	size_t		n = zh_rank_keys(doc, strlen(doc), &keys);

	NA_CHECK(has_key(keys, n, zh_rank_level_key(zh_substr_key_char(0x4E2D), 1)));
	NA_CHECK(!has_key(keys, n, zh_rank_level_key(zh_substr_key_char(0x4E2D), 2)));
	NA_CHECK(has_key(keys, n, zh_rank_level_key(zh_substr_key_bigram(0x4E2D, 0x56FD), 1)));
	NA_CHECK(has_key(keys, n, zh_rank_level_key(zh_substr_key_bigram(0x56FD, 0x4E2D), 1)));
	NA_CHECK(!has_key(keys, n, zh_rank_level_key(zh_substr_key_char(0x56FD), 2)));
	/* 中 x3, 国 x2, 中国 x2, 国中 x2: four level-1 keys */
	NA_CHECK_INT(n, 4);
	free(keys);
}

int
main(void)
{
	srand(12);
	test_known_levels();
	test_bound();
	NA_TEST_DONE();
}
