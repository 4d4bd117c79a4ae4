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
 * Text written for the test.
 */
#include "../../src/core/split_internal.h"
#include "na_buf.h"
#include "na_test.h"

#include <stdlib.h>
#include <string.h>

/* the atoms of raw line `line` in the features text, as a bitmap */
static void
atoms_of(const NaBuf *feat, int line, bool *has)
{
	const char *s = feat->data,
			   *end = feat->data + feat->len;

	memset(has, 0, sizeof(bool) * SP_N_ATOMS);
	while (s < end)
	{
		const char *nl = memchr(s, '\n', (size_t) (end - s));
		char	   *p;

		if (nl == NULL)
			nl = end;
		if (strtol(s, &p, 10) == line)
		{
			while (p < nl)
			{
				long		id = strtol(p, &p, 10);

				if (id >= 0 && id < SP_N_ATOMS)
					has[id] = true;
				while (p < nl && (*p == ' ' || *p == '\t'))
					p++;
			}
			return;
		}
		s = nl + 1;
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

	na_buf_init(&text, 4096);
	for (i = 0; paper[i]; i++)
	{
		na_buf_append_str(&text, paper[i]);
		na_buf_append_str(&text, "\n");
	}
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

int
main(void)
{
	check_numbered();
	check_clause_led();
	NA_TEST_DONE();
}
