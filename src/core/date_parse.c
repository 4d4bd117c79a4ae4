/*
 * date_parse.c
 *	  Read a calendar date as Chinese papers print it.
 *
 * A date is [公元|西元|西曆|西历] Y年[M月[D日]] or [中華民國|民國|...] Y年...
 * (the Republic's era: year 1 = 1912, 元年 = 1), or Y-M-D, Y/M/D, Y.M.D.
 * Numbers may be ASCII or full-width digits, or Chinese numerals: digit
 * strings (二〇二〇, 一九三〇, with 〇, ○ or 零 for zero) or positional ones
 * (十九, 廿三, 貳拾捌, 一百零九, 一九三〇 written 一千九百三十), in
 * simplified, traditional or financial characters.  The day may end in 日,
 * 號 or 号.  Impossible dates (2月30日) are never returned; a coarse date
 * (year-only, year-month) only when asked for, with its precision.
 */
#include <time.h>

#include "date_internal.h"
#include "na_utf8.h"

typedef enum NumKind
{
	NUM_ARABIC,					/* 2020, ２０２０ */
	NUM_HAN_DIGITS,				/* 二〇二〇 */
	NUM_HAN_POSITIONAL			/* 十九, 貳拾捌 */
} NumKind;

typedef struct Num
{
	long		val;
	int			ndig;			/* digits read (code points) */
	NumKind		kind;
} Num;

int
na_days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

bool
na_date_valid(int y, int m, int d)
{
	return y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= na_days_in_month(y, m);
}

int
na_date_max_plausible_year(void)
{
	time_t		now = time(NULL);
	struct tm	tm;

	if (gmtime_r(&now, &tm) == NULL)
		return NA_DATE_YEAR_MAX;
	return tm.tm_year + 1900 + 1;
}

const char *
na_date_prec_name(NaDatePrec p)
{
	switch (p)
	{
		case NA_DATE_DAY:
			return "day";
		case NA_DATE_MONTH:
			return "month";
		case NA_DATE_YEAR:
			return "year";
		default:
			return NULL;
	}
}

static bool
lit(const char *s, size_t len, const char *word)
{
	size_t		n = strlen(word);

	return len >= n && memcmp(s, word, n) == 0;
}

static int
arabic_digit(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int) (cp - '0');
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (int) (cp - 0xFF10);
	return -1;
}

/* a Chinese digit 0-9 (simplified, traditional, financial), else -1 */
static int
han_digit(uint32_t cp)
{
	switch (cp)
	{
		case 0x3007:			/* 〇 */
		case 0x25CB:			/* ○ */
		case 0x25EF:			/* ◯ */
		case 0x96F6:			/* 零 */
			return 0;
		case 0x4E00:			/* 一 */
		case 0x58F9:			/* 壹 */
		case 0x5F0C:			/* 弌 */
			return 1;
		case 0x4E8C:			/* 二 */
		case 0x8CB3:			/* 貳 */
		case 0x8D30:			/* 贰 */
		case 0x5169:			/* 兩 */
		case 0x4E24:			/* 两 */
			return 2;
		case 0x4E09:			/* 三 */
		case 0x53C1:			/* 叁 */
		case 0x53C3:			/* 參 */
		case 0x53C2:			/* 参 */
			return 3;
		case 0x56DB:			/* 四 */
		case 0x8086:			/* 肆 */
			return 4;
		case 0x4E94:			/* 五 */
		case 0x4F0D:			/* 伍 */
			return 5;
		case 0x516D:			/* 六 */
		case 0x9678:			/* 陸 */
		case 0x9646:			/* 陆 */
			return 6;
		case 0x4E03:			/* 七 */
		case 0x67D2:			/* 柒 */
			return 7;
		case 0x516B:			/* 八 */
		case 0x634C:			/* 捌 */
			return 8;
		case 0x4E5D:			/* 九 */
		case 0x7396:			/* 玖 */
			return 9;
		default:
			return -1;
	}
}

/* the value of a Chinese unit (十 拾 百 佰 千 仟), or of 廿 卅 (20, 30) */
static int
han_unit(uint32_t cp)
{
	switch (cp)
	{
		case 0x5341:			/* 十 */
		case 0x62FE:			/* 拾 */
			return 10;
		case 0x767E:			/* 百 */
		case 0x4F70:			/* 佰 */
			return 100;
		case 0x5343:			/* 千 */
		case 0x4EDF:			/* 仟 */
			return 1000;
		case 0x5EFF:			/* 廿 */
			return -20;
		case 0x5345:			/* 卅 */
			return -30;
		default:
			return 0;
	}
}

static bool
is_number_cp(uint32_t cp)
{
	return arabic_digit(cp) >= 0 || han_digit(cp) >= 0 || han_unit(cp) != 0;
}

/* ASCII or full-width digits at s: bytes read, 0 when none */
static size_t
read_arabic(const char *s, size_t len, Num *n)
{
	size_t		i = 0,
				adv;
	int			d;

	n->val = 0;
	n->ndig = 0;
	n->kind = NUM_ARABIC;
	while (i < len && (d = arabic_digit(na_utf8_decode(s + i, len - i, &adv))) >= 0)
	{
		if (n->val < 100000000)
			n->val = n->val * 10 + d;
		n->ndig++;
		i += adv;
	}
	return i;
}

/* Chinese numerals at s: a digit string or a positional number */
static size_t
read_han(const char *s, size_t len, Num *n)
{
	size_t		i = 0,
				adv;
	long		total = 0,
				cur = 0,
				digits = 0;
	bool		units = false,
				have_cur = false;

	n->ndig = 0;
	while (i < len && n->ndig < 12)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);
		int			d = han_digit(cp);
		int			u = han_unit(cp);

		if (d >= 0)
		{
			digits = digits * 10 + d;
			cur = d;
			have_cur = true;
		}
		else if (u > 0)
		{
			/* 十九: a unit without a digit before it counts once */
			total += (have_cur ? cur : (u == 10 ? 1 : 0)) * u;
			cur = 0;
			have_cur = false;
			units = true;
		}
		else if (u < 0)
		{
			total += -u;
			cur = 0;
			have_cur = false;
			units = true;
		}
		else
			break;
		n->ndig++;
		i += adv;
	}
	if (n->ndig == 0)
		return 0;
	n->kind = units ? NUM_HAN_POSITIONAL : NUM_HAN_DIGITS;
	n->val = units ? total + cur : digits;
	return i;
}

static size_t
read_num(const char *s, size_t len, Num *n)
{
	size_t		k = read_arabic(s, len, n);

	return k ? k : read_han(s, len, n);
}

size_t
na_date_read_number(const char *s, size_t len, long *val, bool *arabic)
{
	Num			n;
	size_t		k = read_num(s, len, &n);

	*val = k ? n.val : -1;
	*arabic = k && n.kind == NUM_ARABIC;
	return k;
}

/* spaces within a date (2020 年 5 月), not line breaks */
static size_t
skip_blanks(const char *s, size_t len)
{
	size_t		i = 0,
				adv;
	int			n = 0;

	while (i < len && n < 2)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (cp != ' ' && cp != '\t' && cp != 0x3000 && cp != 0xA0)
			break;
		i += adv;
		n++;
	}
	return i;
}

/* a numeric separator: - / . and their full-width forms; its bytes or 0 */
static size_t
numeric_sep(const char *s, size_t len, uint32_t *which)
{
	size_t		adv;
	uint32_t	cp;

	if (len == 0)
		return 0;
	cp = na_utf8_decode(s, len, &adv);
	if (cp == 0xFF0D || cp == 0xFF0F || cp == 0xFF0E)
		cp -= 0xFEE0;
	if (cp != '-' && cp != '/' && cp != '.')
		return 0;
	*which = cp;
	return adv;
}

/* words after 年 that make a year no date: 年代, 年度, 年前, 年间, ... */
static bool
year_is_span(const char *s, size_t len)
{
	static const char *const next[] = {
		"代", "度", "前", "后", "後", "间", "間", "以", "来", "來", "内", "內",
		"底", "初", "末", "中", "里", "裡", "至", "到", "起", "多", "余", "餘",
		"左", "半", NULL
	};
	int			i;

	for (i = 0; next[i]; i++)
		if (lit(s, len, next[i]))
			return true;
	return false;
}

size_t
na_date_day_mark(const char *s, size_t len)
{
	if (lit(s, len, "日") || lit(s, len, "號") || lit(s, len, "号"))
		return 3;
	return 0;
}

static void
set_date(NaDate *out, int y, int m, int d, NaDatePrec p, bool era, int max_year)
{
	out->year = y;
	out->month = m;
	out->day = d;
	out->prec = p;
	out->era = era;
	out->low_confidence = y < NA_DATE_PLAUSIBLE_MIN || (max_year > 0 && y > max_year);
}

/* Y-M-D, Y/M/D, Y.M.D after a year of four digits; bytes read or 0 */
static size_t
parse_numeric_rest(const char *s, size_t len, long year, int max_year, NaDate *out)
{
	uint32_t	sep1,
				sep2;
	size_t		i,
				k;
	Num			m,
				d;

	if ((i = numeric_sep(s, len, &sep1)) == 0)
		return 0;
	if ((k = read_arabic(s + i, len - i, &m)) == 0 || m.ndig > 2)
		return 0;
	i += k;
	if ((k = numeric_sep(s + i, len - i, &sep2)) == 0 || sep2 != sep1)
		return 0;
	i += k;
	if ((k = read_arabic(s + i, len - i, &d)) == 0 || d.ndig > 2)
		return 0;
	i += k;
	if (!na_date_valid((int) year, (int) m.val, (int) d.val))
		return 0;
	set_date(out, (int) year, (int) m.val, (int) d.val, NA_DATE_DAY, false, max_year);
	return i;
}

/*
 * [M月[D日]] after 年: false when the date is impossible or unwanted, else
 * *used is the bytes read (0 for a year-only date).
 */
static bool
parse_month_day(const char *s, size_t len, int year, bool era, int flags,
				int max_year, NaDate *out, size_t *used)
{
	size_t		i = skip_blanks(s, len),
				k;
	Num			m,
				d;

	if ((k = read_num(s + i, len - i, &m)) > 0)
		k += skip_blanks(s + i + k, len - i - k);
	/* 13月: an impossible month makes no date, not a year-only one */
	if (k > 0 && lit(s + i + k, len - i - k, "月") && (m.val < 1 || m.val > 12))
		return false;
	if (k == 0 || !lit(s + i + k, len - i - k, "月"))
	{
		if (!(flags & NA_DATE_ACCEPT_COARSE) || year_is_span(s, len))
			return false;
		set_date(out, year, 1, 1, NA_DATE_YEAR, era, max_year);
		*used = 0;
		return true;
	}
	i += k + strlen("月");
	{
		size_t		j = i + skip_blanks(s + i, len - i);
		size_t		dm;

		if ((k = read_num(s + j, len - j, &d)) > 0 &&
			(k += skip_blanks(s + j + k, len - j - k)) > 0 &&
			(dm = na_date_day_mark(s + j + k, len - j - k)) > 0)
		{
			if (!na_date_valid(year, (int) m.val, (int) d.val))
				return false;
			set_date(out, year, (int) m.val, (int) d.val, NA_DATE_DAY, era, max_year);
			*used = j + k + dm;
			return true;
		}
	}
	if (!(flags & NA_DATE_ACCEPT_COARSE))
		return false;
	set_date(out, year, (int) m.val, 1, NA_DATE_MONTH, era, max_year);
	*used = i;
	return true;
}

/* 公元, 西元, 西曆, 西历 (the common era) or an era name of the Republic */
static size_t
date_prefix(const char *s, size_t len, bool *era)
{
	static const char *const ad[] = {"公元", "西元", "西曆", "西历", NULL};
	static const char *const roc[] = {"中華民國", "中华民国", "民國", "民国", NULL};
	int			i;

	*era = false;
	for (i = 0; ad[i]; i++)
		if (lit(s, len, ad[i]))
			return strlen(ad[i]);
	for (i = 0; roc[i]; i++)
		if (lit(s, len, roc[i]))
		{
			*era = true;
			return strlen(roc[i]);
		}
	return 0;
}

size_t
na_date_parse_at(const char *s, size_t len, int flags, int max_year, NaDate *out)
{
	bool		era;
	size_t		i = date_prefix(s, len, &era),
				k,
				r;
	Num			y;
	long		year;

	i += skip_blanks(s + i, len - i);
	if (era && lit(s + i, len - i, "元"))
	{
		y.val = 1;
		y.kind = NUM_HAN_POSITIONAL;
		y.ndig = 1;
		k = strlen("元");
	}
	else if ((k = read_num(s + i, len - i, &y)) == 0)
		return 0;
	if (era)
	{
		if (y.val < 1 || y.val > 150 || (y.kind != NUM_HAN_POSITIONAL && y.ndig > 3))
			return 0;
		year = 1911 + y.val;
	}
	else
	{
		if ((y.kind != NUM_HAN_POSITIONAL && y.ndig != 4) ||
			y.val < NA_DATE_YEAR_MIN || y.val > NA_DATE_YEAR_MAX)
			return 0;
		year = y.val;
	}
	i += k;
	if (!era && y.kind == NUM_ARABIC &&
		(r = parse_numeric_rest(s + i, len - i, year, max_year, out)) > 0)
	{
		out->start = 0;
		out->end = i + r;
		return out->end;
	}
	i += skip_blanks(s + i, len - i);
	if (!lit(s + i, len - i, "年"))
		return 0;
	i += strlen("年");
	if (!parse_month_day(s + i, len - i, (int) year, era, flags, max_year, out, &r))
		return 0;
	out->start = 0;
	out->end = i + r;
	return out->end;
}

/* the code point before offset i, 0 at the start */
static uint32_t
prev_cp(const char *s, size_t i)
{
	size_t		k = i,
				adv;

	if (i == 0)
		return 0;
	k--;
	while (k > 0 && (((unsigned char) s[k]) & 0xC0) == 0x80)
		k--;
	return na_utf8_decode(s + k, i - k, &adv);
}

bool
na_date_find(const char *s, size_t len, size_t max_chars, int flags,
			 int max_year, NaDate *out)
{
	size_t		i = 0,
				n = 0,
				adv;

	memset(out, 0, sizeof(*out));
	while (i < len && n <= max_chars)
	{
		/* a date does not start in the middle of a number */
		if (!is_number_cp(prev_cp(s, i)) && na_date_parse_at(s + i, len - i, flags, max_year, out) > 0)
		{
			out->start = i;
			out->end += i;
			return true;
		}
		na_utf8_decode(s + i, len - i, &adv);
		i += adv;
		n++;
	}
	memset(out, 0, sizeof(*out));
	return false;
}
