/*
 * split_chars.c
 *	  The character classes the splitter asks of every character of an
 *	  issue, for the basic plane as one table made on first use (64 kB):
 *	  white space (na_is_space), word characters (Han, Latin, digits), Han,
 *	  the bytes that count as bad (U+FFFD, control characters but tab), the
 *	  marks a body drops (■, □, #, \r) and the content characters of
 *	  cohesion (Han, not a function character).
 *	  One look-up instead of a chain of range tests and calls, in the scans
 *	  that read each line whole (is_garbage, sp_line_spaced, sp_name_line,
 *	  sp_body_add, the cohesion's bigrams).
 */
#include "split_internal.h"

/*
 * Function characters: a bigram holding one says little about the topic
 * (的, 了, 是, 在 ...), so cohesion leaves it out.  Not 被: the table once
 * listed it out of order, where its binary search never found it, so the
 * fitted weights were learned with 被 as content (until a fit with it out).
 */
static const uint32_t function_han[] = {
	0x4E00, 0x4E0A, 0x4E0D, 0x4E0E, 0x4E2A, 0x4E2D, 0x4E3A, 0x4E4B, 0x4E5F, 0x4E86,
	0x4E8E, 0x4ECE, 0x4ED6, 0x4EE5, 0x4EEC, 0x4F1A, 0x5176, 0x5230, 0x5373, 0x548C,
	0x5728, 0x5730, 0x5979, 0x5BF9, 0x5C06, 0x5C31, 0x5F97, 0x6211, 0x6240, 0x628A,
	0x662F, 0x6709, 0x6B64, 0x7684, 0x7740, 0x7B49, 0x800C, 0x8981, 0x8BF4,
	0x8FC7, 0x8FD9, 0x90FD, 0x91CC, 0x9700
};

uint8_t		sp_char_bits[0x10000];
bool		sp_char_bits_made = false;

void
sp_char_bits_make(void)
{
	uint32_t	cp;

	for (cp = 0; cp < 0x10000; cp++)
		sp_char_bits[cp] = (uint8_t) ((na_is_space(cp) ? SPX_SPACE : 0) |
									  (na_is_han(cp) ? SPX_HAN : 0) |
									  (na_is_han(cp) || na_is_latin(cp) || na_is_digit(cp) ?
									   SPX_WORD : 0) |
									  (cp == NA_REPLACEMENT_CP || (cp < 0x20 && cp != '\t') ?
									   SPX_BAD : 0) |
									  (cp == 0x25A0 || cp == 0x25A1 || cp == '#' || cp == '\r' ?
									   SPX_DROP : 0) |
									  (na_is_han(cp) ? SPX_CONTENT : 0));
	for (cp = 0; cp < sizeof(function_han) / sizeof(function_han[0]); cp++)
		sp_char_bits[function_han[cp]] &= (uint8_t) ~SPX_CONTENT;
	sp_char_bits_made = true;
}
