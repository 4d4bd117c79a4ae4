/*
 * test_ends: where an article's body ends, from the cues papers print at a
 * new article (split_ends.c, sp_end_cues): section heads over a byline or a
 * dateline paragraph are a new article's headline, a dateline paragraph
 * after a paragraph opens an article, a byline's shape before a headline is
 * the closing credit of the article before.  Invented lines, classified as
 * the splitter classifies them; the roles stand for the model's.
 */
#include "../../src/core/split_internal.h"
#include "na_test.h"
#include "na_test_roles.h"

#include <string.h>


/* label lines with roles in[], run sp_end_cues, compare with want[] */
static void
check(const char *what, const char *const *lines, const SpRole *in,
	  const SpRole *want, int n)
{
	na_test_role_pass(sp_end_cues, "end cues", what, lines, in, want, n);
}

int
main(void)
{
	const char *body = "　　会议指出，要抓好各项工作的落实。";
	const char *dated = "　　本报讯 昨天，城东新区三个重点项目同时开工。";
	const char *head = "城东新区建设提速";
	const char *byline = "本报记者 王小明";
	const char *over_byline[] = {body, head, byline, body};
	const char *over_dated[] = {body, head, dated, body};
	const char *bare[] = {body, head, body, body};
	const char *stack[] = {body, "聚焦城市更新", head, byline, body};
	const char *lead[] = {body, dated, body};
	const char *only_dl[] = {body, "　　（新华社北京5月14日电）", body};
	const char *under_head[] = {head, body, dated};
	const char *credit[] = {body, byline, head, body};
	const char *own[] = {head, byline, body};
	const char *last[] = {head, body, "制图：林小舟"};
	const char *paged[] = {body, "本版责编：陈一鸣", "第5版　综合", head, body};

	/* a section head over a byline with text under it: a new article */
	check("over a byline", over_byline, (SpRole[]) {SPR_BODY, SPR_HEADING, SPR_CREDIT, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_TITLE, SPR_BYLINE, SPR_BODY}, 4);
	/* ... or over a paragraph opening with a dateline */
	check("over a dateline", over_dated, (SpRole[]) {SPR_BODY, SPR_HEADING, SPR_BODY, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_TITLE, SPR_BODY, SPR_BODY}, 4);
	/* ... or over a bare name the model read as a byline */
	{
		const char *named[] = {body, head, "吴越", body};

		check("over a name", named, (SpRole[]) {SPR_BODY, SPR_HEADING, SPR_BYLINE, SPR_BODY},
			  (SpRole[]) {SPR_BODY, SPR_TITLE, SPR_BYLINE, SPR_BODY}, 4);
		/* a name the model read as body is no cue */
		check("over a name read as body", named, (SpRole[]) {SPR_BODY, SPR_HEADING, SPR_BODY, SPR_BODY},
			  (SpRole[]) {SPR_BODY, SPR_HEADING, SPR_BODY, SPR_BODY}, 4);
	}
	/* no cue: an in-article head stays */
	check("bare", bare, (SpRole[]) {SPR_BODY, SPR_HEADING, SPR_BODY, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_HEADING, SPR_BODY, SPR_BODY}, 4);
	/* two heads over a byline: kicker and title */
	check("stack", stack, (SpRole[]) {SPR_BODY, SPR_HEADING, SPR_HEADING, SPR_BODY, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_KICKER, SPR_TITLE, SPR_BYLINE, SPR_BODY}, 5);
	/* a dateline paragraph after a paragraph opens an article */
	check("lead", lead, (SpRole[]) {SPR_BODY, SPR_BODY, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_LEAD, SPR_BODY}, 3);
	/* a line that is only a dateline closes the article before */
	check("dateline alone", only_dl, (SpRole[]) {SPR_BODY, SPR_BODY, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_BODY, SPR_BODY}, 3);
	/* under a headline's first line, a dateline paragraph opens nothing */
	check("under a head", under_head, (SpRole[]) {SPR_TITLE, SPR_BODY, SPR_BODY},
		  (SpRole[]) {SPR_TITLE, SPR_BODY, SPR_BODY}, 3);
	/* a byline's shape before a headline closes the article before */
	check("credit", credit, (SpRole[]) {SPR_BODY, SPR_BYLINE, SPR_TITLE, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_CREDIT, SPR_TITLE, SPR_BODY}, 4);
	check("credit, head", credit, (SpRole[]) {SPR_BODY, SPR_BYLINE, SPR_HEADING, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_CREDIT, SPR_TITLE, SPR_BODY}, 4);
	/* a byline under its own headline stays */
	check("own byline", own, (SpRole[]) {SPR_TITLE, SPR_BYLINE, SPR_BODY},
		  (SpRole[]) {SPR_TITLE, SPR_BYLINE, SPR_BODY}, 3);
	/* a byline's shape at the end of the text or over a page header */
	check("credit, last", last, (SpRole[]) {SPR_TITLE, SPR_BODY, SPR_HEADING},
		  (SpRole[]) {SPR_TITLE, SPR_BODY, SPR_CREDIT}, 3);
	check("credit, page", paged, (SpRole[]) {SPR_BODY, SPR_BYLINE, SPR_PAGE, SPR_TITLE, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_CREDIT, SPR_PAGE, SPR_TITLE, SPR_BODY}, 5);
	NA_TEST_DONE();
}
