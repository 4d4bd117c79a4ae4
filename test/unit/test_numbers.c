/*
 * test_numbers: numbered heads (split_numbers.c) and a long report whose
 * sections change topic at every numbered head.  The ordinal and style of
 * a head are read only with their mark (一、 （二） 3. 第四，), so 1.5亿元
 * and 一些 are no heads; a number goes on the last one of its style.  An
 * e-paper issue with a report of six sections, each on another topic,
 * between two articles splits into three rows, and so does a web page's
 * compilation of numbered parts (第1招 .. 第4招), each with a head stack
 * of its own (sp_numbered_parts).  Text written for the test.
 */
#include "../../src/core/split_internal.h"
#include "na_test.h"
#include "na_test_pages.h"
#include "na_test_roles.h"

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

/* label lines with roles in[], run sp_numbered_parts, compare with want[] */
static void
check_parts(const char *what, const char *const *lines, const SpRole *in,
			const SpRole *want, int n)
{
	na_test_role_pass(sp_numbered_parts, "numbered parts", what, lines, in, want, n);
}

static void
check_parts_roles(void)
{
	const char *para = "昨天，社区志愿者把物资送到了每一户居民家中。";
	const char *parts[] = {"抗疫妙招", para, "第1招", "分时取件", para,
	"第2招", "错峰取件", "快递柜分时开放", para};
	const SpRole in[] = {SPR_TITLE, SPR_BODY, SPR_HEADING, SPR_HEADING, SPR_BODY,
	SPR_HEADING, SPR_KICKER, SPR_TITLE, SPR_BODY};
	const SpRole want[] = {SPR_TITLE, SPR_BODY, SPR_HEADING, SPR_HEADING, SPR_BODY,
	SPR_HEADING, SPR_HEADING, SPR_HEADING, SPR_BODY};

	/* 第2招 goes on 第1招: its tag and title are the part's heads */
	check_parts("a part's stack", parts, in, want, 9);
	/* a tag read as a section head, a title under it */
	{
		const SpRole in3[] = {SPR_TITLE, SPR_BODY, SPR_HEADING, SPR_HEADING, SPR_BODY,
		SPR_HEADING, SPR_HEADING, SPR_TITLE, SPR_BODY};

		check_parts("a head over a title", parts, in3, want, 9);
	}
	/* the bare label read as a kicker, the tag as a title */
	{
		const SpRole in4[] = {SPR_TITLE, SPR_BODY, SPR_HEADING, SPR_HEADING, SPR_BODY,
		SPR_KICKER, SPR_TITLE, SPR_SUBTITLE, SPR_BODY};

		check_parts("a label read as a kicker", parts, in4, want, 9);
	}
	/* numbered briefs, each its own title: no label, each stays an article */
	{
		const char *briefs[] = {"1.全市新增绿道三百公里", para, "2.城东新区三个项目开工", para};
		const SpRole in5[] = {SPR_TITLE, SPR_BODY, SPR_TITLE, SPR_BODY};

		check_parts("numbered briefs", briefs, in5, in5, 4);
	}
	/* an article opened between them: 第2招 opens a part of that one */
	{
		const char *two[] = {"抗疫妙招", para, "第1招", "分时取件", para,
		"城东新区三个项目开工", para, "第2招", "错峰取件", para};
		const SpRole in2[] = {SPR_TITLE, SPR_BODY, SPR_HEADING, SPR_HEADING, SPR_BODY,
		SPR_TITLE, SPR_BODY, SPR_HEADING, SPR_TITLE, SPR_BODY};

		check_parts("an article between", two, in2, in2, 10);
	}
	/*
	 * the first part's title read as a new article's under a body paragraph:
	 * the first part goes on too, its title a section head
	 */
	{
		const SpRole in6[] = {SPR_TITLE, SPR_BODY, SPR_HEADING, SPR_TITLE, SPR_BODY,
		SPR_HEADING, SPR_KICKER, SPR_TITLE, SPR_BODY};

		check_parts("the first part", parts, in6, want, 9);
	}
	/* ... but not under a closing credit: the first part's title opens the article */
	{
		const char *credited[] = {"抗疫妙招", para, "（本报记者 王明）", "第1招", "分时取件", para,
		"第2招", "错峰取件", "快递柜分时开放", para};
		const SpRole in7[] = {SPR_TITLE, SPR_BODY, SPR_CREDIT, SPR_KICKER, SPR_TITLE, SPR_BODY,
		SPR_HEADING, SPR_KICKER, SPR_TITLE, SPR_BODY};
		const SpRole want7[] = {SPR_TITLE, SPR_BODY, SPR_CREDIT, SPR_KICKER, SPR_TITLE, SPR_BODY,
		SPR_HEADING, SPR_HEADING, SPR_HEADING, SPR_BODY};

		check_parts("a first part after a credit", credited, in7, want7, 10);
	}
	/* a numbering read as body paragraphs stays so */
	{
		const char *list[] = {"1.先登记", "2.再取件", "3.后消毒"};
		const SpRole body3[] = {SPR_BODY, SPR_BODY, SPR_BODY};

		check_parts("a list", list, body3, body3, 3);
	}
}

/* text of a web page: every line a paragraph, a blank line between */
static const char *const compilation =
"城北街道开放临时菜场\n\n"
"本报记者 周明\n\n"
"昨天，城北街道在辖区内开放三处临时菜场，每天早上七时至十时为居民供应蔬菜、肉禽和鸡蛋。\n\n"
"街道负责人表示，菜场实行预约进场，每批次不超过三十人，进出都要扫码测温。\n\n"
"社区抗疫有妙招\n\n"
"本报记者 陈静\n\n"
"连日来，本报记者在各个社区采访，收集到居民和志愿者想出的不少好办法，今天刊登其中四招。\n\n"
"第1招\n\n"
"分时取件\n\n"
"快递柜按楼栋错峰开放\n\n"
"东湖小区的快递柜前一度排起长队，物业和志愿者商量后，把取件时间按楼栋分成六段，每段二十分钟。\n\n"
"这个办法实行三天，排队的人少了一大半，居民在业主群里纷纷点赞。\n\n"
"第2招\n\n"
"以旧换新\n\n"
"旧纸箱改成配送箱\n\n"
"西山社区的志愿者收集居民不用的纸箱，贴上门牌号，改成给每户配送物资的专用箱子。\n\n"
"箱子用完后统一回收消毒，可以反复使用，既省钱又环保。\n\n"
"第3招\n\n"
"一键呼叫\n\n"
"独居老人有了求助铃\n\n"
"南园社区为八十多位独居老人安装了无线求助铃，老人按下按钮，楼组长的手机就会收到提醒。\n\n"
"上周有位老人半夜身体不适，楼组长五分钟就赶到了家中，及时联系了医生。\n\n"
"第4招\n\n"
"接力跑腿\n\n"
"楼组长组队代买药品\n\n"
"北岸小区的楼组长们组成代购小队，每天汇总居民的配药需求，集中到社区医院取药后逐户送上门。\n\n"
"小队成立一周，已经为二百多户居民送去了常用药。\n\n"
"城东新区三个重点项目开工\n\n"
"本报记者 李华\n\n"
"昨天，城东新区三个重点项目同时开工，总投资超过二十亿元，预计明年底前建成投用。\n\n"
"项目负责人表示，将抓紧施工进度，确保工程质量和安全。\n";

/* a web page's compilation of numbered parts is one row, between two */
static void
check_compilation(void)
{
	NaSplit		sp;
	int			i,
				row = -1;

	na_split_issue(compilation, strlen(compilation), &sp);
	NA_CHECK_INT(sp.n_articles, 3);
	for (i = 0; i < sp.n_articles; i++)
		if (sp.articles[i].body && strstr(sp.articles[i].body, "收集到居民和志愿者"))
			row = i;
	NA_CHECK(row >= 0);
	if (row >= 0)
	{
		NA_CHECK_STR(sp.articles[row].title, "社区抗疫有妙招");
		NA_CHECK(strstr(sp.articles[row].body, "第3招") != NULL);
		NA_CHECK(strstr(sp.articles[row].body, "已经为二百多户居民送去了常用药。") != NULL);
	}
	na_split_free(&sp);
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
	/* a part numbered by its measure word, alone or before a colon or space */
	check_number("第7计", 7, SP_NUM_DI);
	check_number("第三站：外滩", 3, SP_NUM_DI);
	check_number("第2课 因陋就简", 2, SP_NUM_DI);
	/* the paper's own numbers and ordinals inside words are no parts */
	check_number("第04版：理论", 0, SP_NUM_NONE);
	check_number("第1234期", 0, SP_NUM_NONE);
	check_number("第二張", 0, SP_NUM_NONE);
	check_number("第三届进博会开幕", 0, SP_NUM_NONE);
	check_number("第1季度增长", 0, SP_NUM_NONE);

	/* 一、 （一） （二） 二、 （一） 正文 （二） 三、 五、: styles counted apart, a
	 * number goes on only after the one before it */
	check_runs("一、甲\n（一）乙\n（二）丙\n二、丁\n（一）戊\n正文。\n（二）己\n三、庚\n五、辛\n",
			   "001100110");
	check_runs("1.甲\n2.乙\n2.丙\n3.丁\n", "0101");

	check_report();
	check_parts_roles();
	check_compilation();
	NA_TEST_DONE();
}
