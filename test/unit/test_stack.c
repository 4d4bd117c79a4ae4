/*
 * test_stack: the title of a decoded headline stack from the cues papers
 * print (split_headline.c, sp_stack_cues): a column tag follows the main
 * title, a line opening with —— is a subtitle, a kicker leads on with ——,
 * a colon or a comma; a byline's shape under a headline is its byline.  Invented lines; the roles stand for the model's.
 */
#include "../../src/core/split_internal.h"
#include "na_test.h"

#include <string.h>

#define MAXL 8

/* label lines[] with roles in[], run the cues, compare with want[] */
static void
check(const char *what, const char *const *lines, const SpRole *in, const SpRole *want, int n)
{
	char		text[1024];
	SpLine		ls[MAXL];
	int			seq[MAXL];
	SpRole		roles[MAXL];
	size_t		pos = 0;
	int			i,
				bad = 0;

	memset(ls, 0, sizeof(ls));
	for (i = 0; i < n; i++)
	{
		size_t		len = strlen(lines[i]);

		memcpy(text + pos, lines[i], len);
		ls[i].cs = pos;
		ls[i].ce = pos + len;
		ls[i].ncp = (int) na_utf8_count(lines[i], len);
		/* the class split_lines.c gives a byline */
		ls[i].cls = strncmp(lines[i], "本报记者", strlen("本报记者")) == 0 ? SPC_BYLINE : SPC_BODY;
		pos += len;
		text[pos++] = '\n';
		seq[i] = i;
		roles[i] = in[i];
	}
	text[pos] = '\0';
	sp_stack_cues(text, ls, seq, n, roles);
	for (i = 0; i < n; i++)
		bad += roles[i] != want[i];
	if (bad)
		fprintf(stderr, "stack cues, %s: %d lines wrong\n", what, bad);
	NA_CHECK_INT(bad, 0);
}

int
main(void)
{
	const char *body = "　　会议指出，要抓好各项工作的落实。";
	const char *tagged[] = {body, "老街巷里的新变化", "小巷改造让居民住得更舒心（民生观察）", body};
	const char *dashed[] = {body, "城东新区建设提速", "——三个重点项目本月开工", body};
	const char *leading[] = {body, "聚焦城市更新：", "老旧小区焕新颜", body};
	const char *bare[] = {body, "老旧小区焕新颜", "城东新区三个重点项目本月开工", body};
	const char *byline[] = {body, "城东新区建设提速", "本报记者 王小明", body};
	const char *after[] = {body, "老旧小区焕新颜", "城东新区建设提速", "——三个重点项目本月开工", body};

	/* two lines labelled title: the one with the column tag is the title */
	check("tag", tagged, (SpRole[]) {SPR_BODY, SPR_TITLE, SPR_TITLE, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_KICKER, SPR_TITLE, SPR_BODY}, 4);
	check("tag under kicker", tagged, (SpRole[]) {SPR_BODY, SPR_TITLE, SPR_SUBTITLE, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_KICKER, SPR_TITLE, SPR_BODY}, 4);
	/* a line opening with —— is not the title */
	check("dash", dashed, (SpRole[]) {SPR_BODY, SPR_KICKER, SPR_TITLE, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_TITLE, SPR_SUBTITLE, SPR_BODY}, 4);
	/* a line ending in a colon leads into the title under it */
	check("colon", leading, (SpRole[]) {SPR_BODY, SPR_TITLE, SPR_SUBTITLE, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_KICKER, SPR_TITLE, SPR_BODY}, 4);
	/* a byline's shape under the headline is the byline, the line above the title */
	check("byline", byline, (SpRole[]) {SPR_BODY, SPR_KICKER, SPR_TITLE, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_TITLE, SPR_BYLINE, SPR_BODY}, 4);
	/* ... and a stack that keeps a title keeps it */
	check("byline, titled", byline, (SpRole[]) {SPR_BODY, SPR_TITLE, SPR_TITLE, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_TITLE, SPR_BYLINE, SPR_BODY}, 4);
	/* no cue: the model's labels stay */
	check("bare", bare, (SpRole[]) {SPR_BODY, SPR_TITLE, SPR_SUBTITLE, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_TITLE, SPR_SUBTITLE, SPR_BODY}, 4);
	/* a stack opening under a title keeps its kicker: a title there would join the article above */
	check("after a title", after, (SpRole[]) {SPR_BODY, SPR_TITLE, SPR_KICKER, SPR_TITLE, SPR_BODY},
		  (SpRole[]) {SPR_BODY, SPR_TITLE, SPR_KICKER, SPR_TITLE, SPR_BODY}, 5);
	NA_TEST_DONE();
}
