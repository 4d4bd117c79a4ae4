/*
 * na_charset.h
 *	  Decode the bytes of a saved page (any charset) to UTF-8: byte-order
 *	  mark, the page's own declaration (<meta charset>, http-equiv content
 *	  type) checked against the bytes, ICU's charset detector where nothing is
 *	  declared, ICU's converters.  Isolated invalid bytes become U+FFFD and are
 *	  counted; a text that no charset decodes is refused.  Plain C; see
 *	  src/core/charset.c.
 */
#ifndef NA_CHARSET_H
#define NA_CHARSET_H

#include "na_port.h"

#define NA_CHARSET_NAME 32

typedef enum NaCharsetHow
{
	NA_CHARSET_BOM,				/* byte-order mark */
	NA_CHARSET_DECLARED,		/* the page's declaration, confirmed */
	NA_CHARSET_VERIFIED,		/* declaration contradicted by the bytes */
	NA_CHARSET_DETECTED			/* nothing declared: detector and trial */
} NaCharsetHow;

typedef struct NaDecoded
{
	char	   *utf8;			/* NUL-terminated, na_alloc'ed */
	size_t		len;
	char		charset[NA_CHARSET_NAME];	/* what was decoded: UTF-8, GB18030, ... */
	char		declared[NA_CHARSET_NAME];	/* as the page declares it; "" if none */
	NaCharsetHow how;
	size_t		n_replaced;		/* invalid bytes/sequences turned into U+FFFD */
} NaDecoded;

/*
 * Decode len bytes.  Returns true and fills *out, or false with a message in
 * err (errlen bytes) when no charset decodes the bytes (binary data, too
 * many invalid sequences).
 */
extern bool na_charset_decode(const char *bytes, size_t len, NaDecoded *out,
							  char *err, size_t errlen);

/* the charset a page declares in its markup (first 64 kB); "" when none */
extern void na_charset_declared(const char *bytes, size_t len,
								char *name, size_t namelen);

extern const char *na_charset_how_name(NaCharsetHow how);

#endif							/* NA_CHARSET_H */
