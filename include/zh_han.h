/*
 * zh_han.h
 *	  Segmentation of one run of Han characters (internal to the tokenizer).
 */
#ifndef ZH_HAN_H
#define ZH_HAN_H

#include "zh_dict.h"
#include "zh_userdict.h"

/* longest run the segmenter takes at once; the tokenizer windows longer ones */
#define ZH_HAN_WINDOW 2048

/*
 * Working memory of the segmenter, allocated once per zh_tokenize() call
 * and reused for every run, all arrays sized for one window.
 */
typedef struct ZhHanScratch
{
	uint32_t   *cps;			/* code points of the window */
	uint32_t   *offs;			/* their byte offsets, plus the end */
	uint32_t   *ends;			/* segmenter output: word ends */
	uint8_t    *types;			/* and word types */
	uint32_t   *ids;			/* dictionary char ids */
	void	   *cells;			/* the lattice (zh_han.c) */
	const ZhUserDict *user;		/* user words, or NULL */
	const char *text;			/* bytes of the window: offs[] index them */
} ZhHanScratch;

extern void zh_han_scratch_init(ZhHanScratch *scratch);
extern void zh_han_scratch_free(ZhHanScratch *scratch);

/*
 * Cut cps[0..n) (n <= ZH_HAN_WINDOW, all Han or Chinese numeral characters)
 * into words.  Writes the end (exclusive, in characters) of each word to
 * ends[] and its ZhTokenType to types[]; both must hold n entries.  Returns
 * the number of words.  dict may be NULL: every character is then a word.
 */
extern size_t zh_han_segment(const ZhDict *dict, ZhHanScratch *scratch,
							 const uint32_t *cps, size_t n,
							 uint32_t *ends, uint8_t *types);

/* is cp written inside Chinese numbers (一 十 百 万 零 〇 ○ ...)? */
extern bool zh_is_numeral_char(uint32_t cp);

#endif							/* ZH_HAN_H */
