/*
 * split_numbers.c
 *	  Numbered heads and paragraphs, whether a line's number goes on the
 *	  numbering of a line before it (一、 after 一、's section, （三）
 *	  after （二）, 3. after 2., 第二， after 第一，, 第8计 after 第7计), and
 *	  the numbered parts of one article kept in it (sp_numbered_parts).
 *
 * A long report or speech changes topic at each of its heads, so neither
 * cohesion nor the shape of a head tells it from a new article's title;
 * its numbering does: a head numbered 二 where the last head of that style
 * was 一 goes on the article that head is in.
 */
#include "split_internal.h"
#include "date_internal.h"

/*
 * The number at s, Arabic (half or full width) or in Chinese numerals, as
 * the date reader reads it (date_parse.c); 0 when none.  *arabic says which.
 */
static int
number_at(const char *s, size_t len, size_t *adv, bool *arabic)
{
	long		v;

	*adv = na_date_read_number(s, len, &v, arabic);
	return *adv == 0 || v <= 0 || v > 100000 ? 0 : (int) v;
}

static bool
is_open(uint32_t c)
{
	return c == 0xFF08 || c == '(';
}

static bool
is_close(uint32_t c)
{
	return c == 0xFF09 || c == ')';
}

/*
 * 版 页 頁 张 張 期 号 號 卷: 第04版：理论, 第一張 (an old paper's sheet) and
 * 第1234期 number the paper, not a part of an article
 */
static bool
folio_word(uint32_t c)
{
	return c == 0x7248 || c == 0x9875 || c == 0x9801 || c == 0x5F20 ||
		c == 0x5F35 || c == 0x671F || c == 0x53F7 || c == 0x865F || c == 0x5377;
}

/*
 * What may follow a numbered head's measure word (第7计, 第三站): the
 * line's end, a space before the head's own words, or a colon; not more
 * words (第三届进博会, 第1季度增长).
 */
static bool
di_head_ends(const char *s, size_t len)
{
	size_t		a;
	uint32_t	c;

	if (len == 0)
		return true;
	c = na_utf8_decode(s, len, &a);
	return c == ' ' || c == 0x3000 || c == '\t' || c == 0xFF1A || c == ':';
}

/*
 * The ordinal a head or paragraph opens with, and its style (SpNumStyle);
 * 0 when the line is not numbered so.  A number must be followed by its
 * mark: 一、 （一） 1. 1、 （1） 第一， — so 1.5亿元 and 一些 are not.
 * *end is where the number and its mark end.
 */
static int
head_number(const char *s, size_t len, int *style, size_t *end)
{
	size_t		a,
				b,
				m;
	uint32_t	c0 = sp_first_cp(s, len, &a),
				c;
	int			n;
	bool		arabic;

	*style = SP_NUM_NONE;
	if (len == 0)
		return 0;
	if (is_open(c0))
	{
		n = number_at(s + a, len - a, &b, &arabic);
		if (n == 0 || a + b >= len)
			return 0;
		c = na_utf8_decode(s + a + b, len - a - b, &m);
		if (!is_close(c))
			return 0;
		*style = arabic ? SP_NUM_PAREN_ARABIC : SP_NUM_PAREN_HAN;
		*end = a + b + m;
		return n;
	}
	if (c0 == 0x7B2C)			/* 第一， 第二部分 第三章 第7计 */
	{
		n = number_at(s + a, len - a, &b, &arabic);
		if (n == 0 || a + b >= len)
			return 0;
		c = na_utf8_decode(s + a + b, len - a - b, &m);
		*end = a + b + m;
		if (!arabic &&
			(c == 0xFF0C || c == 0x3001 || c == 0xFF1A || c == 0x662F ||
			 c == 0x7AE0 || c == 0x90E8 || c == 0x8282 || c == 0x6761))
		{						/* ， 、 ： 是 章 部 节 条 */
			*style = SP_NUM_DI;
			return n;
		}
		if (na_is_han(c) && !folio_word(c) &&
			di_head_ends(s + a + b + m, len - a - b - m))
		{						/* 第7计 第三站： 第2课 因陋就简 */
			*style = SP_NUM_DI;
			return n;
		}
		return 0;
	}
	n = number_at(s, len, &b, &arabic);
	if (n > 0 && !arabic)
	{
		if (b >= len)
			return 0;
		c = na_utf8_decode(s + b, len - b, &m);
		if (c != 0x3001)		/* 、 */
			return 0;
		*style = SP_NUM_HAN;
		*end = b + m;
		return n;
	}
	if (n > 0 && b < len)
	{
		c = na_utf8_decode(s + b, len - b, &m);
		if (c != 0x3001 && c != '.' && c != 0xFF0E)
			return 0;
		/* 1.5亿: a decimal, not a number mark */
		if (b + m < len)
		{
			uint32_t	d = na_utf8_decode(s + b + m, len - b - m, &a);

			if ((d >= '0' && d <= '9') || (d >= 0xFF10 && d <= 0xFF19))
				return 0;
		}
		*style = SP_NUM_ARABIC;
		*end = b + m;
		return n;
	}
	return 0;
}

int
sp_head_number(const char *s, size_t len, int *style)
{
	size_t		end;

	return head_number(s, len, style, &end);
}

bool
sp_line_numbered(const char *text, const SpLine *l)
{
	int			style;

	return sp_head_number(text + l->cs, l->ce - l->cs, &style) > 0;
}

/*
 * next[k]: line k of the sequence is numbered n >= 2 and the last line
 * before it numbered in the same style had n - 1.  Styles are counted
 * apart, so （一） .. （三） under 一、 and again under 二、 both go on.
 */
void
sp_number_runs(const char *text, const SpLine *lines, const int *seq, int n,
			   bool *next)
{
	int			last[SP_NUM_STYLES];
	int			k,
				st;

	for (st = 0; st < SP_NUM_STYLES; st++)
		last[st] = 0;
	for (k = 0; k < n; k++)
	{
		const SpLine *l = &lines[seq[k]];
		int			num = sp_head_number(text + l->cs, l->ce - l->cs, &st);

		next[k] = false;
		if (num <= 0)
			continue;
		next[k] = num >= 2 && last[st] == num - 1;
		last[st] = num;
	}
}

/* does a line between from and to (both excluded) open an article? */
static bool
opened_between(const SpRole *roles, int from, int to)
{
	int			j;

	for (j = from + 1; j < to; j++)
		if (sp_head_role(roles[j]) || roles[j] == SPR_LEAD)
			return true;
	return false;
}

/*
 * The parts of one numbered article (第7计 .. 第12计 of a compilation, 二、
 * of a report) each have a head stack of their own -- number, kicker-like
 * tag, title -- which the model reads as a new article's headline once the
 * layout prints it like one (a web page's text, where every line is a
 * paragraph).  A head numbered n where the last head numbered in that style
 * was n - 1 and no article opened in between goes on that article: the
 * numbered line and the head lines right under it (read as headline or as
 * section heads) become its section heads.  The numbered line must be read
 * as a section head, or be a bare label (第8计, 二、) read as a headline
 * line: numbered briefs (1.全市新增绿道三百公里) stay articles.  A
 * numbering the model read as body paragraphs (a list) stays as it is.
 * The series' first part (第1计 / 轻车熟路 / 改装“移动采样车”, whose
 * title the model read as a new article's) goes on the article too once its
 * second part does, when it stands under a body paragraph or a section head
 * of that article; under a closing line (a credit) it opens an article.
 * Runs after the end and stack cues, on their roles.
 */
void
sp_numbered_parts(const char *text, const SpLine *lines, const int *seq, int n,
				  SpRole *roles)
{
	int			last[SP_NUM_STYLES],
				at[SP_NUM_STYLES],
				run_end[SP_NUM_STYLES];
	bool		start_ok[SP_NUM_STYLES],
				joined[SP_NUM_STYLES];
	int			k,
				st;
	size_t		end;

	for (st = 0; st < SP_NUM_STYLES; st++)
	{
		last[st] = at[st] = run_end[st] = -1;
		start_ok[st] = joined[st] = false;
	}
	for (k = 0; k < n; k++)
	{
		const SpLine *l = &lines[seq[k]];
		int			num,
					e;
		bool		part;

		if (l->ncp > SP_PART_HEAD_MAX)
			continue;
		num = head_number(text + l->cs, l->ce - l->cs, &st, &end);
		if (num <= 0)
			continue;
		/* a bare label (第8计, 二、) the model read as a kicker goes on too */
		part = roles[k] == SPR_HEADING ||
			(sp_head_role(roles[k]) && end >= l->ce - l->cs);
		e = part ? sp_head_run_end(roles, n, k + 1) : k + 1;
		if (part && num >= 2 && last[st] == num - 1 &&
			!opened_between(roles, run_end[st] - 1, k))
		{
			/* the series' first part, under a body paragraph, goes on too */
			if (!joined[st] && start_ok[st])
				sp_make_heads(roles, at[st], run_end[st]);
			sp_make_heads(roles, k, e);
			joined[st] = true;
		}
		else
		{
			joined[st] = false;
			start_ok[st] = part && k > 0 &&
				(roles[k - 1] == SPR_BODY || roles[k - 1] == SPR_HEADING);
		}
		last[st] = num;
		at[st] = k;
		run_end[st] = e;
	}
}
