/*
 * zh_substr_match.c
 *	  Finding a normalised term in raw text, folding as it reads: see
 *	  zh_substr.h.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE				/* memmem */
#endif
#include "zh_substr.h"

#include <string.h>

/*
 * Knuth-Morris-Pratt over the folding reader.  Each non-overlapping match
 * calls fn (if any); stops after the first match when first_only.
 */
static size_t
kmp_scan(const ZhSubTerm *t, const char *s, size_t len, bool first_only,
		 ZhSpanFn fn, void *arg, size_t *nchars)
{
	ZhFoldStream st;
	uint32_t	cp;
	size_t		a,
				b,
				found = 0,
				ncp = 0;
	int32_t		k = 0;
	int32_t		m = (int32_t) t->ncp;
	/* raw start of the last m code points read, a ring */
	size_t	   *starts = fn ? (size_t *) na_alloc((size_t) m * sizeof(size_t)) : NULL;

	zh_fold_stream_init(&st, s, len);
	while (zh_fold_next(&st, &cp, &a, &b))
	{
		if (starts)
			starts[ncp % m] = a;
		ncp++;
		if ((ncp & 0x3FFFF) == 0)
			na_check_interrupts();
		while (k > 0 && cp != t->cps[k])
			k = t->fail[k - 1];
		if (cp == t->cps[k])
			k++;
		if (k == m)
		{
			found++;
			if (fn)
				fn(arg, starts[(ncp - m) % m], b);
			if (first_only)
				break;
			k = 0;				/* non-overlapping */
		}
	}
	if (nchars)
		*nchars = ncp;
	na_free(starts);
	return found;
}

static bool
is_variant(const ZhSubTerm *t, uint32_t cp)
{
	uint32_t	lo = 0,
				hi = t->nvariants;

	while (lo < hi)
	{
		uint32_t	mid = (lo + hi) / 2;

		if (t->variants[mid] == cp)
			return true;
		if (t->variants[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/*
 * Can the normalised text contain the term although its raw bytes do not?
 * Only through a variant character or dropped white space (see zh_substr.h):
 * look for one, byte by byte, decoding only characters whose first two
 * bytes some variant has.
 */
static bool
may_fold_match(const ZhSubTerm *t, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		i = 0;

	if (t->has_fffd)
		return true;
	while (i < len)
	{
		unsigned char c = p[i];

		if (c < 0x80)
		{
			if (t->ascii[c] == 1 || (t->ascii[c] == 2 && i > 0 && p[i - 1] >= 0x80))
				return true;
			i++;
			continue;
		}
		if (i + 1 < len &&
			(t->lead2[((unsigned) c << 8 | p[i + 1]) >> 6] >> (p[i + 1] & 63)) & 1)
		{
			size_t		adv;
			uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

			if (is_variant(t, cp))
				return true;
			i += adv;
			continue;
		}
		{
			/* skip the character; a malformed one byte by byte, so that no
			 * ASCII byte after it is skipped (U+FFFD: see has_fffd) */
			size_t		n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1,
						k;

			for (k = 1; k < n; k++)
				if (i + k >= len || (p[i + k] & 0xC0) != 0x80)
					break;
			i += k;
		}
		if ((i & 0xFFFFF) < 4)
			na_check_interrupts();
	}
	return false;
}

bool
zh_subterm_in(const ZhSubTerm *t, const char *s, size_t len)
{
	if (t->ncp == 0)
		return true;
	/* most text needs no folding: the raw bytes settle most matches */
	if (memmem(s, len, t->bytes, t->nbytes) != NULL)
		return true;
	if (!may_fold_match(t, s, len))
		return false;
	return kmp_scan(t, s, len, true, NULL, NULL, NULL) > 0;
}

size_t
zh_subterm_spans(const ZhSubTerm *t, const char *s, size_t len,
				 ZhSpanFn fn, void *arg, size_t *nchars)
{
	if (t->ncp == 0)
	{
		if (nchars)
			*nchars = 0;
		return 0;
	}
	return kmp_scan(t, s, len, false, fn, arg, nchars);
}

size_t
zh_subterm_count(const ZhSubTerm *t, const char *s, size_t len)
{
	size_t		n = 0;
	const char *p = s,
			   *end = s + len;

	if (t->ncp == 0)
		return 0;
	if (may_fold_match(t, s, len))
		return kmp_scan(t, s, len, false, NULL, NULL, NULL);
	/* every match is in the raw bytes */
	while ((p = memmem(p, (size_t) (end - p), t->bytes, t->nbytes)) != NULL)
	{
		n++;
		p += t->nbytes;
	}
	return n;
}
