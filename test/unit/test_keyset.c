/*
 * test_keyset.c
 *	  The key set (zh_keyset.c) and the index keys of a text
 *	  (zh_substr_keys) against a reference: every key emitted one by one,
 *	  sorted with qsort and made distinct.  The index's keys must not change
 *	  when the way they are collected does.
 */
#include <stdlib.h>

#include "na_test.h"
#include "na_utf8.h"
#include "zh_keyset.h"
#include "zh_substr.h"

static int
cmp_i32(const void *a, const void *b)
{
	int32_t		x = *(const int32_t *) a,
				y = *(const int32_t *) b;

	return (x > y) - (x < y);
}

static size_t
sort_unique(int32_t *k, size_t n)
{
	size_t		i,
				m = 0;

	if (n == 0)
		return 0;
	qsort(k, n, sizeof(int32_t), cmp_i32);
	for (i = 1; i < n; i++)
		if (k[i] != k[m])
			k[++m] = k[i];
	return m + 1;
}

/* is there a key in [lo, hi] (a linear scan) */
static bool
any_in(const int32_t *k, size_t n, int32_t lo, int32_t hi)
{
	size_t		i;

	for (i = 0; i < n; i++)
		if (k[i] >= lo && k[i] <= hi)
			return true;
	return false;
}

/*
 * The keys of a text the slow, obvious way: every character, bigram (and
 * trigram); unless every_char, a BMP character's key goes when any bigram
 * key starts with it (its upper 16 bits) and it is not one of the common
 * characters (zh_substr_char_common), which keep theirs; where none does,
 * it becomes the character's end key.
 */
static size_t
reference_keys(const char *s, size_t len, bool every_char, int32_t **out)
{
	ZhFoldStream st;
	uint32_t	cp,
				prev = 0,
				prev2 = 0;
	size_t		a,
				b,
				n = 0,
				ncp = 0;
	int32_t    *k = malloc((3 * len + 2) * sizeof(int32_t));
	bool		is_long = len >= ZH_SUBSTR_LONG_BYTES,
				is_mid = !is_long && len >= ZH_SUBSTR_MID_BYTES;

	if (is_long)
		k[n++] = zh_substr_key_long();
	if (is_mid)
		k[n++] = zh_substr_key_mid();
	zh_fold_stream_init(&st, s, len);
	while (zh_fold_next(&st, &cp, &a, &b))
	{
		k[n++] = zh_substr_key_char(cp);
		if (ncp > 0)
			k[n++] = zh_substr_key_bigram(prev, cp);
		if (ncp > 1 && is_long)
			k[n++] = zh_substr_key_trigram(prev2, prev, cp);
		if (ncp > 1 && is_mid && zh_substr_char_common(prev))
			k[n++] = zh_substr_key_mid_trigram(prev2, prev, cp);
		prev2 = prev;
		prev = cp;
		ncp++;
	}
	*out = k;
	n = sort_unique(k, n);
	if (!every_char)
	{
		int32_t    *all = malloc((n + 1) * sizeof(int32_t));
		size_t		i,
					m = 0;

		memcpy(all, k, n * sizeof(int32_t));
		for (i = 0; i < n; i++)
		{
			int32_t		pre;

			if (!(all[i] > 0 && all[i] < 0x10000 &&
				  !zh_substr_char_common((uint32_t) all[i])))
			{
				k[m++] = all[i];
				continue;
			}
			pre = zh_substr_key_prefix((uint32_t) all[i]);
			if (!any_in(all, n, pre, pre | 0xFFFF))
				k[m++] = zh_substr_key_end((uint32_t) all[i]);
		}
		free(all);
		n = sort_unique(k, m);
	}
	return n;
}

/* random text: a few frequent characters, many rare ones, supplementary */
static size_t
random_text(char *buf, size_t nchars, int spread)
{
	size_t		n = 0,
				i;

	for (i = 0; i < nchars; i++)
	{
		uint32_t	cp;
		int			r = rand() % 100;

		if (r < 50)
			cp = 0x4E00 + (uint32_t) (rand() % 20);
		else if (r < 90)
			cp = 0x4E00 + (uint32_t) (rand() % spread);
		else if (r < 95)
			cp = (uint32_t) (' ' + rand() % 95);
		else if (r < 98)
			cp = 0x20000 + (uint32_t) (rand() % 500);
		else
			cp = 0x3000 + (uint32_t) (rand() % 3);
		n += na_utf8_encode(cp, buf + n);
	}
	return n;
}

static void
test_text_keys(void)
{
	static const size_t sizes[] = {0, 1, 2, 5, 47, 48, 200, 3000, 8191, 8200, 30000, 120000};
	char	   *buf = malloc(4 * 120000 + 4);
	size_t		si;
	int			mismatches = 0,
				cases = 0;

	for (si = 0; si < sizeof(sizes) / sizeof(sizes[0]); si++)
	{
		int			round;

		for (round = 0; round < 4; round++)
		{
			size_t		len = random_text(buf, sizes[si], round % 2 ? 300 : 20000),
						n1,
						n2;
			int32_t    *k1,
					   *k2;

			bool		every = round >= 2;

			n1 = zh_substr_keys(buf, len, every, &k1);
			n2 = reference_keys(buf, len, every, &k2);
			if (n1 != n2 || (n1 > 0 && memcmp(k1, k2, n1 * sizeof(int32_t)) != 0))
				mismatches++;
			if (n1 == 0)
				NA_CHECK(k1 == NULL);
			cases++;
			free(k1);
			free(k2);
		}
	}
	free(buf);
	NA_CHECK_INT(mismatches, 0);
	NA_CHECK_INT(cases, 48);
}

/* the set alone: extreme keys (INT32_MIN, which the table stores as 0) */
static void
test_set_edges(void)
{
	static const int32_t edge[] = {INT32_MIN, INT32_MAX, 0, -1, 1, INT32_MIN + 1, 0x7FFF0000};
	int			round,
				bad = 0;

	for (round = 0; round < 200; round++)
	{
		size_t		n = (size_t) (rand() % 5000),
					i,
					m,
					got;
		int32_t    *ref = malloc((n + 8) * sizeof(int32_t)),
				   *out;
		ZhKeySet	set;

		zh_keyset_init(&set, (size_t) (rand() % 100));
		for (i = 0; i < n; i++)
		{
			int32_t		k = (rand() % 3 == 0) ? edge[rand() % 7]
				: (int32_t) (((uint32_t) rand() << 16) ^ (uint32_t) rand()) % (round % 2 ? 50 : 1000000);

			ref[i] = k;
			zh_keyset_add(&set, k);
		}
		m = sort_unique(ref, n);
		got = zh_keyset_finish(&set, &out);
		if (got != m || (m > 0 && memcmp(out, ref, m * sizeof(int32_t)) != 0))
			bad++;
		free(out);
		free(ref);
	}
	NA_CHECK_INT(bad, 0);
}

/* zh_keys_sort agrees with qsort, duplicates kept */
static void
test_sort(void)
{
	int			round,
				bad = 0;

	for (round = 0; round < 100; round++)
	{
		size_t		n = (size_t) (rand() % 3000),
					i;
		int32_t    *a = malloc((n + 1) * sizeof(int32_t)),
				   *b = malloc((n + 1) * sizeof(int32_t));

		for (i = 0; i < n; i++)
			a[i] = b[i] = (int32_t) (((uint32_t) rand() << 17) ^ (uint32_t) rand());
		zh_keys_sort(a, n);
		qsort(b, n, sizeof(int32_t), cmp_i32);
		if (n > 0 && memcmp(a, b, n * sizeof(int32_t)) != 0)
			bad++;
		free(a);
		free(b);
	}
	NA_CHECK_INT(bad, 0);
}

int
main(void)
{
	srand(12);
	test_text_keys();
	test_set_edges();
	test_sort();
	NA_TEST_DONE();
}
