/*
 * test_frontmatter.c
 *	  Unit tests of the front matter parser (standalone build).
 */
#include "na_frontmatter.h"
#include "na_test.h"

static void
parse(const char *s, NaIssueInfo *info)
{
	na_frontmatter_parse(s, strlen(s), info);
}

static void
test_masthead_block(void)
{
	NaIssueInfo i;
	const char *s =
		"\n\n# 南湖晚报\n\n南湖发布 南湖晚报\n\n新闻热线 12345678\n\n"
		"2020年12月1日 星期二\n农历庚子年十月十七  \n今日16版 总第5432期\n\n"
		"主办 南湖日报社 出版 南湖晚报社\n\nNANHU EVENING NEWS\n\n"
		"## 标题一行\n\n正文第一段。\n";

	parse(s, &i);
	NA_CHECK_STR(i.masthead, "南湖晚报");
	NA_CHECK_INT(i.year, 2020);
	NA_CHECK_INT(i.month, 12);
	NA_CHECK_INT(i.day, 1);
	NA_CHECK_STR(i.weekday, "星期二");
	NA_CHECK_STR(i.lunar_date, "庚子年十月十七");
	NA_CHECK_INT(i.pages, 16);
	NA_CHECK_INT(i.issue_no, 5432);
	NA_CHECK_STR(i.sponsor, "南湖日报社");
	NA_CHECK_STR(i.publisher, "南湖晚报社");
	NA_CHECK(i.site == NULL);
	/* the block ends before the first title, after the English name */
	NA_CHECK(strncmp(s + i.head_end, "## 标题", strlen("## 标题")) == 0);
	NA_CHECK_INT(i.tail_start, strlen(s));
	na_frontmatter_free(&i);
}

static void
test_web_page(void)
{
	NaIssueInfo i;
	const char *s =
		"您当前的位置：某某网 > 新闻 > 本地 正文\n"
		"标题一\n"
		"2019-06-30 09:00 来源：某某日报 作者 甲\n\n"
		"  正文第一段。\n\n"
		"标签：城市；交通、地铁 责任编辑：乙丙\n分享到：\nCopyright © 2019\n";

	parse(s, &i);
	NA_CHECK_STR(i.site, "某某网");
	NA_CHECK_INT(i.n_section, 2);
	if (i.n_section == 2)
	{
		NA_CHECK_STR(i.section_path[0], "新闻");
		NA_CHECK_STR(i.section_path[1], "本地");
	}
	NA_CHECK_INT(i.year, 2019);
	NA_CHECK_INT(i.month, 6);
	NA_CHECK_INT(i.day, 30);
	NA_CHECK_STR(i.source, "某某日报");
	NA_CHECK_INT(i.n_tags, 3);
	if (i.n_tags == 3)
		NA_CHECK_STR(i.tags[2], "地铁");
	NA_CHECK_STR(i.editor, "乙丙");
	NA_CHECK(strncmp(s + i.tail_start, "标签", strlen("标签")) == 0);
	NA_CHECK(i.masthead == NULL);
	na_frontmatter_free(&i);
}

static void
test_odd_input(void)
{
	NaIssueInfo i;
	static char junk[4096];
	size_t		k;

	parse("", &i);
	NA_CHECK(i.masthead == NULL && i.year == 0 && i.issue_no == -1 && i.pages == -1);
	na_frontmatter_free(&i);

	parse("Just an English sentence, no newspaper at all.", &i);
	NA_CHECK(i.masthead == NULL && i.year == 0 && i.sponsor == NULL);
	NA_CHECK_INT(i.head_end, 0);
	na_frontmatter_free(&i);

	/* impossible numbers are not dates */
	parse("某报\n2021年13月40日\n", &i);
	NA_CHECK_INT(i.year, 0);
	na_frontmatter_free(&i);

	/*
	 * An issue that opens with an article: its sentences end the masthead
	 * zone, so a letter's signature date below them is no issue date and
	 * the letter is no masthead block.
	 */
	parse("致全市市民的倡议书\n为动员全社会共同参与文明城市创建，发出如下倡议。\n"
		  "从我做起，文明出行。\n某某市精神文明建设委员会\n2024年5月3日\n", &i);
	NA_CHECK_INT(i.year, 0);
	NA_CHECK_INT(i.head_end, 0);
	na_frontmatter_free(&i);
	/* a short sentence is not enough (a slogan under the paper's name) */
	parse("某某日报\n奋进新时代！\n2024年5月3日 星期五\n", &i);
	NA_CHECK_INT(i.year, 2024);
	na_frontmatter_free(&i);

	/* truncated UTF-8 sequences and bytes never read past the end */
	parse("\xE5\xB9", &i);
	NA_CHECK_INT(i.year, 0);
	na_frontmatter_free(&i);
	for (k = 0; k < sizeof(junk); k++)
		junk[k] = (char) ((k * 131 + 7) % 251 + 1);
	na_frontmatter_parse(junk, sizeof(junk), &i);
	NA_CHECK(i.head_end <= sizeof(junk) && i.tail_start <= sizeof(junk));
	na_frontmatter_free(&i);
}

/* dates in Chinese numerals and in the Republic's era; page headers end the block */
static void
test_han_dates(void)
{
	static const struct
	{
		const char *text;
		int			y,
					m,
					d;
	}			cases[] = {
		{"新民日报\n二〇二〇年五月四日 星期一\n\n正文。\n", 2020, 5, 4},
		{"申報\n民國十九年四月三日 星期四\n\n正文。\n", 1930, 4, 3},
		{"大公報\n中華民國貳拾捌年伍月拾日\n\n正文。\n", 1939, 5, 10},
		{"晨报\n民国廿三年十二月卅一日\n\n正文。\n", 1934, 12, 31},
		{"晨报\n民国二百年一月一日\n\n正文。\n", 0, 0, 0},
	};
	int			k;

	for (k = 0; k < (int) (sizeof(cases) / sizeof(cases[0])); k++)
	{
		NaIssueInfo i;

		parse(cases[k].text, &i);
		NA_CHECK_INT(i.year, cases[k].y);
		NA_CHECK_INT(i.month, cases[k].m);
		NA_CHECK_INT(i.day, cases[k].d);
		na_frontmatter_free(&i);
	}
	{
		NaIssueInfo i;
		const char *s = "第01版：要闻\n标题\n\u3000\u3000本报讯 电话会议召开。\n";

		parse(s, &i);
		NA_CHECK_INT((int) i.head_end, 0);
		na_frontmatter_free(&i);
	}
}

/*
 * An article copied on its own: its headline over its date line is no
 * masthead block (the headline stays the article's); a paper's name over a
 * date is one, and so is a line over a bare date (the reading kept for it).
 */
static void
test_article_copy(void)
{
	NaIssueInfo i;
	const char *copy = "全省春季植树超过一亿株\n\n2024-05-06 08:30　来源：江城日报\n\n"
		"记者从省林业局获悉，截至4月底，全省春季完成植树造林一百二十万亩。\n";
	const char *speech = "在全省科技创新大会上的讲话\n（2024年5月6日）\n林　华\n同志们：\n";
	const char *paper = "江城日报\n\n2024年5月6日 星期一\n\n全省春季植树超过一亿株\n";

	parse(copy, &i);
	NA_CHECK_INT((int) i.head_end, 0);
	NA_CHECK_INT(i.year, 2024);
	NA_CHECK(i.masthead == NULL);
	na_frontmatter_free(&i);
	parse(speech, &i);
	NA_CHECK_INT((int) i.head_end, 0);
	na_frontmatter_free(&i);
	parse(paper, &i);
	NA_CHECK_STR(i.masthead, "江城日报");
	NA_CHECK(strncmp(paper + i.head_end, "全省春季", strlen("全省春季")) == 0);
	na_frontmatter_free(&i);
}

int
main(void)
{
	test_masthead_block();
	test_han_dates();
	test_web_page();
	test_odd_input();
	test_article_copy();
	NA_TEST_DONE();
}
