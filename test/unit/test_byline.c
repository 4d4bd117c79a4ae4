/*
 * test_byline: byline shapes parsed into persons.
 */
#include "na_byline.h"
#include "na_test.h"

typedef struct Want
{
	const char *name;
	const char *role;
	const char *org;
} Want;

static void
check(const char *line, const Want *want, int n)
{
	NaByline	b;
	int			i;

	memset(&b, 0, sizeof(b));
	na_byline_parse(line, strlen(line), &b);
	NA_CHECK_INT(b.n, n);
	for (i = 0; i < n && i < b.n; i++)
	{
		NA_CHECK_STR(b.persons[i].name, want[i].name);
		NA_CHECK_STR(b.persons[i].role, want[i].role);
		NA_CHECK_STR(b.persons[i].organization, want[i].org);
	}
	na_byline_free(&b);
}

int
main(void)
{
	/* names run together where the byline lost its gaps */
	{
		Want		w[] = {{"段彦超", "记者", "澎湃新闻"}, {"廖艳", "记者", "澎湃新闻"}};

		check("澎湃新闻记者段彦超廖艳", w, 2);
	}
	{
		Want		w[] = {{"张明", "记者", "新华社"}, {"王小红", "记者", "新华社"}};

		check("新华社记者张明王小红", w, 2);
	}
	{
		/* one name: a compound surname's four characters */
		Want		w[] = {{"欧阳娜娜", "记者", "本报"}};

		check("本报记者 欧阳娜娜", w, 1);
	}
	{
		/* printed apart from the role: one name, whatever it reads as */
		Want		w[] = {{"阿卜杜拉", "记者", NULL}};

		check("记者 阿卜杜拉", w, 1);
	}
	{
		/* one way to read it (王林|林海; 王林林|海 leaves one character,
		 * and a four-character name needs a compound surname): split */
		Want		w[] = {{"王林", "记者", NULL}, {"林海", "记者", NULL}};

		check("记者王林林海", w, 2);
	}
	{
		/* more than one way (王林|张华|李明, 王林张|华李明): whole */
		Want		w[] = {{"王林张华李明", "记者", NULL}};

		check("记者王林张华李明", w, 1);
	}
	{
		Want		w[] = {{"张明", "记者", NULL}, {"李华", "记者", NULL}, {"王小红", "记者", NULL}};

		check("记者张明李华王小红", w, 3);
	}
	{
		Want		w[] = {{"齐航", "首席记者", "杭州日报"}, {"郁佳炜", "记者", "本报"}};

		check("杭州日报首席记者 齐航 本报记者 郁佳炜", w, 2);
	}
	{
		Want		w[] = {{"王妍", "记者", NULL}, {"张华颖", "实习生", NULL}, {"叶佳锋", "通讯员", NULL}};

		check("记者 王妍 实习生 张华颖 通讯员 叶佳锋", w, 3);
	}
	{
		Want		w[] = {{"竹滢艳", "见习记者", NULL}};

		check("■见习记者 竹滢艳", w, 1);
	}
	{
		Want		w[] = {{"吴宇翔", "首席记者", NULL}, {"俞佳君", "通讯员", NULL}};

		check("首席记者 吴宇翔 通讯员 俞佳君", w, 2);
	}
	{
		Want		w[] = {{"甲乙", "记者", "本报"}, {"丙丁", "通讯员", NULL}, {"戊己", "通讯员", NULL}};

		check("本报记者 甲乙 通讯员 丙丁 戊己", w, 3);
	}
	{
		Want		w[] = {{"杜海涛", "记者", NULL}};

		check("（记者杜海涛）", w, 1);
	}
	{
		/* a closing credit with no gaps: each role starts a person */
		Want		w[] = {{"甲乙丙", "编辑", NULL}, {"丁戊", "校对", NULL}};

		check("编辑甲乙丙校对丁戊", w, 2);
	}
	{
		Want		w[] = {{"己庚", "责编", NULL}};

		check("（责编：己庚）", w, 1);
	}
	{
		Want		w[] = {{"林一", "文", NULL}, {"周二", "图", NULL}};

		check("文/林一 图/周二", w, 2);
	}
	{
		Want		w[] = {{"方波", "记者", NULL}};

		check("记者 方波 摄", w, 1);
	}
	{
		Want		w[] = {{"童志忠", "摄", NULL}};

		check("童志忠 摄", w, 1);
	}
	{
		/* a role word between names leads the next name once the first has one */
		Want		w[] = {{"何苗", "记者", "浙江日报"}, {"吴越", "摄影", NULL}};

		check("浙江日报记者 何苗 摄影 吴越", w, 2);
	}
	{
		/* with no role before it, too: 何苗 has none, 吴越 took the photos */
		Want		w[] = {{"何苗", NULL, NULL}, {"吴越", "摄影", NULL}};

		check("何苗 摄影 吴越", w, 2);
	}
	{
		/* at the end a role word is a postfix credit */
		Want		w[] = {{"何苗", "摄影", NULL}};

		check("何苗 摄影", w, 1);
	}
	{
		Want		w[] = {{"陈某", "供图", NULL}};

		check("陈某 供图", w, 1);
	}
	{
		Want		w[] = {{"刘乐平", "记者", "浙江日报"}};

		check("■浙江日报记者 刘乐平", w, 1);
	}
	{
		Want		w[] = {{"李明", "记者", "新华社"}};

		check("新华社 记者 李明", w, 1);
	}
	{
		Want		w[] = {{"钱塘唐平", NULL, NULL}};

		check("□钱塘唐平", w, 1);
	}
	{
		Want		w[] = {{"张三", "特约评论员", NULL}};

		check("特约评论员 张三", w, 1);
	}
	{
		Want		w[] = {{"方波", "记者", NULL}};

		check("记者方波摄", w, 1);
	}
	{
		Want		w[] = {{"王芳", "记者", "本报"}, {"李雷", "通讯员", NULL}};

		check("本报记者：王芳 通讯员：李雷", w, 2);
	}
	{
		Want		w[] = {{"赵静", "通讯员", NULL}, {"沈丽晨", "通讯员", NULL}};

		check("通讯员 赵静 沈丽晨", w, 2);
	}
	/* a news organization, a role and a name run together */
	{
		Want		w[] = {{"陆一夫", "记者", "新京报"}};

		check("新京报记者陆一夫", w, 1);
	}
	{
		Want		w[] = {{"刘程", "记者", "中央人民广播电台"}, {"徐殿龙", "记者", "新华社"},
		{"奚启新", "记者", "新华社"}};

		check("（中央人民广播电台记者刘程，新华社记者徐殿龙、奚启新）", w, 3);
	}
	{
		Want		w[] = {{"颜世贵", "记者", "本报"}};

		check("本报记者颜世贵报道", w, 1);
	}
	{
		Want		w[] = {{"李四", "记者", "新华社"}, {"王五", "记者", "新华社"}};

		check("新华社记者李四 王五", w, 2);
	}
	{
		/* not cut: no news organization in front, or no name after the role */
		Want		w[] = {{"刘一剑", "通讯员", "本报"}};

		check("本版编辑张善菊", NULL, 0);
		check("本报通讯员刘一剑", w, 1);
	}
	{
		/* a dateline's source is no name */
		Want		w[] = {{"张三", "记者", NULL}};

		check("本报讯（记者张三）", w, 1);
	}
	/*
	 * the line classifier reads another paper's run-together credit as a
	 * byline, the paper's own (a compilation piece's closing signature) not
	 */
	NA_CHECK(na_byline_looks_like("新京报记者陆一夫", strlen("新京报记者陆一夫")));
	NA_CHECK(na_byline_looks_like("【文/东方观察网专栏作者张明】",
								  strlen("【文/东方观察网专栏作者张明】")));
	NA_CHECK(!na_byline_looks_like("本报记者罗水元", strlen("本报记者罗水元")));
	NA_CHECK(na_byline_looks_like("本报记者 罗水元", strlen("本报记者 罗水元")));
	{
		/* names joined by &, slash roles of web copies */
		Want		w[] = {{"林小舟", "执笔", NULL}, {"王大山", "执笔", NULL},
		{"陈一鸣", "执笔", NULL}};
		Want		w2[] = {{"周立言", "编译", NULL}};
		Want		w3[] = {{"张明", "专栏作者", "东方观察网"}};

		check("执笔/林小舟、王大山&陈一鸣", w, 3);
		NA_CHECK(na_byline_looks_like("执笔/林小舟、王大山&陈一鸣",
									  strlen("执笔/林小舟、王大山&陈一鸣")));
		check("编译/周立言", w2, 1);
		check("【文/东方观察网专栏作者张明】", w3, 1);
	}
	{
		/* the page's closing credits: layout, art and graphics */
		Want		w[] = {{"林小舟", "版式设计", NULL}};
		Want		w2[] = {{"王大山", "美术编辑", NULL}, {"陈一鸣", "插图", NULL}};

		check("版式设计：林小舟", w, 1);
		check("美术编辑：王大山　插图：陈一鸣", w2, 2);
	}
	{
		/* two-character names padded to the width of three */
		Want		w[] = {{"王伟", NULL, NULL}, {"李娜", NULL, NULL}};
		Want		w2[] = {{"王伟", "记者", "本报"}};
		Want		w3[] = {{"王浩", "记者", "新华社"}};

		check("王　伟　李　娜", w, 2);
		check("本报记者　王　伟", w2, 1);
		check("新华社记者 王 浩 摄", w3, 1);
		/* a lone role character is no half of a name */
		check("文 张 图 李", NULL, 0);
	}
	{
		/*
		 * padded names in a line that looks like a byline or a photographer's
		 * credit, the credit word glued to the name (王　浩摄)
		 */
		Want		w[] = {{"李欣", "记者", "新华社"}};
		Want		w2[] = {{"王浩", "摄", NULL}};
		Want		w3[] = {{"王浩", "记者", "本报"}, {"李静", "记者", "本报"}};

		check("新华社记者　李　欣摄", w, 1);
		check("王　浩摄", w2, 1);
		check("本报记者　王　浩　李　静", w3, 2);
		NA_CHECK(na_byline_looks_like("本报记者　王　浩", strlen("本报记者　王　浩")));
		NA_CHECK(na_byline_looks_like("新华社记者　李　欣摄", strlen("新华社记者　李　欣摄")));
		NA_CHECK(na_byline_looks_like("记者　王　浩　通讯员　李　静", strlen("记者　王　浩　通讯员　李　静")));
		NA_CHECK(na_byline_looks_like("王　浩摄", strlen("王　浩摄")));
		{
			/* a role word glued to the first half: 记者谢　飞 */
			Want		w4[] = {{"谢飞", "记者", NULL}, {"王浩", "记者", NULL}};

			check("（记者谢　飞、王　浩）", w4, 2);
			NA_CHECK(na_byline_looks_like("（记者谢　飞）", strlen("（记者谢　飞）")));
		}
		/* two lone role characters are no padded name */
		NA_CHECK(!na_byline_looks_like("本报记者　文　图", strlen("本报记者　文　图")));
	}
	/* a note on the author after the role word holds no name */
	check("（作者为某某大学公共管理学院教授）", NULL, 0);
	{
		Want		w[] = {{"张明", "作者", NULL}};

		check("作者张明", w, 1);
	}
	/* a label before a credit is no person (原创 was read as a name) */
	check("原创：张明编译金融观察研究", NULL, 0);

	/* nothing to find, odd input */
	check("", NULL, 0);
	check("■", NULL, 0);
	check("记者", NULL, 0);
	{
		NaByline	b;
		char		bad[] = "\xff\xfe 记者 \xe4\xb8";

		memset(&b, 0, sizeof(b));
		na_byline_parse(bad, sizeof(bad) - 1, &b);
		NA_CHECK(b.n <= NA_BYLINE_MAX);
		na_byline_free(&b);
	}

	/* what reads as a byline line and what does not */
	NA_CHECK(na_byline_looks_like("首席记者 吴宇翔 通讯员 俞佳君", strlen("首席记者 吴宇翔 通讯员 俞佳君")));
	NA_CHECK(na_byline_looks_like("本报记者 郁佳炜", strlen("本报记者 郁佳炜")));
	NA_CHECK(na_byline_looks_like("通讯员 赵静 沈丽晨", strlen("通讯员 赵静 沈丽晨")));
	NA_CHECK(na_byline_looks_like("记者 陈浩杰 摄", strlen("记者 陈浩杰 摄")));
	NA_CHECK(!na_byline_looks_like("全力以赴抓好项目推进工作 确保项目早建成早见效",
								   strlen("全力以赴抓好项目推进工作 确保项目早建成早见效")));
	NA_CHECK(!na_byline_looks_like("记者从有关部门获悉", strlen("记者从有关部门获悉")));
	NA_CHECK(!na_byline_looks_like("", 0));
	NA_CHECK(na_byline_is_photo_role("摄"));
	NA_CHECK(!na_byline_is_photo_role("记者"));
	NA_TEST_DONE();
}
