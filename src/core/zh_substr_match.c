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
in_sorted(const uint32_t *a, uint32_t n, uint32_t cp)
{
	uint32_t	lo = 0,
				hi = n;

	while (lo < hi)
	{
		uint32_t	mid = (lo + hi) / 2;

		if (a[mid] == cp)
			return true;
		if (a[mid] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static inline bool
is_variant(const ZhSubTerm *t, uint32_t cp)
{
	return in_sorted(t->variants, t->nvariants, cp);
}

/*
 * White space at byte "at", after a non-ASCII byte: can it be the start of
 * a run dropped inside a match?  Only if the character before it folds into
 * a Han character of the term that another Han character follows there
 * (the match holds both sides of a dropped run).
 */
static bool
space_may_drop(const ZhSubTerm *t, const char *s, size_t len, size_t at)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		b = at - 1,
				adv;

	while (b > 0 && at - b < 4 && (p[b] & 0xC0) == 0x80)
		b--;
	return in_sorted(t->han_before, t->nhan_before,
					 zh_fold_cp_inline(na_utf8_decode(s + b, len - b, &adv))) ||
		adv != at - b;			/* malformed: be safe */
}

/*
 * Where folding could make a match that memmem() on the raw bytes does not
 * see: the next raw character at or after byte "from" that is a variant of
 * one of the term's characters, or white space after a non-ASCII byte (the
 * first of a run that may be dropped between two Han characters).  Every
 * match that is not in the raw bytes covers such a trigger (see
 * zh_substr.h).  Every byte pair is looked up in the term's pair filter,
 * which holds all triggers' pairs (a table lookup per byte, no decoding);
 * only hits are decoded.  Returns len when there is none.
 */
/* is the byte pair at i a trigger?  Returns its position, or len */
static inline size_t
pair_trigger(const ZhSubTerm *t, const char *s, size_t len, size_t from,
			 size_t i)
{
	const unsigned char *p = (const unsigned char *) s;
	unsigned char c = p[i];
	size_t		adv;

	if (c < 0x80)
		return t->ascii[c] == 1 && i >= from ? i : len;
	if (p[i + 1] < 0x80)
		return t->ascii[p[i + 1]] == 2 && space_may_drop(t, s, len, i + 1) ? i + 1 : len;
	if (c >= 0xC0 && i >= from &&
		is_variant(t, na_utf8_decode(s + i, len - i, &adv)))
		return i;
	return len;
}

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#include <immintrin.h>

/*
 * The candidate positions of a SIMD block (bit j of mask: position i + j)
 * checked in order by pair_trigger(); the first trigger's end, its position
 * in *at, or len when none is one.
 */
static inline size_t
check_candidates(const ZhSubTerm *t, const char *s, size_t len, size_t from,
				 size_t i, uint32_t mask, size_t *at)
{
	while (mask)
	{
		size_t		j = i + (size_t) __builtin_ctz(mask),
					r = pair_trigger(t, s, len, from, j);

		if (r < len)
		{
			*at = j;
			return r;
		}
		mask &= mask - 1;
	}
	return len;
}

/*
 * Sixteen positions at a time: a position is a candidate when the bytes
 * there begin one of the term's variants (up to its first three bytes), are
 * an ASCII variant, or are a non-ASCII byte before droppable white space.
 * Candidates (a superset of the triggers) are checked by pair_trigger().
 * Sets *at to where it stopped looking (a trigger's position, or the first
 * position left for the scalar loop).
 */
static size_t
simd_trigger(const ZhSubTerm *t, const char *s, size_t len, size_t from,
			 size_t i, size_t stop, size_t *at)
{
	const ZhTrigPat *pat = t->pats;
	uint32_t	npat = t->npats,
				k;
	size_t		r;
	__m128i		c0[ZH_MAX_TRIG_PATS],
				c1[ZH_MAX_TRIG_PATS],
				c2[ZH_MAX_TRIG_PATS],
				cs[ZH_MAX_TRIG_PATS];

	for (k = 0; k < npat; k++)
	{
		c0[k] = _mm_set1_epi8((char) pat[k].b[0]);
		c1[k] = _mm_set1_epi8((char) pat[k].b[1]);
		c2[k] = _mm_set1_epi8((char) pat[k].b[2]);
		cs[k] = _mm_set1_epi8((char) pat[k].b2span);
	}
	for (; i + 18 <= stop; i += 16)
	{
		__m128i		v0 = _mm_loadu_si128((const __m128i *) (s + i)),
					v1 = _mm_loadu_si128((const __m128i *) (s + i + 1)),
					v2 = _mm_loadu_si128((const __m128i *) (s + i + 2)),
					m = _mm_setzero_si128();
		uint32_t	mask;

		for (k = 0; k < npat; k++)
		{
			__m128i		e;

			if (pat[k].space)
			{
				/* white space after a non-ASCII byte */
				e = _mm_and_si128(_mm_cmpeq_epi8(v1, c0[k]),
								  _mm_cmplt_epi8(v0, _mm_setzero_si128()));
				m = _mm_or_si128(m, e);
				continue;
			}
			e = _mm_cmpeq_epi8(v0, c0[k]);
			if (pat[k].n > 1)
				e = _mm_and_si128(e, _mm_cmpeq_epi8(v1, c1[k]));
			if (pat[k].n > 2)
			{
				/* b[2] <= v2 <= b[2] + span, unsigned */
				__m128i		d = _mm_sub_epi8(v2, c2[k]);

				e = _mm_and_si128(e, _mm_cmpeq_epi8(_mm_max_epu8(d, cs[k]), cs[k]));
			}
			m = _mm_or_si128(m, e);
		}
		mask = (uint32_t) _mm_movemask_epi8(m);
		if (mask && (r = check_candidates(t, s, len, from, i, mask, at)) < len)
			return r;
	}
	*at = i;
	return len;
}

/*
 * The same, thirty-two positions at a time, where the CPU has AVX2 (checked
 * once; zh_substr_avx2 = 0 forces SSE2, for the tests).
 */
__attribute__((target("avx2")))
static size_t
simd_trigger_avx2(const ZhSubTerm *t, const char *s, size_t len, size_t from,
			 size_t i, size_t stop, size_t *at)
{
	const ZhTrigPat *pat = t->pats;
	uint32_t	npat = t->npats,
				k;
	size_t		r;
	__m256i		c0[ZH_MAX_TRIG_PATS],
				c1[ZH_MAX_TRIG_PATS],
				c2[ZH_MAX_TRIG_PATS],
				cs[ZH_MAX_TRIG_PATS];

	for (k = 0; k < npat; k++)
	{
		c0[k] = _mm256_set1_epi8((char) pat[k].b[0]);
		c1[k] = _mm256_set1_epi8((char) pat[k].b[1]);
		c2[k] = _mm256_set1_epi8((char) pat[k].b[2]);
		cs[k] = _mm256_set1_epi8((char) pat[k].b2span);
	}
	for (; i + 34 <= stop; i += 32)
	{
		__m256i		v0 = _mm256_loadu_si256((const __m256i *) (s + i)),
					v1 = _mm256_loadu_si256((const __m256i *) (s + i + 1)),
					v2 = _mm256_loadu_si256((const __m256i *) (s + i + 2)),
					m = _mm256_setzero_si256();
		uint32_t	mask;

		for (k = 0; k < npat; k++)
		{
			__m256i		e;

			if (pat[k].space)
			{
				/* white space after a non-ASCII byte */
				e = _mm256_and_si256(_mm256_cmpeq_epi8(v1, c0[k]),
								  _mm256_cmpgt_epi8(_mm256_setzero_si256(), v0));
				m = _mm256_or_si256(m, e);
				continue;
			}
			e = _mm256_cmpeq_epi8(v0, c0[k]);
			if (pat[k].n > 1)
				e = _mm256_and_si256(e, _mm256_cmpeq_epi8(v1, c1[k]));
			if (pat[k].n > 2)
			{
				/* b[2] <= v2 <= b[2] + span, unsigned */
				__m256i		d = _mm256_sub_epi8(v2, c2[k]);

				e = _mm256_and_si256(e, _mm256_cmpeq_epi8(_mm256_max_epu8(d, cs[k]), cs[k]));
			}
			m = _mm256_or_si256(m, e);
		}
		mask = (uint32_t) _mm256_movemask_epi8(m);
		if (mask && (r = check_candidates(t, s, len, from, i, mask, at)) < len)
			return r;
	}
	*at = i;
	return len;
}

int			zh_substr_avx2 = -1;

static inline bool
use_avx2(void)
{
	if (zh_substr_avx2 < 0)
		zh_substr_avx2 = __builtin_cpu_supports("avx2") ? 1 : 0;
	return zh_substr_avx2 == 1;
}
#endif

/*
 * Where folding could make a match that memmem() on the raw bytes does not
 * see: the next raw character at or after byte "from" that is a variant of
 * one of the term's characters, or white space after a non-ASCII character
 * that may start a run dropped inside a match.  Every match that is not in
 * the raw bytes covers such a trigger (see zh_substr.h).  Byte pairs are
 * looked up in the term's pair filter, which holds all triggers' pairs (with
 * SSE2, sixteen positions are compared with the term's few variants at
 * once); only hits are decoded.  Returns len when there is none.
 */
static size_t
next_trigger(const ZhSubTerm *t, const char *s, size_t len, size_t from)
{
	const unsigned char *p = (const unsigned char *) s;
	const uint64_t *pair2 = t->pair2;
	size_t		i = from > 0 ? from - 1 : 0,
				stop,
				r;

	while (i + 1 < len)
	{
		/* a megabyte at a time between interrupt checks */
		stop = len - 1 - i > (1 << 20) ? i + (1 << 20) : len - 1;
#if defined(__SSE2__) && defined(__GNUC__)
		if (t->npats > 0)
		{
			r = use_avx2() ? simd_trigger_avx2(t, s, len, from, i, stop, &i)
				: simd_trigger(t, s, len, from, i, stop, &i);
			if (r < len)
				return r;
		}
#endif
		for (; i < stop; i++)
		{
			unsigned	x;

			/* eight pairs at once: independent lookups, one branch */
			while (i + 8 <= stop)
			{
				uint64_t	hit = 0;
				int			j;

				for (j = 0; j < 8; j++)
				{
					x = (unsigned) p[i + j] << 8 | p[i + j + 1];
					hit |= pair2[x >> 6] >> (x & 63);
				}
				if (hit & 1)
					break;
				i += 8;
			}
			if (i >= stop)
				break;
			x = (unsigned) p[i] << 8 | p[i + 1];
			if (((pair2[x >> 6] >> (x & 63)) & 1) == 0)
				continue;
			r = pair_trigger(t, s, len, from, i);
			if (r < len)
				return r;
		}
		na_check_interrupts();
	}
	/* the last byte: an ASCII variant */
	if (len > 0 && len - 1 >= from && p[len - 1] < 0x80 && t->ascii[p[len - 1]] == 1)
		return len - 1;
	return len;
}

static inline bool
is_fold_space(const char *s, size_t len, size_t at, size_t *adv)
{
	return zh_fold_cp_inline(na_utf8_decode(s + at, len - at, adv)) == ' ';
}

/*
 * Every match covering the trigger at byte "at" lies in a window that starts
 * at the m-th non-space character before it (or the text's start) and ends
 * just after the m-th non-space character after it (or the text's end).
 * Folding a stretch that starts and ends at non-space characters yields
 * exactly the normalised text of that stretch (white space is only dropped
 * between two characters, both inside).
 */
static size_t
window_start(const ZhSubTerm *t, const char *s, size_t len, size_t at)
{
	const unsigned char *p = (const unsigned char *) s;
	size_t		pos = at,
				adv;
	uint32_t	n = 0;

	while (pos > 0 && n < t->ncp)
	{
		do
			pos--;
		while (pos > 0 && (p[pos] & 0xC0) == 0x80);
		if (!is_fold_space(s, len, pos, &adv))
			n++;
	}
	return pos;
}

/*
 * Where a search of the term in text that goes on past s[0, len) must resume
 * after finding nothing in s[0, len): the start of the term's length-th
 * non-space character before len (or 0).  A match that ends past len ends
 * at a non-space character (terms have no white space at their ends) and
 * holds fewer than ncp non-space characters before len, so it starts there
 * or later, however much white space it drops; see zh_substr_stream.c.
 */
size_t
zh_subterm_resume(const ZhSubTerm *t, const char *s, size_t len)
{
	return window_start(t, s, len, len);
}

static size_t
after_char(const char *s, size_t len, size_t at)
{
	size_t		adv;

	(void) na_utf8_decode(s + at, len - at, &adv);
	return at + (adv ? adv : 1);
}

static size_t
window_end(const ZhSubTerm *t, const char *s, size_t len, size_t at)
{
	size_t		pos = after_char(s, len, at),
				adv;
	uint32_t	n;

	for (n = 0; pos < len && n < t->ncp; pos += adv ? adv : 1)
		if (!is_fold_space(s, len, pos, &adv))
			n++;
	return pos < len ? pos : len;
}

/* the trigger windows of a text, merged where they overlap, left to right */
typedef struct WindowWalk
{
	const ZhSubTerm *t;
	const char *s;
	size_t		len;
	size_t		trigger;		/* the next trigger not yet in a window */
} WindowWalk;

static void
window_walk_init(WindowWalk *w, const ZhSubTerm *t, const char *s, size_t len)
{
	w->t = t;
	w->s = s;
	w->len = len;
	w->trigger = next_trigger(t, s, len, 0);
}

/*
 * The next window [*ws, *we).  Of the triggers inside a window only the
 * last can take it further, so each character is walked over a bounded
 * number of times however dense the triggers are.
 */
static bool
next_window(WindowWalk *w, size_t *ws, size_t *we)
{
	const ZhSubTerm *t = w->t;
	const char *s = w->s;
	size_t		len = w->len,
				tr = w->trigger,
				last,
				b;

	if (tr >= len)
		return false;
	*ws = window_start(t, s, len, tr);
	*we = window_end(t, s, len, tr);
	tr = next_trigger(t, s, len, after_char(s, len, tr));
	for (;;)
	{
		last = len;
		while (tr < *we)
		{
			last = tr;
			tr = next_trigger(t, s, len, after_char(s, len, tr));
		}
		if (last < len && (b = window_end(t, s, len, last)) > *we)
		{
			*we = b;
			continue;
		}
		if (tr < len && window_start(t, s, len, tr) < *we)
		{
			b = window_end(t, s, len, tr);
			if (b > *we)
				*we = b;
			tr = next_trigger(t, s, len, after_char(s, len, tr));
			continue;
		}
		break;
	}
	w->trigger = tr;
	return true;
}

/* a growable list of raw byte spans */
typedef struct SpanList
{
	size_t	   *se;				/* start, end, start, end, ... */
	size_t		n;
	size_t		cap;
} SpanList;

static void
span_add(void *arg, size_t start, size_t end)
{
	SpanList   *l = (SpanList *) arg;

	if (l->n + 2 > l->cap)
	{
		l->cap = l->cap * 2 + 32;
		l->se = (size_t *) na_realloc(l->se, l->cap * sizeof(size_t));
	}
	l->se[l->n++] = start;
	l->se[l->n++] = end;
}

/*
 * Every occurrence (overlapping ones too) of the term in s[ws, we), folded,
 * appended to l with spans relative to s.
 */
static void
window_all_matches(const ZhSubTerm *t, const char *s, size_t ws, size_t we,
				   SpanList *l)
{
	ZhFoldStream st;
	uint32_t	cp;
	size_t		a,
				b,
				ncp = 0;
	int32_t		k = 0,
				m = (int32_t) t->ncp;
	size_t	   *starts = (size_t *) na_alloc((size_t) m * sizeof(size_t));

	zh_fold_stream_init(&st, s + ws, we - ws);
	while (zh_fold_next(&st, &cp, &a, &b))
	{
		starts[ncp++ % m] = a;
		while (k > 0 && cp != t->cps[k])
			k = t->fail[k - 1];
		if (cp == t->cps[k])
			k++;
		if (k == m)
		{
			span_add(l, ws + starts[(ncp - m) % m], ws + b);
			k = t->fail[m - 1];
		}
	}
	na_free(starts);
}

/*
 * The matches memmem() of the raw bytes does not see: is there one?  (Any
 * match that is not in the raw bytes covers a trigger: fold only around
 * those.)
 */
bool
zh_subterm_in_folded(const ZhSubTerm *t, const char *s, size_t len)
{
	WindowWalk	w;
	size_t		ws,
				we;

	if (t->ncp == 0)
		return true;
	if (t->has_fffd)
		return kmp_scan(t, s, len, true, NULL, NULL, NULL) > 0;
	window_walk_init(&w, t, s, len);
	while (next_window(&w, &ws, &we))
		if (kmp_scan(t, s + ws, we - ws, true, NULL, NULL, NULL) > 0)
			return true;
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
	return zh_subterm_in_folded(t, s, len);
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

/* non-overlapping raw occurrences, memmem() alone */
static size_t
count_raw(const ZhSubTerm *t, const char *s, size_t len)
{
	size_t		n = 0;
	const char *p = s,
			   *end = s + len;

	while ((p = memmem(p, (size_t) (end - p), t->bytes, t->nbytes)) != NULL)
	{
		n++;
		p += t->nbytes;
	}
	return n;
}

/*
 * The count kmp_scan() would give (leftmost non-overlapping occurrences of
 * the normalised term), reading most of the text with memmem(): every
 * occurrence is either in the raw bytes or found by folding a window around
 * a trigger; the two sorted lists are merged and taken greedily.
 */
size_t
zh_subterm_count(const ZhSubTerm *t, const char *s, size_t len)
{
	WindowWalk	w;
	SpanList	l = {NULL, 0, 0};
	size_t		ws,
				we,
				n = 0,
				i = 0,
				last_end = 0,
				first_adv;
	const char *p = s,
			   *end = s + len;

	if (t->ncp == 0)
		return 0;
	if (t->has_fffd)
		return kmp_scan(t, s, len, false, NULL, NULL, NULL);
	window_walk_init(&w, t, s, len);
	while (next_window(&w, &ws, &we))
		window_all_matches(t, s, ws, we, &l);
	if (l.n == 0)
		return count_raw(t, s, len);
	/* raw occurrences, overlapping ones too, merged with the window's */
	(void) na_utf8_decode(t->bytes, t->nbytes, &first_adv);
	p = memmem(p, (size_t) (end - p), t->bytes, t->nbytes);
	while (p != NULL || i < l.n)
	{
		size_t		start,
					stop;

		if (p != NULL && (i >= l.n || (size_t) (p - s) <= l.se[i]))
		{
			start = (size_t) (p - s);
			stop = start + t->nbytes;
			if (i < l.n && l.se[i] == start)
				i += 2;			/* the same occurrence */
			p += first_adv;
			p = p < end ? memmem(p, (size_t) (end - p), t->bytes, t->nbytes) : NULL;
		}
		else
		{
			start = l.se[i];
			stop = l.se[i + 1];
			i += 2;
		}
		if (start >= last_end)
		{
			n++;
			last_end = stop;
		}
	}
	na_free(l.se);
	return n;
}
