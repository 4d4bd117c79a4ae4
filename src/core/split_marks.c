/*
 * split_marks.c
 *	  Recognise the small printed marks the splitter keys on: datelines
 *	  (本报讯, 浙江日报讯, 新华社北京5月14日电), continuation marks (下转第N版,
 *	  上接第N版), photo credits (记者 X 摄, X 供图), page headers (第01版：要闻),
 *	  kickers sharing a line with their title, column labels, OCR garbage
 *	  prefixes, the day a lead refers to, and bylines that are only names
 *	  (钱七, 本报评论员).
 */
#include "na_date.h"
#include "split_internal.h"
#include "zh_names.h"
#include "date_internal.h"

static int
digit_value(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return cp - '0';
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return cp - 0xFF10;
	return -1;
}

static int
han_numeral(uint32_t cp)
{
	static const uint32_t nums[] = {0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB,
	0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};	/* 零一二三四五六七八九 */
	int			i;

	for (i = 0; i < 10; i++)
		if (nums[i] == cp)
			return i;
	if (cp == 0x5341)			/* 十 */
		return 10;
	return -1;
}

/*
 * a number at s (digits, full-width digits or Chinese numerals: 三, 十二,
 * 一九三〇), read by the date reader; bytes used or 0
 */
static size_t
take_num(const char *s, size_t len, int *val)
{
	long		v;
	bool		arabic;
	size_t		k = na_date_read_number(s, len, &v, &arabic);

	if (k == 0 || v < 0 || v > 1000000)
		return 0;
	*val = (int) v;
	return k;
}

static size_t
skip_spaces(const char *s, size_t len, size_t i)
{
	size_t		adv;

	while (i < len && na_is_space(na_utf8_decode(s + i, len - i, &adv)))
		i += adv;
	return i;
}

/*
 * Does s[0..len) open with one of heads, or hold one of kinds after its
 * first character within the first dozen (浙江日报, 杭州电视台)?
 */
static bool
org_prefix(const char *s, size_t len, const char *const *heads, const char *const *kinds)
{
	size_t		lim = len < 12 * 3 ? len : 12 * 3;
	int			i;

	for (i = 0; heads[i]; i++)
		if (sp_starts(s, len, heads[i]))
			return true;
	for (i = 0; kinds[i]; i++)
	{
		const char *p = sp_find(s, lim, kinds[i]);

		if (p && p > s)
			return true;
	}
	return false;
}

/* does the prefix before 讯/电 name a news organization? */
static bool
dateline_org(const char *s, size_t len)
{
	static const char *const heads[] = {"本报", "本刊", "本台", "本站", "新华社", "中新社", "中新网",
	"人民网", "新华网", "央视", NULL};
	static const char *const kinds[] = {"报", "社", "网", "台", "刊", "客户端", NULL};

	return org_prefix(s, len, heads, kinds);
}

/*
 * ---- Historical and wire datelines (issue #11, branch hist) ----
 * Traditional forms (本報訊, 中央社南京三日電, 本報南京三日專電), a place and a
 * day alone before 電 (東京三日電, 北京3日电), and the whole token in brackets
 * (（中央社南京三日電）, 【本報訊】).
 */
static bool
is_xun(uint32_t cp)
{
	return cp == 0x8BAF || cp == 0x8A0A;	/* 讯 訊 */
}

static bool
is_dian(uint32_t cp)
{
	return cp == 0x7535 || cp == 0x96FB;	/* 电 電 */
}

static bool
hist_org(const char *s, size_t len)
{
	static const char *const heads[] = {"本報", "中央社", "路透社", NULL};
	static const char *const kinds[] = {"報", "網", "臺", NULL};

	return org_prefix(s, len, heads, kinds);
}

/* s[0..len) is a place and a day: two to eight Han, numerals, 日 */
static bool
place_day(const char *s, size_t len)
{
	size_t		st,
				i = len,
				adv;
	int			nums = 0,
				han = 0;

	if (!sp_ends(s, len, "日"))
		return false;
	i = len - 3;
	while (i > 0)
	{
		uint32_t	cp = sp_last_cp(s, i, &st);

		if (digit_value(cp) < 0 && han_numeral(cp) < 0)
			break;
		nums++;
		i = st;
	}
	for (st = 0; st < i; st += adv, han++)
		if (!na_is_han(na_utf8_decode(s + st, i - st, &adv)))
			return false;
	return nums > 0 && han >= 2 && han <= 8;
}

/* the day before 電 / 电: 日, an agency (社), a site (网/網), 專電 */
static bool
dian_ok(const char *s, size_t i)
{
	return sp_ends(s, i, "日") || sp_ends(s, i, "社") || sp_ends(s, i, "网") ||
		sp_ends(s, i, "網") || sp_ends(s, i, "专") || sp_ends(s, i, "專");
}

/* where the numerals (digits or Han) closing s[0..i) begin; i when none */
static size_t
numerals_start(const char *s, size_t i)
{
	size_t		st;

	while (i > 0)
	{
		uint32_t	cp = sp_last_cp(s, i, &st);

		if (digit_value(cp) < 0 && han_numeral(cp) < 0)
			break;
		i = st;
	}
	return i;
}

/*
 * Where a day (3日) or a month and day (5月3日, 十月十四日) closing s[0..i)
 * begins, or i when s[0..i) does not close with one.
 */
static size_t
month_day_start(const char *s, size_t i)
{
	size_t		d,
				m;

	if (!sp_ends(s, i, "日"))
		return i;
	d = numerals_start(s, i - 3);
	if (d == i - 3)
		return i;
	if (!sp_ends(s, d, "月"))
		return d;
	m = numerals_start(s, d - 3);
	return m == d - 3 ? d : m;
}

/*
 * A web copy's dateline: an outlet and a day before 报道 (参考消息网5月3日报道,
 * TNW中文站10月14日报道, 央视网3日报道).  s[0..i) is what precedes 报道.
 */
static bool
reported_ok(const char *s, size_t i)
{
	static const char *const kinds[] = {"报", "社", "网", "台", "站", "刊", "客户端", NULL};
	size_t		d = month_day_start(s, i);
	int			k;

	/* 据新华社5月3日报道，… opens a paragraph inside an article */
	if (d == i || d == 0 || sp_starts(s, i, "据"))
		return false;
	for (k = 0; kinds[k]; k++)
		if (sp_ends(s, d, kinds[k]))
			return true;
	return false;
}

/* the dateline token at s (no bracket): its bytes or 0 */
static size_t
dateline_token(const char *s, size_t len)
{
	size_t		i = 0,
				adv;
	int			n = 0;
	uint32_t	prev = 0;

	while (i < len && n < 24)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		/* Latin letters only in an outlet's name (TNW中文站10月14日报道) */
		if (((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) && n < 12)
		{
			i += adv;
			n++;
			prev = cp;
			continue;
		}
		if (!na_is_han(cp) && digit_value(cp) < 0)
			break;
		if (cp == 0x62A5 && i > 0 && sp_starts(s + i + adv, len - i - adv, "道") &&
			reported_ok(s, i))	/* 报道 */
			return i + adv + strlen("道");
		/* 通讯(员) is a word, never a dateline's 讯: 本报记者X通讯员Y */
		if (is_xun(cp) && prev == 0x901A)	/* 通 */
			return 0;
		prev = cp;
		if ((is_xun(cp) || is_dian(cp)) && i > 0)
		{
			bool		org = dateline_org(s, i) || hist_org(s, i);
			bool		ok = org;

			if (is_dian(cp))
				ok = (org && dian_ok(s, i)) || place_day(s, i);
			if (ok)
				return i + adv;
		}
		i += adv;
		n++;
	}
	return 0;
}

/*
 * A dateline at the start of a paragraph: returns the bytes of the lead
 * (dateline, an optional reporter bracket, spaces) or 0; *dl_len gets the
 * dateline token's length.
 */
size_t
sp_match_dateline(const char *s, size_t len, size_t *dl_len)
{
	size_t		i = 0,
				adv,
				tok_end;

	/* （中央社南京三日電）, 【本報訊】: the token must fill the brackets */
	if (len > 0 && sp_is_open_bracket(na_utf8_decode(s, len, &adv)))
	{
		size_t		t = dateline_token(s + adv, len - adv),
					cadv;

		if (t == 0 || adv + t >= len ||
			!sp_is_close_bracket(na_utf8_decode(s + adv + t, len - adv - t, &cadv)))
			return 0;
		tok_end = adv + t + cadv;
	}
	else if ((tok_end = dateline_token(s, len)) == 0)
		return 0;
	*dl_len = tok_end;
	i = skip_spaces(s, len, tok_end);
	/* （记者 杜海涛） right after the dateline */
	if (i < len && sp_is_open_bracket(na_utf8_decode(s + i, len - i, &adv)))
	{
		size_t		j = i + adv;
		int			k = 0;

		while (j < len && k < 40)
		{
			uint32_t	cp = na_utf8_decode(s + j, len - j, &adv);

			if (sp_is_close_bracket(cp))
			{
				if (sp_find(s + i, j - i, "记者") || sp_find(s + i, j - i, "通讯员") ||
					sp_find(s + i, j - i, "实习生") || sp_find(s + i, j - i, "記者"))
					i = skip_spaces(s, len, j + adv);
				break;
			}
			j += adv;
			k++;
		}
	}
	else if (i == tok_end)
		return tok_end;
	return i;
}

/* 转/接 [第] N 版, parsed forward from s; bytes used or 0 */
static size_t
cont_core(const char *s, size_t len, int *page, bool *forward)
{
	size_t		i = 0;

	if (sp_starts(s, len, "下转") || sp_starts(s, len, "续转"))
	{
		*forward = true;
		i = 6;
	}
	else if (sp_starts(s, len, "上接") || sp_starts(s, len, "紧接") || sp_starts(s, len, "续接"))
	{
		*forward = false;
		i = 6;
	}
	else if (sp_starts(s, len, "转"))
	{
		*forward = true;
		i = 3;
	}
	else if (sp_starts(s, len, "接"))
	{
		*forward = false;
		i = 3;
	}
	else
		return 0;
	i = skip_spaces(s, len, i);
	if (sp_starts(s + i, len - i, "第"))
		i += 3;
	i = skip_spaces(s, len, i);
	{
		size_t		k = take_num(s + i, len - i, page);

		if (k == 0 || *page <= 0 || *page > 999)
			return 0;
		i += k;
	}
	i = skip_spaces(s, len, i);
	if (!sp_starts(s + i, len - i, "版"))
		return 0;
	return i + 3;
}

/* 转 (E8 BD AC) among the bytes s[0, len): a quick no for most lines */
static bool
has_zhuan(const char *s, size_t len)
{
	const char *p = s,
			   *e = s + len;

	while (p < e && (p = memchr(p, 0xE8, e - p)) != NULL)
	{
		if (e - p >= 3 && (unsigned char) p[1] == 0xBD && (unsigned char) p[2] == 0xAC)
			return true;
		p++;
	}
	return false;
}

/*
 * A continuation mark at the end or the start of s, optionally bracketed.
 * Sets [*mstart, *mend) to its byte span.
 */
bool
sp_match_continuation(const char *s, size_t len, size_t *mstart, size_t *mend,
					  int *page, bool *forward)
{
	size_t		i,
				adv,
				k;
	int			tries;

	/* at the start: (上接第1版) 正文…… */
	i = 0;
	if (len > 0 && sp_is_open_bracket(na_utf8_decode(s, len, &adv)))
		i = adv;
	if ((k = cont_core(s + i, len - i, page, forward)) > 0)
	{
		size_t		e = i + k;

		if (e < len && sp_is_close_bracket(na_utf8_decode(s + e, len - e, &adv)))
			e += adv;
		else if (i > 0)
			goto tail;
		*mstart = 0;
		*mend = skip_spaces(s, len, e);
		return true;
	}
tail:
	/* at the end: 正文。(下转第5版) -- look back at most a few characters */
	if (!has_zhuan(s + (len > 64 ? len - 64 : 0), len > 64 ? 64 : len))
		return false;			/* every mark has 转, in 16 characters' bytes */
	for (tries = 0, i = len; i > 0 && tries < 16; tries++)
	{
		size_t		st;
		uint32_t	cp = sp_last_cp(s, i, &st);

		(void) cp;
		i = st;
		if (sp_starts(s + i, len - i, "下转") || sp_starts(s + i, len - i, "转") ||
			sp_starts(s + i, len - i, "续转"))
		{
			size_t		b = i;
			size_t		e;
			uint32_t	prev;

			k = cont_core(s + i, len - i, page, forward);
			if (k == 0)
				continue;
			e = i + k;
			if (e < len && sp_is_close_bracket(na_utf8_decode(s + e, len - e, &adv)))
				e += adv;
			if (skip_spaces(s, len, e) != len)
				continue;
			if (b > 0)
			{
				/* 下转, 续转: the word before 转 belongs to the mark */
				prev = sp_last_cp(s, b, &st);
				if (prev == 0x4E0B || prev == 0x7EED)
				{
					b = st;
					*forward = true;
				}
			}
			if (b > 0)
			{
				prev = sp_last_cp(s, b, &st);
				if (sp_is_open_bracket(prev))
					b = st;
			}
			*mstart = b;
			*mend = len;
			return true;
		}
	}
	return false;
}

/*
 * A photo credit ending s (记者 方波 摄, 童志忠 摄, （新华社记者 X 摄）):
 * returns the byte offset where it starts, or len when there is none.
 */
size_t
sp_match_credit_tail(const char *s, size_t len)
{
	size_t		e = len,
				st,
				from,
				i,
				adv;
	uint32_t	cp;
	int			n = 0;

	/* drop trailing spaces and a closing bracket */
	while (e > 0)
	{
		cp = sp_last_cp(s, e, &st);
		if (!na_is_space(cp) && !sp_is_close_bracket(cp))
			break;
		e = st;
	}
	if (!(sp_ends(s, e, "摄") || sp_ends(s, e, "供图") || sp_ends(s, e, "摄影")))
		return len;
	/* back to the last sentence mark or bracket, at most 30 characters */
	from = e;
	while (from > 0 && n < 30)
	{
		cp = sp_last_cp(s, from, &st);
		if (sp_is_sentence_end(cp) || sp_is_open_bracket(cp) || cp == 0xFF1B || cp == ';')
			break;
		from = st;
		n++;
	}
	if (n >= 30 && from > 0)
		return len;
	/* try token starts from the left until the rest reads as a credit */
	i = from;
	while (i < e)
	{
		size_t		j = skip_spaces(s, e, i);
		const char *t = s + j;
		size_t		tl = e - j;

		if (tl > 0 && (sp_find(t, tl, " ") || sp_find(t, tl, "　") ||
					   sp_find(t, tl, "/") || sp_find(t, tl, "记者") ||
					   sp_find(t, tl, "摄影")) &&
			na_byline_looks_like(t, tl))
		{
			/* include an opening bracket right before */
			if (j > 0)
			{
				cp = sp_last_cp(s, j, &st);
				if (sp_is_open_bracket(cp))
					j = st;
			}
			return j;
		}
		/* next token */
		while (i < e && !na_is_space(na_utf8_decode(s + i, e - i, &adv)))
			i += adv;
		i = skip_spaces(s, e, i);
	}
	return len;
}

/* 第01版：要闻, 第 5 版 国内, A01版：要闻 */
bool
sp_match_page_header(const char *s, size_t len, size_t *sec_off, size_t *sec_len)
{
	size_t		i = 0,
				adv,
				k;
	int			page,
				n;
	bool		di = false;

	if (na_utf8_count(s, len) > 40)
		return false;
	if (sp_starts(s, len, "第"))
	{
		i = 3;
		di = true;
	}
	else if (len > 0 && ((s[0] >= 'A' && s[0] <= 'Z')))
		i = 1;
	i = skip_spaces(s, len, i);
	k = take_num(s + i, len - i, &page);
	if (k == 0 || page <= 0 || page > 999)
		return false;
	i = skip_spaces(s, len, i + k);
	if (!sp_starts(s + i, len - i, "版"))
		return false;
	i += 3;
	if (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (cp == 0xFF1A || cp == ':')
			i += adv;
		else if (!na_is_space(cp))
			return false;
		else if (!di)
			return false;
	}
	else if (!di)
		return false;
	i = skip_spaces(s, len, i);
	/* the section name: up to the next space */
	k = i;
	n = 0;
	while (k < len && !na_is_space(na_utf8_decode(s + k, len - k, &adv)) && n < 12)
	{
		k += adv;
		n++;
	}
	*sec_off = i;
	*sec_len = k - i;
	return true;
}

/* a kicker line: 某某在……时强调, ……会议上指出 */
bool
sp_kicker_like(const char *s, size_t len)
{
	static const char *const ends[] = {"强调", "指出", "要求", "表示", "提出", "寄语",
	"时说", "上说", "希望", "倡议", "坦言", NULL};
	int			i;

	if (na_utf8_count(s, len) < 6)
		return false;
	for (i = 0; ends[i]; i++)
		if (sp_ends(s, len, ends[i]))
			return true;
	return false;
}

/* a figure-led kicker token: 1-4月规上工业总产值增长37.8% */
static bool
figure_led(const char *s, size_t len)
{
	size_t		adv,
				st;
	uint32_t	last;

	if (len == 0 || digit_value(na_utf8_decode(s, len, &adv)) < 0)
		return false;
	if (na_utf8_count(s, len) < 4)
		return false;
	last = sp_last_cp(s, len, &st);
	return sp_find(s, len, "%") || sp_find(s, len, "％") || sp_find(s, len, "亿") ||
		sp_find(s, len, "万") || sp_find(s, len, "倍") || digit_value(last) >= 0;
}

/*
 * Where a kicker printed on its title's line ends: the byte offset of the
 * space after it, or 0 when the line holds no kicker.
 */
size_t
sp_kicker_split(const char *s, size_t len)
{
	size_t		i = 0,
				adv;
	bool		first = true;

	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (na_is_space(cp))
		{
			size_t		rest = skip_spaces(s, len, i);
			size_t		rcp = na_utf8_count(s + rest, len - rest);

			if (i > 0 && rcp >= 4 &&
				(sp_kicker_like(s, i) || (first && figure_led(s, i) && rcp >= 6)))
				return i;
			first = false;
			i = rest;
			continue;
		}
		i += adv;
	}
	return 0;
}

/* a column label: a short all-Han line such as 钱塘视点 */
bool
sp_is_column_label(const char *s, size_t len)
{
	size_t		i = 0,
				adv;
	int			n = 0;

	while (i < len)
	{
		if (!na_is_han(na_utf8_decode(s + i, len - i, &adv)))
			return false;
		i += adv;
		n++;
	}
	return n >= 2 && n <= 6 && !sp_kicker_like(s, len);
}

/*
 * A line that is only a work's name in book-title marks (《冬夜读书示子聿》):
 * a poem, book or film an essay quotes.  A headline seldom names a work and
 * nothing more; inside an article such a line heads the quoted text.  One
 * to twenty characters inside one pair (ncp counts the marks too).
 */
bool
sp_quoted_name(const char *s, size_t len, int ncp)
{
	return ncp >= 3 && ncp <= 22 &&
		sp_first_cp(s, len, NULL) == 0x300A && sp_last_cp(s, len, NULL) == 0x300B &&
		sp_count_cp(s, len, 0x300A) == 1 && sp_count_cp(s, len, 0x300B) == 1;
}

/* OCR debris before the first word of a line: "+占。 会议强调" */
size_t
sp_garbage_prefix(const char *s, size_t len)
{
	size_t		i = 0,
				adv;
	int			n = 0;
	bool		symbol = false;

	while (i < len && n <= 4)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (na_is_space(cp))
			break;
		if (cp < 0x80 && !((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
						   (cp >= 'a' && cp <= 'z') || cp == '"' || cp == '(' ||
						   cp == '\''))
			symbol = true;
		if (cp == NA_REPLACEMENT_CP)
			symbol = true;
		i += adv;
		n++;
	}
	if (!symbol || n > 3 || i >= len)
		return 0;
	i = skip_spaces(s, len, i);
	return i < len ? i : 0;
}

/*
 * The day a lead or a dateline refers to: a full date, a month-day or a day
 * (2021年10月15日, 十月十五日, 四月三號, 15日) or 昨天/今日 near the start of s,
 * resolved against the issue date (na_date_find_reported: a day later than
 * the issue falls in the month or year before).  An issue dated to the year
 * or month only resolves nothing but full dates.
 */
bool
sp_resolve_reported_on(const char *s, size_t len, const NaIssueInfo *info,
					   int *y, int *m, int *d)
{
	NaDate		r;
	bool		day = info->year > 0 && info->date_prec == NA_DATE_DAY;

	if (!na_date_find_reported(s, len, 8, info->year, day ? info->month : 0,
							   day ? info->day : 0, &r))
		return false;
	*y = r.year;
	*m = r.month;
	*d = r.day;
	return true;
}

#define NAME_MAX_BYTES 16		/* four Han characters of four bytes */

static bool name_token(const char *s, size_t len);

/*
 * Does the line end with a person's name: are its last two, three or four
 * Han characters (spaces aside) one led by a common surname?  钱塘唐平, 唐平
 * yes; 长效管理跟上去 no.
 */
bool
sp_ends_with_name(const char *s, size_t len)
{
	char		buf[4 * 8];
	size_t		off[5],
				n = 0,
				i,
				adv,
				k;

	/* the last four Han characters, right to left */
	for (i = len; i > 0 && n < 4;)
	{
		size_t		st;
		uint32_t	cp = sp_last_cp(s, i, &st);

		if (na_is_han(cp))
			off[n++] = st;
		else if (!na_is_space(cp))
			break;
		i = st;
	}
	for (k = 2; k <= n; k++)
	{
		size_t		bl = 0,
					j;

		/* the last k characters, left to right, without spaces */
		for (j = k; j > 0; j--)
		{
			na_utf8_decode(s + off[j - 1], len - off[j - 1], &adv);
			memcpy(buf + bl, s + off[j - 1], adv);
			bl += adv;
		}
		if (name_token(buf, bl))
			return true;
	}
	return false;
}

/* a person's name: 2-4 Han characters led by a common surname */
static bool
name_token(const char *s, size_t len)
{
	size_t		i = 0,
				adv;
	int			han = 0;
	char		first[8];
	uint32_t	cp0 = 0;
	const char *const *c;

	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (!na_is_han(cp))
			return false;
		if (han++ == 0)
			cp0 = cp;
		i += adv;
	}
	if (han < 2 || han > 4)
		return false;
	for (c = zh_compound_surnames; *c; c++)
		if (sp_starts(s, len, *c) && han >= 3)
			return true;
	adv = na_utf8_encode(cp0, first);
	first[adv] = '\0';
	return strstr(zh_single_surnames, first) != NULL;
}

/*
 * A line that is only who wrote it (the NAME_LINE atom): one to four names
 * and nothing else (钱七, 张三　李四; a two-character name padded to three,
 * 王　伟, is one name), or a paper's commentator (本报评论员).
 */
bool
sp_name_line(const char *s, size_t len)
{
	size_t		ts[9],
				te[9];
	int			n = 0,
				k,
				names = 0;
	size_t		i = 0,
				adv;

	if (sp_ends(s, len, "评论员") && na_utf8_count(s, len) <= 8)
		return true;
	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (sp_char_class(cp) & SPX_SPACE)
			i += adv;
		else
		{
			if (n == 9)
				return false;
			ts[n] = i;
			while (i < len && !(sp_char_class(na_utf8_decode(s + i, len - i, &adv)) & SPX_SPACE))
			{
				i += adv;
				/* longer than a name (2-4 Han, 16 bytes): no name line */
				if (i - ts[n] > NAME_MAX_BYTES)
					return false;
			}
			te[n++] = i;
		}
	}
	for (k = 0; k < n; k++)
	{
		/*
		 * 王　伟: two lone characters are one padded name (a "character" of
		 * invalid bytes can be longer than a code point: the fuzzer's 56)
		 */
		if (k + 1 < n && na_utf8_count(s + ts[k], te[k] - ts[k]) == 1 &&
			na_utf8_count(s + ts[k + 1], te[k + 1] - ts[k + 1]) == 1 &&
			te[k] - ts[k] + te[k + 1] - ts[k + 1] <= 16)
		{
			char		buf[16];
			size_t		a = te[k] - ts[k],
						b = te[k + 1] - ts[k + 1];

			memcpy(buf, s + ts[k], a);
			memcpy(buf + a, s + ts[k + 1], b);
			if (!name_token(buf, a + b))
				return false;
			k++;
		}
		else if (!name_token(s + ts[k], te[k] - ts[k]))
			return false;
		names++;
	}
	return names >= 1 && names <= 4;
}

/*
 * Signature blocks of documents and letters: the issuer (an organisation, a
 * person) on one to three short lines, then the date alone on a line.
 * sp_date_line: the line is one full date and nothing else (2024年5月3日,
 * 二〇二四年五月三日).
 */
bool
sp_date_line(const char *s, size_t len, int ncp)
{
	NaDate		d;
	size_t		n;

	if (ncp < 6 || ncp > 16)
		return false;
	n = na_date_parse_at(s, len, 0, 0, &d);
	return n > 0 && d.prec == NA_DATE_DAY && n == len;
}

/* a short line without punctuation: an issuer's or signer's line */
bool
sp_sign_line(const char *s, size_t len, int ncp)
{
	size_t		i = 0,
				adv;

	if (ncp < 2 || ncp > 30)
		return false;
	while (i < len)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (sp_is_sentence_end(cp) || sp_is_clause_punct(cp))
			return false;
		i += adv;
	}
	return true;
}

/*
 * The lines idx[0..n) (no blank lines among them): how many of the first
 * form a signature block, one to max_issuers issuer lines and the date line
 * after them; 0 when they do not.
 */
int
sp_sign_block(const char *text, const SpLine *lines, const int *idx, int n,
			  int max_issuers)
{
	int			k;

	for (k = 0; k < n && k <= max_issuers; k++)
	{
		const SpLine *l = &lines[idx[k]];

		if (k > 0 && sp_date_line(text + l->cs, l->ce - l->cs, l->ncp))
			return k + 1;
		if (!sp_sign_line(text + l->cs, l->ce - l->cs, l->ncp))
			return 0;
	}
	return 0;
}
