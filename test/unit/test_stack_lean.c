/*
 * test_stack_lean: an issue's own headline convention lent to its two-line
 * stacks (split_stacks.c, sp_stack_lean).  Invented lines; the roles stand
 * for the first pass's, the shapes for the stack atoms' (longer or shorter
 * than the stack line next to it).
 */
#include "../../src/core/split_internal.h"
#include "na_test.h"

#include <string.h>

#define MAXL 16

typedef struct Issue
{
	char		text[2048];
	SpLine		lines[MAXL];
	int			seq[MAXL];
	uint8_t		shape[MAXL];
	SpSeq		sq;
} Issue;

/* lines[] with their lengths; shapes from neighbouring lengths as stack_atoms() sets them */
static void
issue_make(Issue *is, const char *const *lines, int n)
{
	size_t		pos = 0;
	int			i;

	memset(is, 0, sizeof(*is));
	for (i = 0; i < n; i++)
	{
		size_t		len = strlen(lines[i]);

		memcpy(is->text + pos, lines[i], len);
		is->lines[i].cs = pos;
		is->lines[i].ce = pos + len;
		is->lines[i].ncp = (int) na_utf8_count(lines[i], len);
		pos += len;
		is->text[pos++] = '\n';
		is->seq[i] = i;
	}
	for (i = 0; i < n; i++)
	{
		int			l = is->lines[i].ncp;

		if (i > 0 && is->lines[i - 1].ncp <= 40 && l + 2 <= is->lines[i - 1].ncp)
			is->shape[i] |= SP_STK_SHORTER_P;
		if (i + 1 < n && is->lines[i + 1].ncp <= 40 && l >= is->lines[i + 1].ncp + 2 && l <= 40)
			is->shape[i] |= SP_STK_LONGER_N;
	}
	is->sq.text = is->text;
	is->sq.lines = is->lines;
	is->sq.seq = is->seq;
	is->sq.n = n;
}

/* how far em's role r at line k was raised */
static float
raised(const float *em, int k, SpRole r)
{
	return em[(size_t) k * SPR_N + r];
}

/* the second pass over is with the first pass's roles first[]: did it lean? */
static bool
lean(const Issue *is, const SpRole *first, float *em)
{
	SpRole		roles[MAXL];

	memcpy(roles, first, sizeof(SpRole) * (size_t) is->sq.n);
	memset(em, 0, sizeof(float) * MAXL * SPR_N);
	return sp_stack_lean(&is->sq, roles, is->shape, em);
}

int
main(void)
{
	const char *body = "　　会议指出，要抓好各项工作的落实，推动经济社会发展取得新成效。";
	const char *three[] = {body, "全市召开安全生产工作会议强调压实责任", "守牢安全底线", "各区各部门逐项排查隐患确保不留死角", body};
	const char *two[] = {body, "城东新区三个重点项目本月同时开工", "建设按下快进键", body};
	const char *tag[] = {body, "稳就业", "春季招聘会提供岗位一万八千个", body};
	const char *named[] = {body, "城东新区三个重点项目本月同时开工", "王小明", body};
	Issue		is;
	const char *lines[MAXL];
	float		em[MAXL * SPR_N];
	int			n = 0,
				i;

	/* one issue: a three-line stack with its title shortest, then the rest */
	for (i = 0; i < 5; i++)
		lines[n++] = three[i];
	for (i = 1; i < 4; i++)
		lines[n++] = two[i];
	for (i = 1; i < 4; i++)
		lines[n++] = tag[i];
	for (i = 1; i < 4; i++)
		lines[n++] = named[i];
	issue_make(&is, lines, n);
	NA_CHECK(lean(&is, (SpRole[]) {SPR_BODY, SPR_KICKER, SPR_TITLE, SPR_SUBTITLE, SPR_BODY,
			SPR_TITLE, SPR_SUBTITLE, SPR_BODY,	/* two: read as title over subtitle */
			SPR_KICKER, SPR_TITLE, SPR_BODY,	/* tag: a short kicker */
		SPR_TITLE, SPR_BYLINE, SPR_BODY}, em));	/* named: a byline */
	/* the long line over the short one leans to kicker, the short one to title */
	NA_CHECK(raised(em, 5, SPR_KICKER) > 0);
	NA_CHECK(raised(em, 6, SPR_TITLE) > 0);
	/* a short line over a long one stays as read (稳就业 over its title) */
	NA_CHECK(raised(em, 8, SPR_TITLE) == 0 && raised(em, 9, SPR_TITLE) == 0);
	NA_CHECK(raised(em, 8, SPR_KICKER) == 0 && raised(em, 9, SPR_KICKER) == 0);
	/* a name read as the byline under a title leans neither way */
	NA_CHECK(raised(em, 11, SPR_KICKER) == 0 && raised(em, 12, SPR_TITLE) == 0);
	/* the three-line stack itself leans no further than its order says */
	NA_CHECK(raised(em, 2, SPR_TITLE) > 0 && raised(em, 3, SPR_TITLE) == 0);

	/* a short title read as a byline leans too, when it names nobody */
	NA_CHECK(lean(&is, (SpRole[]) {SPR_BODY, SPR_KICKER, SPR_TITLE, SPR_SUBTITLE, SPR_BODY,
			SPR_TITLE, SPR_BYLINE, SPR_BODY,
			SPR_KICKER, SPR_TITLE, SPR_BODY,
		SPR_TITLE, SPR_BYLINE, SPR_BODY}, em));
	NA_CHECK(raised(em, 5, SPR_KICKER) > 0);
	NA_CHECK(raised(em, 6, SPR_TITLE) > 0);
	NA_CHECK(raised(em, 11, SPR_KICKER) == 0 && raised(em, 12, SPR_TITLE) == 0);

	/*
	 * the same issue without the three-line stack: nothing says otherwise,
	 * so the pair leans all the same
	 */
	n = 0;
	for (i = 0; i < 4; i++)
		lines[n++] = two[i];
	issue_make(&is, lines, n);
	NA_CHECK(lean(&is, (SpRole[]) {SPR_BODY, SPR_TITLE, SPR_SUBTITLE, SPR_BODY}, em));
	NA_CHECK(raised(em, 1, SPR_KICKER) > 0 && raised(em, 2, SPR_TITLE) > 0);
	NA_CHECK(raised(em, 1, SPR_TITLE) == 0 && raised(em, 2, SPR_KICKER) == 0);
	/* ... and a body line beside a stack line never leans */
	NA_CHECK(raised(em, 0, SPR_KICKER) == 0 && raised(em, 3, SPR_TITLE) == 0);

	/*
	 * a short line right under a title, read as a section head, is a stack
	 * line too (a quote set as the main title); a numbered one is not
	 */
	n = 0;
	{
		const char *quote[] = {body, "城南医院今天起分批送走康复出院的病人", "“我终于可以回家了！”", body,
		"全市召开安全生产工作会议强调压实责任", "一、总体要求", body};

		for (i = 0; i < 7; i++)
			lines[n++] = quote[i];
	}
	issue_make(&is, lines, n);
	NA_CHECK(lean(&is, (SpRole[]) {SPR_BODY, SPR_TITLE, SPR_HEADING, SPR_BODY,
		SPR_TITLE, SPR_HEADING, SPR_BODY}, em));
	NA_CHECK(raised(em, 1, SPR_KICKER) > 0 && raised(em, 2, SPR_TITLE) > 0);
	NA_CHECK(raised(em, 4, SPR_KICKER) == 0 && raised(em, 5, SPR_TITLE) == 0);
	/* ... and a section head under a body paragraph is none: no pair leans */
	NA_CHECK(!lean(&is, (SpRole[]) {SPR_BODY, SPR_BODY, SPR_HEADING, SPR_BODY,
		SPR_TITLE, SPR_BODY, SPR_BODY}, em));
	for (i = 0; i < n * SPR_N; i++)
		NA_CHECK(em[i] == 0);

	/* a three-line stack whose title is not the shortest line vetoes the lean */
	n = 0;
	{
		const char *flat[] = {body, "守牢底线", "全市召开安全生产工作会议强调压实责任", "各区排查隐患", body};

		for (i = 0; i < 5; i++)
			lines[n++] = flat[i];
	}
	for (i = 1; i < 4; i++)
		lines[n++] = two[i];
	issue_make(&is, lines, n);
	NA_CHECK(!lean(&is, (SpRole[]) {SPR_BODY, SPR_KICKER, SPR_TITLE, SPR_SUBTITLE, SPR_BODY,
		SPR_TITLE, SPR_SUBTITLE, SPR_BODY}, em));
	for (i = 0; i < n * SPR_N; i++)
		NA_CHECK(em[i] == 0);

	/* one three-line stack each way: no net evidence, the pair leans */
	n = 0;
	{
		const char *flat[] = {body, "守牢底线", "全市召开安全生产工作会议强调压实责任", "各区排查隐患", body};

		for (i = 0; i < 5; i++)
			lines[n++] = flat[i];
		for (i = 1; i < 5; i++)
			lines[n++] = three[i];
	}
	for (i = 1; i < 4; i++)
		lines[n++] = two[i];
	issue_make(&is, lines, n);
	NA_CHECK(lean(&is, (SpRole[]) {SPR_BODY, SPR_KICKER, SPR_TITLE, SPR_SUBTITLE, SPR_BODY,
			SPR_KICKER, SPR_TITLE, SPR_SUBTITLE, SPR_BODY,
		SPR_TITLE, SPR_SUBTITLE, SPR_BODY}, em));
	NA_CHECK(raised(em, 9, SPR_KICKER) > 0 && raised(em, 10, SPR_TITLE) > 0);
	NA_TEST_DONE();
}
