/*
 * test_shapes: line shapes the line-role model reads (split_features.c)
 * and the decoder's constraints on them (split_roles.c).
 *  - NUMBERED only where a number mark opens the line (一、 （一） 1. 第三，):
 *    a title such as 第三届…开幕 or 第二批…名单 opens with an ordinal but is
 *    no numbered section head; 1.5亿 is a decimal.
 *  - BRACKET_LED: a line opening with a bracket that is no number mark
 *    (【编前语】…, （按姓氏笔画排序）).
 *  - A line opening with a clause's punctuation (，南方都市报, a page's
 *    leftover) is never a title: the next article's title stays its own.
 *  - A writer's note in brackets as long as dailies print it (（作者为X大学X
 *    学院院长、教授，X专业博士生导师）) closes its article, in the e-paper
 *    layout and in copied web text: it is neither body nor the next title.
 *  - A writer's bare name under a commentary's title (周立言) is its byline,
 *    never a subtitle (split_roles.c).
 *  - A web copy's source lines (来源：…, 原标题：…, 《 X报 》（ date 第 N 版）)
 *    close the article above them, in its notes; an article copied on its
 *    own keeps its title over its date and source line.
 *  - N2_CREDIT: a photo news item's headline, one caption and a
 *    photographer's credit under it (本报记者 X摄); a section head over two
 *    paragraphs has no such atom.  A poem's verse lines (a title, the
 *    poet's name, short lines) stay together in a row of their own.  (The
 *    photo item itself is still read as the report's last section: noted
 *    in bench/split_quality.md, "Photo news and poems".)
 *  - Bylines as national dailies set them: two-character names padded to
 *    three (王　浩), the line indented like a paragraph (　　本报记者　王　浩,
 *    　　冯　远 under a commentary's title): the byline, never body or a
 *    section head.
 *  - A photographer's credit under a photo news item's caption (新华社记者
 *    李　欣摄) is in the row of the item, in its notes and its authors: it
 *    went to a photo row of its own, which was then dropped as empty, and
 *    the credit's text was in no row.
 *  - A marked short line is a byline by its mark alone only when it ends
 *    with a name (□钱塘唐平) or is as short as a pen name with its place
 *    (□青湾言平): a daily's marked section head (■ 长效管理跟上去) is not, and
 *    opened an article of its own in the middle of a report.
 *  - Headline stacks: the main title is the stack's shortest line.  A long
 *    kicker over a short title and a short title over a long subtitle give
 *    the STK_ atoms their way round and the rows their title; a byline under
 *    a title and the lines of a run of verse give none.
 * Text written for the test.
 */
#include "../../src/core/split_internal.h"
#include "na_buf.h"
#include "na_test.h"
#include "na_test_atoms.h"

#include <stdlib.h>
#include <string.h>

/* the lines, each closed by a newline, into a new buffer */
static void
lines_text(NaBuf *text, const char *const *lines)
{
	int			i;

	na_buf_init(text, 4096);
	for (i = 0; lines[i]; i++)
	{
		na_buf_append_str(text, lines[i]);
		na_buf_append_str(text, "\n");
	}
}

static const char *const paper[] = {
	"第三届江城国际食品博览会开幕",
	"　　本报江城5月6日电（记者陈晓光）5月5日，第三届江城国际食品博览会在江城国际会展中心开幕，来自三十二个国家和地区的企业参展。",
	"一、加快项目建设",
	"　　全市新开工项目二十三个，总投资三百一十亿元，竣工投产项目十一个。",
	"（二）稳住消费市场",
	"　　社会消费品零售总额同比增长百分之五点八，餐饮、住宿消费恢复明显。",
	"第三，要守住安全底线",
	"　　各地要压实责任，排查隐患，确保不发生重大安全事故。",
	"1.5亿元投向乡村公路",
	"　　今年全市安排乡村公路建设资金一点五亿元，新建改造公路二百公里。",
	"第二批省级优秀青年科技人才名单",
	"　　（按姓氏笔画排序）",
	"【编前语】春耕时节，记者走进田间地头。",
	NULL
};

static void
check_numbered(void)
{
	static const struct
	{
		int			line;
		bool		numbered;
		bool		bracket;
	}			want[] = {
		{0, false, false}, {2, true, false}, {4, true, false}, {6, true, false},
		{8, false, false}, {10, false, false}, {11, false, true}, {12, false, true}
	};
	NaBuf		text,
				feat;
	bool		has[SP_N_ATOMS];
	size_t		i;

	lines_text(&text, paper);
	na_buf_init(&feat, 4096);
	na_split_features(text.data, text.len, &feat);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
	{
		atoms_of(&feat, want[i].line, has);
		if (has[SPA_NUMBERED] != want[i].numbered || has[SPA_BRACKET_LED] != want[i].bracket)
			fprintf(stderr, "line %d: %s\n", want[i].line, paper[want[i].line]);
		NA_CHECK(has[SPA_NUMBERED] == want[i].numbered);
		NA_CHECK(has[SPA_BRACKET_LED] == want[i].bracket);
	}
	na_buf_free(&feat);
	na_buf_free(&text);
}

/* a page's leftover ，南方都市报 between two copied articles */
static void
check_clause_led(void)
{
	static const char web[] =
		"城东地铁新线下月试运营\n\n"
		"记者从市轨道交通集团获悉，城东地铁新线已完成全部车站的设备调试，计划下月开始试运营。新线全长二十八公里，设车站十九座。\n\n"
		"新线开通后，城东居民进城的通勤时间将从一个多小时缩短到四十分钟左右。沿线车站与三条公交线路实现换乘。\n\n"
		"，南方都市报\n\n"
		"江南稻谷烘干中心投入使用\n\n"
		"今年秋季，江南各地的水稻陆续进入收割期。县里新建了三座烘干中心，农户可以在手机上预约烘干时间，收割的稻谷当天就能烘干进仓。\n\n"
		"合作社还为周边农户提供稻谷烘干和储存服务，烘干收费比去年降低了一成，种稻农户的收入因此增加。\n";
	NaSplit		sp;
	int			i;
	bool		found = false;

	na_split_issue_layout(web, strlen(web), NA_LAYOUT_WEB, &sp);
	for (i = 0; i < sp.n_articles; i++)
	{
		const char *t = sp.articles[i].title;

		NA_CHECK(t == NULL || strncmp(t, "，", strlen("，")) != 0);
		found |= t != NULL && strcmp(t, "江南稻谷烘干中心投入使用") == 0;
	}
	NA_CHECK(found);
	na_split_free(&sp);
}

/* a commentary closed by a long writer's note, then a news article */
static void
check_long_note(void)
{
	static const char *const note = "（作者为东湖大学经济与管理学院院长、教授，区域经济学专业博士生导师）";
	static const char *const lines[] = {
		"以实干精神答好发展新答卷（人民论坛）",
		"周立言",
		"发展是解决一切问题的基础和关键。面对复杂多变的外部环境，唯有埋头苦干、真抓实干，才能把蓝图变为现实。",
		"实干不是蛮干。各地在推进项目建设中，既要算经济账，也要算生态账、民生账，防止一哄而上、重复建设。",
		NULL,					/* the note */
		"全省春季植树超过一亿株",
		"本报讯（记者张明）记者从省林业局获悉，截至4月底，全省春季完成植树造林一百二十万亩，植树超过一亿株。",
		"各地结合国土绿化行动，动员机关干部、青年志愿者参加义务植树，森林覆盖率进一步提高。",
	};
	int			web;

	for (web = 0; web < 2; web++)
	{
		NaBuf		b;
		NaSplit		sp;
		size_t		i;
		int			k;

		na_buf_init(&b, 4096);
		for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		{
			const char *t = lines[i] ? lines[i] : note;

			/* e-paper: paragraphs and the note indented, no blank lines */
			if (!web && (i == 2 || i == 3 || i == 4 || i >= 6))
				na_buf_append_str(&b, "　　");
			na_buf_append_str(&b, t);
			na_buf_append_str(&b, web ? "\n\n" : "\n");
		}
		na_split_issue_layout(b.data, b.len, web ? NA_LAYOUT_WEB : NA_LAYOUT_EPAPER, &sp);
		NA_CHECK_INT(sp.n_articles, 2);
		if (sp.n_articles == 2)
		{
			const NaArticle *a = &sp.articles[0];

			NA_CHECK(a->body && strstr(a->body, "作者为") == NULL);
			NA_CHECK(a->notes && strstr(a->notes, "作者为") != NULL);
			/* a bare name under the title is its byline, never a subtitle */
			NA_CHECK_STR(a->byline, "周立言");
			NA_CHECK(a->subtitle == NULL);
			for (k = 0; k < a->authors.n; k++)	/* the note names a post */
				NA_CHECK(strcmp(a->authors.persons[k].name, "教授") != 0);
			NA_CHECK_STR(sp.articles[1].title, "全省春季植树超过一亿株");
		}
		na_split_free(&sp);
		na_buf_free(&b);
	}
}

/* a web copy with its source lines under each article */
static void
check_source_lines(void)
{
	static const char web[] =
		"城东地铁新线下月试运营\n\n"
		"记者从市轨道交通集团获悉，城东地铁新线已完成全部车站的设备调试，计划下月开始试运营。新线全长二十八公里，设车站十九座。\n\n"
		"新线开通后，城东居民进城的通勤时间将从一个多小时缩短到四十分钟左右。沿线车站与三条公交线路实现换乘。\n\n"
		"《 江城日报 》（ 2024年05月04日   第 02 版）\n\n"
		"江南稻谷烘干中心投入使用\n\n"
		"今年秋季，江南各地的水稻陆续进入收割期。县里新建了三座烘干中心，农户可以在手机上预约烘干时间，收割的稻谷当天就能烘干进仓。\n\n"
		"合作社还为周边农户提供稻谷烘干和储存服务，烘干收费比去年降低了一成，种稻农户的收入因此增加。\n\n"
		"来源：江城新闻网－江城日报\n\n"
		"全省春季植树超过一亿株\n\n"
		"本报讯（记者张明）记者从省林业局获悉，截至4月底，全省春季完成植树造林一百二十万亩，植树超过一亿株。\n\n"
		"各地结合国土绿化行动，动员机关干部、青年志愿者参加义务植树，森林覆盖率进一步提高。\n";
	NaSplit		sp;

	NA_CHECK(sp_source_line("来源：人民网－人民日报", strlen("来源：人民网－人民日报"), 11));
	NA_CHECK(sp_source_line("原标题：东湖新区经济指标好于预期", strlen("原标题：东湖新区经济指标好于预期"), 16));
	NA_CHECK(!sp_source_line("《人民日报》发表评论员文章", strlen("《人民日报》发表评论员文章"), 13));
	na_split_issue_layout(web, strlen(web), NA_LAYOUT_WEB, &sp);
	NA_CHECK_INT(sp.n_articles, 3);
	if (sp.n_articles == 3)
	{
		int			i;

		for (i = 0; i < 2; i++)
		{
			NA_CHECK(sp.articles[i].body && strstr(sp.articles[i].body, "版）") == NULL &&
					 strstr(sp.articles[i].body, "来源") == NULL);
			NA_CHECK(sp.articles[i].notes != NULL);
			NA_CHECK(sp.articles[i].kicker == NULL);
			NA_CHECK_INT(sp.articles[i].authors.n, 0);	/* a paper is no author */
		}
		NA_CHECK_STR(sp.articles[1].title, "江南稻谷烘干中心投入使用");
		NA_CHECK_STR(sp.articles[2].title, "全省春季植树超过一亿株");
	}
	na_split_free(&sp);

	/* an article copied on its own, its date and source line under the title */
	{
		static const char copy[] = "全省春季植树超过一亿株\n\n2024-05-06 08:30　来源：江城日报\n\n"
			"记者从省林业局获悉，截至4月底，全省春季完成植树造林一百二十万亩，植树超过一亿株，森林覆盖率进一步提高。\n\n"
			"各地结合国土绿化行动，动员机关干部、青年志愿者参加义务植树。\n";

		na_split_issue(copy, strlen(copy), &sp);
		NA_CHECK_INT(sp.n_articles, 1);
		if (sp.n_articles == 1)
		{
			NA_CHECK_STR(sp.articles[0].title, "全省春季植树超过一亿株");
			/* a note or the page's boilerplate, never the body */
			NA_CHECK(sp.articles[0].body && strstr(sp.articles[0].body, "来源") == NULL);
		}
		na_split_free(&sp);
	}
}

/* a report, a photo news item, a poem and another report, e-paper layout */
static const char *const page20[] = {
	"江城港一季度集装箱吞吐量创新高",
	"　　本报讯（记者何晴）记者从江城港集团获悉，一季度江城港完成集装箱吞吐量二百一十万标准箱，同比增长百分之九。",
	"航线网络持续加密",
	"　　今年以来，江城港新开通国际航线六条，航线总数达到一百一十条，通达全球四十多个国家和地区。",
	"　　港口集团表示，将加快建设智慧码头，提升装卸效率。",
	"春耕时节农事忙",
	"　　5月5日，江城市东湖镇的农民在田间插秧。眼下正值春耕时节，各地农民抢抓农时，田间地头一派繁忙景象。",
	"　　本报记者　周明摄",
	"春　　雨",
	"王立新",
	"　　一夜春雨",
	"　　敲醒了沉睡的田野",
	"　　麦苗举起绿色的手掌",
	"　　接住每一滴清凉",
	"　　布谷鸟在远处叫着",
	"　　催促着耕种的人们",
	"全省春季植树超过一亿株",
	"　　本报讯（记者张明）记者从省林业局获悉，截至4月底，全省春季完成植树造林一百二十万亩，植树超过一亿株。",
	NULL
};

static void
check_photo_news(void)
{
	NaBuf		text,
				feat;
	NaSplit		sp;
	bool		has[SP_N_ATOMS];
	bool		poem = false;
	int			i;

	lines_text(&text, page20);
	na_buf_init(&feat, 4096);
	na_split_features(text.data, text.len, &feat);
	atoms_of(&feat, 5, has);
	NA_CHECK(has[SPA_N2_CREDIT]);	/* 春耕时节农事忙 */
	atoms_of(&feat, 2, has);
	NA_CHECK(!has[SPA_N2_CREDIT]);	/* 航线网络持续加密, a section head */
	na_buf_free(&feat);
	na_split_issue_layout(text.data, text.len, NA_LAYOUT_EPAPER, &sp);
	for (i = 0; i < sp.n_articles; i++)
	{
		const char *b = sp.articles[i].body;

		/* the verse lines stay together, in a row of their own */
		if (b && strstr(b, "一夜春雨") && strstr(b, "催促着耕种的人们"))
			poem = strstr(b, "插秧") == NULL && strstr(b, "航线") == NULL;
	}
	NA_CHECK(poem);
	na_split_free(&sp);
	na_buf_free(&text);
}

static const char *const press[] = {
	"第05版：评论",
	"今日谈",
	"别让“数字化”变成“数字花”",
	"　　冯　远",
	"　　有的地方把数字化改造当成了面子工程，大屏幕建了不少，数据却没有用起来。数字化的目的不是好看，而是好用。",
	"　　衡量改造成效，要看企业的账本，而不是展厅里的屏幕。只有让企业真正尝到甜头，数字化才能走得远。",
	"小小渡口连起两岸乡亲",
	"　　本报记者　王　浩　李　静",
	"　　清晨六点，江边的渡船已经坐满了赶集的村民。船工老周在这条航线上摆渡了二十六年，风雨无阻。",
	"　　“桥修好以前，这条船就是两岸唯一的路。”老周说，如今船上装了救生设备，乘客坐得更安心。",
	"为基层减负要久久为功",
	"　　张立新",
	"　　基层是政策落实的“最后一公里”。减负不是一阵风，要形成长效机制，让基层干部把精力放到抓落实上。",
	NULL
};

/* the bylines of press[], in order */
static void
check_press_bylines(void)
{
	static const char *const want[] = {"冯　远", "本报记者　王　浩　李　静", "张立新"};
	NaBuf		text;
	NaSplit		sp;
	int			i,
				n = 0;

	lines_text(&text, press);
	na_split_issue_layout(text.data, text.len, NA_LAYOUT_EPAPER, &sp);
	NA_CHECK(sp.n_articles == 3);
	for (i = 0; i < sp.n_articles && n < 3; i++)
	{
		const char *b = sp.articles[i].byline;

		NA_CHECK(b != NULL && strcmp(b, want[n]) == 0);
		NA_CHECK(sp.articles[i].body && strncmp(sp.articles[i].body, want[n], 6) != 0);
		n++;
	}
	na_split_free(&sp);
	na_buf_free(&text);
}

static const char *const photo_item[] = {
	"第01版：要闻",
	"全国冬小麦播种基本结束",
	"　　本报北京12月5日电　（记者郁静娴）记者从农业农村部获悉：截至目前，全国冬小麦播种基本结束，播种面积稳中有增。",
	"　　农业农村部有关负责人表示，下一步将加强冬前田间管理，指导农民做好防冻保苗工作。",
	"雪后长城",
	"　　12月4日，游客在北京八达岭长城游览。当日，北京迎来今冬首场降雪。",
	"　　新华社记者　李　欣摄",
	"我国成功发射遥感卫星",
	"　　新华社酒泉12月5日电　（记者李国利、黄一宸）12月5日10时33分，我国在酒泉卫星发射中心成功将遥感四十号卫星发射升空。",
	NULL
};

/* the credit of photo_item[] is in one row: its notes, and 李欣 (新华社) in its authors */
static void
check_photo_credit(void)
{
	NaBuf		text;
	NaSplit		sp;
	int			i,
				j,
				rows = 0;
	bool		person = false;

	lines_text(&text, photo_item);
	na_split_issue_layout(text.data, text.len, NA_LAYOUT_EPAPER, &sp);
	for (i = 0; i < sp.n_articles; i++)
	{
		const NaArticle *ar = &sp.articles[i];

		if (ar->notes == NULL || strstr(ar->notes, "李　欣摄") == NULL)
			continue;
		rows++;
		for (j = 0; j < ar->authors.n; j++)
			person |= strcmp(ar->authors.persons[j].name, "李欣") == 0 &&
				ar->authors.persons[j].organization &&
				strcmp(ar->authors.persons[j].organization, "新华社") == 0;
	}
	NA_CHECK(rows == 1);
	NA_CHECK(person);
	na_split_free(&sp);
	na_buf_free(&text);
}

static const char *const marked[] = {
	"让老旧小区焕发新活力",
	"　　本报记者　王　浩",
	"　　今年以来，全国新开工改造城镇老旧小区五万多个，惠及居民八百多万户，加装电梯三万多部。",
	"　　■ 长效管理跟上去",
	"　　改造完成后，小区引入物业服务，成立业主委员会，让改造成果长久保持。",
	"　　□钱塘唐平",
	"　　江边的芦苇白了头，风一吹，就像一片起伏的雪。",
	"　　□青湾言平",
	"　　湾口的渡船又开了，船工的号子还是老样子。",
	NULL
};

/* CLS_BYLINE for the marked name, not for the marked section head */
static void
check_marked_heads(void)
{
	NaBuf		text,
				feat;
	NaSplit		sp;
	bool		has[SP_N_ATOMS];
	int			i;

	lines_text(&text, marked);
	na_buf_init(&feat, 4096);
	na_split_features(text.data, text.len, &feat);
	atoms_of(&feat, 3, has);
	NA_CHECK(!has[SPA_CLS_BYLINE]);
	atoms_of(&feat, 5, has);
	NA_CHECK(has[SPA_CLS_BYLINE]);
	atoms_of(&feat, 7, has);	/* a pen name after its place, 言 no surname */
	NA_CHECK(has[SPA_CLS_BYLINE]);
	na_buf_free(&feat);
	/* the section head stays in the report's row */
	na_split_issue_layout(text.data, text.len, NA_LAYOUT_EPAPER, &sp);
	for (i = 0; i < sp.n_articles; i++)
		if (sp.articles[i].body && strstr(sp.articles[i].body, "改造完成后"))
			NA_CHECK(sp.articles[i].title && strcmp(sp.articles[i].title, "让老旧小区焕发新活力") == 0);
	na_split_free(&sp);
	na_buf_free(&text);
}

static const char *const stacks[] = {
	"第04版：经济",
	"各地抢抓农时推进春耕备耕　粮食播种面积保持稳定",
	"春耕生产有序展开",
	"　　本报北京3月6日电　（记者王　浩）连日来，各地抢抓农时，春耕生产由南向北有序展开，农资供应充足，农机具检修到位。",
	"　　农业农村部有关负责人表示，将加强农情调度和技术指导，确保春播面积稳定。",
	"城市更新让老街区焕发活力",
	"多个城市探索微改造模式　居民生活环境明显改善",
	"本报记者　李　静",
	"　　走进江城的老街区，青石板路修葺一新，沿街的老房子保留了原来的风貌，居民的生活却方便了许多。",
	"　　据介绍，今年全市将完成二十个老街区的微改造。",
	"江畔春早",
	"　　春水绿如蓝",
	"　　柳枝垂到岸",
	"　　一行白鹭起",
	"　　飞过旧时滩",
	"　　渔歌唱晚晴",
	NULL
};

/* the title of the row whose body opens with `start` */
static const char *
title_of(const NaSplit *sp, const char *start, const char **kicker, const char **subtitle)
{
	int			i;

	for (i = 0; i < sp->n_articles; i++)
		if (sp->articles[i].body && strncmp(sp->articles[i].body, start, strlen(start)) == 0)
		{
			*kicker = sp->articles[i].kicker;
			*subtitle = sp->articles[i].subtitle;
			return sp->articles[i].title;
		}
	return NULL;
}

static void
check_stacks(void)
{
	NaBuf		text,
				feat;
	NaSplit		sp;
	bool		has[SP_N_ATOMS];
	const char *t,
			   *k,
			   *sub;
	int			i;

	lines_text(&text, stacks);
	na_buf_init(&feat, 4096);
	na_split_features(text.data, text.len, &feat);
	atoms_of(&feat, 1, has);	/* the kicker, longer than the title under it */
	NA_CHECK(has[SPA_STK_LONGER_N] && !has[SPA_STK_SHORTER_N]);
	atoms_of(&feat, 2, has);
	NA_CHECK(has[SPA_STK_SHORTER_P]);
	atoms_of(&feat, 5, has);	/* the title, shorter than its subtitle */
	NA_CHECK(has[SPA_STK_SHORTER_N]);
	atoms_of(&feat, 6, has);	/* the subtitle: none against the byline */
	NA_CHECK(has[SPA_STK_LONGER_P] && !has[SPA_STK_SHORTER_N] && !has[SPA_STK_LONGER_N]);
	for (i = 11; i <= 15; i++)
	{
		atoms_of(&feat, i, has);	/* verse: a run of five short lines */
		NA_CHECK(!has[SPA_STK_SHORTER_P] && !has[SPA_STK_LONGER_P] &&
				 !has[SPA_STK_SHORTER_N] && !has[SPA_STK_LONGER_N]);
	}
	na_buf_free(&feat);
	na_split_issue_layout(text.data, text.len, NA_LAYOUT_EPAPER, &sp);
	t = title_of(&sp, "连日来", &k, &sub);
	NA_CHECK(t && strcmp(t, "春耕生产有序展开") == 0);
	NA_CHECK(k && strcmp(k, "各地抢抓农时推进春耕备耕　粮食播种面积保持稳定") == 0);
	t = title_of(&sp, "走进江城", &k, &sub);
	NA_CHECK(t && strcmp(t, "城市更新让老街区焕发活力") == 0);
	NA_CHECK(sub && strcmp(sub, "多个城市探索微改造模式　居民生活环境明显改善") == 0);
	na_split_free(&sp);
	na_buf_free(&text);
}

/* the article after the one under test in the web copies below */
#define LANES_ARTICLE \
	"老城区十条小巷完成改造\n\n" \
	"今年以来，老城区对十条背街小巷进行了改造，铺设了新的路面，更换了路灯，还增加了休闲座椅。\n\n" \
	"居民们说，小巷变得干净整洁了，晚上出门散步也更安心了。\n"

/* split a web copy; whether it gave the rows wanted (checked) */
static bool
split_web(const char *web, int want, NaSplit *sp)
{
	na_split_issue_layout(web, strlen(web), NA_LAYOUT_WEB, sp);
	NA_CHECK_INT(sp->n_articles, want);
	return sp->n_articles == want;
}

/* a predicate of one line (text, bytes, code points) on each of a list */
static void
check_lines(bool (*pred) (const char *, size_t, int), const char *const *lines, bool want)
{
	int			i;

	for (i = 0; lines[i]; i++)
		NA_CHECK(pred(lines[i], strlen(lines[i]), (int) na_utf8_count(lines[i], strlen(lines[i]))) == want);
}

/*
 * picture notes (图片均来自网络) between articles and inside one, and an
 * editor's closing note: credits, never a title
 */
static void
check_picture_notes(void)
{
	static const char *const notes[] = {
		"图片均来自网络", "本版图片由受访者提供", "（图片来源：视觉中国）", "图源：网络",
		"图/pixabay", "本文图片均为资料图片", "配图来自网络", NULL
	};
	static const char *const not_notes[] = {
		"壓題照片：通往風景名勝區的公路", "照片由各居委会统一收集", "图片新闻",
		"老照片里的城市记忆", "图为市民在公园晨练。", "图片来自网络，如有侵权请联系删除", NULL
	};
	static const char web[] =
		"城东地铁新线下月试运营\n\n"
		"记者从市轨道交通集团获悉，城东地铁新线已完成全部车站的设备调试，计划下月开始试运营。新线全长二十八公里，设车站十九座。\n\n"
		"图/江城轨道交通集团\n\n"
		"新线开通后，城东居民进城的通勤时间将从一个多小时缩短到四十分钟左右。沿线车站与三条公交线路实现换乘。\n\n"
		"（本文有删节。）\n\n"
		"图片均来自网络\n\n"
		"江南稻谷烘干中心投入使用\n\n"
		"今年秋季，江南各地的水稻陆续进入收割期。县里新建了三座烘干中心，农户可以在手机上预约烘干时间，收割的稻谷当天就能烘干进仓。\n\n"
		"合作社还为周边农户提供稻谷烘干和储存服务，烘干收费比去年降低了一成，种稻农户的收入因此增加。\n\n"
		"本版图片由受访者提供\n";
	NaSplit		sp;
	int			i;

	check_lines(sp_picture_note, notes, true);
	check_lines(sp_picture_note, not_notes, false);
	/* an editor's closing note is one sentence in brackets; a foreword opens an article */
	NA_CHECK(sp_closing_note("（应受访者要求，文中人物均为化名。）", strlen("（应受访者要求，文中人物均为化名。）"), 18));
	NA_CHECK(sp_closing_note("（本文有删节。）", strlen("（本文有删节。）"), 8));
	NA_CHECK(!sp_closing_note("（编者按：本报今起推出系列报道。）", strlen("（编者按：本报今起推出系列报道。）"), 17));
	NA_CHECK(!sp_closing_note("（一）项目建设提速。", strlen("（一）项目建设提速。"), 10));
	NA_CHECK(!sp_closing_note("（人民论坛）", strlen("（人民论坛）"), 6));
	na_split_issue_layout(web, strlen(web), NA_LAYOUT_WEB, &sp);
	NA_CHECK_INT(sp.n_articles, 2);
	if (sp.n_articles == 2)
	{
		NA_CHECK_STR(sp.articles[0].title, "城东地铁新线下月试运营");
		NA_CHECK_STR(sp.articles[1].title, "江南稻谷烘干中心投入使用");
		for (i = 0; i < 2; i++)
		{
			NA_CHECK(sp.articles[i].body && strstr(sp.articles[i].body, "图") == NULL);
			NA_CHECK_INT(sp.articles[i].authors.n, 0);	/* a note names no author */
		}
		NA_CHECK(strstr(sp.articles[0].body, "沿线车站与三条公交线路实现换乘。") != NULL);
		NA_CHECK(strstr(sp.articles[0].body, "删节") == NULL);
		NA_CHECK(sp.articles[0].notes && strstr(sp.articles[0].notes, "（本文有删节。）") != NULL);
	}
	na_split_free(&sp);
}

/*
 * Captions that say where a picture came from (sp_picture_tail): a caption
 * line, not a title, under a headline and between paragraphs of web copy
 */
static void
check_picture_tails(void)
{
	static const char *const tails[] = {
		"姚明场边支招周琦。视频截图", "加拿大大叔Gweilo（视频截图）", "BBC报道截图",
		"2019年10月15日，沈阳，在公园晨练的老年人。（视觉中国）", "新建成的跨江大桥（资料图片）",
		"参赛选手在比赛中。新华社发", "湖边的候鸟（图片来源：网络）", "古镇夜景（图源：东方IC）", NULL
	};
	static const char *const not_tails[] = {
		"截图", "他向记者出示了聊天记录的截图，上面写着“明天见”。", "（人民论坛）",
		"江城图书馆新馆开放", "（来源：人民日报）",
		"（图片来源：视觉中国）", "（图片来自网络）", NULL
	};
	static const char web[] =
		"湖畔公园成了候鸟的家\n\n"
		"湖畔公园里的白鹭（视频截图）\n\n"
		"入冬以来，城南湖畔公园迎来了上千只越冬候鸟，白鹭、野鸭在湖面上觅食嬉戏，吸引了不少市民前来观赏。\n\n"
		"公园管理处在湖边设置了观鸟区，提醒游客不要投喂，也不要靠近鸟群拍照。\n\n"
		"湖面上觅食的野鸭（资料图片）\n\n"
		"管理处负责人说，近几年湖区水质不断改善，来这里越冬的候鸟一年比一年多。\n\n"
		LANES_ARTICLE;
	NaSplit		sp;

	check_lines(sp_picture_tail, tails, true);
	check_lines(sp_picture_tail, not_tails, false);
	/* each caption its own photo item, as every caption is (split_articles.c) */
	if (split_web(web, 4, &sp))
	{
		NA_CHECK_STR(sp.articles[0].title, "湖畔公园成了候鸟的家");
		NA_CHECK_INT(sp.articles[1].kind, NA_KIND_PHOTO);
		NA_CHECK_STR(sp.articles[1].caption, "湖畔公园里的白鹭（视频截图）");
		NA_CHECK_INT(sp.articles[2].kind, NA_KIND_PHOTO);
		NA_CHECK_STR(sp.articles[2].caption, "湖面上觅食的野鸭（资料图片）");
		NA_CHECK_STR(sp.articles[3].title, "老城区十条小巷完成改造");
		NA_CHECK(sp.articles[0].body && strncmp(sp.articles[0].body, "入冬以来", strlen("入冬以来")) == 0);
		NA_CHECK(strstr(sp.articles[0].body, "一年比一年多。") != NULL);
		NA_CHECK(strstr(sp.articles[0].body, "图") == NULL);
	}
	na_split_free(&sp);
}

/* a closing paragraph with its writer in brackets: body, not a headline with a column tag */
static void
check_credit_brackets(void)
{
	static const char *const credited[] = {
		"正是有了英勇的你们，才有这座英雄的城！（评论员罗博萧海川）",
		"会议还研究了其他事项。（新华社北京1月1日电）",
		"图为启动仪式现场。（刘通摄）",
		"工程将于年底完工。（本报记者 张明）",
		"这是他第三次来到这里。（编译/林靖东）", "巡演将在智利、阿根廷举行。（张巨峰）",
		"已经修建了400多座老年人运动场。（BBC）", "全文如下。（完）", NULL
	};
	static const char *const tagged[] = {
		"“我战胜了病毒！我要出院了！”（人民论坛）", "不必恐慌，春天临近了！（评论员观察）",
		"城市更新别急于求成！（记者手记）", "全省春季植树超过一亿株（本报记者 张明）",
		"（本报记者 张明）", "下一站会是哪里？（新知新觉）", "科技助力春耕！（AI观察）", NULL
	};
	static const char web[] =
		"城东地铁新线下月试运营\n\n"
		"记者从市轨道交通集团获悉，城东地铁新线已完成全部车站的设备调试，计划下月开始试运营。新线全长二十八公里，设车站十九座。\n\n"
		"新线开通后，城东居民进城的通勤时间将从一个多小时缩短到四十分钟左右。沿线车站与三条公交线路实现换乘。\n\n"
		"城东的居民，终于等到了这一天！（评论员何晴）\n\n"
		"江南稻谷烘干中心投入使用\n\n"
		"今年秋季，江南各地的水稻陆续进入收割期。县里新建了三座烘干中心，农户可以在手机上预约烘干时间，收割的稻谷当天就能烘干进仓。\n\n"
		"合作社还为周边农户提供稻谷烘干和储存服务，烘干收费比去年降低了一成，种稻农户的收入因此增加。\n";
	NaSplit		sp;
	int			i;

	for (i = 0; credited[i]; i++)
	{
		size_t		n = strlen(credited[i]);

		NA_CHECK(sp_credit_bracket(credited[i], n) < n);
		NA_CHECK(sp_ends_sentence(credited[i], n));
	}
	for (i = 0; tagged[i]; i++)
		NA_CHECK(sp_credit_bracket(tagged[i], strlen(tagged[i])) == strlen(tagged[i]));
	na_split_issue_layout(web, strlen(web), NA_LAYOUT_WEB, &sp);
	NA_CHECK_INT(sp.n_articles, 2);
	if (sp.n_articles == 2)
	{
		NA_CHECK_STR(sp.articles[0].title, "城东地铁新线下月试运营");
		NA_CHECK(strstr(sp.articles[0].body, "终于等到了这一天！") != NULL);
		NA_CHECK_STR(sp.articles[1].title, "江南稻谷烘干中心投入使用");
	}
	na_split_free(&sp);
}

/*
 * a poem an essay quotes (《X》 alone on its line, the poet, the verse):
 * part of the essay, not an article of its own; the verse is the
 * project's own
 */
static void
check_quoted_poems(void)
{
	static const char *const names[] = {
		"《江畔晨行》", "《论语》", "《一首写给远方的长诗》", NULL
	};
	static const char *const not_names[] = {
		"《江畔晨行》赏析", "读《论语》有感", "《江畔》与《晨行》", "《》",
		"《一部很长很长很长很长很长很长很长很长很长的书的名字》", "江畔晨行", NULL
	};
	static const char web[] =
		"父亲节里读几首写给孩子的诗\n\n"
		"每当读起那些写给孩子的诗句，许多人的心中都会涌起一股暖流。\n\n"
		"《江畔晨行》\n\n"
		"——（宋）林远山\n\n"
		"江风吹柳岸，晨露湿行衣。\n\n"
		"远帆三两点，白鹭一行飞。\n\n"
		"点评：\n\n"
		"诗人写的是清晨送儿子远行的一段江路，字里行间都是对孩子的牵挂。\n\n"
		"《示儿书》\n\n"
		"——（明）周望川\n\n"
		"读书须用意，一字值千金。\n\n"
		"勤学如春草，日日见新青。\n\n"
		"点评：\n\n"
		"这首诗劝孩子读书要用心，道理浅显，却说得恳切。\n\n"
		LANES_ARTICLE;
	NaSplit		sp;

	check_lines(sp_quoted_name, names, true);
	check_lines(sp_quoted_name, not_names, false);
	if (split_web(web, 2, &sp))
	{
		NA_CHECK_STR(sp.articles[0].title, "父亲节里读几首写给孩子的诗");
		NA_CHECK(strstr(sp.articles[0].body, "白鹭一行飞。") != NULL);
		NA_CHECK(strstr(sp.articles[0].body, "日日见新青。") != NULL);
		NA_CHECK(strstr(sp.articles[0].body, "却说得恳切。") != NULL);
		NA_CHECK_STR(sp.articles[1].title, "老城区十条小巷完成改造");
	}
	na_split_free(&sp);
}

int
main(void)
{
	check_numbered();
	check_clause_led();
	check_long_note();
	check_source_lines();
	check_picture_notes();
	check_picture_tails();
	check_quoted_poems();
	check_credit_brackets();
	check_photo_news();
	check_press_bylines();
	check_photo_credit();
	check_marked_heads();
	check_stacks();
	NA_TEST_DONE();
}
