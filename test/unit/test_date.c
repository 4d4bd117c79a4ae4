/*
 * test_date.c
 *	  The date reader: printed dates in every numeral and era form, their
 *	  precision, impossible and implausible dates, dates in datelines and
 *	  in file paths.
 */
#include "na_date.h"
#include "na_frontmatter.h"
#include "na_test.h"

#define MAXY 2027				/* the tests' "next year", fixed */

typedef struct Case
{
	const char *text;
	int			y,
				m,
				d;				/* y = 0: no date */
	NaDatePrec	prec;
	bool		low;
} Case;

static void
check_find(const Case *c, int flags)
{
	NaDate		d;
	bool		ok = na_date_find(c->text, strlen(c->text), 30, flags, MAXY, &d);

	if (c->y == 0)
	{
		if (ok)
			fprintf(stderr, "unexpected date in \"%s\": %d-%d-%d\n", c->text, d.year, d.month, d.day);
		NA_CHECK(!ok);
		return;
	}
	if (!ok)
		fprintf(stderr, "no date in \"%s\"\n", c->text);
	NA_CHECK(ok);
	NA_CHECK_INT(d.year, c->y);
	NA_CHECK_INT(d.month, c->m);
	NA_CHECK_INT(d.day, c->d);
	NA_CHECK_INT(d.prec, c->prec);
	NA_CHECK_INT(d.low_confidence, c->low);
}

static void
test_printed_dates(void)
{
	static const Case cases[] = {
		{"2020年5月4日", 2020, 5, 4, NA_DATE_DAY, false},
		{"2020年05月04日 星期一", 2020, 5, 4, NA_DATE_DAY, false},
		{"２０２０年５月４日", 2020, 5, 4, NA_DATE_DAY, false},
		{"2020 年 5 月 4 日", 2020, 5, 4, NA_DATE_DAY, false},
		{"2020-05-04", 2020, 5, 4, NA_DATE_DAY, false},
		{"2020/5/4", 2020, 5, 4, NA_DATE_DAY, false},
		{"2020.05.04 09:30", 2020, 5, 4, NA_DATE_DAY, false},
		{"２０２０－０５－０４", 2020, 5, 4, NA_DATE_DAY, false},
		{"二〇二〇年五月四日", 2020, 5, 4, NA_DATE_DAY, false},
		{"二零二零年五月四日", 2020, 5, 4, NA_DATE_DAY, false},
		{"二○二○年十二月三十一日", 2020, 12, 31, NA_DATE_DAY, false},
		{"一九三〇年四月三日", 1930, 4, 3, NA_DATE_DAY, false},
		{"一千九百三十年四月三日", 1930, 4, 3, NA_DATE_DAY, false},
		{"公元一九三〇年四月三日", 1930, 4, 3, NA_DATE_DAY, false},
		{"西曆一九三〇年四月三號", 1930, 4, 3, NA_DATE_DAY, false},
		{"西元２０２０年５月４日", 2020, 5, 4, NA_DATE_DAY, false},
		{"民國十九年四月三日", 1930, 4, 3, NA_DATE_DAY, false},
		{"民国十九年四月三日", 1930, 4, 3, NA_DATE_DAY, false},
		{"民國十九年四月三號 星期四", 1930, 4, 3, NA_DATE_DAY, false},
		{"中華民國貳拾捌年伍月拾日", 1939, 5, 10, NA_DATE_DAY, false},
		{"中华民国贰拾捌年伍月拾日", 1939, 5, 10, NA_DATE_DAY, false},
		{"中華民國參拾捌年拾貳月參拾壹日", 1949, 12, 31, NA_DATE_DAY, false},
		{"中華民國叁拾捌年拾贰月叁拾壹日", 1949, 12, 31, NA_DATE_DAY, false},
		{"民国廿三年十二月卅一日", 1934, 12, 31, NA_DATE_DAY, false},
		{"民國元年一月一日", 1912, 1, 1, NA_DATE_DAY, false},
		{"民國一百零九年五月四日", 2020, 5, 4, NA_DATE_DAY, false},
		{"民國109年5月4日", 2020, 5, 4, NA_DATE_DAY, false},
		{"本报 2021年10月18日 星期一", 2021, 10, 18, NA_DATE_DAY, false},
		/* leap days */
		{"2020年2月29日", 2020, 2, 29, NA_DATE_DAY, false},
		{"民國八十九年二月二十九日", 2000, 2, 29, NA_DATE_DAY, false},
		/* impossible dates are no dates */
		{"2020年2月30日", 0, 0, 0, 0, false},
		{"2021年2月29日", 0, 0, 0, 0, false},
		{"1900年2月29日", 0, 0, 0, 0, false},
		{"2020年4月31日", 0, 0, 0, 0, false},
		{"2020年13月1日", 0, 0, 0, 0, false},
		{"2020-02-30", 0, 0, 0, 0, false},
		{"二〇二一年二月二十九日", 0, 0, 0, 0, false},
		{"民國二百年一月一日", 0, 0, 0, 0, false},
		/* digits that run on are no year */
		{"12020年5月4日", 0, 0, 0, 0, false},
		{"第2020年5月4日", 2020, 5, 4, NA_DATE_DAY, false},
		{"20年5月4日", 0, 0, 0, 0, false},
		/* implausible years: low confidence */
		{"1600年3月1日", 1600, 3, 1, NA_DATE_DAY, true},
		{"2950年3月1日", 2950, 3, 1, NA_DATE_DAY, true},
		{"1839年12月31日", 1839, 12, 31, NA_DATE_DAY, true},
		{"1840年1月1日", 1840, 1, 1, NA_DATE_DAY, false},
		{"2027年1月1日", 2027, 1, 1, NA_DATE_DAY, false},
		{"2028年1月1日", 2028, 1, 1, NA_DATE_DAY, true},
		/* without a year there is no issue date */
		{"五月四日", 0, 0, 0, 0, false},
		{"5月4日", 0, 0, 0, 0, false},
	};
	size_t		k;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
		check_find(&cases[k], 0);
}

static void
test_coarse_dates(void)
{
	static const Case coarse[] = {
		{"二〇二〇年", 2020, 1, 1, NA_DATE_YEAR, false},
		{"二零二零年", 2020, 1, 1, NA_DATE_YEAR, false},
		{"一九三〇年", 1930, 1, 1, NA_DATE_YEAR, false},
		{"民國十九年", 1930, 1, 1, NA_DATE_YEAR, false},
		{"民国十九年", 1930, 1, 1, NA_DATE_YEAR, false},
		{"中華民國貳拾捌年", 1939, 1, 1, NA_DATE_YEAR, false},
		{"中華民國貳拾捌年伍月", 1939, 5, 1, NA_DATE_MONTH, false},
		{"1930年4月", 1930, 4, 1, NA_DATE_MONTH, false},
		{"公元一九三〇年五月", 1930, 5, 1, NA_DATE_MONTH, false},
		{"2020年5月4日", 2020, 5, 4, NA_DATE_DAY, false},
		/* an impossible day is no month date either */
		{"1930年2月30日", 0, 0, 0, 0, false},
		{"2021年13月40日", 0, 0, 0, 0, false},
		{"2021年4月31日出版", 0, 0, 0, 0, false},
		/* spans of years are no dates */
		{"1980年代", 0, 0, 0, 0, false},
		{"2020年度预算", 0, 0, 0, 0, false},
		{"二〇二〇年以来", 0, 0, 0, 0, false},
		{"500年前", 0, 0, 0, 0, false},
	};
	size_t		k;

	for (k = 0; k < sizeof(coarse) / sizeof(coarse[0]); k++)
		check_find(&coarse[k], NA_DATE_ACCEPT_COARSE);
	/* without the flag a coarse date is none */
	check_find(&(Case) {"民國十九年", 0, 0, 0, 0, false}, 0);
	check_find(&(Case) {"1930年4月", 0, 0, 0, 0, false}, 0);
}

static void
test_offsets(void)
{
	NaDate		d;
	const char *s = "天气 民國十九年四月三日 晴";

	NA_CHECK(na_date_find(s, strlen(s), 30, 0, MAXY, &d));
	NA_CHECK_INT(d.start, strlen("天气 "));
	NA_CHECK_INT(d.end, strlen("天气 民國十九年四月三日"));
	NA_CHECK(d.era);
	/* max_chars bounds where the date may start */
	NA_CHECK(!na_date_find(s, strlen(s), 2, 0, MAXY, &d));
	/* truncated input never reads past its end */
	NA_CHECK(!na_date_find("2020年5月4", strlen("2020年5月4"), 30, 0, MAXY, &d));
	NA_CHECK(!na_date_find("民國十九年四月三日", strlen("民國十九年四月三日") - 1, 30, 0, MAXY, &d));
	NA_CHECK(!na_date_find("", 0, 30, 0, MAXY, &d));
}

static void
check_reported(const char *s, int iy, int im, int id, int y, int m, int d)
{
	NaDate		r;
	bool		ok = na_date_find_reported(s, strlen(s), 24, iy, im, id, &r);

	if (ok != (y != 0))
		fprintf(stderr, "reported_on of \"%s\": got %d (%d-%d-%d)\n", s, ok, r.year, r.month, r.day);
	NA_CHECK(ok == (y != 0));
	NA_CHECK_INT(r.year, y);
	NA_CHECK_INT(r.month, m);
	NA_CHECK_INT(r.day, d);
}

static void
test_reported(void)
{
	check_reported("本报北京5月3日电（记者张三）", 2020, 5, 4, 2020, 5, 3);
	check_reported("新华社北京五月三日电", 2020, 5, 4, 2020, 5, 3);
	check_reported("本報訊 四月三號", 1930, 4, 4, 1930, 4, 3);
	check_reported("中央社南京十二月三十一日電", 1931, 1, 2, 1930, 12, 31);
	check_reported("本报讯 十五日", 2020, 5, 4, 2020, 4, 15);
	check_reported("本报讯 3日上午", 2020, 5, 4, 2020, 5, 3);
	check_reported("本报讯 昨天下午", 2020, 3, 1, 2020, 2, 29);
	check_reported("民國十九年四月三日電", 0, 0, 0, 1930, 4, 3);
	check_reported("新华社北京2020年5月3日电", 0, 0, 0, 2020, 5, 3);
	/* without the issue's date a month-day names no day */
	check_reported("新华社北京5月3日电", 0, 0, 0, 0, 0, 0);
	/* impossible: 2月30日; and 3号线 is a line, not a day */
	check_reported("本报北京2月30日电", 2020, 3, 4, 0, 0, 0);
	check_reported("地铁3号线昨日开通", 2020, 5, 4, 0, 0, 0);
	/* Chinese numerals that are words do not stop the search */
	check_reported("一名记者五月三日报道", 2020, 5, 4, 2020, 5, 3);
}

static void
check_path(const char *p, int y, int m, int d)
{
	NaDate		r;
	bool		ok = na_date_from_path(p, strlen(p), &r);

	if (ok != (y != 0))
		fprintf(stderr, "date of path \"%s\": got %d (%d-%d-%d)\n", p, ok, r.year, r.month, r.day);
	NA_CHECK(ok == (y != 0));
	NA_CHECK_INT(r.year, y);
	NA_CHECK_INT(r.month, m);
	NA_CHECK_INT(r.day, d);
}

static void
test_paths(void)
{
	check_path("20200504.txt", 2020, 5, 4);
	check_path("rmrb/rmrb20200504.txt", 2020, 5, 4);
	check_path("2020-05-04.txt", 2020, 5, 4);
	check_path("paper_2020_05_04_p1.txt", 2020, 5, 4);
	check_path("2020.05.04.html", 2020, 5, 4);
	check_path("2020/05/04/page1.txt", 2020, 5, 4);
	check_path("archive/2020/5/4/page1.txt", 2020, 5, 4);
	check_path("2020/0504/page01.txt", 2020, 5, 4);
	check_path("1930/0403.txt", 1930, 4, 3);
	/* the file's own date beats its directory's */
	check_path("2019/backup/20200504.txt", 2020, 5, 4);
	/* a date printed in the name */
	check_path("人民日报2020年5月4日.txt", 2020, 5, 4);
	check_path("申報/民國十九年四月三日.txt", 1930, 4, 3);
	/* no dates: run-on digits, impossible days, ids, times */
	check_path("120200504.txt", 0, 0, 0);
	check_path("202005041.txt", 0, 0, 0);
	check_path("20200230.txt", 0, 0, 0);
	check_path("2020-13-04.txt", 0, 0, 0);
	check_path("issue_12345678.txt", 0, 0, 0);
	check_path("page1.txt", 0, 0, 0);
	check_path("2020/page5.txt", 0, 0, 0);
	check_path("", 0, 0, 0);
}

/* the front matter's date: precision and source */
static void
test_frontmatter_dates(void)
{
	static const struct
	{
		const char *text;
		int			y,
					m,
					d;
		NaDatePrec	prec;
	}			cases[] = {
		{"大公報\n中華民國貳拾捌年\n\n正文。\n", 1939, 1, 1, NA_DATE_YEAR},
		{"大公報\n中華民國貳拾捌年伍月\n\n正文。\n", 1939, 5, 1, NA_DATE_MONTH},
		{"申報\n民國十九年四月三號 禮拜四\n\n正文。\n", 1930, 4, 3, NA_DATE_DAY},
		{"申報\n本埠發行 每份大洋三分 中華民國十九年四月三日\n\n正文。\n", 1930, 4, 3, NA_DATE_DAY},
		{"新民日报\n二〇二〇年五月四日 星期一\n\n正文。\n", 2020, 5, 4, NA_DATE_DAY},
		/* a later full date beats an earlier year */
		{"某某周刊\n一九三〇年\n第三期 一九三〇年四月三日出版\n\n正文。\n", 1930, 4, 3, NA_DATE_DAY},
		/* a title opening with a year is no issue date */
		{"某某日报\n2020年全国经济工作会议召开\n\n正文。\n", 0, 0, 0, NA_DATE_NONE},
		{"某某周刊\n一九三〇年第三期\n\n正文。\n", 1930, 1, 1, NA_DATE_YEAR},
		/* a date inside running text is no issue date */
		{"某某晚报\n本报讯 这是一篇为测试写的短文，它说的是城里的一件小事（2020/05/04）。\n", 0, 0, 0, NA_DATE_NONE},
		/* a year inside a line is no issue date */
		{"某某日报\n创刊于1949年 今日8版\n\n正文。\n", 0, 0, 0, NA_DATE_NONE},
		{"某某日报\n2020年2月30日 星期日\n\n正文。\n", 0, 0, 0, NA_DATE_NONE},
	};
	size_t		k;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++)
	{
		NaIssueInfo i;

		na_frontmatter_parse(cases[k].text, strlen(cases[k].text), &i);
		NA_CHECK_INT(i.year, cases[k].y);
		NA_CHECK_INT(i.month, cases[k].m);
		NA_CHECK_INT(i.day, cases[k].d);
		NA_CHECK_INT(i.date_prec, cases[k].prec);
		NA_CHECK_INT(i.date_source, cases[k].y ? NA_DSRC_MASTHEAD : NA_DSRC_NONE);
		na_frontmatter_free(&i);
	}
	{
		NaIssueInfo i;
		const char *s = "申報\n禮拜四 民國十九年四月三日\n\n正文。\n";


		na_frontmatter_parse(s, strlen(s), &i);
		NA_CHECK_STR(i.weekday, "禮拜四");
		na_frontmatter_free(&i);
		s = "申報\n民國十九年四月三日 星期四 農曆三月初五\n\n正文。\n";
		na_frontmatter_parse(s, strlen(s), &i);
		NA_CHECK_STR(i.lunar_date, "三月初五");
		NA_CHECK_STR(i.weekday, "星期四");
		na_frontmatter_free(&i);
	}
	NA_CHECK_STR(na_date_source_name(NA_DSRC_FILE_NAME), "file name");
	NA_CHECK_STR(na_date_prec_name(NA_DATE_MONTH), "month");
}

int
main(void)
{
	test_printed_dates();
	test_coarse_dates();
	test_offsets();
	test_reported();
	test_paths();
	test_frontmatter_dates();
	NA_TEST_DONE();
}
