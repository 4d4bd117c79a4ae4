/*
 * zh_tsvector.c
 *	  news_archive.zh_tsvector(text): the tsvector to_tsvector('chinese', ...)
 *	  makes, built directly.
 *
 * to_tsvector hands every (lexeme, position) pair to PostgreSQL's generic
 * sort.  The Chinese configuration has a pair per character (see
 * zh_tsearch.h), and that sort alone costs more than all of
 * to_tsvector('simple').  Here the parse is the same (zh_parse_build), the
 * lexemes are the ones the zh_chars dictionary gives without stop words,
 * and the pairs are ordered by a radix sort (zh_lexsort.c), so the result is
 * the same value, byte for byte, at a fraction of the cost.
 *
 * Positions follow from the parser's tokens: parsetext() moves one position
 * per token and one per further character of a run token (TSL_ADDPOS), and
 * every character is in exactly one token, so character i of the parse is
 * at position i + 1.
 *
 * The shortcut is only taken while pg_catalog.chinese is the configuration
 * the extension made (its parser, and the stop-word-free zh_chars dictionary
 * for every token type); if someone has altered it, the function calls
 * to_tsvector('chinese', ...) instead, so the two never disagree.
 */
#include "postgres.h"
#include "na_pg_compat.h"

#include "catalog/namespace.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/value.h"
#include "tsearch/ts_cache.h"
#include "tsearch/ts_type.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "pg_user_words.h"
#include "zh_lexsort.h"
#include "zh_tsearch.h"

PG_FUNCTION_INFO_V1(zh_tsvector);

/*
 * Scratch memory for one call, kept by the backend between calls.  A
 * document's working arrays (normalised text, characters, pairs) are tens
 * to hundreds of kilobytes: allocated and freed on every row they go
 * straight to malloc and back, and the heap's growing and trimming (page
 * faults) cost more than the parse.  A generation context whose first block
 * outlives resets serves them from the same memory every row; a document
 * too large for that block gets further blocks, freed at the next reset.
 */
#define ZH_SCRATCH_KEEP		(2 * 1024 * 1024)
/* smaller texts (queries, sentences) allocate as usual: no scratch at all */
#define ZH_SCRATCH_MIN_DOC	2048

static MemoryContext scratch = NULL;

static MemoryContext
zh_scratch(void)
{
	if (scratch == NULL)
		scratch = GenerationContextCreate(TopMemoryContext,
										  "news_archive zh_tsvector scratch",
										  ZH_SCRATCH_KEEP, ZH_SCRATCH_KEEP,
										  16 * ZH_SCRATCH_KEEP);
	else
		MemoryContextReset(scratch);	/* an earlier call may have failed */
	return scratch;
}

/* is cfg the configuration the extension made, with every type mapped? */
static bool
config_is_stock(Oid cfgId)
{
	TSConfigCacheEntry *cfg = lookup_ts_config_cache(cfgId);
	TSParserCacheEntry *prs = lookup_ts_parser_cache(cfg->prsId);
	int			type;

	if (prs->prsstart.fn_addr != zh_prs_start)
		return false;
	for (type = 1; type < ZH_TOK__COUNT; type++)
	{
		TSDictionaryCacheEntry *dict;

		if (type >= cfg->lenmap || cfg->map[type].len != 1)
			return false;
		dict = lookup_ts_dictionary_cache(cfg->map[type].dictIds[0]);
		if (dict->lexize.fn_addr != zh_dict_lexize ||
			!zh_dict_keeps_all(dict->dictData))
			return false;
	}
	return true;
}

/* do sorted pairs a and b (a before b) hold the same lexeme? */
static inline bool
same_lexeme(const ZhLexPair *a, const ZhLexPair *b, const char *text)
{
	return a->key == b->key && a->len == b->len &&
		(!zh_lex_key_partial(a->key, a->len) || memcmp(text + a->off, text + b->off, a->len) == 0);
}

/*
 * The tsvector of sorted pairs, equal lexemes merged as make_tsvector()
 * merges them: positions ascending, a repeated position once, at most
 * MAXNUMPOS - 1 of them, none after the highest position.  One pass groups
 * the pairs and keeps their positions (in place: a group's first pair takes
 * the count, the kept positions follow in the pos fields), the second
 * writes the value, allocated in outcxt.
 */
static TSVector
build_tsvector(ZhLexPair *pairs, size_t n, const char *text, MemoryContext outcxt)
{
	size_t		i,
				g,
				nlex = 0,
				lenstr = 0,
				totallen;
	TSVector	out;
	WordEntry  *we;
	char	   *str;
	uint32		stroff = 0;
	uint32	   *heads = palloc_extended(Max(n, 1) * sizeof(uint32), MCXT_ALLOC_HUGE);
	uint16	   *npos = palloc_extended(Max(n, 1) * sizeof(uint16), MCXT_ALLOC_HUGE);

	for (i = 0; i < n;)
	{
		size_t		j = i + 1;
		uint16		kept = 1;
		uint16		last = pairs[i].pos;

		while (j < n && same_lexeme(&pairs[i], &pairs[j], text))
		{
			if (kept < MAXNUMPOS - 1 && last != MAXENTRYPOS - 1 &&
				pairs[j].pos != last)
			{
				last = pairs[j].pos;
				pairs[i + kept].pos = last;
				kept++;
			}
			j++;
		}
		heads[nlex] = (uint32) i;
		npos[nlex] = kept;
		nlex++;
		lenstr = SHORTALIGN(lenstr + pairs[i].len);
		lenstr += sizeof(uint16) + kept * sizeof(WordEntryPos);
		i = j;
	}
	if (lenstr > MAXSTRPOS)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("string is too long for tsvector (%zu bytes, max %d bytes)",
						lenstr, MAXSTRPOS)));

	totallen = CALCDATASIZE(nlex, lenstr);
	/* every byte is written below, alignment padding included */
	out = (TSVector) MemoryContextAlloc(outcxt, totallen);
	SET_VARSIZE(out, totallen);
	out->size = (int32) nlex;
	we = ARRPTR(out);
	str = STRPTR(out);

	for (g = 0; g < nlex; g++)
	{
		const ZhLexPair *h = &pairs[heads[g]];
		uint16		k = npos[g],
					m;
		WordEntryPos *wp;
		WordEntry	e;

		/* built in a register: a bit-field store into memory reads it first */
		e.haspos = 1;
		e.len = h->len;
		e.pos = stroff;
		*we = e;
		memcpy(str + stroff, text + h->off, h->len);
		stroff += h->len;
		if (stroff & 1)
			str[stroff++] = '\0';	/* SHORTALIGN padding */
		*(uint16 *) (str + stroff) = k;
		wp = (WordEntryPos *) (str + stroff + sizeof(uint16));
		/* weight 0 (D): the position is the whole value */
		for (m = 0; m < k; m++)
			wp[m] = h[m].pos;
		stroff += sizeof(uint16) + k * sizeof(WordEntryPos);
		we++;
	}
	pfree(heads);
	pfree(npos);
	return out;
}

static inline void
add_pair(ZhLexPair *pairs, size_t *n, const ZhNorm *norm, uint32 off,
		 uint16 len, uint32 pos)
{
	ZhLexPair  *p = &pairs[(*n)++];

	p->key = zh_lex_key(norm->text + off, len);
	p->off = off;
	p->len = len;
	p->pos = (uint16) LIMITPOS(pos);
}

Datum
zh_tsvector(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	Oid			cfgId;
	ZhParse    *p;
	ZhLexPair  *pairs,
			   *tmp;
	size_t		n = 0;
	uint32		i;
	TSVector	out;
	MemoryContext old;
	ZhLexPair  *unsorted;
	bool		use_scratch = VARSIZE_ANY_EXHDR(in) >= ZH_SCRATCH_MIN_DOC;

	cfgId = get_ts_config_oid(list_make2(makeString("pg_catalog"),
										 makeString("chinese")), false);
	if (!config_is_stock(cfgId))
		PG_RETURN_DATUM(DirectFunctionCall2(to_tsvector_byid,
											ObjectIdGetDatum(cfgId),
											PointerGetDatum(in)));

	/* what outlives the call is loaded outside the scratch memory */
	if (ZH_INDEX_HAN_WORDS)
	{
		(void) zh_segment_dict();
		(void) zh_segment_user_words();
	}
	old = CurrentMemoryContext;
	if (use_scratch)
		MemoryContextSwitchTo(zh_scratch());
	p = zh_parse_build(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in),
					   ZH_PARSE_LEXEMES_ONLY);

	/* at most three lexemes per character: bigram, unigram, word */
	pairs = palloc_extended(Max(3 * (size_t) p->ntoks, 1) * sizeof(ZhLexPair),
							MCXT_ALLOC_HUGE);
	for (i = 0; i < p->ntoks; i++)
	{
		const ZhPTok *t = &p->toks[i];

		if (!t->unit)
			continue;			/* punctuation, space: a position only */
		add_pair(pairs, &n, &p->norm, t->norm_off,
				 t->bigram_len ? t->bigram_len : t->norm_len, i + 1);
		if (t->bigram_len && t->first_han)
			add_pair(pairs, &n, &p->norm, t->norm_off, t->norm_len, i + 1);
		if (t->word_len)
			add_pair(pairs, &n, &p->norm, t->norm_off, t->word_len, i + 1);
	}

	tmp = palloc_extended(Max(n, 1) * sizeof(ZhLexPair), MCXT_ALLOC_HUGE);
	unsorted = pairs;
	pairs = zh_lexsort(pairs, n, p->norm.text, tmp);
	out = build_tsvector(pairs, n, p->norm.text, old);
	MemoryContextSwitchTo(old);
	if (use_scratch)
		MemoryContextReset(scratch);
	else
	{
		pfree(pairs == tmp ? tmp : pairs);
		pfree(pairs == tmp ? unsorted : tmp);
		zh_parse_release(p);
	}
	PG_FREE_IF_COPY(in, 0);
	PG_RETURN_POINTER(out);
}
