/*
 * zh_normalize.c
 *	  Normalisation of Chinese text for search: see zh_normalize.h.
 */
#include "zh_normalize.h"
#include "na_utf8.h"
#include "zh_fold_table.h"		/* generated at build time into build/ */

/* the BMP part of the table, for zh_fold_cp_inline() (zh_normalize.h) */
const uint8_t *const zh_fold_bmp_index = zh_fold_page_index;
const uint16_t (*const zh_fold_bmp_pages)[256] = zh_fold_pages;

/* the fold of a code point beyond the BMP: a binary search of the few there are */
static uint32_t
fold_supp(uint32_t cp)
{
	int			lo = 0,
				hi = ZH_FOLD_NSUPP - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (zh_fold_supp[mid][0] == cp)
			return zh_fold_supp[mid][1];
		if (zh_fold_supp[mid][0] < cp)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return cp;
}

/* ASCII and the BMP are folded by zh_fold_cp_inline() (zh_normalize.h) */
uint32_t
zh_fold_cp(uint32_t cp)
{
	return cp < 0x10000 ? zh_fold_cp_inline(cp) : fold_supp(cp);
}

/*
 * The fold inverted: (folded, original) pairs sorted by folded code point,
 * built on first use (a backend is single-threaded).  The pairs are made in
 * increasing original order, so a stable sort by the folded code point
 * orders them fully: two counting passes of 11 bits (code points have 21),
 * about 0.05 ms, where qsort took 0.4 ms of a session's first search.
 */
#define INV_MAX ((ZH_FOLD_NPAGES + 1) * 256 + ZH_FOLD_NSUPP + 64)
#define INV_BITS 11
static uint32_t inv_pairs[INV_MAX][2];
static uint32_t inv_tmp[INV_MAX][2];
static size_t inv_n = 0;
static bool inv_built = false;

/* a stable counting sort of src by bits shift.. of the folded code point */
static void
inverse_pass(uint32_t (*src)[2], uint32_t (*dst)[2], int shift)
{
	size_t		count[(1 << INV_BITS) + 1] = {0};
	size_t		i;

	for (i = 0; i < inv_n; i++)
		count[((src[i][0] >> shift) & ((1 << INV_BITS) - 1)) + 1]++;
	for (i = 1; i <= (1 << INV_BITS); i++)
		count[i] += count[i - 1];
	for (i = 0; i < inv_n; i++)
	{
		size_t		at = count[(src[i][0] >> shift) & ((1 << INV_BITS) - 1)]++;

		dst[at][0] = src[i][0];
		dst[at][1] = src[i][1];
	}
}

static void
inverse_build(void)
{
	uint32_t	cp;
	size_t		i;

	for (cp = 1; cp < 0x10000; cp++)
	{
		uint32_t	to;

		if (cp >= 0x100 && zh_fold_page_index[cp >> 8] == 0)
		{
			cp |= 0xFF;			/* a page that folds nothing */
			continue;
		}
		to = zh_fold_cp_inline(cp);
		if (to != cp && inv_n < INV_MAX)
		{
			inv_pairs[inv_n][0] = to;
			inv_pairs[inv_n++][1] = cp;
		}
	}
	for (i = 0; i < ZH_FOLD_NSUPP && inv_n < INV_MAX; i++)
		if (zh_fold_supp[i][1] != zh_fold_supp[i][0])
		{
			inv_pairs[inv_n][0] = zh_fold_supp[i][1];
			inv_pairs[inv_n++][1] = zh_fold_supp[i][0];
		}
	inverse_pass(inv_pairs, inv_tmp, 0);
	inverse_pass(inv_tmp, inv_pairs, INV_BITS);
	inv_built = true;
}

size_t
zh_fold_inverse(uint32_t to, uint32_t *from, size_t max)
{
	size_t		lo = 0,
				hi,
				n = 0;

	if (!inv_built)
		inverse_build();
	hi = inv_n;
	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (inv_pairs[mid][0] < to)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < inv_n && inv_pairs[lo][0] == to; lo++)
		if (n < max)
			from[n++] = inv_pairs[lo][1];
	return n;
}

/* make room for n more bytes (and the terminator) */
static inline void
reserve(ZhNorm *out, size_t *cap, size_t n)
{
	if (out->len + n + 1 > *cap)
	{
		*cap = *cap * 2 + 8;
		out->text = (char *) na_realloc(out->text, *cap);
		if (out->orig)
			out->orig = (uint32_t *) na_realloc(out->orig, *cap * sizeof(uint32_t));
	}
}

/* append one code point, recording its original offset for every byte */
static inline void
emit_cp(ZhNorm *out, size_t *cap, uint32_t cp, uint32_t orig_off)
{
	char		tmp[4];
	size_t		n = na_utf8_encode(cp, tmp),
				k;

	/* folding can lengthen a code point (2 to 3 bytes, or U+FFFD) */
	reserve(out, cap, n);
	for (k = 0; k < n; k++)
	{
		if (out->orig)
			out->orig[out->len] = orig_off;
		out->text[out->len++] = tmp[k];
	}
}

void
zh_normalize(const char *src, size_t len, bool with_map, ZhNorm *out)
{
	size_t		i = 0;
	/* pending horizontal space run: original offsets of its code points */
	size_t		space_start = 0;
	uint32_t	nspace = 0;
	bool		prev_han = false;

	size_t		cap = len + len / 16 + 8;
	size_t		map_bytes = cap * sizeof(uint32_t);

	out->text = (char *) na_alloc(cap);
	out->orig = with_map ? (uint32_t *) na_alloc(map_bytes) : NULL;
	out->len = 0;
	out->src = src;
	out->src_len = (uint32_t) len;

	while (i < len)
	{
		size_t		adv;
		uint32_t	raw,
					cp;

		if ((i & 0xFFFF) == 0)
			na_check_interrupts();
		raw = na_utf8_decode(src + i, len - i, &adv);
		cp = zh_fold_cp_inline(raw);

		if (cp == ' ')
		{
			/* defer: dropped if it sits between two Han characters */
			if (nspace == 0)
				space_start = i;
			nspace++;
			i += adv;
			continue;
		}
		if (nspace > 0)
		{
			if (!(prev_han && na_is_han(cp)))
			{
				/* keep the run, one ' ' per original space code point */
				size_t		j = space_start;

				while (j < i)
				{
					size_t		a2;

					(void) na_utf8_decode(src + j, i - j, &a2);
					emit_cp(out, &cap, ' ', (uint32_t) j);
					j += a2;
				}
			}
			nspace = 0;
		}
		if (cp == raw && raw != NA_REPLACEMENT_CP)
		{
			/* unchanged (most text): copy the bytes as they are */
			size_t		k;

			reserve(out, &cap, adv);
			for (k = 0; k < adv; k++)
			{
				if (out->orig)
					out->orig[out->len] = (uint32_t) i;
				out->text[out->len++] = src[i + k];
			}
		}
		else
			emit_cp(out, &cap, cp, (uint32_t) i);
		prev_han = na_is_han(cp);
		i += adv;
	}
	if (nspace > 0)
	{
		size_t		j = space_start;

		while (j < len)
		{
			size_t		a2;

			(void) na_utf8_decode(src + j, len - j, &a2);
			emit_cp(out, &cap, ' ', (uint32_t) j);
			j += a2;
		}
	}
	out->text[out->len] = '\0';
	if (out->orig)
		out->orig[out->len] = (uint32_t) len;
}

void
zh_norm_free(ZhNorm *n)
{
	if (n->text)
		na_free(n->text);
	if (n->orig)
		na_free(n->orig);
	n->text = NULL;
	n->orig = NULL;
}

void
zh_norm_orig_span(const ZhNorm *n, uint32_t a, uint32_t b,
				  uint32_t *ostart, uint32_t *oend)
{
	uint32_t	last = b - 1;
	size_t		adv;

	/* back up to the first byte of the last code point */
	while (last > a && (((unsigned char) n->text[last]) & 0xC0) == 0x80)
		last--;
	*ostart = n->orig[a];
	(void) na_utf8_decode(n->src + n->orig[last], n->src_len - n->orig[last], &adv);
	*oend = n->orig[last] + (uint32_t) adv;
}
