/*
 * charset.c
 *	  Decode a saved page's bytes to UTF-8 (see na_charset.h).
 *
 * Order of evidence: a byte-order mark; else the page's declaration, checked
 * against the bytes (pages declaring GB2312 are often UTF-8 re-saved by a
 * browser, and GB2312/GBK are read as GB18030, their superset); else the
 * bytes themselves: valid UTF-8 is UTF-8, otherwise ICU's detector proposes
 * and a trial decode with each candidate decides (fewest invalid sequences).
 * Every invalid sequence becomes U+FFFD and is counted.
 */
#include "na_charset.h"
#include "na_buf.h"
#include "na_utf8.h"

#include <ctype.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#define PRESCAN_BYTES	(64 * 1024)
#define DETECT_BYTES	(256 * 1024)
#define CHUNK_UCHARS	8192

/* converters are opened once per process and reset before each use */
#define CNV_CACHE 8
static struct
{
	char		name[NA_CHARSET_NAME];
	UConverter *cnv;
}			cnv_cache[CNV_CACHE];

typedef struct Utf8Stats
{
	size_t		nonascii;		/* well-formed multi-byte characters */
	size_t		invalid;		/* bytes starting no well-formed sequence */
	size_t		controls;		/* NUL and other C0 bytes no text holds */
} Utf8Stats;

const char *
na_charset_how_name(NaCharsetHow how)
{
	switch (how)
	{
		case NA_CHARSET_BOM:
			return "bom";
		case NA_CHARSET_DECLARED:
			return "declared";
		case NA_CHARSET_VERIFIED:
			return "verified";
		case NA_CHARSET_DETECTED:
			return "detected";
	}
	return "?";
}

static void
utf8_stats(const char *s, size_t len, Utf8Stats *st)
{
	size_t		i = 0;

	memset(st, 0, sizeof(*st));
	while (i < len)
	{
		unsigned char c = (unsigned char) s[i];
		size_t		adv;

		if (c < 0x80)
		{
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B)
				st->controls++;
			i++;
			continue;
		}
		na_utf8_decode(s + i, len - i, &adv);
		if (adv == 1)
			st->invalid++;
		else
			st->nonascii++;
		i += adv;
		if ((i & 0xFFFFF) < adv)
			na_check_interrupts();
	}
}

/* is the text too damaged to be read with this charset? */
static bool
too_damaged(size_t replaced, size_t nonascii)
{
	return replaced > 8 && replaced * 20 > nonascii;
}

/* WHATWG-style label -> the ICU converter we decode it with */
static void
canonical_charset(const char *label, char *out, size_t outlen)
{
	char		low[NA_CHARSET_NAME];
	size_t		i;

	for (i = 0; label[i] && i < sizeof(low) - 1; i++)
		low[i] = (char) tolower((unsigned char) label[i]);
	low[i] = '\0';
	if (strcmp(low, "utf-8") == 0 || strcmp(low, "utf8") == 0 ||
		strcmp(low, "unicode-1-1-utf-8") == 0)
		snprintf(out, outlen, "UTF-8");
	else if (strstr(low, "gb2312") || strstr(low, "gbk") || strstr(low, "gb18030") ||
			 strcmp(low, "gb_2312-80") == 0 || strcmp(low, "cp936") == 0 ||
			 strcmp(low, "windows-936") == 0 || strcmp(low, "euc-cn") == 0 ||
			 strcmp(low, "chinese") == 0 || strcmp(low, "iso-ir-58") == 0)
		snprintf(out, outlen, "GB18030");
	else if (strstr(low, "big5") || strcmp(low, "cn-big5") == 0 ||
			 strcmp(low, "x-x-big5") == 0 || strcmp(low, "cp950") == 0)
		snprintf(out, outlen, "Big5-HKSCS");
	else if (strcmp(low, "iso-8859-1") == 0 || strcmp(low, "latin1") == 0 ||
			 strcmp(low, "us-ascii") == 0 || strcmp(low, "ascii") == 0)
		snprintf(out, outlen, "windows-1252");
	else
		snprintf(out, outlen, "%s", label);
}

static bool
ci_prefix(const char *p, const char *end, const char *word)
{
	size_t		n = strlen(word);

	return (size_t) (end - p) >= n && strncasecmp(p, word, n) == 0;
}

/* the charset= value inside one <meta ...> tag [p, end) */
static bool
meta_charset(const char *p, const char *end, char *name, size_t namelen)
{
	for (; p < end; p++)
	{
		const char *q;
		size_t		n = 0;

		if (!ci_prefix(p, end, "charset"))
			continue;
		q = p + 7;
		while (q < end && isspace((unsigned char) *q))
			q++;
		if (q >= end || *q != '=')
			continue;
		q++;
		while (q < end && (isspace((unsigned char) *q) || *q == '"' || *q == '\''))
			q++;
		while (q + n < end && n < namelen - 1 &&
			   (isalnum((unsigned char) q[n]) || strchr("-_.:", q[n])))
			n++;
		if (n == 0)
			continue;
		memcpy(name, q, n);
		name[n] = '\0';
		return true;
	}
	return false;
}

/*
 * The declaration prescan: the first <meta> tag naming a charset, outside
 * comments (only <meta>: an archive's <script charset=...> says nothing of
 * the page).
 */
void
na_charset_declared(const char *bytes, size_t len, char *name, size_t namelen)
{
	const char *p = bytes;
	const char *end = bytes + (len < PRESCAN_BYTES ? len : PRESCAN_BYTES);

	name[0] = '\0';
	while (p < end && (p = memchr(p, '<', end - p)) != NULL)
	{
		const char *gt;

		if (ci_prefix(p, end, "<!--"))
		{
			const char *c;

			for (c = p + 4; c + 2 < end && memcmp(c, "-->", 3) != 0; c++)
				;
			p = c + 3;
			continue;
		}
		if (!ci_prefix(p, end, "<meta") ||
			(p + 5 < end && !isspace((unsigned char) p[5]) && p[5] != '/'))
		{
			p++;
			continue;
		}
		gt = memchr(p, '>', end - p);
		if (gt == NULL)
			gt = end;
		if (meta_charset(p + 5, gt, name, namelen))
			return;
		p = gt;
	}
}

static UConverter *
cached_converter(const char *name)
{
	UErrorCode	err = U_ZERO_ERROR;
	UConverter *cnv;
	int			i;

	for (i = 0; i < CNV_CACHE && cnv_cache[i].cnv; i++)
		if (strcmp(cnv_cache[i].name, name) == 0)
		{
			ucnv_reset(cnv_cache[i].cnv);
			return cnv_cache[i].cnv;
		}
	cnv = ucnv_open(name, &err);
	if (U_FAILURE(err) || cnv == NULL)
		return NULL;
	if (i == CNV_CACHE)
	{
		/* full: replace the last slot */
		i = CNV_CACHE - 1;
		ucnv_close(cnv_cache[i].cnv);
	}
	snprintf(cnv_cache[i].name, NA_CHARSET_NAME, "%s", name);
	cnv_cache[i].cnv = cnv;
	return cnv;
}

static void U_CALLCONV
count_substitute(const void *context, UConverterToUnicodeArgs *args,
				 const char *units, int32_t n, UConverterCallbackReason reason,
				 UErrorCode *err)
{
	if (reason <= UCNV_IRREGULAR)
		(*(size_t *) context)++;
	UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, units, n, reason, err);
}

/* append UTF-16 units as UTF-8; unpaired surrogates become U+FFFD */
static void
append_utf16(NaBuf *out, const UChar *u, size_t n, size_t *replaced)
{
	size_t		i;

	na_buf_reserve(out, n * 3);
	for (i = 0; i < n; i++)
	{
		uint32_t	cp = u[i];

		if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n &&
			u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF)
		{
			cp = 0x10000 + ((cp - 0xD800) << 10) + (u[i + 1] - 0xDC00);
			i++;
		}
		else if (cp >= 0xD800 && cp <= 0xDFFF)
		{
			cp = NA_REPLACEMENT_CP;
			(*replaced)++;
		}
		if (cp < 0x80)
			out->data[out->len++] = (char) cp;
		else
		{
			na_buf_reserve(out, 4 + (n - i) * 3);
			out->len += na_utf8_encode(cp, out->data + out->len);
		}
	}
	out->data[out->len] = '\0';
}

/* decode with an ICU converter; false when ICU has no such charset */
static bool
decode_icu(const char *name, const char *bytes, size_t len, NaBuf *out,
		   size_t *replaced)
{
	UConverter *cnv = cached_converter(name);
	UChar		chunk[CHUNK_UCHARS];
	const char *src = bytes;
	const char *src_end = bytes + len;
	UErrorCode	err = U_ZERO_ERROR;

	*replaced = 0;
	if (cnv == NULL)
		return false;
	ucnv_setToUCallBack(cnv, count_substitute, replaced, NULL, NULL, &err);
	if (U_FAILURE(err))
		return false;
	na_buf_reserve(out, len + len / 2);
	for (;;)
	{
		UChar	   *dst = chunk;

		err = U_ZERO_ERROR;
		ucnv_toUnicode(cnv, &dst, chunk + CHUNK_UCHARS, &src, src_end, NULL, true, &err);
		append_utf16(out, chunk, dst - chunk, replaced);
		if (err == U_BUFFER_OVERFLOW_ERROR)
		{
			if ((out->len & 0xFFFFF) < CHUNK_UCHARS * 3)
				na_check_interrupts();
			continue;
		}
		break;
	}
	ucnv_reset(cnv);
	return U_SUCCESS(err);
}

/* copy UTF-8, replacing each invalid byte with U+FFFD */
static void
decode_utf8(const char *s, size_t len, NaBuf *out, size_t *replaced)
{
	size_t		i = 0,
				run = 0;

	*replaced = 0;
	na_buf_reserve(out, len);
	while (i < len)
	{
		size_t		adv;

		if ((unsigned char) s[i] < 0x80)
		{
			i++;
			continue;
		}
		na_utf8_decode(s + i, len - i, &adv);
		if (adv == 1)
		{
			na_buf_append(out, s + run, i - run);
			na_buf_append(out, "\xEF\xBF\xBD", 3);
			(*replaced)++;
			run = i + 1;
		}
		i += adv;
	}
	na_buf_append(out, s + run, len - run);
}

/* one trial: decode with charset, keep it in *best if it beats it */
typedef struct Trial
{
	NaBuf		buf;
	char		charset[NA_CHARSET_NAME];
	size_t		replaced;
	bool		ok;
} Trial;

static void
try_charset(const char *cs, const char *bytes, size_t len, Trial *best)
{
	Trial		t;

	if (best->ok && strcmp(best->charset, cs) == 0)
		return;
	na_buf_init(&t.buf, len + 16);
	if (strcmp(cs, "UTF-8") == 0)
	{
		decode_utf8(bytes, len, &t.buf, &t.replaced);
		t.ok = true;
	}
	else
		t.ok = decode_icu(cs, bytes, len, &t.buf, &t.replaced);
	if (t.ok && (!best->ok || t.replaced < best->replaced))
	{
		na_buf_free(&best->buf);
		best->buf = t.buf;
		best->replaced = t.replaced;
		snprintf(best->charset, NA_CHARSET_NAME, "%s", cs);
		best->ok = true;
	}
	else
		na_buf_free(&t.buf);
}

/* ICU's detector: up to max candidate charsets, best first */
static int
detect_candidates(const char *bytes, size_t len, char names[][NA_CHARSET_NAME], int max)
{
	UErrorCode	err = U_ZERO_ERROR;
	UCharsetDetector *det = ucsdet_open(&err);
	const UCharsetMatch **m;
	int32_t		nm = 0;
	int			n = 0,
				i;

	if (U_FAILURE(err))
		return 0;
	ucsdet_enableInputFilter(det, true);
	ucsdet_setText(det, bytes, (int32_t) (len < DETECT_BYTES ? len : DETECT_BYTES), &err);
	m = ucsdet_detectAll(det, &nm, &err);
	for (i = 0; U_SUCCESS(err) && i < nm && n < max; i++)
	{
		UErrorCode	e2 = U_ZERO_ERROR;
		const char *name = ucsdet_getName(m[i], &e2);

		if (U_FAILURE(e2) || ucsdet_getConfidence(m[i], &e2) < 10)
			continue;
		canonical_charset(name, names[n], NA_CHARSET_NAME);
		n++;
	}
	ucsdet_close(det);
	return n;
}

static bool
bom(const unsigned char *b, size_t len, char *cs, size_t *skip)
{
	if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
		snprintf(cs, NA_CHARSET_NAME, "UTF-8"), *skip = 3;
	else if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE)
		snprintf(cs, NA_CHARSET_NAME, "UTF-16LE"), *skip = 2;
	else if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF)
		snprintf(cs, NA_CHARSET_NAME, "UTF-16BE"), *skip = 2;
	else
		return false;
	return true;
}

/* without a usable declaration: UTF-8 if the bytes are, else detect and try */
static void
decode_undeclared(const char *bytes, size_t len, const Utf8Stats *st, Trial *best)
{
	char		cand[6][NA_CHARSET_NAME];
	int			n,
				i;

	if (st->invalid == 0 || st->invalid * 50 < st->nonascii)
	{
		try_charset("UTF-8", bytes, len, best);
		return;
	}
	n = detect_candidates(bytes, len, cand, 4);
	for (i = 0; i < n && !(best->ok && best->replaced == 0); i++)
		try_charset(cand[i], bytes, len, best);
	if (!best->ok || best->replaced > 0)
	{
		try_charset("GB18030", bytes, len, best);
		try_charset("Big5-HKSCS", bytes, len, best);
	}
}

/* NUL is no text character (and ends C strings): U+FFFD, counted */
static void
replace_nul(Trial *t)
{
	NaBuf		b;
	size_t		i;

	if (memchr(t->buf.data, '\0', t->buf.len) == NULL)
		return;
	na_buf_init(&b, t->buf.len + 64);
	for (i = 0; i < t->buf.len; i++)
	{
		if (t->buf.data[i] == '\0')
		{
			na_buf_append(&b, "\xEF\xBF\xBD", 3);
			t->replaced++;
		}
		else
			na_buf_append_char(&b, t->buf.data[i]);
	}
	na_buf_free(&t->buf);
	t->buf = b;
}

bool
na_charset_decode(const char *bytes, size_t len, NaDecoded *out,
				  char *err, size_t errlen)
{
	Utf8Stats	st;
	Trial		best;
	char		cs[NA_CHARSET_NAME];
	size_t		skip = 0;

	memset(out, 0, sizeof(*out));
	memset(&best, 0, sizeof(best));
	na_charset_declared(bytes, len, out->declared, NA_CHARSET_NAME);
	if (bom((const unsigned char *) bytes, len, cs, &skip))
	{
		out->how = NA_CHARSET_BOM;
		try_charset(cs, bytes + skip, len - skip, &best);
		utf8_stats(best.buf.data, best.buf.len, &st);
		st.invalid = 0;
	}
	else
	{
		utf8_stats(bytes, len, &st);
		if (st.controls * 100 > len + 100)
		{
			snprintf(err, errlen, "the bytes are no text in any charset: %zu of %zu are control characters",
					 st.controls, len);
			return false;
		}
		canonical_charset(out->declared, cs, sizeof(cs));
		out->how = NA_CHARSET_DECLARED;
		if (out->declared[0] && strcmp(cs, "UTF-8") != 0 && st.invalid == 0 && st.nonascii > 0)
			out->how = NA_CHARSET_VERIFIED;	/* "GB2312" page saved as UTF-8 */
		else if (out->declared[0])
			try_charset(cs, bytes, len, &best);
		if (!best.ok || too_damaged(best.replaced, st.nonascii + len / 64))
		{
			if (out->declared[0] && out->how == NA_CHARSET_DECLARED)
				out->how = NA_CHARSET_VERIFIED;
			else if (!out->declared[0])
				out->how = NA_CHARSET_DETECTED;
			decode_undeclared(bytes, len, &st, &best);
		}
	}
	if (!best.ok || too_damaged(best.replaced, best.buf.len / 3))
	{
		if (out->declared[0])
			snprintf(err, errlen, "no charset decodes the bytes (declared %s): %zu invalid sequences in the best reading (%s)",
					 out->declared, best.replaced, best.ok ? best.charset : "none");
		else
			snprintf(err, errlen, "no charset decodes the bytes: %zu invalid sequences in the best reading (%s)",
					 best.replaced, best.ok ? best.charset : "none");
		na_buf_free(&best.buf);
		return false;
	}
	replace_nul(&best);
	out->utf8 = best.buf.data;
	out->len = best.buf.len;
	out->n_replaced = best.replaced;
	snprintf(out->charset, NA_CHARSET_NAME, "%s", best.charset);
	return true;
}
