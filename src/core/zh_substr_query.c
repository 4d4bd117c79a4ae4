/*
 * zh_substr_query.c
 *	  Queries of the "&@" operator (zh_query syntax) and their consistency
 *	  with an index item's keys: see zh_substr.h.
 */
#include "zh_substr.h"
#include "zh_query_syntax.h"

/* normalised code points of a term, without white space at either end */
static uint32_t
term_cps(const char *s, size_t len, uint32_t **cps)
{
	ZhFoldStream st;
	uint32_t	cp,
				n = 0,
				first = 0;
	size_t		a,
				b;
	uint32_t   *out = (uint32_t *) na_alloc((len + 1) * sizeof(uint32_t));

	zh_fold_stream_init(&st, s, len);
	while (zh_fold_next(&st, &cp, &a, &b))
		out[n++] = cp;
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\n' || out[n - 1] == '\r'))
		n--;
	while (first < n && (out[first] == ' ' || out[first] == '\n' || out[first] == '\r'))
		first++;
	if (first > 0)
		memmove(out, out + first, (n - first) * sizeof(uint32_t));
	*cps = out;
	return n - first;
}

static void
term_fill(ZhSubTerm *t, uint32_t *cps, uint32_t n)
{
	uint32_t	i,
				nb = 0;
	int32_t		k = -1;

	t->cps = cps;
	t->ncp = n;
	t->bytes = (char *) na_alloc((size_t) n * 4 + 1);
	for (i = 0; i < n; i++)
		nb += (uint32_t) na_utf8_encode(cps[i], t->bytes + nb);
	t->bytes[nb] = '\0';
	t->nbytes = nb;
	/* KMP: fail[i] = length of the longest proper border of cps[0..i] */
	t->fail = (int32_t *) na_alloc((size_t) n * sizeof(int32_t));
	t->fail[0] = 0;
	k = 0;
	for (i = 1; i < n; i++)
	{
		while (k > 0 && cps[i] != cps[k])
			k = t->fail[k - 1];
		if (cps[i] == cps[k])
			k++;
		t->fail[i] = k;
	}
	t->exact = n <= 2;
	for (i = 0; i < n; i++)
		if (cps[i] >= 0x10000)
			t->exact = false;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *) a,
				y = *(const uint32_t *) b;

	return (x > y) - (x < y);
}

static void
pair_set(ZhSubTerm *t, unsigned b0, unsigned b1)
{
	unsigned	x = b0 << 8 | b1;

	t->pair2[x >> 6] |= (uint64_t) 1 << (x & 63);
}

static void
add_variant(ZhSubTerm *t, uint32_t *cap, uint32_t cp)
{
	char		b[4];

	if (cp < 0x80)
	{
		t->ascii[cp] = 1;
		return;
	}
	if (t->nvariants == *cap)
	{
		*cap = *cap * 2 + 16;
		t->variants = (uint32_t *) na_realloc(t->variants, *cap * sizeof(uint32_t));
	}
	t->variants[t->nvariants++] = cp;
	(void) na_utf8_encode(cp, b);
	pair_set(t, (unsigned char) b[0], (unsigned char) b[1]);
}

/* add a pattern, or widen one with the same first two bytes */
static bool
add_pattern(ZhSubTerm *t, const char *b, int n, bool space)
{
	ZhTrigPat  *p;
	uint32_t	k;

	if (n >= 3)
		for (k = 0; k < t->npats; k++)
		{
			p = &t->pats[k];
			if (p->n == 3 && p->b[0] == (unsigned char) b[0] && p->b[1] == (unsigned char) b[1])
			{
				unsigned	lo = p->b[2],
							hi = p->b[2] + p->b2span,
							c = (unsigned char) b[2];

				lo = c < lo ? c : lo;
				hi = c > hi ? c : hi;
				if (hi - lo > 15)
					continue;	/* a narrow range: few false candidates */
				p->b[2] = (unsigned char) lo;
				p->b2span = (unsigned char) (hi - lo);
				return true;
			}
		}
	if (t->npats == ZH_MAX_TRIG_PATS)
		return false;
	p = &t->pats[t->npats++];
	memset(p, 0, sizeof(*p));
	memcpy(p->b, b, n < 3 ? n : 3);
	p->n = (uint8_t) (n < 3 ? n : 3);
	p->space = space;
	return true;
}

/*
 * The triggers as byte patterns for the SSE2 scan: the first bytes of the
 * variants (those sharing two bytes as one pattern with a range of third
 * bytes), ASCII variants, droppable white space.  When they are too many,
 * npats is 0 and the byte-pair filter does it alone.
 */
static void
term_patterns(ZhSubTerm *t)
{
	uint32_t	i;
	bool		ok = true;
	char		b[4];

	t->npats = 0;
	for (i = 0; ok && i < t->nvariants; i++)
		ok = add_pattern(t, b, na_utf8_encode(t->variants[i], b), false);
	for (i = 0; ok && i < 128; i++)
	{
		b[0] = (char) i;
		if (t->ascii[i] == 1)
			ok = add_pattern(t, b, 1, false);
		else if (t->ascii[i] == 2)
			ok = add_pattern(t, b, 1, true);
	}
	if (!ok)
		t->npats = 0;
}

/* the raw characters that can make a match memmem() does not see */
static void
term_variants(ZhSubTerm *t)
{
	uint32_t	cap = 0,
				i,
				from[64];
	bool		han_pair = false;

	t->pair2 = (uint64_t *) na_alloc0(1024 * sizeof(uint64_t));
	t->han_before = (uint32_t *) na_alloc((t->ncp + 1) * sizeof(uint32_t));
	for (i = 0; i < t->ncp; i++)
	{
		size_t		n = zh_fold_inverse(t->cps[i], from, 64),
					k;

		for (k = 0; k < n && k < 64; k++)
			add_variant(t, &cap, from[k]);
		if (i > 0 && na_is_han(t->cps[i - 1]) && na_is_han(t->cps[i]))
		{
			han_pair = true;
			t->han_before[t->nhan_before++] = t->cps[i - 1];
		}
		if (t->cps[i] == NA_REPLACEMENT_CP)
			t->has_fffd = true;
	}
	if (han_pair)
	{
		/* white space between two Han characters is dropped */
		size_t		n = zh_fold_inverse(' ', from, 64),
					k;

		for (k = 0; k < n && k < 64; k++)
			if (from[k] >= 0x80)
				add_variant(t, &cap, from[k]);
		for (k = 0; k < 128; k++)
			if (k == ' ' || zh_fold_cp((uint32_t) k) == ' ')
				if (t->ascii[k] == 0)
					t->ascii[k] = 2;
	}
	if (t->nvariants > 1)
		qsort(t->variants, t->nvariants, sizeof(uint32_t), cmp_u32);
	if (t->nhan_before > 1)
		qsort(t->han_before, t->nhan_before, sizeof(uint32_t), cmp_u32);
	term_patterns(t);
	/* the ASCII triggers in the byte-pair filter too (see next_trigger) */
	for (i = 0; i < 128; i++)
	{
		unsigned	b;

		if (t->ascii[i] == 1)
			for (b = 0; b < 256; b++)
				pair_set(t, i, b);
		else if (t->ascii[i] == 2)
			for (b = 0x80; b < 256; b++)
				pair_set(t, b, i);
	}
}

/* room for n more keys */
static void
keys_reserve(ZhSubQuery *q, uint32_t n, uint32_t *cap)
{
	if (q->nkeys + n <= *cap)
		return;
	*cap = (q->nkeys + n) * 2;
	q->keys = (int32_t *) na_realloc(q->keys, *cap * sizeof(int32_t));
	q->partial = (bool *) na_realloc(q->partial, *cap * sizeof(bool));
}

/*
 * Append the term's keys (deduplicated) to the query's.  A BMP character
 * is found by its own key or by a partial match over the bigrams it starts
 * (see zh_substr_keys): two keys, either will do; a common one by its own
 * key alone (every text that has it has that key; so does every text an
 * index of 0.3 holds, where every character had its key).
 */
static void
term_keys(ZhSubQuery *q, ZhSubTerm *t, uint32_t *cap)
{
	uint32_t	need = t->ncp == 1 ? 2 : t->ncp - 1,
				ntri = t->ncp >= 3 ? t->ncp - 2 : 0,
				i;

	keys_reserve(q, need + 2 + 2 * ntri, cap);
	memset(q->partial + q->nkeys, 0, (need + 2 + 2 * ntri) * sizeof(bool));
	t->key_first = q->nkeys;
	if (t->ncp == 1)
	{
		q->keys[q->nkeys++] = zh_substr_key_char(t->cps[0]);
		t->nkeys = 1;
		if (t->cps[0] < 0x10000 && !zh_substr_char_common(t->cps[0]))
		{
			q->partial[q->nkeys] = true;
			q->keys[q->nkeys++] = zh_substr_key_prefix(t->cps[0]);
			t->nkeys = 2;
			t->any_key = true;
		}
		return;
	}
	for (i = 0; i + 1 < t->ncp; i++)
		q->keys[q->nkeys + i] = zh_substr_key_bigram(t->cps[i], t->cps[i + 1]);
	t->nkeys = (uint32_t) zh_substr_keys_unique(q->keys + q->nkeys, need);
	q->nkeys += t->nkeys;
	if (ntri == 0)
		return;
	q->keys[q->nkeys++] = zh_substr_key_long();
	for (i = 0; i < ntri; i++)
		q->keys[q->nkeys + i] = zh_substr_key_trigram(t->cps[i], t->cps[i + 1], t->cps[i + 2]);
	t->ntri = (uint32_t) zh_substr_keys_unique(q->keys + q->nkeys, ntri);
	q->nkeys += t->ntri;
	/*
	 * then those of a common middle character again, keyed as texts stored
	 * out of line have them
	 */
	for (i = 0; i < ntri; i++)
		if (zh_substr_char_common(t->cps[i + 1]))
			q->keys[q->nkeys + 1 + t->nmid++] =
				zh_substr_key_mid_trigram(t->cps[i], t->cps[i + 1], t->cps[i + 2]);
	if (t->nmid == 0)
		return;
	q->keys[q->nkeys++] = zh_substr_key_mid();
	t->nmid = (uint32_t) zh_substr_keys_unique(q->keys + q->nkeys, t->nmid);
	q->nkeys += t->nmid;
}

/*
 * Does a group of two or more alternatives hold a term with a partial-match
 * key, while other groups are ANDed with it?  (zh_gin_triconsistent: GIN
 * can skip rows in that shape when the partial match goes lossy.)
 */
static bool
or_group_partial(const ZhSubQuery *q)
{
	uint32_t	i,
				k;

	if (q->ngroups < 2)
		return false;
	for (i = 0; i < q->nterms; i++)
	{
		const ZhSubTerm *t = &q->terms[i];
		bool		alone = (i == 0 || q->terms[i - 1].group != t->group) &&
			(i + 1 == q->nterms || q->terms[i + 1].group != t->group);

		if (alone)
			continue;
		for (k = 0; k < t->nkeys; k++)
			if (q->partial[t->key_first + k])
				return true;
	}
	return false;
}

ZhSubQuery *
zh_subquery_parse(const char *s, size_t len)
{
	ZhSubQuery *q = (ZhSubQuery *) na_alloc0(sizeof(ZhSubQuery));
	ZhQTerm    *raw;
	size_t		nraw = zh_query_split(s, len, &raw),
				i;
	uint32_t	cap = 0;
	bool	   *group_neg;

	q->terms = (ZhSubTerm *) na_alloc0((nraw + 1) * sizeof(ZhSubTerm));
	q->exact = true;
	for (i = 0; i < nraw; i++)
	{
		ZhSubTerm  *t = &q->terms[q->nterms];
		uint32_t   *cps;
		uint32_t	n = term_cps(s + raw[i].start, raw[i].end - raw[i].start, &cps);

		if (n == 0)
		{
			na_free(cps);
			continue;
		}
		term_fill(t, cps, n);
		term_variants(t);
		t->negated = raw[i].negated;
		/* OR joins this term to the previous kept term's group */
		if (!(raw[i].or_prev && q->nterms > 0))
			q->ngroups++;
		t->group = q->ngroups - 1;
		term_keys(q, t, &cap);
		q->exact = q->exact && t->exact;
		q->nterms++;
	}
	na_free(raw);
	/* the index narrows rows down only through a group of positive terms */
	group_neg = (bool *) na_alloc0(q->ngroups + 1);
	for (i = 0; i < q->nterms; i++)
		if (q->terms[i].negated)
			group_neg[q->terms[i].group] = true;
	q->needs_all = q->ngroups > 0;
	for (i = 0; i < q->ngroups; i++)
		if (!group_neg[i])
			q->needs_all = false;
	na_free(group_neg);
	q->or_partial = or_group_partial(q);
	return q;
}

void
zh_subquery_free(ZhSubQuery *q)
{
	uint32_t	i;

	if (q == NULL)
		return;
	for (i = 0; i < q->nterms; i++)
	{
		na_free(q->terms[i].cps);
		na_free(q->terms[i].bytes);
		na_free(q->terms[i].fail);
		na_free(q->terms[i].variants);
		na_free(q->terms[i].pair2);
		na_free(q->terms[i].han_before);
	}
	na_free(q->terms);
	na_free(q->keys);
	na_free(q->partial);
	na_free(q);
}

int
zh_subquery_eval(const ZhSubQuery *q, ZhTermValueFn term_value, void *arg)
{
	uint32_t	i = 0;
	int			res = 1;

	if (q->nterms == 0)
		return 0;
	while (i < q->nterms)
	{
		uint32_t	g = q->terms[i].group;
		int			gv = 0;

		for (; i < q->nterms && q->terms[i].group == g; i++)
		{
			int			v = gv == 1 ? 1 : term_value(q, i, arg);

			if (v == 1 || (v == 2 && gv == 0))
				gv = v;
		}
		if (gv == 0)
			return 0;
		if (gv == 2)
			res = 2;
	}
	return res;
}

typedef struct
{
	const char *s;
	size_t		len;
} RawText;

static int
term_in_text(const ZhSubQuery *q, uint32_t i, void *arg)
{
	const RawText *t = (const RawText *) arg;

	return zh_subterm_in(&q->terms[i], t->s, t->len) != q->terms[i].negated;
}

bool
zh_subquery_match(const ZhSubQuery *q, const char *s, size_t len)
{
	RawText		t = {s, len};

	return zh_subquery_eval(q, term_in_text, &t) == 1;
}

/* AND of n keys' checks: 0 no, 1 yes, 2 maybe */
static int
all_keys(const char *check, uint32_t n)
{
	uint32_t	i;
	int			v = 1;

	for (i = 0; i < n; i++)
	{
		if (check[i] == 0)
			return 0;
		if (check[i] == 2)
			v = 2;
	}
	return v;
}

/* OR of n keys' checks: 0 no, 1 yes, 2 maybe */
static int
any_key(const char *check, uint32_t n)
{
	uint32_t	i;
	int			v = 0;

	for (i = 0; i < n; i++)
	{
		if (check[i] == 1)
			return 1;
		if (check[i] == 2)
			v = 2;
	}
	return v;
}

static int
and3(int a, int b)
{
	return a == 0 || b == 0 ? 0 : (a == 1 && b == 1 ? 1 : 2);
}

/*
 * 0 no, 1 yes, 2 maybe: a term's trigram keys, given check of its markers
 * and trigrams (term_keys).  A text with the long marker must have all the
 * trigrams, one with the out-of-line marker those of a common middle, any
 * other none; the answer is what every kind of text the markers leave
 * possible says.
 */
static int
trigrams_consistent(const ZhSubTerm *t, const char *check)
{
	char		is_long = check[0],
				is_mid = t->nmid > 0 ? check[1 + t->ntri] : 0;
	int			v = -1,
				kind[3],
				k;

	kind[0] = is_long != 0 ? all_keys(check + 1, t->ntri) : -1;
	kind[1] = is_mid != 0 ? all_keys(check + 2 + t->ntri, t->nmid) : -1;
	kind[2] = is_long != 1 && is_mid != 1 ? 1 : -1;
	for (k = 0; k < 3; k++)
		if (kind[k] >= 0)
			v = v < 0 ? kind[k] : (v == kind[k] ? v : 2);
	return v < 0 ? 0 : v;
}

/* 0 no, 1 yes, 2 maybe: one term given its keys */
static int
term_consistent(const ZhSubQuery *q, const ZhSubTerm *t, const char *check)
{
	int			v = t->any_key ? any_key(check + t->key_first, t->nkeys)
		: all_keys(check + t->key_first, t->nkeys);

	if (v != 0 && t->ntri > 0)
		v = and3(v, trigrams_consistent(t, check + t->key_first + t->nkeys));
	if (v == 1 && !t->exact)
		v = 2;
	if (t->negated)
		v = v == 0 ? 1 : (v == 1 ? 0 : 2);
	return v;
}

static int
term_keys_value(const ZhSubQuery *q, uint32_t i, void *check)
{
	return term_consistent(q, &q->terms[i], (const char *) check);
}

int
zh_subquery_consistent(const ZhSubQuery *q, const char *check)
{
	return zh_subquery_eval(q, term_keys_value, (void *) check);
}
