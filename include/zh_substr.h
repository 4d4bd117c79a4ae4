/*
 * zh_substr.h
 *	  Exact substring search over normalised Chinese text without a
 *	  normalised copy (plain C core): the "&@" operator and its GIN index.
 *
 * Three parts:
 *   - a folding reader (ZhFoldStream) that yields the code points of
 *     zh_normalize(text) one by one, reading the raw text, with each code
 *     point's byte span in the raw text;
 *   - index keys (zh_substr_keys): every bigram of the normalised text, and
 *     for the code points that start no bigram of two BMP characters (the
 *     last one, supplementary ones) a key of their own (an end key inside
 *     the prefix range for a BMP one), as 32-bit keys.  Keys of Basic
 *     Multilingual Plane characters are exact (a bigram is its first code
 *     point in the upper 16 bits, its second in the lower), so a query of one
 *     or two such characters is answered by the index alone: one character
 *     by a partial match over the bigram and end keys it starts
 *     (contiguous in int4 order); keys that
 *     involve supplementary characters are hashed into ranges no BMP key can
 *     take (surrogate code points never occur in text).  A long text
 *     (ZH_SUBSTR_LONG_BYTES and more) contains most common bigrams, so it
 *     also gets a marker key and hashed trigram keys: a term of three or
 *     more characters needs its trigrams there, which spares most rechecks
 *     of long texts; a text stored out of line (ZH_SUBSTR_MID_BYTES) gets
 *     another marker and the trigrams whose middle character is a common
 *     one, where the bigrams alone let most false candidates through;
 *   - queries (ZhSubQuery) in zh_query syntax: terms separated by white
 *     space must all occur, "quoted text" is one term with its spaces, OR
 *     or | makes alternatives, -term excludes.  Each term is normalised and
 *     found by a Knuth-Morris-Pratt scan of the folding reader, after a
 *     memmem() of the raw bytes (raw containment of a normalised term implies
 *     normalised containment: the fold is one code point to one code point
 *     and idempotent, and terms have no white space at their ends).
 *
 * There are no length or position limits: documents are read as a stream.
 */
#ifndef ZH_SUBSTR_H
#define ZH_SUBSTR_H

#include "na_port.h"
#include "na_utf8.h"
#include "zh_normalize.h"

/* ---- the folding reader ---- */

typedef struct ZhFoldStream
{
	const char *s;
	size_t		len;
	size_t		pos;			/* next raw byte to read */
	uint32_t	nspace;			/* spaces still to yield before held */
	bool		have_held;		/* a code point read past a space run */
	bool		prev_han;		/* last non-space code point yielded was Han */
	uint32_t	held;
	size_t		held_start;
	size_t		held_end;
} ZhFoldStream;

static inline void
zh_fold_stream_init(ZhFoldStream *st, const char *s, size_t len)
{
	memset(st, 0, sizeof(*st));
	st->s = s;
	st->len = len;
}

/*
 * Next code point of the normalised text, with the raw byte span that
 * produced it ([*start, *end); a kept space yields an empty span at the
 * next character).  False at the end.  Same output as zh_normalize().
 */
static inline bool
zh_fold_next(ZhFoldStream *st, uint32_t *cp, size_t *start, size_t *end)
{
	uint32_t	pending = 0;

	if (st->nspace > 0)
	{
		st->nspace--;
		*cp = ' ';
		*start = *end = st->held_start;
		return true;
	}
	if (st->have_held)
	{
		st->have_held = false;
		*cp = st->held;
		*start = st->held_start;
		*end = st->held_end;
		st->prev_han = na_is_han(st->held);
		return true;
	}
	for (;;)
	{
		size_t		adv,
					at = st->pos;
		uint32_t	c;

		if (at >= st->len)
		{
			if (pending == 0)
				return false;
			st->nspace = pending - 1;
			st->held_start = st->len;
			*cp = ' ';
			*start = *end = st->len;
			return true;
		}
		c = zh_fold_cp_inline(na_utf8_decode(st->s + at, st->len - at, &adv));
		st->pos = at + adv;
		if (c == ' ')
		{
			pending++;
			continue;
		}
		if (pending > 0 && !(st->prev_han && na_is_han(c)))
		{
			/* the run is kept: yield its spaces, then c */
			st->nspace = pending - 1;
			st->have_held = true;
			st->held = c;
			st->held_start = at;
			st->held_end = at + adv;
			*cp = ' ';
			*start = *end = at;
			return true;
		}
		st->prev_han = na_is_han(c);
		*cp = c;
		*start = at;
		*end = at + adv;
		return true;
	}
}

/* ---- index keys ---- */

/*
 * The distinct keys of len bytes of raw text (bigrams and single code points
 * of its normalised form), sorted.  A BMP character that starts a bigram
 * key has no key of its own unless every_char or it is common
 * (zh_substr_char_common); one that starts none has its end key instead
 * (zh_substr_key_end), unless every_char or common.  Returns the count; *keys
 * is na_alloc'ed (NULL when there are none).
 */
extern size_t zh_substr_keys(const char *s, size_t len, bool every_char,
							 int32_t **keys);

/* texts of this many bytes and more also get trigram keys */
#define ZH_SUBSTR_LONG_BYTES	24576
/*
 * and from this many, those of a common middle character: about where
 * PostgreSQL moves a value out of line (TOAST_TUPLE_THRESHOLD), so a
 * recheck of such a text reads TOAST blocks of its own
 */
#define ZH_SUBSTR_MID_BYTES		2048

/* the key of one code point, of two or three adjacent ones, of long texts */
extern int32_t zh_substr_key_char(uint32_t cp);

/* a non-common BMP code point that starts no BMP bigram: (cp, U+DC00) */
extern int32_t zh_substr_key_end(uint32_t cp);
extern int32_t zh_substr_key_bigram(uint32_t a, uint32_t b);
extern int32_t zh_substr_key_trigram(uint32_t a, uint32_t b, uint32_t c);
extern int32_t zh_substr_key_long(void);
extern int32_t zh_substr_key_mid(void);
extern int32_t zh_substr_key_mid_trigram(uint32_t a, uint32_t b, uint32_t c);

/*
 * Is cp one of the most frequent Han characters (src/core/zh_common_chars.c)?
 * Those keep their own key in every text, so a one-character query for one
 * of them reads that key alone instead of every bigram it starts.
 */
extern bool zh_substr_char_common(uint32_t cp);

/* the same characters as a list in code point order, and its length */
extern const uint16_t zh_substr_common_list[];
extern const size_t zh_substr_common_count;

/*
 * A one-character (BMP) query's partial-match key: every bigram key that
 * starts with cp is in [prefix, prefix | 0xFFFF], contiguous in int4 order
 * (the upper 16 bits fixed), and no other key is.
 */
extern int32_t zh_substr_key_prefix(uint32_t cp);
extern bool zh_substr_key_in_prefix(int32_t prefix, int32_t key);

/* the first index of sorted keys[0..n) not below key (signed order) */
extern size_t zh_keys_lower_bound(const int32_t *keys, size_t n, int32_t key);

/* sort keys and drop duplicates; returns the new count */
extern size_t zh_substr_keys_unique(int32_t *keys, size_t n);

/* ---- queries ---- */

/* a trigger's first bytes, for the SSE2 scan (see next_trigger) */
typedef struct ZhTrigPat
{
	unsigned char b[3];			/* b[2]: the lowest third byte */
	unsigned char b2span;		/* third bytes b[2] .. b[2] + b2span */
	uint8_t		n;				/* bytes compared (1-3) */
	bool		space;			/* b[0] is white space that counts after a
								 * non-ASCII byte */
} ZhTrigPat;

#define ZH_MAX_TRIG_PATS	16

typedef struct ZhSubTerm
{
	uint32_t   *cps;			/* normalised code points */
	uint32_t	ncp;
	char	   *bytes;			/* the same, UTF-8 */
	uint32_t	nbytes;
	int32_t    *fail;			/* KMP failure function, ncp entries */
	uint32_t	key_first;		/* its keys: query->keys[key_first ..] */
	uint32_t	nkeys;			/* characters or bigrams; a BMP character:
								 * its own key and its prefix key, either
								 * will do */
	uint32_t	ntri;			/* then (3+ characters) the long-text
								 * marker and ntri trigrams */
	uint32_t	nmid;			/* then, if any of them has a common middle
								 * character, the out-of-line marker and
								 * those nmid trigrams */
	uint32_t	group;			/* terms of one group are alternatives */
	bool		negated;
	bool		exact;			/* its keys alone decide containment */
	bool		any_key;		/* one of its keys will do (one BMP
								 * character), not all */
	/*
	 * When memmem() does not find the term's bytes, a match needs a raw
	 * character that folds into one of the term's (a variant), or white
	 * space dropped between two Han characters (after a character that
	 * folds into one of han_before).  The text is scanned for those
	 * triggers; only a window of the term's length on either side of each
	 * is read by folding (zh_substr_match.c).
	 */
	uint32_t   *variants;		/* sorted */
	uint32_t	nvariants;
	uint64_t   *pair2;			/* 65536 bits, one per byte pair: the
								 * first two bytes of a variant, an ASCII
								 * variant and any byte, or a non-ASCII byte
								 * and droppable white space */
	uint32_t   *han_before;		/* sorted: the term's Han characters that
								 * a Han character follows in the term */
	uint32_t	nhan_before;
	ZhTrigPat	pats[ZH_MAX_TRIG_PATS];
	uint32_t	npats;			/* 0: too many, the pair filter alone */
	uint8_t		ascii[128];		/* 1: a variant; 2: white space that may
								 * be dropped (after a non-ASCII character
								 * that folds into one of han_before) */
	bool		has_fffd;		/* U+FFFD, which malformed bytes become:
								 * always scan by folding */
} ZhSubTerm;

typedef struct ZhSubQuery
{
	ZhSubTerm  *terms;
	uint32_t	nterms;
	uint32_t	ngroups;
	int32_t    *keys;			/* all terms' keys, term by term */
	bool	   *partial;		/* per key: a prefix key (partial match) */
	uint32_t	nkeys;
	bool		exact;			/* index keys decide the whole query */
	bool		needs_all;		/* every group has a negated term: the
								 * index cannot narrow the rows down */
	bool		or_partial;		/* a group of alternatives holds a
								 * one-character (partial-match) term, and
								 * other groups are ANDed with it */
} ZhSubQuery;

/*
 * Parse len bytes of zh_query syntax.  Terms that normalise to nothing are
 * dropped; a query without terms matches nothing.  Free with
 * zh_subquery_free.
 */
extern ZhSubQuery *zh_subquery_parse(const char *s, size_t len);
extern void zh_subquery_free(ZhSubQuery *q);

/* does the raw text contain the term (after normalisation of both)? */
extern bool zh_subterm_in(const ZhSubTerm *t, const char *s, size_t len);

/* -1: use AVX2 in the matcher where the CPU has it; 0: SSE2 only (tests) */
extern int	zh_substr_avx2;

/* does the raw text satisfy the query? */
extern bool zh_subquery_match(const ZhSubQuery *q, const char *s, size_t len);

/*
 * The query's value from its terms' values, each 0 (false), 1 (true) or 2
 * (undecided), negation already applied by term_value: the AND of the
 * groups, each the OR of its terms.  Returns 0, 1 or 2 (0 for a query
 * without terms).  term_value is not called for the rest of a group once a
 * term is true, nor after a group is false.
 */
typedef int (*ZhTermValueFn) (const ZhSubQuery *q, uint32_t term, void *arg);
extern int	zh_subquery_eval(const ZhSubQuery *q, ZhTermValueFn term_value,
							 void *arg);

/*
 * Confirming a long text slice by slice (zh_substr_stream.c), stopping as
 * soon as the query is decided: a positive term once found, a negated one
 * only at the end of the text.  The caller reads text[base, base + len)
 * with base <= zh_substream_need() and feeds it, last when it reaches the
 * end of the text; a slice need not end on a character boundary.  Two
 * modes:
 *   - raw first (fold_per_slice false): each slice is searched for the
 *     terms' raw bytes only (memmem, the cheap test that settles most
 *     matches; slices overlap by a term's bytes less one).  When the last
 *     slice leaves the query undecided (-1), the caller reads the whole
 *     text and zh_substream_finish() looks for the folded forms in it;
 *   - fold per slice: each slice is searched fully, and each term resumes
 *     where a match it has not seen yet can start (zh_subterm_resume), so
 *     slices overlap by about a term's length, plus any white space a match
 *     drops; the last slice decides.
 * Not for queries with U+FFFD (zh_substream_ok).
 */
typedef struct ZhSubStream
{
	const ZhSubQuery *q;
	bool		fold_per_slice;
	size_t	   *from;			/* per term: where its search resumes
								 * (fold per slice) */
	size_t	   *raw_from;		/* per term: where its memmem() resumes */
	bool	   *found;			/* per term: it occurs */
} ZhSubStream;

extern bool zh_substream_ok(const ZhSubQuery *q);
extern void zh_substream_init(ZhSubStream *st, const ZhSubQuery *q,
							  bool fold_per_slice);
extern void zh_substream_free(ZhSubStream *st);
extern size_t zh_substream_need(const ZhSubStream *st);
/* 1 or 0 once decided (fold per slice: always when last), else -1 */
extern int	zh_substream_feed(ZhSubStream *st, const char *s, size_t base,
							  size_t len, bool last);
/* raw first, undecided after the last slice: the whole text decides */
extern int	zh_substream_finish(ZhSubStream *st, const char *s, size_t len);
/*
 * Terms already known to occur (found[i] true; from zh_subquery_join_found)
 * count as found before the first slice.  Returns 1 or 0 when that decides
 * the query already, else -1.
 */
extern int	zh_substream_preset(ZhSubStream *st, const bool *found);
/* where to resume a search of the term after s[0, len): see above */
extern size_t zh_subterm_resume(const ZhSubTerm *t, const char *s, size_t len);
/* the matches that are not in the raw bytes (zh_subterm_in less memmem) */
extern bool zh_subterm_in_folded(const ZhSubTerm *t, const char *s, size_t len);

/*
 * Each non-overlapping occurrence of the term, left to right, as a raw byte
 * span.  Calls fn(arg, start, end) for each and returns the count; fn may be
 * NULL (count only).  *nchars (if not NULL) gets the normalised length of
 * the text in code points.
 */
typedef void (*ZhSpanFn) (void *arg, size_t start, size_t end);

/* the number of non-overlapping occurrences (as zh_subterm_spans counts) */
extern size_t zh_subterm_count(const ZhSubTerm *t, const char *s, size_t len);
extern size_t zh_subterm_spans(const ZhSubTerm *t, const char *s, size_t len,
							   ZhSpanFn fn, void *arg, size_t *nchars);

/*
 * A query on a head of short fields followed by a body (an archive's
 * article_text(): "kicker\ntitle\nsubtitle\n" then the body), without the
 * joined copy (zh_substr_join.c).  A term occurs in the joined text exactly
 * when it occurs in the head followed by the body's lead, or in the body
 * alone.  The lead: the body's first bytes up to its nchars-th character
 * that is not white space once folded (*complete false when the body has
 * fewer, the lead then being the whole body).  zh_subquery_join_found sets
 * found[i] for the terms in head + lead, with nchars the query's
 * zh_subquery_max_ncp; zh_subquery_match_joined decides the whole query
 * that way (== zh_subquery_match on the joined text).
 */
extern size_t zh_substr_lead_bytes(const char *s, size_t len, uint32_t nchars,
								   bool *complete);
extern uint32_t zh_subquery_max_ncp(const ZhSubQuery *q);
extern void zh_subquery_join_found(const ZhSubQuery *q, const char *head,
								   size_t head_len, const char *lead,
								   size_t lead_len, bool *found);
/* 1 or 0 when the terms found already decide q, whatever else occurs; else -1 */
extern int	zh_subquery_known(const ZhSubQuery *q, const bool *found);
extern bool zh_subquery_match_joined(const ZhSubQuery *q, const char *head,
									 size_t head_len, const char *body,
									 size_t body_len);

/*
 * GIN consistency of the query given which keys an item has.  check[i]
 * for query->keys[i]: 0 absent, 1 present, 2 maybe.  Returns 0 (cannot
 * match), 1 (matches, if exact) or 2 (maybe).
 */
extern int	zh_subquery_consistent(const ZhSubQuery *q, const char *check);

/*
 * The planner's estimate of the fraction of texts that satisfy the query,
 * from its shape (the terms' lengths, AND, OR, NOT): orders of magnitude
 * for news text, see zh_substr_sel.c.  0 for a query without terms.
 */
extern double zh_subquery_selectivity(const ZhSubQuery *q);

/* ---- ranking and highlighting ---- */

/*
 * BM25F-like score of a row for the query's positive terms: term frequency
 * counted by the folding matcher in the title (weight title_weight) and the
 * body, each normalised by its raw length in characters against the average
 * (avg_title, avg_body); terms weigh by their length (a longer term is
 * rarer).  title may be NULL.  0 when no positive term occurs.
 */
extern double zh_substr_rank(const ZhSubQuery *q,
							 const char *title, size_t title_len,
							 const char *body, size_t body_len,
							 double title_weight, double avg_title,
							 double avg_body);

/*
 * Frequency levels for a top-N by rank (zh_substr_levels.c, the optional
 * index zh_rank_ops): a level key of a character or bigram key says it
 * occurs at least 2^l times in the normalised text (l = 1 ..
 * ZH_RANK_LEVELS = 12, 4,096 times; at the top level, any number of times
 * more).
 */
#define ZH_RANK_LEVELS	12

/* the level-l key of a zh_substr_keys key (hashed: a collision only
 * loosens a bound) */
extern int32_t zh_rank_level_key(int32_t key, int level);

/* the distinct level keys of len bytes of raw text, sorted; *keys is
 * na_alloc'ed */
extern size_t zh_rank_keys(const char *s, size_t len, int32_t **keys);

/*
 * A term's level-l keys (its character, or its bigrams) into out (room for
 * ncp entries); returns their count.  A text that has them all may have
 * the term 2^l times or more; one that lacks one has it fewer times.
 */
extern size_t zh_rank_term_keys(const ZhSubTerm *t, int level, int32_t *out);

/*
 * An upper bound of zh_substr_rank(q, title, body, ...) for any body of
 * body_bytes bytes in which the i-th positive term of q (from 0) occurs
 * fewer than 2^(l_i + 1) times, l_i = (levels >> 4i) & 15 (l_i >=
 * ZH_RANK_LEVELS, and any term after the 16th: any number of times; one
 * level for a one-term query is the level itself).  The title is counted
 * exactly (it may be NULL).
 */
extern double zh_rank_bound(const ZhSubQuery *q, const char *title,
							size_t title_len, size_t body_bytes, uint64_t levels,
							double title_weight, double avg_title,
							double avg_body);

typedef struct ZhHeadlineOpts
{
	const char *start_sel;
	const char *stop_sel;
	const char *frag_delim;
	int			max_chars;		/* a fragment's length, characters */
	int			max_fragments;	/* 0: one fragment, as ts_headline */
	bool		highlight_all;	/* the whole text, every match marked */
} ZhHeadlineOpts;

extern void zh_headline_opts_default(ZhHeadlineOpts *o);

/*
 * The text (or its best fragments) with every occurrence of the query's
 * positive terms between start_sel and stop_sel.  Returns a NUL-terminated
 * na_alloc'ed string, its length in *out_len.
 */
extern char *zh_substr_headline(const ZhSubQuery *q, const char *s, size_t len,
								const ZhHeadlineOpts *o, size_t *out_len);

#endif							/* ZH_SUBSTR_H */
