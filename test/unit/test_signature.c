/*
 * test_signature: signature blocks of documents and letters (split_marks.c
 * sp_date_line, sp_sign_line, sp_sign_block; the DATE_ONLY and SIGN_ABOVE
 * atoms; the rule assembler's head_signature).  An issuer and a date line
 * under a letter close it: they must not become the next article's kicker
 * and title, in an e-paper page (the model) or an OCR page with heading
 * marks (the rules), with a masthead or without one (then the letter's
 * sentences end the masthead zone: frontmatter.c).  Text written for the
 * test.
 */
#include "../../src/core/split_internal.h"
#include "na_test.h"
#include "na_test_pages.h"

#include <stdlib.h>
#include <string.h>

static bool
date_line(const char *s)
{
	return sp_date_line(s, strlen(s), (int) na_utf8_count(s, strlen(s)));
}

static bool
sign_line(const char *s)
{
	return sp_sign_line(s, strlen(s), (int) na_utf8_count(s, strlen(s)));
}

/* how many of the text's first lines form a signature block */
static int
sign_block(const char *text)
{
	size_t		n,
				i;
	SpLine	   *ls = sp_lines_build(text, strlen(text), &n);
	int		   *idx = (int *) malloc(sizeof(int) * (n + 1));
	int			m;

	for (i = 0; i < n; i++)
	{
		sp_classify(text, &ls[i]);
		idx[i] = (int) i;
	}
	m = sp_sign_block(text, ls, idx, (int) n, 3);
	free(idx);
	na_free(ls);
	return m;
}

#define LETTER_BODY \
	"　　今年是全市文明城市创建的关键之年。为动员全社会共同参与，我们向大家发出如下倡议。\n" \
	"　　从我做起，文明出行，礼让斑马线，不乱扔垃圾，争做文明市民。\n" \
	"　　从身边做起，参与志愿服务，关爱老人和儿童，让城市更有温度。\n"

#define OCR_MASTHEAD "# 晨光日报\n\n2024年5月4日 星期六\n\n"
#define OCR_PAGE \
	OCR_MASTHEAD "## 致全市市民的倡议书\n\n全市广大市民朋友：\n\n" \
	"今年是全市文明城市创建的关键之年。为动员全社会共同参与，我们向大家发出如下倡议。\n\n" \
	"从我做起，文明出行，礼让斑马线，不乱扔垃圾，争做文明市民。\n\n" \
	"从身边做起，参与志愿服务，关爱老人和儿童，让城市更有温度。\n\n" \
	"某某市精神文明建设委员会\n\n2024年5月3日\n\n" \
	"## 城东新区三个重点项目开工\n\n■本报记者 李华\n\n" \
	"昨天，城东新区三个重点项目同时开工，总投资超过二十亿元，预计明年底前建成投用。\n\n" \
	"项目负责人表示，将抓紧施工进度，确保工程质量和安全。\n"

/* the row whose body holds what, or -1 */
static int
row_with(const NaSplit *sp, const char *what)
{
	int			i;

	for (i = 0; i < sp->n_articles; i++)
		if (sp->articles[i].body && strstr(sp->articles[i].body, what))
			return i;
	return -1;
}

static void
check_page(const char *text)
{
	NaSplit		sp;
	int			a,
				b;

	na_split_issue(text, strlen(text), &sp);
	NA_CHECK_INT(sp.n_articles, 2);
	a = row_with(&sp, "文明出行");
	b = row_with(&sp, "三个重点项目同时开工");
	NA_CHECK(a >= 0 && b >= 0 && a != b);
	if (a >= 0 && b >= 0)
	{
		NA_CHECK_STR(sp.articles[a].title, "致全市市民的倡议书");
		NA_CHECK(strstr(sp.articles[a].body, "让城市更有温度。") != NULL);
		NA_CHECK_STR(sp.articles[b].title, "城东新区三个重点项目开工");
		NA_CHECK(sp.articles[b].kicker == NULL);
		NA_CHECK(strstr(sp.articles[b].body, "文明委员会") == NULL);
	}
	na_split_free(&sp);
}

int
main(void)
{
	NA_CHECK(date_line("2024年5月3日"));
	NA_CHECK(date_line("二〇二四年五月三日"));
	NA_CHECK(date_line("２０２４年５月３日"));
	NA_CHECK(!date_line("2024年5月"));		/* a month is no signing date */
	NA_CHECK(!date_line("2024年5月3日电"));
	NA_CHECK(!date_line("（2024年5月3日）"));	/* under a title, not a signature */
	NA_CHECK(!date_line("2024年5月3日，全市召开大会。"));
	NA_CHECK(sign_line("中共某某市委员会"));
	NA_CHECK(sign_line("某某市人民政府　某某市总工会"));
	NA_CHECK(!sign_line("全市召开大会。"));
	NA_CHECK(!sign_line("各位代表："));
	NA_CHECK(!sign_line("某"));

	NA_CHECK_INT(sign_block("某某市文明委员会\n2024年5月3日\n下一篇\n"), 2);
	NA_CHECK_INT(sign_block("某某市文明委员会\n某某市总工会\n二〇二四年五月三日\n"), 3);
	NA_CHECK_INT(sign_block("2024年5月3日\n"), 0);	/* a date alone signs nothing */
	NA_CHECK_INT(sign_block("城东新区项目开工\n本报记者 李华\n"), 0);
	NA_CHECK_INT(sign_block("甲\n乙乙\n丙丙\n丁丁\n2024年5月3日\n"), 0);

	/* e-paper: the line-role model */
	check_page("第03版：文明\n致全市市民的倡议书\n　　全市广大市民朋友：\n" LETTER_BODY
			   "某某市精神文明建设委员会\n2024年5月3日\n" NA_TEST_LAST_ARTICLE);
	check_page("第03版：文明\n致全市市民的倡议书\n" LETTER_BODY
			   "　　　　　　　　某某市精神文明建设委员会\n　　　　　　　　某某市总工会\n"
			   "　　　　　　　　二〇二四年五月三日\n" NA_TEST_LAST_ARTICLE);
	/* OCR with heading marks: the rule assembler */
	check_page(OCR_PAGE);
	/* the same without a masthead: its sentences end the masthead zone, so
	 * the signature's date below them is no issue date taking the letter in */
	check_page(OCR_PAGE + strlen(OCR_MASTHEAD));
	NA_TEST_DONE();
}
