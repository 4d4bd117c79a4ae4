/*
 * split_numbers.c
 *	  Numbered heads and paragraphs, and whether a line's number goes on
 *	  the numbering of a line before it (一、 after 一、's section, （三）
 *	  after （二）, 3. after 2., 第二， after 第一，).
 *
 * A long report or speech changes topic at each of its heads, so neither
 * cohesion nor the shape of a head tells it from a new article's title;
 * its numbering does: a head numbered 二 where the last head of that style
 * was 一 goes on the article that head is in.
 */
#include "split_internal.h"

/* a Han numeral of 1..99 (一 .. 九十九) at s; 0 when none; *adv its bytes */
static int
han_number(const char *s, size_t len, size_t *adv)
{
	static const uint32_t digits[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
	0x516D, 0x4E03, 0x516B, 0x4E5D};	/* 一 .. 九 */
	int			val = 0,
				cur = -1;
	size_t		i = 0,
				a;

	while (i < len)
	{
		uint32_t	c = na_utf8_decode(s + i, len - i, &a);
		int			d;

		if (c == 0x5341)		/* 十 */
		{
			if (val > 0)
				break;
			val = 10 * (cur < 0 ? 1 : cur);
			cur = -1;
			i += a;
			continue;
		}
		for (d = 0; d < 9 && digits[d] != c; d++)
			;
		if (d == 9 || cur >= 0)
			break;
		cur = d + 1;
		i += a;
	}
	*adv = i;
	if (i == 0)
		return 0;
	return val + (cur < 0 ? 0 : cur);
}

/* Arabic digits (half or full width) at s; -1 when none */
static int
arabic_number(const char *s, size_t len, size_t *adv)
{
	int			val = 0;
	size_t		i = 0,
				a;

	while (i < len && val < 1000)
	{
		uint32_t	c = na_utf8_decode(s + i, len - i, &a);

		if (c >= '0' && c <= '9')
			val = val * 10 + (int) (c - '0');
		else if (c >= 0xFF10 && c <= 0xFF19)
			val = val * 10 + (int) (c - 0xFF10);
		else
			break;
		i += a;
	}
	*adv = i;
	return i == 0 ? -1 : val;
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
 * The ordinal a head or paragraph opens with, and its style (SpNumStyle);
 * 0 when the line is not numbered so.  A number must be followed by its
 * mark: 一、 （一） 1. 1、 （1） 第一， — so 1.5亿元 and 一些 are not.
 */
int
sp_head_number(const char *s, size_t len, int *style)
{
	size_t		a,
				b;
	uint32_t	c0 = sp_first_cp(s, len, &a),
				c;
	int			n;

	*style = SP_NUM_NONE;
	if (len == 0)
		return 0;
	if (is_open(c0))
	{
		int			st = SP_NUM_PAREN_HAN;

		n = han_number(s + a, len - a, &b);
		if (n == 0)
		{
			n = arabic_number(s + a, len - a, &b);
			st = SP_NUM_PAREN_ARABIC;
		}
		if (n <= 0 || a + b >= len)
			return 0;
		c = na_utf8_decode(s + a + b, len - a - b, &b);
		if (!is_close(c))
			return 0;
		*style = st;
		return n;
	}
	if (c0 == 0x7B2C)			/* 第一， 第二部分 第三章 */
	{
		n = han_number(s + a, len - a, &b);
		if (n == 0 || a + b >= len)
			return 0;
		c = na_utf8_decode(s + a + b, len - a - b, &b);
		if (c != 0xFF0C && c != 0x3001 && c != 0xFF1A && c != 0x662F &&
			c != 0x7AE0 && c != 0x90E8 && c != 0x8282 && c != 0x6761)
			return 0;			/* ， 、 ： 是 章 部 节 条 */
		*style = SP_NUM_DI;
		return n;
	}
	n = han_number(s, len, &b);
	if (n > 0)
	{
		if (b >= len)
			return 0;
		c = na_utf8_decode(s + b, len - b, &a);
		if (c != 0x3001)		/* 、 */
			return 0;
		*style = SP_NUM_HAN;
		return n;
	}
	n = arabic_number(s, len, &b);
	if (n > 0 && b < len)
	{
		size_t		a2;

		c = na_utf8_decode(s + b, len - b, &a);
		if (c != 0x3001 && c != '.' && c != 0xFF0E)
			return 0;
		/* 1.5亿: a decimal, not a number mark */
		if (b + a < len)
		{
			uint32_t	d = na_utf8_decode(s + b + a, len - b - a, &a2);

			if ((d >= '0' && d <= '9') || (d >= 0xFF10 && d <= 0xFF19))
				return 0;
		}
		*style = SP_NUM_ARABIC;
		return n;
	}
	return 0;
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
