/*
 * test_split: the splitter's segments cover the raw text completely, in
 * order, without overlap, on the fixtures and on odd input (empty, one
 * line, 1 MB of one paragraph, punctuation only, malformed UTF-8, random
 * bytes); and a few fields of a small invented issue.
 */
#include "na_split.h"
#include "na_buf.h"
#include "na_test.h"
#include "na_utf8.h"

#include <dirent.h>


/* the Han characters of s[0..n) appended to out (marks, spaces, line breaks
 * and markup left out: what the fields may reshape) */
static void
han_only(const char *s, size_t n, NaBuf *out)
{
	size_t		i = 0,
				adv;

	while (s && i < n)
	{
		uint32_t	cp = na_utf8_decode(s + i, n - i, &adv);

		if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF))
			na_buf_append(out, s + i, adv);
		i += adv ? adv : 1;
	}
}

static void
han_field(const char *f, NaBuf *out)
{
	if (f)
	{
		han_only(f, strlen(f), out);
		na_buf_append(out, "|", 1);
	}
}

/*
 * No text lost: the Han characters of every body, heading, dateline and
 * credit segment of an article are found, in order, in one of its fields (a
 * dateline lead the fields do not take stays in the body, a closing credit
 * is in the notes).  Returns the segments that fail.
 */
static int
lost_segments(const NaSplit *sp, const char *text)
{
	size_t		i;
	int			lost = 0;

	for (i = 0; i < sp->n_segments; i++)
	{
		const NaSegment *sg = &sp->segments[i];
		const NaArticle *ar;
		NaBuf		seg,
					all;

		if (sg->ordinal < 1 || sg->ordinal > sp->n_articles ||
			(sg->role != NA_SEG_BODY && sg->role != NA_SEG_HEADING &&
			 sg->role != NA_SEG_DATELINE && sg->role != NA_SEG_CREDIT))
			continue;
		ar = &sp->articles[sg->ordinal - 1];
		na_buf_init(&seg, 64);
		na_buf_init(&all, 256);
		han_only(text + sg->start, sg->end - sg->start, &seg);
		/* a lead's dateline and its bracketed reporters: two fields */
		han_only(ar->dateline, ar->dateline ? strlen(ar->dateline) : 0, &all);
		han_field(ar->byline, &all);
		han_field(ar->body, &all);
		han_field(ar->caption, &all);
		han_field(ar->notes, &all);
		na_buf_append(&all, "", 1);
		na_buf_append(&seg, "", 1);
		if (seg.len > 1 && strstr(all.data, seg.data) == NULL)
		{
			if (lost < 3)
				fprintf(stderr, "text lost: %s\n", seg.data);
			lost++;
		}
		na_buf_free(&seg);
		na_buf_free(&all);
	}
	return lost;
}

static void
check_cover(const char *what, const char *text, size_t len)
{
	NaSplit		sp;
	NaBuf		js;
	size_t		i,
				pos = 0;
	bool		ok = true;
	int			a;

	na_split_issue(text, len, &sp);
	for (i = 0; i < sp.n_segments; i++)
	{
		const NaSegment *sg = &sp.segments[i];

		if (sg->start != pos || sg->end <= sg->start || sg->end > len ||
			sg->ordinal < 0 || sg->ordinal > sp.n_articles ||
			sg->role < 0 || sg->role >= NA_SEG_N_ROLES)
			ok = false;
		pos = sg->end;
	}
	if (pos != len)
		ok = false;
	for (a = 0; a < sp.n_articles; a++)
		if (sp.articles[a].ordinal != a + 1 || sp.articles[a].raw_end > len ||
			sp.articles[a].raw_start > sp.articles[a].raw_end)
			ok = false;
	if (!ok)
		fprintf(stderr, "coverage broken on %s\n", what);
	NA_CHECK(ok);
	if (lost_segments(&sp, text) > 0)
	{
		fprintf(stderr, "text lost on %s (%zu bytes)\n", what, len);
		NA_CHECK(false);
	}
	na_buf_init(&js, 1024);
	na_split_to_json(&sp, text, len, &js, true);
	NA_CHECK(js.len > 0 && js.data[0] == '{');
	na_buf_free(&js);
	na_split_free(&sp);
}

static void
check_fixtures(void)
{
	const char *dir = "test/fixtures/issues";
	DIR		   *d = opendir(dir);
	struct dirent *e;
	int			n = 0;

	NA_CHECK(d != NULL);
	if (!d)
		return;
	while ((e = readdir(d)) != NULL)
	{
		char		path[1024];
		NaBuf		b;
		size_t		k;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (!na_buf_read_file(&b, path))
		{
			na_buf_free(&b);
			continue;
		}
		check_cover(path, b.data, b.len);
		/* every prefix cut mid-line or mid-character still covers */
		for (k = 0; k < b.len; k += 97)
			check_cover(path, b.data, k);
		na_buf_free(&b);
		n++;
	}
	closedir(d);
	NA_CHECK(n >= 4);
}

static void
check_odd(void)
{
	NaBuf		b;
	size_t		i;
	unsigned	seed = 12345;
	static const char *const words[] = {"发展", "。", "，", " ", "\n", "## ", "■记者 ", "摄",
	"本报讯 ", "(下转第", "版)", "abc ", "12", "\xe4", "\xff", "　　", "——", "强调 ", "\n\n"};

	check_cover("empty", "", 0);
	check_cover("one line", "只有一行字", strlen("只有一行字"));
	check_cover("newlines", "\n\n\n", 3);
	check_cover("punctuation", "。。。，，，！！！\n……——\n!!!???\n", strlen("。。。，，，！！！\n……——\n!!!???\n"));
	check_cover("malformed", "\xff\xfe\xe4\xb8\n\xe4\xb8\xad\x80\x80\n\xf0\x9f", 14);
	check_cover("mixed scripts", "Hello 世界 123 Привет\n■记者 Smith 摄\n", strlen("Hello 世界 123 Привет\n■记者 Smith 摄\n"));
	check_cover("nul bytes", "ab\0cd\n\0\n", 8);

	/* 1 MB of one paragraph, no newline */
	na_buf_init(&b, 1 << 20);
	while (b.len < (1 << 20))
		na_buf_append_str(&b, "钱塘江畔的新城正在加快建设，各项工作稳步推进");
	check_cover("1 MB paragraph", b.data, b.len);
	na_buf_reset(&b);

	/* random bytes and random pieces of issue-like text */
	for (i = 0; i < 200000; i++)
	{
		seed = seed * 1103515245u + 12345u;
		na_buf_append_char(&b, (char) (seed >> 16));
	}
	check_cover("random bytes", b.data, b.len);
	for (i = 0; i < 50; i++)
	{
		int			k;

		na_buf_reset(&b);
		for (k = 0; k < 400; k++)
		{
			seed = seed * 1103515245u + 12345u;
			na_buf_append_str(&b, words[(seed >> 16) % (sizeof(words) / sizeof(words[0]))]);
		}
		check_cover("random pieces", b.data, b.len);
	}
	na_buf_free(&b);
}

static void
check_fields(void)
{
	const char *issue =
	"示范日报\n2022年3月9日 星期三\n今日4版 总第88期\n\n"
	"## 某某在全区工作会议上强调 扎实推进各项重点工作\n\n"
	"■记者 甲乙丙 通讯员 丁戊\n\n"
	"本报讯 7日下午,全区工作会议召开。会议部署了今年的重点\n\n任务。\n\n"
	"会议要求,要抓好落实。(下转第2版)\n\n"
	"## 春到湖畔\n\n3月8日,市民在湖畔赏花。\n\n记者 己庚 摄\n";
	NaSplit		sp;

	na_split_issue(issue, strlen(issue), &sp);
	NA_CHECK_INT(sp.n_articles, 2);
	if (sp.n_articles == 2)
	{
		NaArticle  *a = &sp.articles[0];
		NaArticle  *p = &sp.articles[1];

		NA_CHECK_STR(a->kicker, "某某在全区工作会议上强调");
		NA_CHECK_STR(a->title, "扎实推进各项重点工作");
		NA_CHECK_STR(a->dateline, "本报讯");
		NA_CHECK_INT(a->continued_to, 2);
		NA_CHECK_INT(a->reported_y * 10000 + a->reported_m * 100 + a->reported_d, 20220307);
		NA_CHECK_STR(a->body, "7日下午,全区工作会议召开。会议部署了今年的重点任务。\n会议要求,要抓好落实。");
		NA_CHECK_INT(a->authors.n, 2);
		NA_CHECK_INT(p->kind, NA_KIND_PHOTO);
		NA_CHECK_STR(p->title, "春到湖畔");
		NA_CHECK_STR(p->caption, "3月8日,市民在湖畔赏花。");
		NA_CHECK_INT(p->authors.n, 1);
	}
	na_split_free(&sp);
}

/*
 * The line-role model on an invented e-paper dump (no blank lines, indented
 * paragraphs, an article without byline or dateline after one with them):
 * three articles, each its own title and body end; every modelled line has
 * a score.  And the layout hint: forcing the OCR rules changes the path.
 */
static void
check_model(void)
{
	const char *issue =
	"第01版：要闻\n"
	"全市春耕备耕工作全面展开\n"
	"　　本报讯（记者 甲乙）连日来，全市各地抓住有利天气，组织农户翻耕土地、整修沟渠，春耕备耕工作全面展开。\n"
	"　　农业部门组织农技人员深入田间地头，指导农户科学选种、合理施肥。\n"
	"　　目前全市已完成翻耕面积二十万亩，化肥、种子等农资供应充足。\n"
	"老城区三条小巷完成改造\n"
	"　　走进改造后的小巷，路面平整，墙面清爽，居民们在家门口晒太阳、聊家常。\n"
	"　　改造中，街道先后召开十多次居民议事会，把停车、晾晒、照明等需求写进方案。\n"
	"第02版：文化\n"
	"博物馆推出夜场参观\n"
	"　　本报讯 市博物馆自本周起每周五、周六开放夜场，观众可在线预约。\n";
	NaSplit		sp;
	size_t		i;
	bool		scored = false;
	NaSplitLayout lay;

	na_split_issue(issue, strlen(issue), &sp);
	NA_CHECK_INT(sp.n_articles, 3);
	if (sp.n_articles == 3)
	{
		NA_CHECK_STR(sp.articles[0].title, "全市春耕备耕工作全面展开");
		NA_CHECK_STR(sp.articles[0].dateline, "本报讯");
		NA_CHECK_STR(sp.articles[1].title, "老城区三条小巷完成改造");
		NA_CHECK(strstr(sp.articles[1].body, "写进方案。") != NULL);
		NA_CHECK(strstr(sp.articles[0].body, "小巷") == NULL);
		NA_CHECK_STR(sp.articles[2].title, "博物馆推出夜场参观");
		NA_CHECK_STR(sp.articles[2].section, "文化");
	}
	for (i = 0; i < sp.n_segments; i++)
		scored |= sp.segments[i].score != 0;
	NA_CHECK(scored);
	na_split_free(&sp);

	/*
	 * one line of text is a brief, not garbage, whatever role the model
	 * gives it (a byline alone once left the text in no row)
	 */
	{
		static const char *const one[] = {"一行字", "Mixed 文字 and ไทย and русский 123 ٤٥٦",
		"本报记者张明", "图为江边新建的步道", "Hello world"};
		int			k;

		for (k = 0; k < (int) (sizeof(one) / sizeof(one[0])); k++)
		{
			na_split_issue(one[k], strlen(one[k]), &sp);
			NA_CHECK_INT(sp.n_articles, 1);
			if (sp.n_articles == 1)
			{
				NA_CHECK_INT(sp.articles[0].kind, NA_KIND_BRIEF);
				NA_CHECK_STR(sp.articles[0].body, one[k]);
			}
			na_split_free(&sp);
		}
	}

	NA_CHECK(na_split_layout_from_name("epaper", &lay) && lay == NA_LAYOUT_EPAPER);
	NA_CHECK(na_split_layout_from_name("ocr", &lay) && lay == NA_LAYOUT_OCR);
	NA_CHECK(!na_split_layout_from_name("newspaper", &lay));
	na_split_issue_layout(issue, strlen(issue), NA_LAYOUT_OCR, &sp);
	for (i = 0, scored = false; i < sp.n_segments; i++)
		scored |= sp.segments[i].score != 0;
	NA_CHECK(!scored);
	na_split_free(&sp);
}

/*
 * Where paragraphs open indented, a paragraph that ends no sentence is not
 * run into the next one (it used to be, as OCR lines broken mid-sentence
 * are).
 */
static void
check_paragraphs(void)
{
	const char *issue =
	"第01版：要闻\n"
	"老城区三条小巷完成改造\n"
	"　　走进改造后的小巷，路面平整，墙面清爽，晾衣架排得整整齐齐，居民们在家门口晒太阳、聊家常\n"
	"　　改造中，街道先后召开十多次居民议事会，把停车、晾晒、照明等需求一条一条写进方案。\n"
	"　　下一步，街道将继续推进其余小巷的改造，让更多居民住得舒心、过得安心。\n";
	NaSplit		sp;

	na_split_issue(issue, strlen(issue), &sp);
	NA_CHECK_INT(sp.n_articles, 1);
	if (sp.n_articles == 1)
	{
		NA_CHECK_STR(sp.articles[0].title, "老城区三条小巷完成改造");
		NA_CHECK(sp.articles[0].body != NULL &&
				 strstr(sp.articles[0].body, "聊家常\n改造中") != NULL);
	}
	na_split_free(&sp);
}

/*
 * Key points printed as bulleted lines inside an article are its body, one
 * a line, in e-paper text (the model) and in OCR'd print (the rules, where
 * ■ also leads the byline).  They used to go to notes, or open articles.
 */
static void
check_bullets(void)
{
	const char *epaper =
	"第02版：经济\n"
	"江城一季度新开工项目二十三个\n"
	"　　本报江城5月3日电（记者林小舟）记者从江城市发展改革委获悉，一季度全市新开工亿元以上项目二十三个，完成投资额同比增长百分之十四。\n"
	"　　■ 新开工项目二十三个，总投资三百一十亿元\n"
	"　　■ 竣工投产项目十一个，新增产值九十亿元\n"
	"　　■ 在建项目吸纳就业两万余人\n"
	"　　市发展改革委有关负责人表示，二季度将再开工一批重点项目，确保全年目标完成。\n"
	"全省春季植树超过一亿株\n"
	"　　本报讯（记者张明）截至4月底，全省春季完成植树造林一百二十万亩，植树超过一亿株。\n";
	const char *ocr =
	"## 江城一季度新开工项目二十三个\n\n"
	"■ 记者 林小舟\n\n"
	"一季度全市新开工亿元以上项目二十三个，完成投资额同比增长百分之十四。\n\n"
	"● 新开工项目二十三个，总投资三百一十亿元\n\n"
	"● 竣工投产项目十一个，新增产值九十亿元\n\n"
	"二季度将再开工一批重点项目，确保全年目标完成。\n\n"
	"## 全省春季植树超过一亿株\n\n"
	"■ 记者 张明\n\n"
	"截至4月底，全省春季完成植树造林一百二十万亩，植树超过一亿株。\n";
	NaSplit		sp;

	na_split_issue(epaper, strlen(epaper), &sp);
	NA_CHECK_INT(sp.n_articles, 2);
	if (sp.n_articles == 2)
	{
		const NaArticle *a = &sp.articles[0];

		NA_CHECK(a->body != NULL &&
				 strstr(a->body, "十四。\n新开工项目二十三个，总投资三百一十亿元\n竣工投产项目") != NULL &&
				 strstr(a->body, "两万余人\n市发展改革委") != NULL);
		NA_CHECK(a->notes == NULL);
	}
	na_split_free(&sp);

	na_split_issue(ocr, strlen(ocr), &sp);
	NA_CHECK_INT(sp.n_articles, 2);
	if (sp.n_articles == 2)
	{
		const NaArticle *a = &sp.articles[0];

		NA_CHECK_STR(a->byline, "记者 林小舟");
		NA_CHECK(a->body != NULL &&
				 strstr(a->body, "新开工项目二十三个，总投资三百一十亿元\n竣工投产项目") != NULL &&
				 strstr(a->body, "确保全年目标完成") != NULL);
	}
	na_split_free(&sp);
}

/*
 * Adverts and notices between articles (test/fixtures/issues/adverts.txt)
 * are rows of their own kinds, and no article's body holds their text.
 */
static void
check_adverts(void)
{
	static const NaArticleKind want[] = {
		NA_KIND_ARTICLE, NA_KIND_NOTICE, NA_KIND_ARTICLE, NA_KIND_ADVERT, NA_KIND_NOTICE, NA_KIND_ARTICLE
	};
	const char *lone = "这是一段孤立的文字，没有标题也没有署名，只是一段话。";
	NaBuf		b;
	NaSplit		sp;
	int			i;

	if (!na_buf_read_file(&b, "test/fixtures/issues/adverts.txt"))
	{
		NA_CHECK(false);
		na_buf_free(&b);
		return;
	}
	na_split_issue(b.data, b.len, &sp);
	NA_CHECK_INT(sp.n_articles, 6);
	for (i = 0; i < sp.n_articles && i < 6; i++)
	{
		const NaArticle *a = &sp.articles[i];

		NA_CHECK_INT(a->kind, want[i]);
		if (a->kind == NA_KIND_ARTICLE && a->body)
			NA_CHECK(strstr(a->body, "电话") == NULL && strstr(a->body, "作废") == NULL);
	}
	NA_CHECK_STR(sp.n_articles > 3 ? na_article_kind_name(sp.articles[3].kind) : NULL, "advert");
	na_split_free(&sp);
	na_buf_free(&b);

	/* a lone paragraph is a brief, not garbage */
	na_split_issue(lone, strlen(lone), &sp);
	NA_CHECK_INT(sp.n_articles, 1);
	if (sp.n_articles == 1)
		NA_CHECK_INT(sp.articles[0].kind, NA_KIND_BRIEF);
	na_split_free(&sp);
}

/*
 * Code-point offsets of byte offsets in any order (article ends overlap
 * the next article's start): the same as counting from the start each time.
 */
static void
check_cp_offsets(void)
{
	static const char text[] = "ab\xE4\xB8\xAD\xE5\x9B\xBD c\xF0\xA0\x80\x80\xE4\xBA\xBA\n"
		"\xE6\x97\xA5\xE6\x8A\xA5 xyz \xE4\xB8\xAD";
	size_t		len = sizeof(text) - 1,
				bounds[64],
				nb = 0,
				i,
				k;
	int			wrong = 0;
	NaCpCursor	cur = {text, len, 0, 0};

	for (i = 0; i <= len; i++)
		if (i == len || ((unsigned char) text[i] & 0xC0) != 0x80)
			bounds[nb++] = i;
	srand(7);
	for (k = 0; k < 2000; k++)
	{
		size_t		b = bounds[(size_t) rand() % nb],
					want = 0;

		for (i = 0; i < b; i++)
			want += ((unsigned char) text[i] & 0xC0) != 0x80;
		if (na_cp_offset(&cur, b) != want)
			wrong++;
	}
	NA_CHECK_INT(wrong, 0);
	/* past the end: clamped to the end */
	NA_CHECK_INT(na_cp_offset(&cur, len + 10), bounds[nb - 1] == len ? nb - 1 : 0);
}

/*
 * Datelines further down an article stay in its body: a column-broken
 * line that reads like one (新 / 京報快訊（記者…）), paragraphs of a
 * round-up that each open with 本报讯; a closing credit's person joins the
 * authors and the credit, as printed, the notes.  All three issues invented.
 */
static void
check_kept(void)
{
	const char *cols =
	"華夏試報\n中華民國二十六年三月十三日 星期五\n第一張\n"
	"市區新設公園兩所\n（中央社杭州十一日電）新\n京報快訊（記者張三）今\n"
	"日市政府議決於城北新設\n公園兩所、占地百畝、明\n年春季開放、市民稱便。\n"
	"江輪夜航恢復\n（中央社南京十日電）航業\n公會宣布自下月起恢復夜\n航班次、旅客稱便。\n";
	const char *roundup =
	"第02版：综合\n城区多项民生工程加快推进\n"
	"\u3000\u3000本报讯（记者甲乙）今年以来，城区多项民生工程加快推进，已完成年度计划的六成。\n"
	"\u3000\u3000本报讯（记者丙丁）城东新建的两所学校将于九月开学，可提供学位一千八百个。\n"
	"\u3000\u3000本报讯（记者戊己）老旧小区改造本月全面启动，涉及居民三千余户。\n";
	const char *credited =
	"第03版：社会\n老城区改造全面启动\n本报记者 甲乙丙\n"
	"\u3000\u3000本报讯 老旧小区改造本月全面启动，涉及居民三千余户，预计年底前完成外墙、管网和电梯改造。\n"
	"\u3000\u3000改造资金由市区两级财政共同承担，居民无需出资。\n"
	"\u3000\u3000（摄影：丁戊）\n";
	NaSplit		sp;
	int			a;
	bool		found = false;

	na_split_issue_layout(cols, strlen(cols), NA_LAYOUT_HISTORICAL, &sp);
	NA_CHECK_INT(lost_segments(&sp, cols), 0);
	for (a = 0; a < sp.n_articles; a++)
		if (sp.articles[a].body && strstr(sp.articles[a].body, "京報快訊（記者張三）今日"))
			found = true;
	NA_CHECK(found);
	na_split_free(&sp);
	na_split_issue(roundup, strlen(roundup), &sp);
	NA_CHECK_INT(lost_segments(&sp, roundup), 0);
	na_split_free(&sp);
	/* a photographer credited only at the end joins the byline's reporter */
	na_split_issue(credited, strlen(credited), &sp);
	NA_CHECK(sp.n_articles >= 1);
	if (sp.n_articles >= 1)
	{
		const NaByline *au = &sp.articles[0].authors;

		NA_CHECK_INT(au->n, 2);
		if (au->n == 2)
		{
			NA_CHECK_STR(au->persons[0].name, "甲乙丙");
			NA_CHECK_STR(au->persons[1].name, "丁戊");
			NA_CHECK_STR(au->persons[1].role, "摄影");
		}
		NA_CHECK_STR(sp.articles[0].notes, "（摄影：丁戊）");
	}
	NA_CHECK_INT(lost_segments(&sp, credited), 0);
	na_split_free(&sp);
}

int
main(void)
{
	check_cp_offsets();
	check_fields();
	check_model();
	check_paragraphs();
	check_bullets();
	check_fixtures();
	check_odd();
	check_adverts();
	check_kept();
	NA_TEST_DONE();
}
