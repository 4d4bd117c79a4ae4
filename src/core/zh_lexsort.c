/*
 * zh_lexsort.c
 *	  Stable radix sort of (lexeme, position) pairs (see zh_lexsort.h).
 */
#include "zh_lexsort.h"

int
zh_lexpair_cmp(const ZhLexPair *a, const ZhLexPair *b, const char *text)
{
	int			c;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if (zh_lex_key_partial(a->key, a->len) || zh_lex_key_partial(b->key, b->len))
	{
		c = memcmp(text + a->off, text + b->off, a->len < b->len ? a->len : b->len);
		if (c != 0)
			return c;
	}
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	if (a->pos != b->pos)
		return a->pos < b->pos ? -1 : 1;
	return 0;
}

/* stable insertion sort of p[0 .. n - 1] by the full comparison */
static void
insertion_sort(ZhLexPair *p, size_t n, const char *text)
{
	size_t		i,
				j;

	for (i = 1; i < n; i++)
	{
		ZhLexPair	x = p[i];

		for (j = i; j > 0 && zh_lexpair_cmp(&p[j - 1], &x, text) > 0; j--)
			p[j] = p[j - 1];
		p[j] = x;
	}
}

/*
 * Order a group of pairs with equal keys whose lexemes may differ after
 * their eighth byte.  Groups are small (words sharing their first two or
 * three characters), but a pathological text can make one large, so fall
 * back to a merge sort above a few dozen.
 */
static void
merge_sort(ZhLexPair *p, size_t n, const char *text, ZhLexPair *tmp)
{
	size_t		h,
				i,
				j,
				k;

	if (n <= 32)
	{
		insertion_sort(p, n, text);
		return;
	}
	h = n / 2;
	merge_sort(p, h, text, tmp);
	merge_sort(p + h, n - h, text, tmp);
	memcpy(tmp, p, h * sizeof(ZhLexPair));
	i = 0;
	j = h;
	k = 0;
	while (i < h && j < n)
	{
		/* <= keeps equal pairs in their order: stable */
		if (zh_lexpair_cmp(&tmp[i], &p[j], text) <= 0)
			p[k++] = tmp[i++];
		else
			p[k++] = p[j++];
	}
	while (i < h)
		p[k++] = tmp[i++];
}

ZhLexPair *
zh_lexsort(ZhLexPair *pairs, size_t n, const char *text, ZhLexPair *tmp)
{
	ZhLexPair  *src = pairs,
			   *dst = tmp;
	size_t		count[ZH_LEX_KEY_BYTES][256];
	size_t		i,
				start;
	int			d;

	if (n < 2)
		return pairs;
	if (n <= 16)
	{
		insertion_sort(pairs, n, text);
		return pairs;
	}

	/*
	 * One pass counts all the key's digits; then one scatter pass per digit,
	 * least significant first, skipping digits all keys share.
	 */
	memset(count, 0, sizeof(count));
	for (i = 0; i < n; i++)
	{
		uint64_t	k = src[i].key;

		for (d = 0; d < ZH_LEX_KEY_BYTES; d++)
			count[d][(k >> (8 * d)) & 0xFF]++;
	}
	for (d = 0; d < ZH_LEX_KEY_BYTES; d++)
	{
		size_t	   *c = count[d];
		size_t		sum = 0;
		int			shift = 8 * d;

		if (c[(src[0].key >> shift) & 0xFF] == n)
			continue;
		for (i = 0; i < 256; i++)
		{
			size_t		v = c[i];

			c[i] = sum;
			sum += v;
		}
		for (i = 0; i < n; i++)
			dst[c[(src[i].key >> shift) & 0xFF]++] = src[i];
		{
			ZhLexPair  *t = src;

			src = dst;
			dst = t;
		}
		na_check_interrupts();
	}
	/* src holds the sorted pairs now, dst is free for the merges */

	/*
	 * Equal keys: the radix passes kept them in position order, which is
	 * right unless some lexeme is longer than its key.
	 */
	for (start = 0; start < n;)
	{
		size_t		end = start + 1;
		bool		is_long = zh_lex_key_partial(src[start].key, src[start].len);

		while (end < n && src[end].key == src[start].key)
		{
			is_long |= zh_lex_key_partial(src[end].key, src[end].len);
			end++;
		}
		if (is_long && end - start > 1)
			merge_sort(src + start, end - start, text, dst);
		start = end;
	}
	return src;
}
