/*
 * zh_tokenize.c
 *	  Cut normalised UTF-8 text into consecutive tokens covering every byte
 *	  (API in zh_segment.h).
 *
 * One left-to-right scan classifies each position and consumes the longest
 * token of that class: white space, URL, e-mail address, number (with a
 * following Chinese unit: 2021年, 536.5亿元), Latin word, a run of Han
 * characters (handed to the segmenter in zh_han.c, in windows so a run of any
 * length costs bounded memory), punctuation, anything else.  Every branch
 * consumes at least one byte and never looks at bytes past the end, so the
 * scan is linear and safe on arbitrary input; malformed UTF-8 bytes become
 * one-byte OTHER tokens.
 */
#include "zh_segment.h"
#include "zh_han.h"
#include "na_utf8.h"

typedef struct TokVec
{
	ZhToken    *toks;
	size_t		n;
	size_t		cap;
} TokVec;

static void
push(TokVec *v, size_t start, size_t len, int type)
{
	if (v->n == v->cap)
	{
		size_t		bytes;

		v->cap = v->cap ? v->cap * 2 : 64;
		bytes = v->cap * sizeof(ZhToken);
		v->toks = na_realloc(v->toks, bytes);
	}
	v->toks[v->n].start = (uint32_t) start;
	v->toks[v->n].len = (uint32_t) len;
	v->toks[v->n].type = (uint8_t) type;
	v->n++;
}

/* decode at i; malformed bytes give NA_REPLACEMENT_CP with *adv = 1 */
static inline uint32_t
cp_at(const char *s, size_t len, size_t i, size_t *adv)
{
	if ((unsigned char) s[i] < 0x80)
	{
		*adv = 1;
		return (unsigned char) s[i];
	}
	return na_utf8_decode(s + i, len - i, adv);
}

static inline bool
is_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* ASCII letters, digits, and their full-width forms */
static inline bool
is_alnum_cp(uint32_t cp)
{
	return na_is_digit(cp) || na_is_latin(cp);
}

static bool
ascii_prefix_ci(const char *s, size_t len, size_t i, const char *prefix)
{
	size_t		k,
				plen = strlen(prefix);

	if (len - i < plen)
		return false;
	for (k = 0; k < plen; k++)
	{
		unsigned char c = (unsigned char) s[i + k];

		if (c >= 'A' && c <= 'Z')
			c |= 0x20;
		if (c != (unsigned char) prefix[k])
			return false;
	}
	return true;
}

/* characters a URL may hold (ASCII only, no spaces or quotes) */
static inline bool
is_url_char(unsigned char c)
{
	return is_ascii_alnum(c) || strchr("-._~:/?#[]@!$&'()*+,;=%", c) != NULL;
}

/* length of a URL starting at i, or 0 */
static size_t
scan_url(const char *s, size_t len, size_t i)
{
	size_t		e;

	if (!(ascii_prefix_ci(s, len, i, "http://") ||
		  ascii_prefix_ci(s, len, i, "https://") ||
		  ascii_prefix_ci(s, len, i, "ftp://") ||
		  ascii_prefix_ci(s, len, i, "www.")))
		return 0;
	e = i;
	while (e < len && is_url_char((unsigned char) s[e]))
		e++;
	/* trailing sentence punctuation is not part of the address */
	while (e > i && strchr(".,;:!?)]'", s[e - 1]) != NULL)
		e--;
	/* a bare scheme is not a URL */
	if (e - i <= 8)
		return 0;
	return e - i;
}

static inline bool
is_email_local(unsigned char c)
{
	return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

/*
 * length of an e-mail address starting at i, or 0.  Only tried where a
 * local-part character follows a non-local-part one, so scans never overlap
 * and the whole tokenizer stays linear.
 */
static size_t
scan_email(const char *s, size_t len, size_t i)
{
	size_t		e = i,
				dom,
				last_dot = 0;

	if (i > 0 && is_email_local((unsigned char) s[i - 1]))
		return 0;
	while (e < len && is_email_local((unsigned char) s[e]))
		e++;
	if (e == i || e >= len || s[e] != '@')
		return 0;
	dom = ++e;
	while (e < len && (is_ascii_alnum((unsigned char) s[e]) || s[e] == '-' || s[e] == '.'))
	{
		if (s[e] == '.')
			last_dot = e;
		e++;
	}
	while (e > dom && (s[e - 1] == '.' || s[e - 1] == '-'))
		e--;
	if (last_dot <= dom || last_dot + 1 >= e)
		return 0;
	return e - i;
}

/*
 * Chinese units that join a preceding Arabic number into one NUMUNIT token.
 * Dates are cut into their parts (2021年 10月 15日), the way the PKU and MSR
 * standards both write years and PKU writes months and days.
 */
static const char *const number_units[] = {
	"万亿元", "亿元", "万元", "亿", "万",
	"年", "月", "日", "号", "时", "分", "秒",
	NULL
};

static size_t
scan_unit(const char *s, size_t len, size_t i)
{
	int			k;

	for (k = 0; number_units[k]; k++)
	{
		size_t		ul = strlen(number_units[k]);

		if (len - i >= ul && memcmp(s + i, number_units[k], ul) == 0)
			return ul;
	}
	return 0;
}

/*
 * A number at i: digits, thousands groups (1,000), one decimal part
 * (536.5), an optional percent sign.  Returns its length.
 */
static size_t
scan_number(const char *s, size_t len, size_t i)
{
	size_t		e = i,
				adv;
	bool		seen_point = false;

	while (e < len)
	{
		uint32_t	cp = cp_at(s, len, e, &adv);

		if (na_is_digit(cp))
		{
			e += adv;
			continue;
		}
		/* thousands separator: a comma with exactly three digits after it */
		if (cp == ',' && !seen_point && len - e >= 4 &&
			s[e + 1] >= '0' && s[e + 1] <= '9' &&
			s[e + 2] >= '0' && s[e + 2] <= '9' &&
			s[e + 3] >= '0' && s[e + 3] <= '9' &&
			(e + 4 >= len || !(s[e + 4] >= '0' && s[e + 4] <= '9')))
		{
			e += 4;
			continue;
		}
		/* decimal point, ASCII or full-width, followed by a digit */
		if ((cp == '.' || cp == 0xFF0E) && !seen_point && e + adv < len)
		{
			size_t		adv2;
			uint32_t	next = cp_at(s, len, e + adv, &adv2);

			if (na_is_digit(next))
			{
				seen_point = true;
				e += adv;
				continue;
			}
		}
		break;
	}
	/* percent or per-mille sign */
	if (e < len)
	{
		uint32_t	cp = cp_at(s, len, e, &adv);

		if (cp == '%' || cp == 0xFF05 || cp == 0x2030)
			e += adv;
	}
	return e - i;
}

/* end of a run of letters and digits (ASCII and full-width) from i */
static size_t
scan_alnum(const char *s, size_t len, size_t i)
{
	size_t		e = i,
				adv;

	while (e < len && is_alnum_cp(cp_at(s, len, e, &adv)))
		e += adv;
	return e;
}

/* Han characters, and ○ used as a zero between Chinese numerals */
static inline bool
is_han_run_cp(uint32_t cp, uint32_t prev)
{
	return na_is_han(cp) || (cp == 0x25CB && zh_is_numeral_char(prev));
}

/*
 * Segment the Han run starting at byte i; returns its end.  The run is fed
 * to the segmenter at most ZH_HAN_WINDOW characters at a time; when a window
 * is full the last few words, which might be cut by the window edge, are
 * left for the next window.
 */
static size_t
do_han_run(const ZhDict *dict, const char *s, size_t len, size_t i, TokVec *v)
{
	uint32_t   *cps = na_alloc(sizeof(uint32_t) * ZH_HAN_WINDOW);
	uint32_t   *offs = na_alloc(sizeof(uint32_t) * (ZH_HAN_WINDOW + 1));
	uint32_t   *ends = na_alloc(sizeof(uint32_t) * ZH_HAN_WINDOW);
	uint8_t    *types = na_alloc(ZH_HAN_WINDOW);
	size_t		pos = i;
	bool		more = true;
	uint32_t	prev = 0;

	while (more)
	{
		size_t		n = 0,
					p = pos,
					nw,
					k,
					keep;

		/* gather up to a window of characters */
		while (n < ZH_HAN_WINDOW && p < len)
		{
			size_t		adv;
			uint32_t	cp = cp_at(s, len, p, &adv);

			if (!is_han_run_cp(cp, prev))
				break;
			cps[n] = cp;
			offs[n] = (uint32_t) (p - pos);
			n++;
			p += adv;
			prev = cp;
		}
		offs[n] = (uint32_t) (p - pos);
		more = (n == ZH_HAN_WINDOW && p < len);
		if (n == 0)
			break;
		nw = zh_han_segment(dict, cps, n, ends, types);
		keep = nw;
		if (more)
		{
			/* leave words ending in the last 32 characters for next time */
			while (keep > 1 && ends[keep - 1] + 32 > n)
				keep--;
		}
		for (k = 0; k < keep; k++)
		{
			uint32_t	b = k ? ends[k - 1] : 0;

			push(v, pos + offs[b], offs[ends[k]] - offs[b], types[k]);
		}
		if (more)
		{
			pos += offs[ends[keep - 1]];
			prev = cps[ends[keep - 1] - 1];
			na_check_interrupts();
		}
		else
			pos = p;
	}
	na_free(cps);
	na_free(offs);
	na_free(ends);
	na_free(types);
	return pos;
}

size_t
zh_tokenize(const ZhDict *dict, const char *text, size_t len, ZhToken **tokens)
{
	TokVec		v = {NULL, 0, 0};
	size_t		i = 0;

	while (i < len)
	{
		size_t		adv,
					n;
		uint32_t	cp = cp_at(text, len, i, &adv);

		if ((v.n & 0xFFFF) == 0)
			na_check_interrupts();

		if (cp == NA_REPLACEMENT_CP && adv == 1)
		{
			push(&v, i, 1, ZH_TOK_OTHER);
			i++;
			continue;
		}
		if (na_is_space(cp))
		{
			size_t		e = i + adv;

			while (e < len && na_is_space(cp_at(text, len, e, &adv)))
				e += adv;
			push(&v, i, e - i, ZH_TOK_SPACE);
			i = e;
			continue;
		}
		if (cp < 0x80 && is_ascii_alnum((unsigned char) cp))
		{
			if ((n = scan_url(text, len, i)) > 0)
			{
				push(&v, i, n, ZH_TOK_URL);
				i += n;
				continue;
			}
			if ((n = scan_email(text, len, i)) > 0)
			{
				push(&v, i, n, ZH_TOK_EMAIL);
				i += n;
				continue;
			}
		}
		if (na_is_digit(cp))
		{
			size_t		e = i + scan_number(text, len, i),
						alnum_end = scan_alnum(text, len, i);

			if (alnum_end > e)
			{
				/* digits run into letters: 5g, covid19, 3d */
				push(&v, i, alnum_end - i, ZH_TOK_LATIN);
				i = alnum_end;
			}
			else
			{
				size_t		u = scan_unit(text, len, e);

				push(&v, i, e - i + u, u ? ZH_TOK_NUMUNIT : ZH_TOK_NUMBER);
				i = e + u;
			}
			continue;
		}
		if (na_is_latin(cp))
		{
			size_t		e = scan_alnum(text, len, i);

			push(&v, i, e - i, ZH_TOK_LATIN);
			i = e;
			continue;
		}
		if (na_is_han(cp))
		{
			i = do_han_run(dict, text, len, i, &v);
			continue;
		}
		if (na_is_punct(cp))
		{
			/* a run of the same mark is one token: —— …… */
			size_t		e = i + adv,
						adv2;

			while (e < len && cp_at(text, len, e, &adv2) == cp)
				e += adv2;
			push(&v, i, e - i, ZH_TOK_PUNCT);
			i = e;
			continue;
		}
		push(&v, i, adv, ZH_TOK_OTHER);
		i += adv;
	}
	*tokens = v.toks ? v.toks : na_alloc(sizeof(ZhToken));
	return v.n;
}

const char *
zh_token_type_name(int type)
{
	static const char *const names[] = {
		"?", "word", "latin", "number", "numunit", "email", "url",
		"punct", "space", "other"
	};

	if (type < 1 || type >= ZH_TOK__COUNT)
		return "?";
	return names[type];
}
