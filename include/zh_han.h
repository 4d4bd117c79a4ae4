/*
 * zh_han.h
 *	  Segmentation of one run of Han characters (internal to the tokenizer).
 */
#ifndef ZH_HAN_H
#define ZH_HAN_H

#include "zh_dict.h"

/* longest run the segmenter takes at once; the tokenizer windows longer ones */
#define ZH_HAN_WINDOW 2048

/*
 * Cut cps[0..n) (n <= ZH_HAN_WINDOW, all Han or Chinese numeral characters)
 * into words.  Writes the end (exclusive, in characters) of each word to
 * ends[] and its ZhTokenType to types[]; both must hold n entries.  Returns
 * the number of words.  dict may be NULL: every character is then a word.
 */
extern size_t zh_han_segment(const ZhDict *dict, const uint32_t *cps, size_t n,
							 uint32_t *ends, uint8_t *types);

/* is cp written inside Chinese numbers (一 十 百 万 零 〇 ○ ...)? */
extern bool zh_is_numeral_char(uint32_t cp);

#endif							/* ZH_HAN_H */
