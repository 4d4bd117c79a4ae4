/*
 * zh_substr_levels.c
 *	  Frequency levels of a text's keys, and the upper bound of zh_rank they
 *	  give, for a top-N by rank that reads few texts: see zh_substr.h.
 *
 * A level key says "this character (or bigram) of the normalised text occurs
 * at least 2^l times in it", l = 1 .. ZH_RANK_LEVELS.  A term occurs no more
 * often (non-overlapping) than any of its characters or bigrams, so a row
 * that lacks the level-l key of one of them has the term fewer than 2^l
 * times; zh_rank grows with the term frequency, so that bounds the score.
 */
#include "zh_substr.h"

#include <math.h>

#define BM25_K1		1.2
#define BM25_B		0.75

/*
 * A key -> count table, open addressing (keys are never 0x80000000).  The
 * slot comes from the high bits of a multiplicative hash (the low bits of a
 * bigram key are its second character alone); the slots in use are listed
 * as they are filled, so growing and reading the counts never scan the
 * table, which is sized for the text's length and may be mostly empty.
 */
typedef struct CountMap
{
	uint32_t   *keys;			/* key XOR 0x80000000; 0 = empty */
	uint32_t   *counts;
	uint32_t   *used;			/* the slots in use (room for cap / 2) */
	size_t		cap;
	size_t		n;
	int			shift;			/* 32 - log2(cap) */
} CountMap;

static void
cm_init(CountMap *m, size_t expect)
{
	int			bits = 6;

	while (((size_t) 1 << bits) < expect * 2)
		bits++;
	m->cap = (size_t) 1 << bits;
	m->shift = 32 - bits;
	m->keys = (uint32_t *) na_alloc0(m->cap * sizeof(uint32_t));
	m->counts = (uint32_t *) na_alloc(m->cap * sizeof(uint32_t));
	m->used = (uint32_t *) na_alloc((m->cap / 2 + 1) * sizeof(uint32_t));
	m->n = 0;
}

static void
cm_free(CountMap *m)
{
	na_free(m->keys);
	na_free(m->counts);
	na_free(m->used);
}

/* the slot of u: where it is, or the free one where it goes */
static inline size_t
cm_slot(const CountMap *m, uint32_t u)
{
	size_t		i = (size_t) ((u * 0x9E3779B1u) >> m->shift);

	while (m->keys[i] != 0 && m->keys[i] != u)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void
cm_grow(CountMap *m)
{
	CountMap	old = *m;
	size_t		j;

	cm_init(m, old.cap);
	for (j = 0; j < old.n; j++)
	{
		uint32_t	u = old.keys[old.used[j]];
		size_t		i = cm_slot(m, u);

		m->keys[i] = u;
		m->counts[i] = old.counts[old.used[j]];
		m->used[m->n++] = (uint32_t) i;
	}
	cm_free(&old);
}

static void
cm_add(CountMap *m, int32_t key)
{
	uint32_t	u = (uint32_t) key ^ 0x80000000u;
	size_t		i;

	if ((m->n + 1) * 2 > m->cap)
		cm_grow(m);
	i = cm_slot(m, u);
	if (m->keys[i] == 0)
	{
		m->keys[i] = u;
		m->counts[i] = 0;
		m->used[m->n++] = (uint32_t) i;
	}
	/* counts above the top level need not be exact */
	if (m->counts[i] < (1u << ZH_RANK_LEVELS))
		m->counts[i]++;
}

int32_t
zh_rank_level_key(int32_t key, int level)
{
	uint32_t	h = (uint32_t) key ^ ((uint32_t) level * 0x9E3779B1u);

	/* murmur3's finaliser: a bijection, so only the XOR can collide */
	h ^= h >> 16;
	h *= 0x85EBCA6Bu;
	h ^= h >> 13;
	h *= 0xC2B2AE35u;
	h ^= h >> 16;
	return (int32_t) h;
}

size_t
zh_rank_keys(const char *s, size_t len, int32_t **keys)
{
	ZhFoldStream st;
	CountMap	m;
	uint32_t	cp,
				prev = 0;
	size_t		a,
				b,
				j,
				n = 0,
				ncp = 0;
	int32_t    *out;

	cm_init(&m, len < 8192 ? len / 2 + 1 : 4096);
	zh_fold_stream_init(&st, s, len);
	while (zh_fold_next(&st, &cp, &a, &b))
	{
		cm_add(&m, zh_substr_key_char(cp));
		if (ncp > 0)
			cm_add(&m, zh_substr_key_bigram(prev, cp));
		prev = cp;
		if ((++ncp & 0xFFFF) == 0)
			na_check_interrupts();
	}
	for (j = 0; j < m.n; j++)
		if (m.counts[m.used[j]] >= 2)
			n += (size_t) (31 - __builtin_clz(m.counts[m.used[j]]));
	out = (int32_t *) na_alloc((n ? n : 1) * sizeof(int32_t));
	n = 0;
	for (j = 0; j < m.n; j++)
	{
		uint32_t	i = m.used[j];
		int			l;

		for (l = 1; l <= ZH_RANK_LEVELS && (m.counts[i] >> l) != 0; l++)
			out[n++] = zh_rank_level_key((int32_t) (m.keys[i] ^ 0x80000000u), l);
	}
	cm_free(&m);
	*keys = out;
	return zh_substr_keys_unique(out, n);
}

size_t
zh_rank_term_keys(const ZhSubTerm *t, int level, int32_t *out)
{
	uint32_t	i;

	if (t->ncp == 1)
	{
		out[0] = zh_rank_level_key(zh_substr_key_char(t->cps[0]), level);
		return 1;
	}
	for (i = 0; i + 1 < t->ncp; i++)
		out[i] = zh_rank_level_key(zh_substr_key_bigram(t->cps[i], t->cps[i + 1]),
								   level);
	return zh_substr_keys_unique(out, t->ncp - 1);
}

/* BM25's saturation of a length-normalised frequency, as zh_substr_rank */
static double
saturate(double tf)
{
	return tf * (BM25_K1 + 1.0) / (tf + BM25_K1);
}

double
zh_rank_bound(const ZhSubQuery *q, const char *title, size_t title_len,
			  size_t body_bytes, uint64_t levels,
			  double title_weight, double avg_title, double avg_body)
{
	double		bound = 0.0,
				tnorm,
				bnorm;
	size_t		tn = title ? na_utf8_count(title, title_len) : 0;
	uint32_t	i,
				pos = 0;

	if (avg_title < 1.0)
		avg_title = 1.0;
	if (avg_body < 1.0)
		avg_body = 1.0;
	tnorm = 1.0 - BM25_B + BM25_B * ((double) tn / avg_title);
	/* a character takes at most 4 bytes: the body has body_bytes / 4 or more */
	bnorm = 1.0 - BM25_B + BM25_B * ((double) (body_bytes / 4) / avg_body);
	for (i = 0; i < q->nterms; i++)
	{
		const ZhSubTerm *t = &q->terms[i];
		double		tf;
		int			level;

		if (t->negated)
			continue;
		/* the positive term's level: 4 bits each, beyond 16 terms unknown */
		level = pos < 16 ? (int) ((levels >> (4 * pos)) & 0xF) : ZH_RANK_LEVELS;
		pos++;
		if (level >= ZH_RANK_LEVELS)
		{
			bound += log(1.0 + t->ncp) * (BM25_K1 + 1.0);
			continue;
		}
		tf = title ? title_weight * (double) zh_subterm_count(t, title, title_len) / tnorm : 0.0;
		tf += (double) ((2u << level) - 1) / bnorm;
		bound += log(1.0 + t->ncp) * saturate(tf);
	}
	return bound;
}
