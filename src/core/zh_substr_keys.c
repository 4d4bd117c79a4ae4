/*
 * zh_substr_keys.c
 *	  Index keys of a text for the "&@" GIN operator class: see zh_substr.h.
 */
#include "zh_substr.h"

/* keys of supplementary characters live where no BMP bigram can */
#define KEY_SUPP_BIGRAM	0xD8000000u		/* cp1 in D800..DBFF */
#define KEY_SUPP_CHAR	0xDC000000u		/* cp1 in DC00..DFFF */

int32_t
zh_substr_key_char(uint32_t cp)
{
	return (int32_t) (cp < 0x10000 ? cp : (KEY_SUPP_CHAR | cp));
}

int32_t
zh_substr_key_bigram(uint32_t a, uint32_t b)
{
	uint32_t	h;

	if (a < 0x10000 && b < 0x10000)
		return (int32_t) ((a << 16) | b);
	/* a small multiplicative mix; collisions only cost a recheck */
	h = a * 0x9E3779B1u;
	h ^= h >> 15;
	h += b * 0x85EBCA77u;
	h ^= h >> 13;
	return (int32_t) (KEY_SUPP_BIGRAM | (h & 0x03FFFFFFu));
}

static int
cmp_key(const void *a, const void *b)
{
	int32_t		x = *(const int32_t *) a,
				y = *(const int32_t *) b;

	return (x > y) - (x < y);
}

/* sort and drop duplicates; returns the new count */
size_t
zh_substr_keys_unique(int32_t *keys, size_t n)
{
	size_t		i,
				m = 0;

	if (n == 0)
		return 0;
	qsort(keys, n, sizeof(int32_t), cmp_key);
	for (i = 1; i < n; i++)
		if (keys[i] != keys[m])
			keys[++m] = keys[i];
	return m + 1;
}

size_t
zh_substr_keys(const char *s, size_t len, int32_t **keys)
{
	ZhFoldStream st;
	uint32_t	cp,
				prev = 0;
	size_t		a,
				b,
				n = 0,
				cap = 64,
				ncp = 0;
	int32_t    *out = (int32_t *) na_alloc(cap * sizeof(int32_t));

	zh_fold_stream_init(&st, s, len);
	while (zh_fold_next(&st, &cp, &a, &b))
	{
		if (n + 2 > cap)
		{
			/* squeeze out duplicates before growing: texts repeat a lot */
			n = zh_substr_keys_unique(out, n);
			if (n + 2 > cap / 2)
			{
				cap *= 2;
				out = (int32_t *) na_realloc(out, cap * sizeof(int32_t));
			}
		}
		out[n++] = zh_substr_key_char(cp);
		if (ncp > 0)
			out[n++] = zh_substr_key_bigram(prev, cp);
		prev = cp;
		if ((++ncp & 0xFFFF) == 0)
			na_check_interrupts();
	}
	n = zh_substr_keys_unique(out, n);
	if (n == 0)
	{
		na_free(out);
		out = NULL;
	}
	*keys = out;
	return n;
}
