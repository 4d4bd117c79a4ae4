/*
 * zh_normalize.h
 *	  Normalisation of Chinese text for search (plain C core).
 *
 * Both documents and queries go through the same steps, so that a search
 * compares like with like:
 *   - every code point is folded through a table generated at build time
 *     from ICU (tools/gen/zh_fold_gen.c): full-width ASCII forms to ASCII,
 *     white space other than line breaks to ' ', compatibility ideographs
 *     to their canonical form, letters to lower case, traditional Han to
 *     simplified.  Each mapping is one code point to one code point;
 *   - horizontal white space between two Han characters (OCR spaces) is
 *     removed; line breaks are kept.
 *
 * The result keeps an offset map back into the original text, so that a
 * token found in the normalised text can point at the original bytes.
 */
#ifndef ZH_NORMALIZE_H
#define ZH_NORMALIZE_H

#include "na_port.h"

typedef struct ZhNorm
{
	char	   *text;			/* normalised UTF-8, NUL-terminated */
	uint32_t	len;			/* bytes in text */
	/*
	 * orig[i]: byte offset in the original of the code point that produced
	 * normalised byte i; orig[len] = length of the original.
	 */
	uint32_t   *orig;
	const char *src;			/* the original text (not owned) */
	uint32_t	src_len;
} ZhNorm;

/* fold one code point (table lookup, no ICU at run time) */
extern uint32_t zh_fold_cp(uint32_t cp);

/*
 * The code points other than itself that fold to "to" (at most max of them
 * into from[]); returns how many there are.
 */
extern size_t zh_fold_inverse(uint32_t to, uint32_t *from, size_t max);

/* the BMP pages of the fold table (page 0 of zh_fold_bmp_pages: unchanged) */
extern const uint8_t *const zh_fold_bmp_index;
extern const uint16_t (*const zh_fold_bmp_pages)[256];

/* zh_fold_cp() for hot loops: ASCII and the BMP inline */
static inline uint32_t
zh_fold_cp_inline(uint32_t cp)
{
	if (cp < 0x80)
	{
		if (cp >= 'A' && cp <= 'Z')
			return cp + ('a' - 'A');
		if (cp == '\t' || cp == '\v' || cp == '\f')
			return ' ';
		return cp;
	}
	if (cp < 0x10000)
	{
		uint8_t		page = zh_fold_bmp_index[cp >> 8];
		uint16_t	to;

		if (page == 0)
			return cp;
		to = zh_fold_bmp_pages[page][cp & 0xFF];
		return to ? to : cp;
	}
	return zh_fold_cp(cp);
}

/*
 * Normalise len bytes of UTF-8.  with_map: also build the offset map
 * (out->orig), else out->orig is NULL.  Free with zh_norm_free.
 * len must be below UINT32_MAX / 4.
 */
extern void zh_normalize(const char *src, size_t len, bool with_map, ZhNorm *out);
extern void zh_norm_free(ZhNorm *n);

/*
 * Original byte span [*ostart, *oend) of the normalised byte range [a, b),
 * a < b, both on code point boundaries.  Needs the offset map.
 */
extern void zh_norm_orig_span(const ZhNorm *n, uint32_t a, uint32_t b,
							  uint32_t *ostart, uint32_t *oend);

#endif							/* ZH_NORMALIZE_H */
