/*
 * split_chars.c
 *	  The character classes the splitter asks of every character of an
 *	  issue, for the basic plane as one table made on first use (64 kB):
 *	  white space (na_is_space), word characters (Han, Latin, digits), Han,
 *	  the bytes that count as bad (U+FFFD, control characters but tab) and
 *	  the marks a body drops (■, □, #, \r).
 *	  One look-up instead of a chain of range tests and calls, in the scans
 *	  that read each line whole (is_garbage, sp_line_spaced, sp_name_line,
 *	  sp_body_add).
 */
#include "split_internal.h"

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
									   SPX_DROP : 0));
	sp_char_bits_made = true;
}
