/*
 * zh_tsearch.h
 *	  The PostgreSQL text-search layer for Chinese (src/pg/zh_*.c).
 *
 * Positions are character based: the parser emits one token per
 * character (its text points into the ORIGINAL document; a run of white
 * space is one token), typed by the segmenter token it belongs to (Han
 * character, Latin word, number, e-mail, URL, punctuation, ...), so a
 * position step is always one step along the text.  The dictionary gives
 * the token at position i the unigram c(i), the bigram c(i)c(i+1) when the
 * next character is adjacent and neither is punctuation or space, and the
 * segmenter's word (Han word, Latin word, number, ...) starting at i when it
 * is longer than two characters.  Punctuation and space get no lexemes but
 * keep their position.
 *
 * The dictionary only sees the token's text, so the parser keeps its
 * per-document state in a backend-local registry; the dictionary finds it
 * by checking whether the token pointer lies inside a registered document.
 */
#ifndef ZH_TSEARCH_H
#define ZH_TSEARCH_H

#include "postgres.h"

#include "zh_normalize.h"
#include "zh_segment.h"

/* token types of the parser: the segmenter's, same numbers */
#define ZH_PTOK_HAN			ZH_TOK_WORD	/* one Han character */

/* longest space token; longer runs are cut (PostgreSQL skips >= 2047) */
#define ZH_MAX_TOKEN_BYTES	1000
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
} ZhPTok;

typedef struct ZhParse
{
	const char *buf;			/* the original document (not owned) */
	uint32		buflen;
	ZhNorm		norm;
	ZhPTok	   *toks;
	uint32		ntoks;
	uint32		next;			/* next token for gettoken */
	uint32		hint;			/* last token the dictionary looked up */
	bool		registered;
	MemoryContextCallback cb;
} ZhParse;

/* zh_parse_state.c */
extern const ZhDict *zh_segment_dict(void);
extern ZhParse *zh_parse_build(const char *buf, int len, bool register_it);
extern void zh_parse_release(ZhParse *p);
extern ZhParse *zh_parse_find(const char *ptr, int len, uint32 *idx);
extern void zh_check_length(size_t len);

/* zh_query.c helpers shared with the headline */
extern int	zh_lexeme_width(const char *lexeme, int len);

#endif							/* ZH_TSEARCH_H */
