/*
 * zh_tsearch.h
 *	  The PostgreSQL text-search layer for Chinese (src/pg/zh_*.c).
 *
 * Positions are character based: every character takes one position (a run
 * of white space is one "character"), so a position step is always one
 * step along the text.  Character i gets ONE lexeme: the bigram c(i)c(i+1)
 * when the next character is adjacent and neither is punctuation or space,
 * else the unigram c(i); plus the tokenizer's word (Latin word, number,
 * e-mail, URL; Han words only with ZH_INDEX_HAN_WORDS, off) starting at i
 * when it is longer than two characters; plus, at the first occurrence of each Han character
 * in the document, its unigram, so that the lexeme c exists exactly when the
 * document contains c (a one-character query then reads one posting list
 * instead of every bigram that starts with c).
 * Punctuation and space get no lexemes but keep their position.  Every
 * lexeme at position i starts with c(i), so a one-character query is the
 * unigram c (or, inside a phrase, the prefix c:*) and a longer one a
 * phrase of bigrams (zh_query.c).
 *
 * Tokens: to keep PostgreSQL's per-token work small the parser emits a run
 * of characters that all have a bigram (same character type) as ONE token;
 * the dictionary returns one lexeme per character with TSL_ADDPOS, so
 * positions stay per character.  A character without a bigram (the last
 * of a run, punctuation, space) is a token of its own: it may get no
 * lexeme at all (punctuation, a stop word) and still takes its position.
 * The headline function splits run tokens back into characters.
 *
 * The dictionary only sees the token's text, so the parser keeps its
 * per-document state in a backend-local registry; the dictionary finds it
 * by checking whether the token pointer lies inside a registered document.
 */
#ifndef ZH_TSEARCH_H
#define ZH_TSEARCH_H

#include "postgres.h"

#include "fmgr.h"

#include "zh_normalize.h"
#include "zh_segment.h"

/* token types of the parser: the segmenter's, same numbers */
#define ZH_PTOK_HAN			ZH_TOK_WORD	/* one Han character */

/* longest space token; longer runs are cut (PostgreSQL skips >= 2047) */
#define ZH_MAX_TOKEN_BYTES	1000
/*
 * Give the segmenter's Han words (>= 3 characters) their own lexemes?  Off.
 * They never serve recall (the per-character lexemes do), nor zh_query,
 * ranking or headlines, which use bigrams; only ts_stat over tsvectors
 * would list them.  Finding them is the dictionary segmenter's trie walk,
 * which took 43 % of zh_tsvector's time on the bench corpus and kept
 * indexing below half the speed of to_tsvector('simple').  Off, the index
 * also never depends on user words, so adding a word needs no reindexing.
 * Word statistics come from zh_segment() (top_words, suggest_words).
 * Latin words, numbers, e-mail addresses and URLs of >= 3 characters keep
 * their lexemes either way (the tokenizer finds them without the
 * dictionary).
 */
#define ZH_INDEX_HAN_WORDS	0

/* longest segmenter word given as its own lexeme */
#define ZH_MAX_WORD_BYTES	96

typedef struct ZhPTok
{
	uint32		orig_off;		/* bytes in the original document */
	uint32		orig_len;
	uint32		norm_off;		/* bytes in the normalised text */
	uint16		norm_len;
	uint16		bigram_len;		/* normalised bytes of c(i)c(i+1), or 0 */
	uint16		word_len;		/* normalised bytes of a word of >= 3 Han
								 * characters starting here, or 0 */
	uint8		type;			/* ZhTokenType */
	bool		unit;			/* a character that gets lexemes (not
								 * punctuation, not space) */
	bool		first_han;		/* first occurrence of this Han character
								 * in the document */
} ZhPTok;

/* a token of the parser: characters first .. first + nchars - 1 */
typedef struct ZhPRun
{
	uint32		orig_off;		/* bytes in the original document */
	uint32		orig_len;
	uint32		first;			/* index in toks */
	uint16		nchars;
	uint8		type;
} ZhPRun;

/* longest run token, in characters */
#define ZH_MAX_RUN_CHARS	200

typedef struct ZhParse
{
	const char *buf;			/* the original document (not owned) */
	uint32		buflen;
	ZhNorm		norm;
	ZhPTok	   *toks;
	uint32		ntoks;
	ZhPRun	   *runs;			/* the parser's tokens */
	uint32		nruns;
	uint32		next;			/* next run for gettoken */
	uint32		hint;			/* last run the dictionary looked up */
	bool		registered;
	bool		in_scratch;		/* arrays live in the parser's scratch memory */
	MemoryContextCallback cb;
} ZhParse;

/* zh_parse_state.c */
extern const ZhDict *zh_segment_dict(void);
#define ZH_PARSE_REGISTER		0x01
#define ZH_PARSE_LEXEMES_ONLY	0x02
extern ZhParse *zh_parse_build(const char *buf, int len, int flags);
extern void zh_parse_release(ZhParse *p);
extern ZhParse *zh_parse_find(const char *ptr, int len, uint32 *idx);
extern void zh_check_length(size_t len);

/* the parser's and the dictionary's C functions (zh_tsvector.c checks them) */
extern Datum zh_prs_start(PG_FUNCTION_ARGS);
extern Datum zh_dict_lexize(PG_FUNCTION_ARGS);
extern bool zh_dict_keeps_all(const void *dict_data);

/* zh_query.c helpers shared with the headline */
extern int	zh_lexeme_width(const char *lexeme, int len);

#endif							/* ZH_TSEARCH_H */
