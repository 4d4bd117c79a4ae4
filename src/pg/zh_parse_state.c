/*
 * zh_parse_state.c
 *	  Per-document state of the Chinese parser, and the backend-local
 *	  registry through which the dictionary finds it (see zh_tsearch.h).
 *
 * A state is registered while its document is being parsed.  It leaves the
 * registry when the parser's end function runs, and also, through a
 * MemoryContextCallback, when the memory context it lives in is reset or
 * deleted (an error in the middle of a parse), so the registry never holds
 * a dangling pointer.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "tsearch/ts_locale.h"
#include "tsearch/ts_utils.h"
#include "utils/memutils.h"

#include "na_utf8.h"
#include "zh_tsearch.h"
#include "pg_user_words.h"

/* documents above this size are refused (offsets and palloc limits) */
#define ZH_MAX_DOCUMENT_BYTES	(128 * 1024 * 1024)

static ZhParse **registry = NULL;
static int	registry_len = 0;
static int	registry_cap = 0;

static ZhDict *segment_dict = NULL;
static bool segment_dict_tried = false;

void
zh_check_length(size_t len)
{
	if (len > ZH_MAX_DOCUMENT_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("text is too long for Chinese text search (%zu bytes, limit %d)",
						len, ZH_MAX_DOCUMENT_BYTES)));
}

/*
 * The segmenter's dictionary, mapped once per backend.  Without it the
 * segmenter cuts by character classes; positions and recall do not depend
 * on it (only the extra word lexemes do).
 *
 * Opened in the postmaster (the library is preloaded), it is copied into
 * memory that every backend inherits with its page tables, so a new
 * connection reads it without a page fault per page touched (see
 * ZH_DICT_OPEN_COPY).  A backend that loads the library itself maps the
 * file: its pages come from the shared page cache, and no backend holds a
 * copy of its own.
 */
const ZhDict *
zh_segment_dict(void)
{
	if (!segment_dict_tried)
	{
		char	   *path = get_tsearch_config_filename("news_archive_zh", "dict");
		const char *err = NULL;
		int			flags = 0;

		MemoryContext old;

		segment_dict_tried = true;
		if (process_shared_preload_libraries_in_progress && !IsUnderPostmaster)
			flags |= ZH_DICT_OPEN_COPY;
		/* the dictionary lives as long as the backend */
		old = MemoryContextSwitchTo(TopMemoryContext);
		segment_dict = zh_dict_open_ex(path, flags, &err);
		MemoryContextSwitchTo(old);
		if (segment_dict == NULL)
			ereport(WARNING,
					(errmsg("news_archive: cannot use the segmenter dictionary \"%s\": %s",
							path, err ? err : "unknown error"),
					 errdetail("Chinese text is cut by character classes only; search recall is unaffected, word lexemes are poorer."),
					 errhint("Reinstall the extension (make install) to restore the dictionary.")));
		pfree(path);
	}
	return segment_dict;
}

static void
registry_remove(ZhParse *p)
{
	int			i;

	if (!p->registered)
		return;
	for (i = registry_len - 1; i >= 0; i--)
	{
		if (registry[i] == p)
		{
			memmove(&registry[i], &registry[i + 1],
					(registry_len - i - 1) * sizeof(ZhParse *));
			registry_len--;
			break;
		}
	}
	p->registered = false;
}

/*
 * Scratch memory for the arrays of a to_tsvector parse (normalised text,
 * characters, tokens), kept by the backend between documents: allocated
 * and freed per row they would go to malloc and back, and the heap's
 * growing and trimming costs more than parsing.  One parse at a time owns
 * it; a parse that starts while another is live uses ordinary memory.
 */
#define ZH_PARSE_SCRATCH_KEEP	(2 * 1024 * 1024)
/* smaller texts allocate as usual: a sentence never creates the scratch */
#define ZH_PARSE_SCRATCH_MIN_DOC	2048

static MemoryContext parse_scratch = NULL;
static ZhParse *scratch_owner = NULL;

static bool
scratch_acquire(ZhParse *p)
{
	if (scratch_owner != NULL)
		return false;
	if (parse_scratch == NULL)
		parse_scratch = GenerationContextCreate(TopMemoryContext,
												"news_archive parser scratch",
												ZH_PARSE_SCRATCH_KEEP,
												ZH_PARSE_SCRATCH_KEEP,
												16 * ZH_PARSE_SCRATCH_KEEP);
	else
		MemoryContextReset(parse_scratch);
	scratch_owner = p;
	p->in_scratch = true;
	return true;
}

static void
scratch_release(ZhParse *p)
{
	if (!p->in_scratch)
		return;
	p->in_scratch = false;
	if (scratch_owner == p)
	{
		scratch_owner = NULL;
		MemoryContextReset(parse_scratch);
	}
}

static void
registry_callback(void *arg)
{
	ZhParse    *p = (ZhParse *) arg;

	registry_remove(p);
	/* an error ended the parse: its scratch arrays are simply forgotten */
	if (p->in_scratch && scratch_owner == p)
		scratch_owner = NULL;
	p->in_scratch = false;
}

static void
registry_add(ZhParse *p)
{
	if (registry_len == registry_cap)
	{
		int			newcap = registry_cap ? registry_cap * 2 : 8;

		if (registry == NULL)
			registry = MemoryContextAlloc(TopMemoryContext, newcap * sizeof(ZhParse *));
		else
			registry = repalloc(registry, newcap * sizeof(ZhParse *));
		registry_cap = newcap;
	}
	registry[registry_len++] = p;
	p->registered = true;
	p->cb.func = registry_callback;
	p->cb.arg = p;
	MemoryContextRegisterResetCallback(CurrentMemoryContext, &p->cb);
}

static inline void
add_token(ZhParse *p, uint32 *cap, const ZhNorm *norm, uint32 a, uint32 b, int type)
{
	ZhPTok	   *t;
	uint32		os = 0,
				oe = 0;

	if (p->ntoks == *cap)
	{
		*cap *= 2;
		p->toks = repalloc_huge(p->toks, *cap * sizeof(ZhPTok));
	}
	if (norm->orig)
		zh_norm_orig_span(norm, a, b, &os, &oe);
	t = &p->toks[p->ntoks++];
	t->orig_off = os;
	t->orig_len = oe - os;
	t->norm_off = a;
	t->norm_len = (uint16) (b - a);
	t->bigram_len = 0;
	t->word_len = 0;
	t->type = (uint8) type;
	t->unit = false;
	t->first_han = false;
}

/*
 * Han characters seen so far in a document: a bitmap for the BMP, a small
 * open-addressing set for the supplementary planes (extensions B-H).
 */
typedef struct HanSeen
{
	uint8		bmp[65536 / 8];
	uint32	   *sup;			/* 0 = empty slot */
	uint32		sup_cap;
	uint32		sup_n;
} HanSeen;

/* true the first time cp is seen */
static inline bool
han_first(HanSeen *seen, uint32 cp)
{
	uint32		h,
				i;

	if (cp < 65536)
	{
		uint8		bit = (uint8) (1 << (cp & 7));

		if (seen->bmp[cp >> 3] & bit)
			return false;
		seen->bmp[cp >> 3] |= bit;
		return true;
	}
	if (seen->sup_n * 2 >= seen->sup_cap)
	{
		uint32	   *old = seen->sup,
					oldcap = seen->sup_cap;

		seen->sup_cap = oldcap ? oldcap * 2 : 64;
		seen->sup = palloc0(seen->sup_cap * sizeof(uint32));
		seen->sup_n = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i])
				(void) han_first(seen, old[i]);
		if (old)
			pfree(old);
	}
	h = (cp * 2654435761u) & (seen->sup_cap - 1);
	while (seen->sup[h] != 0)
	{
		if (seen->sup[h] == cp)
			return false;
		h = (h + 1) & (seen->sup_cap - 1);
	}
	seen->sup[h] = cp;
	seen->sup_n++;
	return true;
}

/* a run of space [a, b), cut into bounded pieces */
static void
add_run(ZhParse *p, uint32 *cap, const ZhNorm *norm, uint32 a, uint32 b, int type)
{
	while (a < b)
	{
		uint32		e = b;

		if (e - a > ZH_MAX_TOKEN_BYTES)
		{
			e = a + ZH_MAX_TOKEN_BYTES;
			while (e > a && (((unsigned char) norm->text[e]) & 0xC0) == 0x80)
				e--;
		}
		add_token(p, cap, norm, a, e, type);
		a = e;
	}
}

/*
 * The segmenter's segments as per-character tokens: every code point is a
 * token of its own (a space run one token), and a segment of three or more
 * characters (a dictionary word, a Latin word, a number) marks its first
 * token with the word's length, its own lexeme.
 */
static void
tokens_from_segments(ZhParse *p, const ZhToken *segs, size_t nsegs)
{
	uint32		cap = (uint32) Max(nsegs, 16);
	HanSeen    *seen = palloc0(sizeof(HanSeen));
	size_t		s;

	p->toks = palloc_extended(cap * sizeof(ZhPTok), MCXT_ALLOC_HUGE);
	for (s = 0; s < nsegs; s++)
	{
		uint32		a = segs[s].start,
					end = segs[s].start + segs[s].len,
					first = p->ntoks,
					nchars = 0;
		int			type = segs[s].type;

		if ((s & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		if (type == ZH_TOK_SPACE)
		{
			add_run(p, &cap, &p->norm, a, end, type);
			continue;
		}
		while (a < end)
		{
			size_t		adv;
			uint32		cp = na_utf8_decode(p->norm.text + a, end - a, &adv);
			int			t = type;

			if (na_is_han(cp))
				t = ZH_PTOK_HAN;
			else if (na_is_space(cp))
				t = ZH_TOK_SPACE;
			else if (type == ZH_TOK_WORD)
				t = na_is_punct(cp) ? ZH_TOK_PUNCT : ZH_TOK_OTHER;
			add_token(p, &cap, &p->norm, a, a + (uint32) adv, t);
			p->toks[p->ntoks - 1].unit = t == ZH_PTOK_HAN ||
				(!na_is_punct(cp) && !na_is_space(cp));
			if (t == ZH_PTOK_HAN)
				p->toks[p->ntoks - 1].first_han = han_first(seen, cp);
			nchars++;
			a += (uint32) adv;
		}
		if (nchars >= 3 && type != ZH_TOK_PUNCT && type != ZH_TOK_OTHER &&
			segs[s].len <= ZH_MAX_WORD_BYTES && p->toks[first].unit)
			p->toks[first].word_len = (uint16) segs[s].len;
	}
	if (seen->sup)
		pfree(seen->sup);
	pfree(seen);
}

/* bigrams: a character directly followed by another (not punctuation) */
static void
mark_bigrams(ZhParse *p)
{
	uint32		i;

	for (i = 0; i + 1 < p->ntoks; i++)
	{
		ZhPTok	   *t = &p->toks[i];

		if (t->unit && t[1].unit && t[1].norm_off == t->norm_off + t->norm_len)
			t->bigram_len = t->norm_len + t[1].norm_len;
	}
}

/*
 * The parser's tokens: a run of characters that all have a bigram and the
 * same type is one token; any other character is a token of its own.
 */
static void
build_runs(ZhParse *p)
{
	uint32		i;

	p->runs = palloc_extended(Max(p->ntoks, 1) * sizeof(ZhPRun), MCXT_ALLOC_HUGE);
	p->nruns = 0;
	for (i = 0; i < p->ntoks;)
	{
		ZhPTok	   *t = &p->toks[i];
		ZhPRun	   *r = &p->runs[p->nruns++];
		uint32		j = i + 1;

		if (t->bigram_len)
		{
			while (j < p->ntoks && p->toks[j].bigram_len &&
				   p->toks[j].type == t->type && j - i < ZH_MAX_RUN_CHARS &&
				   p->toks[j].orig_off + p->toks[j].orig_len - t->orig_off <= ZH_MAX_TOKEN_BYTES)
				j++;
		}
		r->first = i;
		r->nchars = (uint16) (j - i);
		r->type = t->type;
		r->orig_off = t->orig_off;
		r->orig_len = p->toks[j - 1].orig_off + p->toks[j - 1].orig_len - t->orig_off;
		i = j;
	}
}

/*
 * Parse a document.  ZH_PARSE_REGISTER: register it for the dictionary (a
 * to_tsvector parse).  ZH_PARSE_LEXEMES_ONLY: only the characters and their
 * lexemes are wanted (zh_tsvector): no offsets into the original text, no
 * parser tokens.
 */
ZhParse *
zh_parse_build(const char *buf, int len, int flags)
{
	ZhParse    *p = palloc0(sizeof(ZhParse));
	ZhToken    *segs;
	size_t		nsegs;
	MemoryContext old = CurrentMemoryContext;

	zh_check_length((size_t) len);
	p->buf = buf;
	p->buflen = (uint32) len;
	if (flags & ZH_PARSE_REGISTER)
	{
		/*
		 * Registered first (no tokens yet, so the dictionary skips it), so
		 * that an error while building releases the scratch memory too.
		 * What outlives the parse is loaded before switching to scratch.
		 */
		registry_add(p);
		if (ZH_INDEX_HAN_WORDS)
		{
			(void) zh_segment_dict();
			(void) zh_segment_user_words();
		}
		if (len >= ZH_PARSE_SCRATCH_MIN_DOC && scratch_acquire(p))
			MemoryContextSwitchTo(parse_scratch);
	}
	zh_normalize(buf, (size_t) len, (flags & ZH_PARSE_LEXEMES_ONLY) == 0, &p->norm);
	/*
	 * With ZH_INDEX_HAN_WORDS 0 the segmenter runs without its dictionary and
	 * cuts Han text into single characters (Latin words, numbers, e-mail, URL
	 * are found all the same): the dictionary's words cost about a fifth of
	 * to_tsvector's time and serve ranking, ts_stat and user words, never
	 * recall.
	 */
	nsegs = zh_tokenize_ex(ZH_INDEX_HAN_WORDS ? zh_segment_dict() : NULL,
						   ZH_INDEX_HAN_WORDS ? zh_segment_user_words() : NULL,
						   p->norm.text, p->norm.len, &segs);
	tokens_from_segments(p, segs, nsegs);
	na_free(segs);
	mark_bigrams(p);
	if ((flags & ZH_PARSE_LEXEMES_ONLY) == 0)
		build_runs(p);
	MemoryContextSwitchTo(old);
	return p;
}

void
zh_parse_release(ZhParse *p)
{
	registry_remove(p);
	if (p->in_scratch)
	{
		scratch_release(p);
		p->toks = NULL;
		p->runs = NULL;
		p->norm.text = NULL;
		p->norm.orig = NULL;
	}
	/* the small struct stays until its context goes: the callback uses it */
	if (p->toks)
		pfree(p->toks);
	if (p->runs)
		pfree(p->runs);
	zh_norm_free(&p->norm);
	p->toks = NULL;
	p->ntoks = 0;
	p->runs = NULL;
	p->nruns = 0;
}

/*
 * The registered document and run (parser token) index whose token text is
 * exactly [ptr, ptr + len), or NULL.  Tokens are looked up in order, so try
 * the one after the last hit before searching.
 */
ZhParse *
zh_parse_find(const char *ptr, int len, uint32 *idx)
{
	int			r;

	for (r = registry_len - 1; r >= 0; r--)
	{
		ZhParse    *p = registry[r];
		uint32		off,
					lo,
					hi;

		if (ptr < p->buf || ptr + len > p->buf + p->buflen || p->nruns == 0)
			continue;
		off = (uint32) (ptr - p->buf);
		if (p->hint < p->nruns && p->runs[p->hint].orig_off == off)
			lo = p->hint;
		else if (p->hint + 1 < p->nruns && p->runs[p->hint + 1].orig_off == off)
			lo = p->hint + 1;
		else
		{
			/* first run with orig_off >= off */
			lo = 0;
			hi = p->nruns;
			while (lo < hi)
			{
				uint32		mid = lo + (hi - lo) / 2;

				if (p->runs[mid].orig_off < off)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo >= p->nruns || p->runs[lo].orig_off != off)
				continue;
		}
		if (p->runs[lo].orig_len != (uint32) len)
			continue;
		p->hint = lo;
		*idx = lo;
		return p;
	}
	return NULL;
}
