/*
 * zh_segment.h
 *	  Chinese tokenizer and word segmenter (plain C core).
 *
 * The input is UTF-8 text that has already been normalised (full-width forms
 * folded, traditional characters folded to simplified: see zh_normalize.h).
 * zh_tokenize() cuts the whole text into consecutive tokens that cover every
 * byte: Han words chosen by the dictionary-driven segmenter, Latin words,
 * numbers, numbers with Chinese units (2021年, 10月15日, 536.5亿元),
 * e-mail addresses, URLs, punctuation and white space.
 *
 * The dictionary is a file compiled at build time (tools/zh_dict_build) and
 * mapped read-only with mmap(), so every process that opens it shares the
 * same physical pages.
 */
#ifndef ZH_SEGMENT_H
#define ZH_SEGMENT_H

#include "na_port.h"

typedef enum ZhTokenType
{
	ZH_TOK_WORD = 1,			/* Han word (one or more characters) */
	ZH_TOK_LATIN,				/* Latin word, may contain digits: 5g, covid19 */
	ZH_TOK_NUMBER,				/* 536.5  37.8%  1,000 */
	ZH_TOK_NUMUNIT,				/* number with a Chinese unit: 2021年 10月 15日 亿元 */
	ZH_TOK_EMAIL,
	ZH_TOK_URL,
	ZH_TOK_PUNCT,
	ZH_TOK_SPACE,
	ZH_TOK_OTHER,				/* anything else: symbols, other scripts */
	ZH_TOK__COUNT
} ZhTokenType;

typedef struct ZhToken
{
	uint32_t	start;			/* byte offset in the input */
	uint32_t	len;			/* bytes */
	uint8_t		type;			/* ZhTokenType */
} ZhToken;

typedef struct ZhDict ZhDict;

/* Map a compiled dictionary file.  NULL and *errmsg (static text) on error. */
extern ZhDict *zh_dict_open(const char *path, const char **errmsg);

/* flags of zh_dict_open_ex: copy for forked children instead (zh_dict.h) */
#define ZH_DICT_OPEN_COPY	0x01
extern ZhDict *zh_dict_open_ex(const char *path, int flags, const char **errmsg);
extern void zh_dict_close(ZhDict *dict);

/*
 * Cut text into tokens.  Returns the number of tokens and sets *tokens to an
 * array allocated with na_alloc (caller frees with na_free).  dict may be
 * NULL: Han runs are then cut by character-class rules alone.
 * Text longer than UINT32_MAX bytes is not accepted (callers cap it).
 */
extern size_t zh_tokenize(const ZhDict *dict, const char *text, size_t len,
						  ZhToken **tokens);

/*
 * The same, with user words: Han words of a ZhUserDict (zh_userdict.h) are
 * candidates next to the dictionary's, priced by their weight.  user may be
 * NULL.  The words must be normalised like the text.
 */
struct ZhUserDict;
extern size_t zh_tokenize_ex(const ZhDict *dict, const struct ZhUserDict *user,
							 const char *text, size_t len, ZhToken **tokens);

extern const char *zh_token_type_name(int type);	/* "word", "latin", ... */

#endif							/* ZH_SEGMENT_H */
