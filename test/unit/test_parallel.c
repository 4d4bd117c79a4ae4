/*
 * test_parallel: the parts of an un-numbered compilation kept in it
 * (split_parallel.c).  A title built like two section heads of the article
 * above it -- another district's name ending in 区, another place before
 * the same colon -- becomes a section head of that article, with the first
 * part's title when it stands under the introduction (also when the later
 * parts were all read as section heads); one head alike is
 * chance, a shared lead-in is a shared topic, a title with a byline or a
 * title unlike the heads opens an article.  A web page's round-up whose
 * parts each close with a credit is one row between two articles.  Names
 * of any length before one colon are a form; a credit read as a head is no
 * part; a question said twice before and a piece of the article's headline
 * go on as heads.  Text written for the test.
 */
#include "../../src/core/split_internal.h"
#include "na_test.h"
#include "na_test_pages.h"
#include "na_test_roles.h"

#include <stdio.h>
#include <string.h>

#define T	SPR_TITLE
#define S	SPR_SUBTITLE
#define B	SPR_BODY
#define H	SPR_HEADING
#define C	SPR_CREDIT
#define Y	SPR_BYLINE

static const char *const para = "昨天，社区志愿者把物资送到了每一户居民家中。";
static const char *const credit = "本报记者 王明";

/* label lines with roles in[], run sp_parallel_parts, compare with want[] */
static void
check_parts(const char *what, const char *const *lines, const SpRole *in,
			const SpRole *want, int n)
{
	na_test_role_pass(sp_parallel_parts, "parallel parts", what, lines, in, want, n);
}

/* four districts, each part closed by a credit */
static const char *const districts[] = {
	"全市首日核酸筛查有序推进", para,
	"东城区志愿者连夜搭建采样点", para, credit,
	"南湖区居民自创错峰路线图", para, credit,
	"西山区闭环专车接送透析患者", para, credit,
	"北岸区九宫格网格为小区托底", para, credit,
};

static void
check_districts(void)
{
	/* the first two parts read as section heads, the later two as titles */
	const SpRole in[] = {T, B, H, B, C, H, B, C, T, B, C, T, B, C};
	const SpRole want[] = {T, B, H, B, C, H, B, C, H, B, C, H, B, C};
	/* the first part read as a title under the introduction */
	const SpRole in2[] = {T, B, T, B, C, H, B, C, T, B, C, T, B, C};
	/* the same, with a closing credit over the first part: it opens an article */
	const SpRole in3[] = {T, C, T, B, C, H, B, C, T, B, C, T, B, C};
	const SpRole want3[] = {T, C, T, B, C, H, B, C, H, B, C, H, B, C};
	/* every part read as a title, the first right under the introduction */
	const SpRole in4[] = {T, B, T, B, C, T, B, C, T, B, C, T, B, C};
	/* the later part with a byline of its own opens an article */
	const SpRole in5[] = {T, B, H, B, C, H, B, C, T, Y, B, T, B, C};
	/* the first part read as a title, the later parts all as section heads */
	const SpRole in6[] = {T, B, T, B, C, H, B, C, H, B, C, H, B, C};
	/* ... with one later part: two heads are no series of three */
	const SpRole in7[] = {T, B, T, B, C, H, B, C, T, Y, B, T, Y, B};

	check_parts("districts", districts, in, want, 14);
	check_parts("the first part under the introduction", districts, in2, want, 14);
	check_parts("the first part under a credit", districts, in3, want3, 14);
	check_parts("titles only", districts, in4, want, 14);
	check_parts("a byline", districts, in5, in5, 14);
	check_parts("the first part, later parts read as heads", districts, in6, want, 14);
	check_parts("the first part and one head", districts, in7, in7, 14);
}

/*
 * Titles alike in a column of briefs: under a long article (no
 * introduction), or two alike and then another title, they stay articles
 */
static void
check_briefs(void)
{
	const char *column[] = {"城市更新三年行动", para, para, para,
		"东城区志愿者连夜搭建采样点", para, credit, "南湖区居民自创错峰路线图", para, credit,
	"西山区闭环专车接送透析患者", para, credit};
	const SpRole in[] = {T, B, B, B, T, B, C, T, B, C, T, B, C};
	const char *two[] = {"全市首日核酸筛查有序推进", para,
		"东城区志愿者连夜搭建采样点", para, credit, "南湖区居民自创错峰路线图", para, credit,
	"春季植树活动启动", para};
	const SpRole in2[] = {T, B, T, B, C, T, B, C, T, B};

	check_parts("titles under a long article", column, in, in, 13);
	check_parts("two titles alike", two, in2, in2, 10);
}

/* heads h1, h2 and a title t after a credit: does t go on (H) or open an article (T)? */
static const struct
{
	const char *what,
			   *h1,
			   *h2,
			   *t;
	SpRole		want_t;
}			forms[] = {
	{"places before a colon",
	"青浦：水乡客厅初具规模", "吴江：跨省公交线路再加密", "嘉善：共建共享产业园开园", H},
	{"a district's name",
	"东城区志愿者连夜搭建采样点", "南湖区居民自创错峰路线图", "西山区闭环专车接送透析患者", H},
	/* heads sharing a lead-in share a topic, not a form */
	{"a shared lead-in", "上海老城厢焕新颜", "上海滨江贯通再延伸", "上海地铁新线开通", T},
	/* a title unlike the series' heads opens an article */
	{"a title unlike the heads",
	"东城区志愿者连夜搭建采样点", "南湖区居民自创错峰路线图", "春季植树活动启动", T},
	/* a name before the colon must be words, not a dash */
	{"a dash before the name",
	"——陈立民：我的教育梦", "——刘文华：我的课堂", "武汉的声音：有英勇的你", T},
	/* lengths far apart: a short tag is no part of a series of long heads */
	{"a short tag", "东城区志愿者连夜搭建采样点", "南湖区居民自创错峰路线图", "西山区快讯", T},
	/* two heads not alike make no series for a third like one of them */
	{"no series", "东城区志愿者连夜搭建采样点", "春季植树活动启动", "南湖区居民自创错峰路线图", T},
	/* speakers' names of any length and script before one colon */
	{"names of other lengths",
	"Evi1m0：去年跨过的客户端", "蓝色di雪球：账号授权的漏洞", "欧阳明德：数据安全的底线", H},
	/* a function character is no name */
	{"a function character before the colon",
	"Evi1m0：去年跨过的客户端", "蓝色di雪球：账号授权的漏洞", "的确：数据安全的底线", T},
};

static void
check_forms(void)
{
	size_t		f;

	for (f = 0; f < sizeof(forms) / sizeof(forms[0]); f++)
	{
		const char *lines[] = {"城市更新三年行动", para, forms[f].h1, para, forms[f].h2,
		para, credit, forms[f].t, para};
		const SpRole in[] = {T, B, H, B, H, B, C, T, B};
		const SpRole want[] = {T, B, H, B, H, B, C, forms[f].want_t, B};

		check_parts(forms[f].what, lines, in, want, 9);
	}
}

/*
 * A credit read as a head heads no paragraph and makes no series: the
 * story after it, with a speaker before its colon, opens an article
 */
static void
check_credit_head(void)
{
	const char *lines[] = {"城市更新三年行动", para, para, "采写：本报记者王明",
		"香港：地铁站恢复运营", para, para, "外国专家：合作共赢符合各方利益", para};
	const SpRole in[] = {T, B, B, H, H, B, B, T, B};

	check_parts("a credit read as a head", lines, in, in, 9);
}

/*
 * An interview put to three people asks each the same questions; the
 * third's first question, read as a title, is said again (twice before):
 * it and the name over it become heads.  Said once before, it stays.
 */
static void
check_said_again(void)
{
	const char *lines[] = {"三位投资官谈债市", para,
		"甲基金首席投资官：张明", "债券市场存在泡沫吗？", para, "央行现在应该做什么？", para,
		"乙资管首席投资官：李华", "债券市场存在泡沫吗？", para, "央行现在应该做什么？", para,
		"丙银行首席投资官：赵阳", "债券市场存在泡沫吗？", para};
	const SpRole in[] = {T, B, B, B, B, B, B, B, B, B, B, B, SPR_KICKER, T, B};
	const SpRole want[] = {T, B, B, B, B, B, B, B, B, B, B, B, H, H, B};
	/* the second person's block left out: said once before */
	const SpRole in2[] = {T, B, B, B, B, B, B, SPR_KICKER, T, B};

	check_parts("a question said again", lines, in, want, 15);
	check_parts("a question said once before", lines, in2, in2, 10);
}

/*
 * A part headed by a piece of the article's headline goes on (also after
 * the first part of a series joined the article); a title that is no piece
 * of it opens an article
 */
static void
check_headline_piece(void)
{
	const char *lines[] = {"第三届安全论坛开幕创宇发布新版搜索引擎", para,
		"小林：去年跨过的客户端", para, "蓝色di雪球：账号授权的漏洞", para,
		"冷风：木马技术的实现", para, "创宇发布新版搜索引擎", para};
	const SpRole in[] = {T, B, T, B, H, B, H, B, T, B};
	const SpRole want[] = {T, B, H, B, H, B, H, B, H, B};
	const char *plain[] = {"第三届安全论坛开幕创宇发布新版搜索引擎", para, para,
	"创宇发布新版搜索引擎", para, "春季植树活动启动", para};
	const SpRole in2[] = {T, B, B, T, B, T, B};
	const SpRole want2[] = {T, B, B, H, B, T, B};

	check_parts("a piece of the headline after a series", lines, in, want, 10);
	check_parts("a piece of the headline", plain, in2, want2, 7);
}

/* text of a web page: every line a paragraph, a blank line between */
static const char *const roundup =
"城北街道开放临时菜场\n\n"
"本报记者 周明\n\n"
"昨天，城北街道在辖区内开放三处临时菜场，每天早上七时至十时为居民供应蔬菜、肉禽和鸡蛋。\n\n"
"街道负责人表示，菜场实行预约进场，每批次不超过三十人，进出都要扫码测温。\n\n"
"全市首日核酸筛查有序推进\n\n"
"——街道干部下沉社区，居民献计优化采样路线\n\n"
"昨天，全市开展新一轮核酸筛查。各区街道干部下沉社区，志愿者和居民一起想办法，让筛查又快又稳。\n\n"
"东城区志愿者连夜搭建采样点\n\n"
"前天晚上十时，东城区明月小区的二十多名志愿者冒雨搭起四顶帐篷，拉好一米线，贴好扫码指引。\n\n"
"昨天清晨六时，第一批居民下楼采样，整个小区两个半小时完成了全部采样。\n\n"
"南湖区居民自创错峰路线图\n\n"
"南湖区湖滨小区的居民在群里讨论了一整晚，画出一张按楼栋错峰下楼的路线图，每栋楼间隔十分钟。\n\n"
"采样当天，小区里没有出现排队拥挤，路线图被街道推广到其他小区。本报记者 陈静\n\n"
"西山区闭环专车接送透析患者\n\n"
"昨天中午，一辆轿车停在西山区石桥小区门口，接上需要定期透析的刘老伯，把他送到医院。\n\n"
"街道为辖区三十多位透析患者排好了接送时刻表，志愿者司机全程闭环，往返都做好消毒。\n\n"
"本报记者 李华\n\n"
"北岸区九宫格网格为小区托底\n\n"
"北岸区把每个小区划成九个网格，每格配一名党员、一名楼组长和两名志愿者，采样、配送、巡查都有人管。\n\n"
"网格员说，分工明确以后，问题不过夜，居民有事找得到人。\n\n"
"本报记者 赵阳\n\n"
"城东新区三个重点项目开工\n\n"
"本报记者 孙亮\n\n"
"昨天，城东新区三个重点项目同时开工，总投资超过二十亿元，预计明年底前建成投用。\n\n"
"项目负责人表示，将抓紧施工进度，确保工程质量和安全。\n";

/* the round-up is one row, between two articles */
static void
check_roundup(void)
{
	NaSplit		sp;
	int			i,
				row = -1;

	na_split_issue(roundup, strlen(roundup), &sp);
	NA_CHECK_INT(sp.n_articles, 3);
	for (i = 0; i < sp.n_articles; i++)
		if (sp.articles[i].body && strstr(sp.articles[i].body, "全市开展新一轮核酸筛查"))
			row = i;
	NA_CHECK(row >= 0);
	if (row >= 0)
	{
		NA_CHECK_STR(sp.articles[row].title, "全市首日核酸筛查有序推进");
		NA_CHECK(strstr(sp.articles[row].body, "西山区闭环专车接送透析患者") != NULL);
		NA_CHECK(strstr(sp.articles[row].body, "居民有事找得到人。") != NULL);
	}
	na_split_free(&sp);
}

int
main(void)
{
	check_districts();
	check_briefs();
	check_forms();
	check_credit_head();
	check_said_again();
	check_headline_piece();
	check_roundup();
	NA_TEST_DONE();
}
