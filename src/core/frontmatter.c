/*
 * frontmatter.c
 *	  Recognise an issue's front matter.
 *
 * A printed issue opens with a masthead block: the paper's name, hotline and
 * mailbox lines, a date line (2021年10月18日 星期一), a lunar date (农历...),
 * 今日N版 总第N期 and 主办 X 出版 Y.  A saved web page opens with a
 * breadcrumb (您当前的位置：site > section > ...), a date-and-source line
 * (... 来源: X) and ends with tags, editor, sharing and copyright lines.
 *
 * Only the first lines of the text (the head zone) and the last lines (the
 * tail zone) are examined, so article text further down never lands here.
 * Every field is optional; nothing here can fail.
 */
#include "date_internal.h"
#include "na_frontmatter.h"
#include "na_utf8.h"

#define HEAD_MAX_LINES 60
#define HEAD_MAX_BYTES 6000
#define HEAD_LONG_LINE 80		/* code points: a body paragraph ends the zone */
#define HEAD_SENTENCE_CP 12		/* ... and so does a sentence this long */
#define TAIL_MAX_LINES 30
#define TAIL_MAX_BYTES 16384	/* a web page's footer sits in its last 16 kB */
#define TAIL_LONG_LINE 2048		/* bytes: a longer line is no footer line */
#define HEAD_DATE_CHARS 30		/* code points before a full date on a head line */
#define HEAD_PROSE_DATE_CHARS 12	/* ... on a line of running text */

typedef struct Line
{
	const char *s;				/* trimmed start */
	size_t		len;			/* trimmed length */
	size_t		start;			/* offset of the raw line in the text */
	size_t		end;			/* offset just past the raw line's newline */
} Line;

static const char *
find_bytes(const char *s, size_t len, const char *needle)
{
	size_t		nlen = strlen(needle);
	size_t		i;

	if (nlen == 0 || nlen > len)
		return NULL;
	for (i = 0; i + nlen <= len; i++)
		if (s[i] == needle[0] && memcmp(s + i, needle, nlen) == 0)
			return s + i;
	return NULL;
}

/* characters trimmed from line ends: spaces and OCR markdown marks */
static bool
is_trim_cp(uint32_t cp)
{
	return na_is_space(cp) || cp == '#' || cp == '*' || cp == '>' || cp == '|';
}

static void
trim(const char **s, size_t *len)
{
	size_t		adv;

	while (*len > 0)
	{
		uint32_t	cp = na_utf8_decode(*s, *len, &adv);

		if (!is_trim_cp(cp))
			break;
		*s += adv;
		*len -= adv;
	}
	while (*len > 0)
	{
		/* step back over one UTF-8 sequence */
		size_t		k = *len - 1;

		while (k > 0 && (((unsigned char) (*s)[k]) & 0xC0) == 0x80)
			k--;
		if (!is_trim_cp(na_utf8_decode(*s + k, *len - k, &adv)))
			break;
		*len = k;
	}
}

static size_t
split_lines(const char *text, size_t len, Line *lines, size_t max, size_t from)
{
	size_t		n = 0,
				pos = from;

	while (pos < len && n < max)
	{
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t		end = nl ? (size_t) (nl - text) + 1 : len;
		Line	   *l = &lines[n++];

		l->start = pos;
		l->end = end;
		l->s = text + pos;
		l->len = (nl ? (size_t) (nl - text) : len) - pos;
		trim(&l->s, &l->len);
		pos = end;
	}
	return n;
}

/* skip spaces and a colon (ASCII or full-width) */
static const char *
skip_sep(const char *p, const char *end)
{
	size_t		adv;

	while (p < end)
	{
		uint32_t	cp = na_utf8_decode(p, end - p, &adv);

		if (!na_is_space(cp) && cp != ':' && cp != 0xFF1A)
			break;
		p += adv;
	}
	return p;
}

/* a run of non-space characters starting at p */
static char *
take_word(const char *p, const char *end, const char **after)
{
	const char *q = p;
	size_t		adv;

	while (q < end)
	{
		uint32_t	cp = na_utf8_decode(q, end - q, &adv);

		if (na_is_space(cp))
			break;
		q += adv;
	}
	if (after)
		*after = q;
	return q > p ? na_strndup(p, q - p) : NULL;
}

/*
 * a number at p (digits, full-width digits or Chinese numerals: 今日十六版,
 * 總第一萬二千期 stops at 萬), read by the date reader; -1 when there is none
 */
static long
take_number(const char **pp, const char *end)
{
	long		v;
	bool		arabic;
	size_t		k = na_date_read_number(*pp, (size_t) (end - *pp), &v, &arabic);

	if (k == 0)
		return -1;
	*pp += k;
	return v;
}

static bool
starts_with(const char *p, const char *end, const char *lit)
{
	size_t		n = strlen(lit);

	return (size_t) (end - p) >= n && memcmp(p, lit, n) == 0;
}

/* weekdays as printed; 禮拜 and 週 are the traditional and older forms */
static const char *const weekdays[] = {
	"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天",
	"禮拜一", "禮拜二", "禮拜三", "禮拜四", "禮拜五", "禮拜六", "禮拜日", "禮拜天",
	"礼拜一", "礼拜二", "礼拜三", "礼拜四", "礼拜五", "礼拜六", "礼拜日", "礼拜天",
	"週一", "週二", "週三", "週四", "週五", "週六", "週日", NULL
};

const char *
na_date_source_name(NaDateSource s)
{
	switch (s)
	{
		case NA_DSRC_MASTHEAD:
			return "masthead";
		case NA_DSRC_TEXT:
			return "text";
		case NA_DSRC_HTML_META:
			return "html meta";
		case NA_DSRC_FILE_NAME:
			return "file name";
		case NA_DSRC_GIVEN:
			return "given";
		default:
			return NULL;
	}
}

/* just past the word that opens a lunar date: 农历, 農曆, 夏历, 旧历, 阴历, ... */
static const char *
lunar_mark(const Line *l)
{
	static const char *const marks[] = {
		"农历", "農曆", "農歷", "夏历", "夏曆", "旧历", "舊曆", "阴历", "陰曆", NULL
	};
	int			k;
	const char *p;

	for (k = 0; marks[k]; k++)
		if ((p = find_bytes(l->s, l->len, marks[k])) != NULL)
			return p + strlen(marks[k]);
	return NULL;
}

/* a line of running text: it has sentence or clause punctuation */
static bool
is_prose(const Line *l)
{
	static const char *const marks[] = {"。", "，", "！", "？", "；", NULL};
	int			k;

	for (k = 0; marks[k]; k++)
		if (find_bytes(l->s, l->len, marks[k]))
			return true;
	return false;
}

/*
 * A coarse date opening a line is the issue's only when nothing but a space,
 * an issue number or a bracket follows: 中華民國貳拾捌年, 一九三〇年 第三期,
 * but not the title 2020年全国经济工作会议召开.
 */
static bool
stands_alone(const Line *l, size_t end)
{
	size_t		adv;
	uint32_t	cp;

	if (end >= l->len)
		return true;
	cp = na_utf8_decode(l->s + end, l->len - end, &adv);
	return na_is_space(cp) || cp == 0x7B2C || cp == 0xFF08 || cp == '(' || cp == 0x3010;	/* 第 （ ( 【 */
}

/*
 * The issue date on a line of the head zone.  A full date may stand
 * anywhere on a masthead line, but near the start of running text only
 * (a lead's date is no issue date); a year-only or year-month date
 * (中華民國貳拾捌年) only when it opens the line, since 创刊于1949年 is no
 * issue date.  Day dates win over coarse ones found on earlier lines.
 */
static bool
head_line_date(const Line *l, NaIssueInfo *info, int max_year)
{
	NaDate		d;

	if (info->year != 0 && info->date_prec == NA_DATE_DAY)
		return false;
	if (na_date_find(l->s, l->len, is_prose(l) ? HEAD_PROSE_DATE_CHARS : HEAD_DATE_CHARS, 0, max_year, &d) ||
		(info->year == 0 && na_date_find(l->s, l->len, 0, NA_DATE_ACCEPT_COARSE, max_year, &d) &&
		 stands_alone(l, d.end)))
	{
		info->year = d.year;
		info->month = d.month;
		info->day = d.day;
		info->date_prec = d.prec;
		info->date_low_confidence = d.low_confidence;
		return true;
	}
	return false;
}

static bool
is_all_han(const char *s, size_t len, size_t *ncp)
{
	size_t		i = 0,
				adv,
				n = 0;

	while (i < len)
	{
		if (!na_is_han(na_utf8_decode(s + i, len - i, &adv)))
			return false;
		i += adv;
		n++;
	}
	*ncp = n;
	return n > 0;
}

/* a paper's name: a short all-Han line ending in 报 (報) or 刊 */
static bool
looks_like_masthead(const Line *l)
{
	size_t		ncp;

	if (!is_all_han(l->s, l->len, &ncp) || ncp < 2 || ncp > 12)
		return false;
	return (l->len >= 3 && memcmp(l->s + l->len - 3, "报", 3) == 0) ||
		(l->len >= 3 && memcmp(l->s + l->len - 3, "報", 3) == 0) ||
		(l->len >= 3 && memcmp(l->s + l->len - 3, "刊", 3) == 0);
}

/* boilerplate lines of a masthead block: hotline, mailbox, subscription */
static bool
is_masthead_service_line(const Line *l)
{
	static const char *const keys[] = {
		"热线", "投稿", "邮箱", "征订", "订阅", "广告", "电话", "传真",
		"网址", "邮编", "国内统一连续出版物号", "CN", NULL
	};
	int			i;

	for (i = 0; keys[i]; i++)
		if (find_bytes(l->s, l->len, keys[i]))
			return true;
	return false;
}

/* an all-capital Latin line such as a paper's English name */
static bool
is_latin_caps_line(const Line *l)
{
	size_t		i,
				letters = 0;

	for (i = 0; i < l->len; i++)
	{
		char		c = l->s[i];

		if (c >= 'A' && c <= 'Z')
			letters++;
		else if (c != ' ' && c != '-' && c != '.' && c != '&')
			return false;
	}
	return letters >= 4;
}

/* split a list such as tags on ;；,，、 and spaces */
static int
split_list(const char *p, const char *end, char **out, int max)
{
	int			n = 0;
	size_t		adv;

	while (p < end && n < max)
	{
		const char *q = p;

		while (q < end)
		{
			uint32_t	cp = na_utf8_decode(q, end - q, &adv);

			if (cp == ';' || cp == 0xFF1B || cp == ',' || cp == 0xFF0C ||
				cp == 0x3001 || na_is_space(cp))
				break;
			q += adv;
		}
		if (q > p)
			out[n++] = na_strndup(p, q - p);
		if (q < end)
		{
			na_utf8_decode(q, end - q, &adv);
			q += adv;
		}
		p = q;
	}
	return n;
}

/* 您当前的位置：浙江在线 > 浙江新闻 > 杭州 正文 */
static bool
parse_breadcrumb(const Line *l, NaIssueInfo *info)
{
	const char *end = l->s + l->len;
	const char *p = find_bytes(l->s, l->len, "位置");
	int			n = 0;
	char	   *items[NA_MAX_LIST + 1];
	size_t		adv;
	int			i;

	if (!p || !(find_bytes(l->s, l->len, ">") || find_bytes(l->s, l->len, "＞") ||
				find_bytes(l->s, l->len, "»")))
		return false;
	p = skip_sep(p + strlen("位置"), end);
	while (p < end && n <= NA_MAX_LIST)
	{
		const char *q = p;
		const char *s,
				   *e;
		size_t		ilen;

		while (q < end)
		{
			uint32_t	cp = na_utf8_decode(q, end - q, &adv);

			if (cp == '>' || cp == 0xFF1E || cp == 0x00BB)
				break;
			q += adv;
		}
		s = p;
		ilen = q - p;
		trim(&s, &ilen);
		e = s + ilen;
		/* the page itself, 正文, closes a breadcrumb */
		if (ilen >= strlen("正文") && memcmp(e - strlen("正文"), "正文", strlen("正文")) == 0)
		{
			ilen -= strlen("正文");
			trim(&s, &ilen);
		}
		if (ilen > 0)
			items[n++] = na_strndup(s, ilen);
		if (q < end)
		{
			na_utf8_decode(q, end - q, &adv);
			q += adv;
		}
		p = q;
	}
	if (n == 0)
		return false;
	info->site = items[0];
	for (i = 1; i < n && info->n_section < NA_MAX_LIST; i++)
		info->section_path[info->n_section++] = items[i];
	for (; i < n; i++)
		na_free(items[i]);
	return true;
}

static void
set_once(char **field, char *value)
{
	if (*field == NULL)
		*field = value;
	else if (value)
		na_free(value);
}

/* 主办 X 出版 Y / 主办单位：X / X主办 */
static bool
parse_sponsor_line(const Line *l, NaIssueInfo *info)
{
	const char *end = l->s + l->len;
	const char *p;
	bool		hit = false;

	if ((p = find_bytes(l->s, l->len, "主办")) != NULL)
	{
		const char *q = p + strlen("主办");

		if (starts_with(q, end, "单位"))
			q += strlen("单位");
		q = skip_sep(q, end);
		if (q > p + strlen("主办") || q == end)
			set_once(&info->sponsor, take_word(q, end, NULL));
		else if (p > l->s)
		{
			/* X主办: the word before */
			const char *b = p;

			while (b > l->s && b[-1] != ' ')
				b--;
			set_once(&info->sponsor, na_strndup(b, p - b));
		}
		hit = true;
	}
	if ((p = find_bytes(l->s, l->len, "出版")) != NULL)
	{
		const char *q = p + strlen("出版");

		if (starts_with(q, end, "单位"))
			q += strlen("单位");
		else if (starts_with(q, end, "者"))
			q += strlen("者");
		q = skip_sep(q, end);
		if (q > p + strlen("出版"))
		{
			set_once(&info->publisher, take_word(q, end, NULL));
			hit = true;
		}
	}
	return hit;
}

/* a paragraph led by two full-width spaces, as e-paper dumps print them */
static bool
is_indented_paragraph(const Line *l)
{
	return l->len > 6 && memcmp(l->s, "\xE3\x80\x80\xE3\x80\x80", 6) == 0;
}

/*
 * A sentence of running text: at least HEAD_SENTENCE_CP code points closing
 * in 。！？ (a quote or bracket after it allowed).  No masthead line reads
 * so; an issue that opens with an article (no masthead) must not have its
 * first paragraphs taken into the masthead block up to a date line below
 * them (a letter's signature date).
 */
static bool
is_sentence_line(const Line *l)
{
	size_t		i = l->len,
				st,
				adv;
	uint32_t	cp = 0;

	while (i > 0)
	{
		st = i - 1;
		while (st > 0 && ((unsigned char) l->s[st] & 0xC0) == 0x80)
			st--;
		cp = na_utf8_decode(l->s + st, i - st, &adv);
		if (cp != 0x201D && cp != 0x300D && cp != 0x300F && cp != 0xFF09 && cp != ')')
			break;
		i = st;				/* ” 」 』 ） ) after the stop */
	}
	if (cp != 0x3002 && cp != 0xFF01 && cp != 0xFF1F)
		return false;
	return na_utf8_count(l->s, l->len) >= HEAD_SENTENCE_CP;
}

/* 第01版：要闻, 第4版 */
static bool
is_page_header_line(const Line *l)
{
	const char *p = l->s,
			   *end = l->s + l->len;

	if (!starts_with(p, end, "第"))
		return false;
	p += strlen("第");
	if (p >= end || !((*p >= '0' && *p <= '9') || starts_with(p, end, "\xEF\xBC")))
		return false;
	while (p < end && ((*p >= '0' && *p <= '9') || starts_with(p, end, "\xEF\xBC")))
		p += (*p >= '0' && *p <= '9') ? 1 : 3;
	return starts_with(p, end, "版");
}

/*
 * The text opens with a headline right over the first field line (only
 * blank lines between): a line no paper's name or service line reads like,
 * nine code points or more or with a headline's punctuation (全省春季植树超过
 * 一亿株, 外国专家：中美合作共赢).
 */
static bool
headline_before(const Line *lines, size_t upto)
{
	size_t		i = 0,
				ncp;
	const Line *l;

	while (i < upto && lines[i].len == 0)
		i++;
	if (i >= upto)
		return false;
	l = &lines[i];
	if (looks_like_masthead(l) || is_masthead_service_line(l))
		return false;
	for (i++; i < upto; i++)
		if (lines[i].len > 0)
			return false;
	ncp = na_utf8_count(l->s, l->len);
	return ncp >= 9 || find_bytes(l->s, l->len, "，") || find_bytes(l->s, l->len, "：") ||
		find_bytes(l->s, l->len, "？") || find_bytes(l->s, l->len, "！");
}

/*
 * A line that is one date and nothing else (2024年05月06日): under a line
 * that is no paper's name it may still be a masthead's, the old reading.
 */
static bool
bare_date(const Line *l)
{
	NaDate		d;

	return l->len > 0 && na_date_parse_at(l->s, l->len, 0, 0, &d) == l->len;
}

static void
parse_head(const char *text, size_t len, NaIssueInfo *info)
{
	Line		lines[HEAD_MAX_LINES];
	size_t		n = split_lines(text, len, lines, HEAD_MAX_LINES, 0);
	size_t		i,
				last_field = 0,
				first_field = 0;
	bool		any_field = false,
				is_web = false;
	int			max_year = na_date_max_plausible_year();

	for (i = 0; i < n; i++)
	{
		Line	   *l = &lines[i];
		const char *end = l->s + l->len;
		const char *p;
		bool		field = false;
		int			w;

		if (l->start >= HEAD_MAX_BYTES)
			break;
		/* more than 4 bytes a code point cannot be: no need to count a long line */
		if (l->len > 4 * HEAD_LONG_LINE || na_utf8_count(l->s, l->len) > HEAD_LONG_LINE)
			break;
		/* a paragraph or a page header: the articles have begun */
		if (is_indented_paragraph(l) || is_page_header_line(l) || is_sentence_line(l))
			break;

		if (i < 3 && info->site == NULL && parse_breadcrumb(l, info))
		{
			is_web = true;
			field = true;
		}
		if (l->len > 0 && head_line_date(l, info, max_year))
			field = true;
		for (w = 0; weekdays[w]; w++)
			if (info->weekday == NULL && find_bytes(l->s, l->len, weekdays[w]))
			{
				info->weekday = na_strndup(weekdays[w], strlen(weekdays[w]));
				field = true;
			}
		if (info->lunar_date == NULL && (p = lunar_mark(l)) != NULL)
		{
			info->lunar_date = take_word(skip_sep(p, end), end, NULL);
			field = true;
		}
		if ((p = find_bytes(l->s, l->len, "总第")) != NULL && info->issue_no < 0)
		{
			p += strlen("总第");
			p = skip_sep(p, end);
			info->issue_no = (int) take_number(&p, end);
			field = true;
		}
		if (info->pages < 0)
		{
			static const char *const page_keys[] = {"今日", "本期", "共", NULL};
			int			k;

			for (k = 0; page_keys[k]; k++)
			{
				const char *q = find_bytes(l->s, l->len, page_keys[k]);
				long		v;

				if (!q)
					continue;
				q = skip_sep(q + strlen(page_keys[k]), end);
				v = take_number(&q, end);
				if (v > 0 && v < 1000 && starts_with(q, end, "版"))
				{
					info->pages = (int) v;
					field = true;
					break;
				}
			}
		}
		if (parse_sponsor_line(l, info))
			field = true;
		if (is_web && (p = find_bytes(l->s, l->len, "来源")) != NULL)
		{
			p = skip_sep(p + strlen("来源"), end);
			set_once(&info->source, take_word(p, end, NULL));
			any_field = true;
			last_field = i;
			/* the date-and-source line closes a web page's header */
			break;
		}
		if (!field && is_masthead_service_line(l))
			field = true;
		if (field)
		{
			if (!any_field)
				first_field = i;
			any_field = true;
			last_field = i;
		}
	}
	if (info->year != 0)
		info->date_source = is_web ? NA_DSRC_TEXT : NA_DSRC_MASTHEAD;
	if (!any_field)
		return;

	/* the paper's name: a masthead-like line within the block */
	for (i = 0; i <= last_field && info->masthead == NULL; i++)
		if (looks_like_masthead(&lines[i]))
			info->masthead = na_strndup(lines[i].s, lines[i].len);

	/*
	 * An article copied on its own: its headline over its date line
	 * (全省春季植树超过一亿株 / 2024-05-06 08:30 来源：…), no paper's name.  The
	 * date is the text's; the lines are the article's, not a masthead block.
	 */
	if (!is_web && info->masthead == NULL && headline_before(lines, first_field) &&
		!bare_date(&lines[first_field]))
	{
		info->date_source = NA_DSRC_TEXT;
		return;
	}

	/* an English name line or blank lines right after the block belong to it */
	i = last_field + 1;
	while (i < n && (lines[i].len == 0 || is_latin_caps_line(&lines[i])))
		i++;
	info->head_end = (i < n) ? lines[i].start : lines[n - 1].end;
	if (is_web)
		info->head_end = lines[last_field].end;
}

/* the footer of a web page: tags, editor, sharing and copyright lines */
static void
parse_tail(const char *text, size_t len, NaIssueInfo *info)
{
	size_t		from = len,
				seen = 0,
				lowest = info->head_end;
	Line		lines[TAIL_MAX_LINES];
	size_t		n,
				i;

	/*
	 * Find where the last TAIL_MAX_LINES lines start, looking back no more
	 * than TAIL_MAX_BYTES: a text of one 200 MB line is not walked back.
	 */
	if (len > TAIL_MAX_BYTES && len - TAIL_MAX_BYTES > lowest)
		lowest = len - TAIL_MAX_BYTES;
	while (from > lowest && seen <= TAIL_MAX_LINES)
	{
		from--;
		if (text[from] == '\n' && from + 1 < len)
			seen++;
	}
	if (from > lowest && text[from] == '\n')
		from++;
	else if (from == lowest && from > info->head_end && text[from - 1] != '\n')
	{
		/* stopped inside a line: start at the next whole one */
		const char *nl = memchr(text + from, '\n', len - from);

		if (nl == NULL)
			return;
		from = (size_t) (nl - text) + 1;
	}
	if (from < info->head_end)
		from = info->head_end;
	n = split_lines(text, len, lines, TAIL_MAX_LINES, from);

	for (i = 0; i < n; i++)
	{
		Line	   *l = &lines[i];
		const char *end = l->s + l->len;
		const char *p;
		const char *ed;
		bool		hit = false;

		if (l->len > TAIL_LONG_LINE)
			continue;
		ed = find_bytes(l->s, l->len, "责任编辑");
		if (ed)
		{
			const char *q = skip_sep(ed + strlen("责任编辑"), end);

			set_once(&info->editor, take_word(q, end, NULL));
			hit = true;
		}
		if ((p = find_bytes(l->s, l->len, "标签")) != NULL ||
			(p = find_bytes(l->s, l->len, "关键词")) != NULL)
		{
			const char *q = skip_sep(p + (memcmp(p, "标签", strlen("标签")) == 0 ?
										  strlen("标签") : strlen("关键词")), end);
			const char *stop = (ed && ed > q) ? ed : end;

			if (info->n_tags == 0 && (p == l->s))
			{
				info->n_tags = split_list(q, stop, info->tags, NA_MAX_LIST);
				hit = true;
			}
		}
		if (hit || (info->site &&
					(find_bytes(l->s, l->len, "分享到") == l->s ||
					 find_bytes(l->s, l->len, "Copyright") ||
					 find_bytes(l->s, l->len, "版权") == l->s)))
		{
			if (l->start < info->tail_start)
				info->tail_start = l->start;
		}
	}
}

void
na_frontmatter_parse(const char *text, size_t len, NaIssueInfo *info)
{
	memset(info, 0, sizeof(*info));
	info->issue_no = -1;
	info->pages = -1;
	info->tail_start = len;
	if (len == 0)
		return;
	parse_head(text, len, info);
	parse_tail(text, len, info);
	/* a web page names its source, not a publisher */
	if (info->site && info->publisher == NULL && info->source)
		info->publisher = na_strndup(info->source, strlen(info->source));
}

void
na_frontmatter_free(NaIssueInfo *info)
{
	int			i;

	if (info->masthead)
		na_free(info->masthead);
	if (info->weekday)
		na_free(info->weekday);
	if (info->lunar_date)
		na_free(info->lunar_date);
	if (info->sponsor)
		na_free(info->sponsor);
	if (info->publisher)
		na_free(info->publisher);
	if (info->site)
		na_free(info->site);
	if (info->source)
		na_free(info->source);
	if (info->editor)
		na_free(info->editor);
	for (i = 0; i < info->n_section; i++)
		na_free(info->section_path[i]);
	for (i = 0; i < info->n_tags; i++)
		na_free(info->tags[i]);
	memset(info, 0, sizeof(*info));
}
