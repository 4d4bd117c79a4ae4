/*
 * test_levels.c
 *	  Frequency levels (zh_substr_levels.c): a text lacking a term's level-l
 *	  key has the term fewer than 2^l times, and zh_rank_bound() at a row's
 *	  levels (one per positive term) is never below zh_substr_rank() of that row, on random texts and
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

/* the row's levels for q, 4 bits per positive term: for each, the highest
 * l at which the term has all its level keys (what the index answers), 0
 * when none */
static uint64_t
row_levels(const ZhSubQuery *q, const int32_t *keys, size_t nk, int *top)
{
	int			l;
	uint32_t	i,
				pos = 0;
	int32_t		tk[64];
	uint64_t	packed = 0;

	*top = 0;
	for (i = 0; i < q->nterms; i++)
	{
		int			best = 0;

		if (q->terms[i].negated)
			continue;
		for (l = 1; l <= ZH_RANK_LEVELS && q->terms[i].ncp <= 64; l++)
		{
			size_t		n = zh_rank_term_keys(&q->terms[i], l, tk),
						k;
			bool		all = true;

			for (k = 0; k < n && all; k++)
				all = has_key(keys, nk, tk[k]);
			if (all)
				best = l;
		}
		if (q->terms[i].ncp > 64)
			best = ZH_RANK_LEVELS;
		packed |= (uint64_t) best << (4 * pos++);
		if (best > *top)
			*top = best;
	}
	return packed;
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
					top;
		uint64_t	levels;
		uint32_t	pos = 0;
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
		levels = row_levels(q, keys, nk, &top);
		for (i = 0; i < q->nterms; i++)
		{
			int			level;

			if (q->terms[i].negated)
				continue;
			level = (int) ((levels >> (4 * pos++)) & 0xF);
			if (level < ZH_RANK_LEVELS &&
				zh_subterm_count(&q->terms[i], doc, dlen) >= (2u << level))
				over_level++;
		}
		score = zh_substr_rank(q, title, tlen, doc, dlen, 3, 20, 1500);
		bound = zh_rank_bound(q, title, tlen, dlen, levels, 3, 20, 1500);
		if (score > bound)
			over_bound++;
		if (score > 0 && bound < 1.5 * score)
			tight++;
		if (top >= 3)
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
