/*
 * test_reflow: column-broken text (split_reflow.c) and the historical and
 * wire datelines (split_marks.c) on a small invented issue: columns joined
 * into paragraphs, offsets mapped back so segments still tile the raw
 * text, headlines and adverts left alone, modern text untouched.
 */
#include "../../src/core/split_internal.h"
#include "../../src/core/split_reflow.h"
#include "na_test.h"

/* an invented issue set in columns of eight characters */
static const char *const issue_lines[] = {
	"東方試報", "中華民國十九年四月三日 星期四", "第一張",
	"市區新設公園", "（中央社南京三日電）市", "政府今日議決於城北新設", "公園一所、占地百畝、", "明年春季開放。",
	"學校添置圖書", "本報訊各校本學期添置", "圖書甚多、學生稱便。",
	"大華綢緞莊新到西洋呢絨 價目克己 地址南京路十號",
	"江輪夜航恢復", "路透社倫敦二日電 航業", "公會宣布自下月起恢復", "夜航班次、旅客稱便。",
	NULL
};

static void
build_issue(NaBuf *b)
{
	int			k;

	na_buf_init(b, 256);
	for (k = 0; issue_lines[k]; k++)
	{
		na_buf_append(b, issue_lines[k], strlen(issue_lines[k]));
		na_buf_append(b, "\n", 1);
	}
}

static void
test_datelines(void)
{
	size_t		dl;
	const char *s;

	s = "（中央社南京三日電）市政府";
	NA_CHECK(sp_match_dateline(s, strlen(s), &dl) > 0 && dl == strlen("（中央社南京三日電）"));
	s = "【本報訊】各校";
	NA_CHECK(sp_match_dateline(s, strlen(s), &dl) > 0 && dl == strlen("【本報訊】"));
	s = "東京三日電日本內閣";
	NA_CHECK(sp_match_dateline(s, strlen(s), &dl) > 0 && dl == strlen("東京三日電"));
	s = "本報南京三日專電行政院";
	NA_CHECK(sp_match_dateline(s, strlen(s), &dl) > 0 && dl == strlen("本報南京三日專電"));
	s = "新华社北京5月3日电（记者王某）今天";
	NA_CHECK(sp_match_dateline(s, strlen(s), &dl) > 0 && dl == strlen("新华社北京5月3日电"));
	/* no dateline: a sentence about electricity, a bracket that is no dateline */
	s = "停電三日後恢復供應";
	NA_CHECK(sp_match_dateline(s, strlen(s), &dl) == 0);
	s = "（市政府今日議決）";
	NA_CHECK(sp_match_dateline(s, strlen(s), &dl) == 0);
	/* a closing credit: 通讯员 is a word, its 讯 no dateline's */
	s = "本报记者甲乙通讯员丙丁";
	NA_CHECK(sp_match_dateline(s, strlen(s), &dl) == 0);
	s = "本报讯（通讯员丙丁）昨天";
	NA_CHECK(sp_match_dateline(s, strlen(s), &dl) > 0 && dl == strlen("本报讯"));
	/* a site's and a station's own news: 本站讯, 本台讯 */
	s = "本站讯（通讯员丙丁）为推进";
	NA_CHECK(sp_match_dateline(s, strlen(s), &dl) > 0 && dl == strlen("本站讯"));
	s = "本台讯 昨天";
	NA_CHECK(sp_match_dateline(s, strlen(s), &dl) > 0 && dl == strlen("本台讯"));
	/* web copies: an outlet and a day before 报道, not a report's sentence */
	s = "某某消息网5月3日报道 据外媒报道";
	NA_CHECK(sp_match_dateline(s, strlen(s), &dl) > 0 && dl == strlen("某某消息网5月3日报道"));
	s = "ABC中文站十月十四日报道";
	NA_CHECK(sp_match_dateline(s, strlen(s), &dl) > 0 && dl == strlen(s));
	s = "据新华社5月3日报道，今年";
	NA_CHECK(sp_match_dateline(s, strlen(s), &dl) == 0);
	s = "记者5月3日报道了此事";
	NA_CHECK(sp_match_dateline(s, strlen(s), &dl) == 0);
}

static void
test_reflow(void)
{
	NaBuf		b;
	SpReflow	rf;
	NaSplit		sp;
	size_t		i,
				pos = 0;
	int			a,
				found = 0;

	build_issue(&b);
	/* too few lines for auto; the hint forces it */
	NA_CHECK(!sp_reflow(b.data, b.len, false, &rf));
	NA_CHECK(sp_reflow(b.data, b.len, true, &rf));
	NA_CHECK(rf.column == 10 || rf.column == 11);
	NA_CHECK(strstr(rf.text, "市政府今日議決於城北新設公園一所、占地百畝、明年春季開放。\n") != NULL ||
			 strstr(rf.text, "（中央社南京三日電）市政府今日議決於城北新設公園一所、占地百畝、明年春季開放。\n") != NULL);
	/* headlines and the advert stay lines of their own */
	NA_CHECK(strstr(rf.text, "\n市區新設公園\n") != NULL);
	NA_CHECK(strstr(rf.text, "\n大華綢緞莊新到西洋呢絨 價目克己 地址南京路十號\n") != NULL);
	/* every shadow byte maps to the same byte of the raw text */
	for (i = 0; i < rf.len; i++)
		if (rf.text[i] != b.data[sp_reflow_raw(&rf, i)])
			break;
	NA_CHECK_INT(i, rf.len);
	NA_CHECK_INT(sp_reflow_raw(&rf, rf.len), b.len);
	sp_reflow_free(&rf);

	na_split_issue_layout(b.data, b.len, NA_LAYOUT_HISTORICAL, &sp);
	for (i = 0; i < sp.n_segments; i++)
	{
		if (sp.segments[i].start != pos)
			break;
		pos = sp.segments[i].end;
	}
	NA_CHECK_INT(i, sp.n_segments);
	NA_CHECK_INT(pos, b.len);
	NA_CHECK(sp.info.year == 1930 && sp.info.month == 4 && sp.info.day == 3);
	for (a = 0; a < sp.n_articles; a++)
		if (sp.articles[a].body && strstr(sp.articles[a].body, "公園一所、占地百畝、明年春季開放。"))
			found++;
	NA_CHECK_INT(found, 1);
	na_split_free(&sp);
	na_buf_free(&b);
}

/*
 * A headline as long as a column over a deck line longer than a column:
 * the deck is no column of the headline's, the two stay lines of their own
 */
static void
test_headline_column_long(void)
{
	static const char *const lines[] = {
		"東方試報", "中華民國十九年四月三日 星期四",
		"市區新設公園", "（中央社南京三日電）市", "政府今日議決於城北新設", "公園一所、占地百畝、", "明年春季開放。",
		"江輪夜航班次今日恢復", "航業公會宣布、下月起增開班次",
		"本報訊航業公會宣布自", "下月起恢復夜航班次、", "旅客稱便。",
		NULL
	};
	NaBuf		b;
	SpReflow	rf;
	int			k;

	na_buf_init(&b, 256);
	for (k = 0; lines[k]; k++)
	{
		na_buf_append(&b, lines[k], strlen(lines[k]));
		na_buf_append(&b, "\n", 1);
	}
	NA_CHECK(sp_reflow(b.data, b.len, true, &rf));
	NA_CHECK(rf.column == 10 || rf.column == 11);
	NA_CHECK(strstr(rf.text, "\n江輪夜航班次今日恢復\n航業公會宣布、下月起增開班次\n") != NULL);
	NA_CHECK(strstr(rf.text, "\n本報訊航業公會宣布自下月起恢復夜航班次、旅客稱便。\n") != NULL);
	sp_reflow_free(&rf);
	na_buf_free(&b);
}

static void
test_modern_untouched(void)
{
	NaBuf		b;
	SpReflow	rf;
	int			k;

	na_buf_init(&b, 256);
	for (k = 0; k < 60; k++)
	{
		const char *p = (k % 3 == 0) ? "标题第几条\n" :
			(k % 3 == 1) ? "\u3000\u3000本报北京5月3日电 今天上午举行了会议，与会者讨论了很多事情。\n" :
			"\u3000\u3000会议认为，应当继续推进改革开放，加快发展。\n";

		na_buf_append(&b, p, strlen(p));
	}
	NA_CHECK(!sp_reflow(b.data, b.len, false, &rf));
	na_buf_free(&b);
}

/* one number reader (the date reader's) for page headers and front matter */
static void
test_numbers(void)
{
	NaIssueInfo info;
	const char *s = "東方試報\n中華民國十九年四月三日 星期四 今日十六版\n\n市區新設公園\n";
	size_t		a,
				b;
	int			page;
	bool		fwd;

	na_frontmatter_parse(s, strlen(s), &info);
	NA_CHECK_INT(info.pages, 16);
	NA_CHECK(info.year == 1930 && info.month == 4 && info.day == 3);
	na_frontmatter_free(&info);
	s = "（下转第12版）";
	NA_CHECK(sp_match_continuation(s, strlen(s), &a, &b, &page, &fwd) && page == 12 && fwd);
	s = "（下转第十二版）";
	NA_CHECK(sp_match_continuation(s, strlen(s), &a, &b, &page, &fwd) && page == 12 && fwd);
}

int
main(void)
{
	test_datelines();
	test_reflow();
	test_headline_column_long();
	test_modern_untouched();
	test_numbers();
	NA_TEST_DONE();
}
