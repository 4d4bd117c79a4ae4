/*
 * test_list: name lists and directories (split_list.c, split_body.c).
 * Item lines are told from sentences by shape; a list's body keeps one item
 * a line with the gaps between an item's fields, and a two-character name
 * padded to three (王　伟) is written whole; an e-paper issue with a list of
 * 30 lines between two articles splits into three rows, the list one of
 * them, and so does a list in the OCR layout (the rule assembler).  Also
 * the byline that is only a name (sp_name_line).
 * Invented names and units only.
 */
#include "../../src/core/split_internal.h"
#include "na_test.h"
#include "na_test_pages.h"

#include <stdlib.h>
#include <string.h>

/* the body sp_body_add_item() makes of the lines, one item each */
static char *
items_body(const char *const *items, int n)
{
	SpBodyState st;
	int			i;

	sp_body_init(&st);
	for (i = 0; i < n; i++)
		sp_body_add_item(&st, items[i], strlen(items[i]));
	return sp_body_finish(&st);
}

static void
check_item(const char *line, const char *want)
{
	char	   *got = items_body(&line, 1);

	NA_CHECK_STR(got, want);
	na_free(got);
}

static bool
item_like(const char *line)
{
	size_t		n;
	SpLine	   *ls = sp_lines_build(line, strlen(line), &n);
	bool		r;

	sp_classify(line, &ls[0]);
	r = sp_item_like(line, &ls[0]);
	na_free(ls);
	return r;
}

/*
 * the row of sp whose body holds item: its title must be title, its body
 * paragraphs paragraphs, and it must hold also
 */
static void
check_list_row(const NaSplit *sp, const char *item, const char *title, int paragraphs,
			   const char *also)
{
	int			i,
				row = -1,
				newlines = 0;
	const char *p;

	for (i = 0; i < sp->n_articles; i++)
		if (sp->articles[i].body && strstr(sp->articles[i].body, item))
			row = i;
	NA_CHECK(row >= 0);
	if (row < 0)
		return;
	NA_CHECK_STR(sp->articles[row].title, title);
	for (p = sp->articles[row].body; *p; p++)
		newlines += *p == '\n';
	NA_CHECK_INT(newlines + 1, paragraphs);
	NA_CHECK(strstr(sp->articles[row].body, also) != NULL);
}

/*
 * an e-paper issue: an article, a list of 30 lines in 3 groups under a
 * title and a dateline-led lead, an article
 */
static void
check_issue(void)
{
	static const char *const names[] = {"张　伟", "李小红", "王建国", "赵　敏", "陈思远", "刘　洋"};
	static const char *const units[] = {"市供电公司工程师", "第一人民医院主任医师", "实验小学教师",
	"农机合作社社长", "自来水公司技术员"};
	static const char *const groups[] = {"东城区（10名）", "西城区（10名）", "南湖区（10名）"};
	char	   *text = (char *) malloc(16384);
	NaSplit		sp;
	int			g,
				i;

	strcpy(text, "第03版：综合\n春耕时节农机忙\n本报记者 王明\n"
		   "　　眼下正是春耕备耕的关键时期，各地农机合作社抓住有利天气，组织农机具下田作业，确保不误农时。\n"
		   "　　据介绍，今年全县投入各类农机具三千余台，机耕面积预计达到九成以上。\n"
		   "2024年度市级劳动模范名单\n"
		   "　　本报讯 经市评审委员会评审，现将2024年度市级劳动模范名单公布如下。\n");
	for (g = 0; g < 3; g++)
	{
		strcat(text, groups[g]);
		strcat(text, "\n");
		for (i = 0; i < 10; i++)
		{
			strcat(text, names[(g * 10 + i) % 6]);
			strcat(text, "　");
			strcat(text, units[(g * 7 + i) % 5]);
			strcat(text, "\n");
		}
	}
	strcat(text, NA_TEST_LAST_ARTICLE);
	na_split_issue(text, strlen(text), &sp);
	NA_CHECK_INT(sp.n_articles, 3);
	/* the lead, 3 group heads and 30 items */
	check_list_row(&sp, "王建国　", "2024年度市级劳动模范名单", 34, "\n张伟　市供电公司工程师\n");
	if (sp.n_articles == 3)
		NA_CHECK_STR(sp.articles[2].title, "城东新区三个重点项目开工");
	na_split_free(&sp);
	free(text);
}

/*
 * the OCR layout (heading marks; the rule assembler): a list under a marked
 * title and marked group heads stays one article's body, one item a line
 */
static void
check_ocr_issue(void)
{
	char	   *text = (char *) malloc(16384);
	NaSplit		sp;
	int			g,
				i;

	strcpy(text, "## 春耕时节农机忙\n\n■本报记者 王明\n\n"
		   "眼下正是春耕备耕的关键时期，各地农机合作社抓住有利天气，组织农机具下田作业。\n\n"
		   "## 2024年度市级先进集体名单\n\n");
	for (g = 0; g < 2; g++)
	{
		strcat(text, g == 0 ? "#### 一、先进班组（12个）\n\n" : "#### 二、先进车间（12个）\n\n");
		for (i = 0; i < 12; i++)
		{
			char		line[128];

			snprintf(line, sizeof(line), "第%s钢铁厂%d号高炉%s\n\n", g ? "二" : "一", i + 1,
					 i % 2 ? "运行班" : "检修班");
			strcat(text, line);
		}
	}
	strcat(text, "## 城东新区三个重点项目开工\n\n■本报记者 李华\n\n"
		   "昨天，城东新区三个重点项目同时开工，总投资超过二十亿元。\n");
	na_split_issue(text, strlen(text), &sp);
	NA_CHECK_INT(sp.n_articles, 3);

	/*
	 * the first group head, right under the title, is read as its subtitle
	 * (the rule assembler's headline block); the other group head and 24
	 * items
	 */
	check_list_row(&sp, "第一钢铁厂1号高炉检修班", "2024年度市级先进集体名单", 25,
				   "第二钢铁厂12号高炉运行班");
	if (sp.n_articles == 3)
	{
		NA_CHECK_STR(sp.articles[2].title, "城东新区三个重点项目开工");
		/* the byline after the list stays a byline */
		NA_CHECK_STR(sp.articles[2].byline, "本报记者 李华");
	}
	na_split_free(&sp);
	free(text);
}

int
main(void)
{
	static const char *const two[] = {"王　伟　北京市供电公司工程师", "陈霞娜　北京市第一中学教师"};
	char	   *b;

	/* a padded name is one word; fields keep one full-width gap */
	check_item("王　伟　　李　娜　　张小明", "王伟　李娜　张小明");
	check_item("王　伟　北京市供电公司工程师", "王伟　北京市供电公司工程师");
	check_item("陈霞娜　　北京市供电公司工程师", "陈霞娜　北京市供电公司工程师");
	/* lone characters all one gap apart: nothing tells a pair, kept */
	check_item("王　伟　李　娜", "王　伟　李　娜");
	check_item("1. Smart  grid pilot", "1. Smart grid pilot");
	check_item("（3）城市更新 示范工程", "（3）城市更新　示范工程");
	/* items are paragraphs of their own */
	b = items_body(two, 2);
	NA_CHECK_STR(b, "王伟　北京市供电公司工程师\n陈霞娜　北京市第一中学教师");
	na_free(b);

	NA_CHECK(item_like("王　伟　北京市供电公司工程师"));
	NA_CHECK(item_like("北京市（12名）"));
	NA_CHECK(item_like("7．智慧交通示范工程"));
	NA_CHECK(!item_like("　　会议指出，要抓好各项工作的落实。"));
	NA_CHECK(!item_like("举世瞩目的三峡工程究竟要有多大的投资规模呢？"));
	NA_CHECK(!item_like("一是抓落实，二是抓服务，三是抓督查"));

	/* who wrote it, and nothing else (the NAME_LINE atom) */
	NA_CHECK(sp_name_line("钱七", strlen("钱七")));
	NA_CHECK(sp_name_line("张小明　李四", strlen("张小明　李四")));
	NA_CHECK(sp_name_line("王　伟", strlen("王　伟")));
	NA_CHECK(sp_name_line("欧阳文华", strlen("欧阳文华")));
	NA_CHECK(sp_name_line("本报评论员", strlen("本报评论员")));
	NA_CHECK(!sp_name_line("本报记者 王明", strlen("本报记者 王明")));
	NA_CHECK(!sp_name_line("春耕时节农机忙", strlen("春耕时节农机忙")));
	NA_CHECK(!sp_name_line("1. 张三", strlen("1. 张三")));
	NA_CHECK(!sp_name_line("的确如此", strlen("的确如此")));

	check_issue();
	check_ocr_issue();
	NA_TEST_DONE();
}
