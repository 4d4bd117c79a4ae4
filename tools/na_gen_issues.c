/*
 * na_gen_issues: generate synthetic newspaper issues (10-20 KB each) in the
 * layouts the splitter meets -- OCR'd print issues with a masthead block,
 * a damaged masthead, saved web pages and e-paper dumps -- from invented
 * vocabulary, for benchmarks and load tests.
 *
 *   build/na_gen_issues --seed N --count N --out DIR
 *
 * The same seed always gives the same files (issue_000000.txt, ...).
 */
#include "na_buf.h"

#include <errno.h>
#include <sys/stat.h>

static uint64_t rng_state;

static uint32_t
rnd(uint32_t n)
{
	/* xorshift64*: fast, reproducible, good enough for text */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return n ? (uint32_t) ((rng_state * 2685821657736338717ULL) >> 33) % n : 0;
}

#define PICK(arr) (arr[rnd(sizeof(arr) / sizeof(arr[0]))])

static const char *const words[] = {
	"发展", "建设", "推进", "项目", "企业", "服务", "创新", "产业", "平台", "城市",
	"社区", "群众", "工作", "会议", "部署", "落实", "提升", "优化", "环境", "生态",
	"质量", "体系", "机制", "改革", "开放", "合作", "交流", "调研", "保障", "民生",
	"教育", "医疗", "文化", "旅游", "交通", "数字", "智能", "制造", "能源", "绿色",
	"乡村", "振兴", "治理", "安全", "责任", "目标", "任务", "举措", "成效", "经验",
	"基层", "干部", "人才", "科技", "研发", "投资", "消费", "市场", "品牌", "标准",
};
static const char *const verbs[] = {
	"加快", "持续", "全面", "深入", "积极", "不断", "切实", "大力", "有序", "稳步",
};
static const char *const surnames[] = {
	"林", "方", "叶", "宋", "韩", "常", "顾", "章", "陆", "何", "罗", "苏", "任", "白", "程",
};
static const char *const given[] = {
	"晓", "禾", "知", "秋", "远", "山", "清", "和", "可", "欣", "云", "舟", "一", "鸣", "雨",
	"桐", "若", "溪", "之", "遥", "晴", "川", "满", "浅",
};
static const char *const places[] = {"青湾", "东岚", "南屿", "北岗", "西澄"};
static const char *const roles[] = {"记者", "首席记者", "见习记者", "通讯员", "实习生"};

static void
name(NaBuf *b)
{
	int			n = 1 + rnd(2);

	na_buf_append_str(b, PICK(surnames));
	while (n-- > 0)
		na_buf_append_str(b, PICK(given));
}

static void
phrase(NaBuf *b, int nwords)
{
	while (nwords-- > 0)
	{
		if (rnd(4) == 0)
			na_buf_append_str(b, PICK(verbs));
		na_buf_append_str(b, PICK(words));
	}
}

static void
sentence(NaBuf *b)
{
	int			clauses = 1 + rnd(4);

	while (clauses-- > 0)
	{
		phrase(b, 2 + rnd(4));
		na_buf_append_str(b, clauses ? "，" : (rnd(8) ? "。" : "！"));
	}
}

/* a paragraph, wrapped like OCR output: sometimes broken mid-sentence */
static void
paragraph(NaBuf *b, bool ocr, const char *indent)
{
	int			n = 2 + rnd(5);
	size_t		start = b->len;

	na_buf_append_str(b, indent);
	while (n-- > 0)
	{
		sentence(b);
		if (ocr && rnd(12) == 0)
			na_buf_append_str(b, rnd(2) ? "\n\n" : " ");
	}
	(void) start;
	na_buf_append_str(b, ocr ? "\n\n" : "\n");
}

static void
byline(NaBuf *b, bool mark)
{
	int			n = 1 + rnd(3);

	if (mark)
		na_buf_append_str(b, rnd(4) ? "■" : "□");
	while (n-- > 0)
	{
		na_buf_append_str(b, PICK(roles));
		na_buf_append_char(b, ' ');
		name(b);
		if (n)
			na_buf_append_char(b, ' ');
	}
	na_buf_append_char(b, '\n');
}

static void
headline(NaBuf *b, bool ocr)
{
	if (rnd(2) == 0)
	{
		/* kicker */
		if (ocr)
			na_buf_append_str(b, "## ");
		name(b);
		na_buf_append_str(b, "在");
		phrase(b, 2);
		na_buf_append_str(b, "会议上强调");
		if (rnd(2))
			na_buf_append_char(b, ' ');
		else
		{
			na_buf_append_str(b, "\n\n");
			if (ocr)
				na_buf_append_str(b, "### ");
		}
	}
	else if (ocr)
		na_buf_append_str(b, "## ");
	phrase(b, 2 + rnd(3));
	na_buf_append_char(b, ' ');
	phrase(b, 2 + rnd(2));
	na_buf_append_str(b, "\n\n");
	if (rnd(6) == 0)
	{
		na_buf_append_str(b, "——");
		phrase(b, 3);
		na_buf_append_str(b, "\n\n");
	}
}

static void
print_issue(NaBuf *b, int layout, size_t target)
{
	int			y = 2018 + rnd(6),
				m = 1 + rnd(12),
				d = 1 + rnd(28);
	char		line[256];
	const char *place = PICK(places);

	if (layout == 1)
	{
		/* a masthead destroyed by OCR */
		int			k = 6 + rnd(6);

		na_buf_append_str(b, "\n\n");
		while (k-- > 0)
		{
			na_buf_append_str(b, PICK(given));
			na_buf_append_str(b, "\n\n");
		}
	}
	else
	{
		snprintf(line, sizeof(line), "\n\n%s新城报\n\n新闻热线 8123%04u\n\n投稿邮箱 news%u@example.com\n\n"
				 "%d年%d月%d日 星期%s\n农历某年某月\n今日%u版 总第%u期\n\n",
				 place, rnd(10000), rnd(100), y, m, d, PICK(((const char *[]) {"一", "二", "三", "四", "五"})),
				 4 + rnd(12), 100 + rnd(900));
		na_buf_append_str(b, line);
	}
	snprintf(line, sizeof(line), "主办 中共%s区委 出版 %s传媒集团\n\nQINGWAN NEW TOWN DAILY\n\n", place, place);
	na_buf_append_str(b, line);
	while (b->len < target)
	{
		int			paras = 3 + rnd(6);

		headline(b, true);
		byline(b, true);
		na_buf_append_char(b, '\n');
		if (rnd(4))
			na_buf_append_str(b, rnd(5) ? "本报讯 " : "东岚日报讯 ");
		snprintf(line, sizeof(line), "%u日上午，", 1 + rnd(28));
		na_buf_append_str(b, line);
		while (paras-- > 0)
		{
			paragraph(b, true, "");
			if (rnd(10) == 0)
			{
				na_buf_append_str(b, "图为");
				phrase(b, 3);
				na_buf_append_str(b, "。记者 ");
				name(b);
				na_buf_append_str(b, " 摄\n\n");
			}
			if (rnd(25) == 0)
				na_buf_append_str(b, "+占。 ");
		}
		if (rnd(8) == 0)
		{
			b->len -= 2;
			snprintf(line, sizeof(line), "(下转第%u版)\n\n", 2 + rnd(6));
			na_buf_append_str(b, line);
		}
	}
}

static void
web_issue(NaBuf *b, size_t target)
{
	char		line[256];
	const char *place = PICK(places);

	snprintf(line, sizeof(line), "您当前的位置 : %s网 > 新闻中心 > %s 正文\n", place, place);
	na_buf_append_str(b, line);
	phrase(b, 3);
	na_buf_append_char(b, ' ');
	phrase(b, 3);
	na_buf_append_char(b, '\n');
	phrase(b, 5);
	snprintf(line, sizeof(line), "\n20%02u年%02u月%02u日 10:%02u:00 来源: %s日报 记者 ",
			 10 + rnd(14), 1 + rnd(12), 1 + rnd(28), rnd(60), place);
	na_buf_append_str(b, line);
	name(b);
	na_buf_append_str(b, "\n\n  ");
	phrase(b, 3);
	na_buf_append_str(b, "\n\n");
	while (b->len < target)
	{
		paragraph(b, false, "  ");
		na_buf_append_char(b, '\n');
		if (rnd(6) == 0)
		{
			na_buf_append_str(b, "  ");
			phrase(b, 4);
			na_buf_append_str(b, "\n\n");
		}
	}
	na_buf_append_str(b, "标签: 发展;建设 责任编辑: ");
	name(b);
	na_buf_append_str(b, "\n分享到:\n版权和免责申明\n\nCopyright © 2010-2024 Example. All Rights Reserved\n");
}

static void
epaper_issue(NaBuf *b, size_t target)
{
	char		line[256];
	int			page = 1;

	snprintf(line, sizeof(line), "%s日报\n20%02u年%02u月%02u日 星期三\n\n", PICK(places),
			 10 + rnd(14), 1 + rnd(12), 1 + rnd(28));
	na_buf_append_str(b, line);
	while (b->len < target)
	{
		int			arts = 2 + rnd(3);

		snprintf(line, sizeof(line), "第%02d版：%s\n\n", page++, rnd(2) ? "要闻" : "经济");
		na_buf_append_str(b, line);
		while (arts-- > 0)
		{
			int			paras = 2 + rnd(5);

			if (rnd(2))
			{
				phrase(b, 3);
				na_buf_append_char(b, '\n');
			}
			phrase(b, 4);
			na_buf_append_char(b, '\n');
			if (rnd(2))
			{
				na_buf_append_str(b, "本报记者 ");
				name(b);
				na_buf_append_str(b, "\n　　本报讯 ");
			}
			else
			{
				na_buf_append_str(b, "　　本报北京5月14日电 （记者");
				name(b);
				na_buf_append_str(b, "）");
			}
			while (paras-- > 0)
				paragraph(b, false, paras ? "" : "　　");
			na_buf_append_char(b, '\n');
		}
	}
}

int
main(int argc, char **argv)
{
	unsigned long seed = 1,
				count = 10;
	const char *out = NULL;
	unsigned long i;
	int			a;

	for (a = 1; a + 1 < argc; a += 2)
	{
		if (strcmp(argv[a], "--seed") == 0)
			seed = strtoul(argv[a + 1], NULL, 10);
		else if (strcmp(argv[a], "--count") == 0)
			count = strtoul(argv[a + 1], NULL, 10);
		else if (strcmp(argv[a], "--out") == 0)
			out = argv[a + 1];
	}
	if (out == NULL)
	{
		fprintf(stderr, "usage: %s --seed N --count N --out DIR\n", argv[0]);
		return 2;
	}
	if (mkdir(out, 0777) != 0 && errno != EEXIST)
	{
		perror(out);
		return 1;
	}
	rng_state = 0x9E3779B97F4A7C15ULL ^ (seed * 0xBF58476D1CE4E5B9ULL);
	if (rng_state == 0)
		rng_state = 1;
	for (i = 0; i < count; i++)
	{
		NaBuf		b;
		char		path[4096];
		FILE	   *f;
		size_t		target = 10000 + rnd(10000);
		uint32_t	layout = rnd(10);

		na_buf_init(&b, 24000);
		if (layout < 6)
			print_issue(&b, 0, target);
		else if (layout < 7)
			print_issue(&b, 1, target);
		else if (layout < 8)
			web_issue(&b, target);
		else
			epaper_issue(&b, target);
		snprintf(path, sizeof(path), "%s/issue_%06lu.txt", out, i);
		f = fopen(path, "wb");
		if (!f || fwrite(b.data, 1, b.len, f) != b.len)
		{
			perror(path);
			if (f)
				fclose(f);
			na_buf_free(&b);
			return 1;
		}
		fclose(f);
		na_buf_free(&b);
	}
	return 0;
}
