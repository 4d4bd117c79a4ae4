/*
 * test_numbers: numbered heads (split_numbers.c) and a long report whose
 * sections change topic at every numbered head.  The ordinal and style of
 * a head are read only with their mark (一、 （二） 3. 第四，), so 1.5亿元
 * and 一些 are no heads; a number goes on the last one of its style.  An
 * e-paper issue with a report of six sections, each on another topic,
 * between two articles splits into three rows.  Text written for the test.
 */
#include "../../src/core/split_internal.h"
#include "na_test.h"
#include "na_test_pages.h"

#include <stdlib.h>
#include <string.h>

static void
check_number(const char *line, int want, int want_style)
{
	int			st;

	NA_CHECK_INT(sp_head_number(line, strlen(line), &st), want);
	NA_CHECK_INT(st, want_style);
}

/* which lines of text go on a numbering, as a string of 0 and 1 */
static void
check_runs(const char *text, const char *want)
{
	size_t		n,
				i;
	SpLine	   *ls = sp_lines_build(text, strlen(text), &n);
	int		   *seq = (int *) malloc(sizeof(int) * (n + 1));
	bool	   *next = (bool *) malloc(n + 1);
	char		got[64];

	for (i = 0; i < n; i++)
		seq[i] = (int) i;
	sp_number_runs(text, ls, seq, (int) n, next);
	for (i = 0; i < n && i < sizeof(got) - 1; i++)
		got[i] = next[i] ? '1' : '0';
	got[i] = '\0';
	NA_CHECK_STR(got, want);
	free(seq);
	free(next);
	na_free(ls);
}

static const char *const sections[][3] = {
	{"一、经济运行稳中向好",
		"　　过去一年，全市地区生产总值增长百分之五点二，规模以上工业增加值增长百分之六，社会消费品零售总额突破一万亿元。",
	"　　外贸进出口保持稳定，新设外资企业一千二百家，实际使用外资增长百分之八。"},
	{"二、科技创新动能增强",
		"　　研发经费投入强度达到百分之四点四，新建国家重点实验室三家，高新技术企业总数超过两万家。",
	"　　集成电路、生物医药、人工智能三大产业规模合计增长百分之十一。"},
	{"三、生态环境持续改善",
		"　　细颗粒物平均浓度下降到每立方米二十八微克，优良天数比例达到百分之九十一。",
	"　　新建绿道三百公里，长江岸线生态修复工程全面完成，河湖水质明显好转。"},
	{"四、民生保障更加有力",
		"　　城镇新增就业六十万人，城乡居民人均可支配收入增长百分之五。",
	"　　新增养老床位五千张，建成社区食堂二百家，基本医疗保险参保率稳定在百分之九十八以上。"},
	{"五、城市治理精细高效",
		"　　一网通办接入政务服务事项三千六百项，九成以上事项实现全程网办。",
	"　　完成老旧小区改造一千二百万平方米，加装电梯三千台。"},
	{"六、政府自身建设",
		"　　坚持依法行政，自觉接受人大监督和政协民主监督，办理代表建议和政协提案一千五百件。",
	"　　驰而不息纠治形式主义、官僚主义，政府系统党风廉政建设持续加强。"},
};

/* an e-paper page: an article, a report of six sections, an article */
static void
check_report(void)
{
	char	   *text = (char *) malloc(16384);
	NaSplit		sp;
	int			s,
				i,
				row = -1;

	strcpy(text, "第02版：要闻\n全市春季植树活动启动\n本报记者 王明\n"
		   "　　昨天上午，全市春季义务植树活动在城北公园启动，两千余名干部群众参加劳动。\n"
		   "　　今年全市计划新增造林面积五万亩，建设口袋公园一百个。\n"
		   "政府工作报告\n——2024年1月20日在市第十六届人民代表大会第二次会议上\n"
		   "市长　李　强\n　　各位代表：\n"
		   "　　现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协各位委员提出意见。\n");
	for (s = 0; s < 6; s++)
		for (i = 0; i < 3; i++)
		{
			strcat(text, sections[s][i]);
			strcat(text, "\n");
		}
	strcat(text, NA_TEST_LAST_ARTICLE);
	na_split_issue(text, strlen(text), &sp);
	NA_CHECK_INT(sp.n_articles, 3);
	for (i = 0; i < sp.n_articles; i++)
		if (sp.articles[i].body && strstr(sp.articles[i].body, "各位代表"))
			row = i;
	NA_CHECK(row >= 0);
	if (row >= 0)
	{
		NA_CHECK_STR(sp.articles[row].title, "政府工作报告");
		NA_CHECK(strstr(sp.articles[row].body, "政府系统党风廉政建设持续加强。") != NULL);
		NA_CHECK(strstr(sp.articles[row].body, "城东新区") == NULL);
	}
	na_split_free(&sp);
	free(text);
}

int
main(void)
{
	check_number("一、经济运行稳中向好", 1, SP_NUM_HAN);
	check_number("十二、其他", 12, SP_NUM_HAN);
	check_number("二十三、附则", 23, SP_NUM_HAN);
	check_number("（三）着力扩大国内需求。", 3, SP_NUM_PAREN_HAN);
	check_number("(十)其他", 10, SP_NUM_PAREN_HAN);
	check_number("（12）城市更新示范工程", 12, SP_NUM_PAREN_ARABIC);
	check_number("3.智慧交通", 3, SP_NUM_ARABIC);
	check_number("１．节水灌溉", 1, SP_NUM_ARABIC);
	check_number("4、老旧小区改造", 4, SP_NUM_ARABIC);
	check_number("第二，要坚持稳中求进。", 2, SP_NUM_DI);
	check_number("第三部分　附则", 3, SP_NUM_DI);
	/* no number mark: no head number */
	check_number("1.5亿元用于改造", 0, SP_NUM_NONE);
	check_number("一些企业反映", 0, SP_NUM_NONE);
	check_number("一二三", 0, SP_NUM_NONE);
	check_number("2024年全市经济", 0, SP_NUM_NONE);
	check_number("第一时间赶到现场", 0, SP_NUM_NONE);
	check_number("（记者 王明）", 0, SP_NUM_NONE);
	check_number("", 0, SP_NUM_NONE);

	/* 一、 （一） （二） 二、 （一） 正文 （二） 三、 五、: styles counted apart, a
	 * number goes on only after the one before it */
	check_runs("一、甲\n（一）乙\n（二）丙\n二、丁\n（一）戊\n正文。\n（二）己\n三、庚\n五、辛\n",
			   "001100110");
	check_runs("1.甲\n2.乙\n2.丙\n3.丁\n", "0101");

	check_report();
	NA_TEST_DONE();
}
