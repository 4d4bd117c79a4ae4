/*
 * test_block: the block depth of the line-role model (split_block.c,
 * SP_ATOM_LIST_BLOCK) on copied web text, where a new article's title and
 * an article's section head are both a short flush line between blank
 * lines.  The stretch after a new title shares almost no content bigrams
 * with the stretch before it (BDEP0); the stretch after a section head
 * goes on with its article's words (not BDEP0).  A short caption or a
 * page's leftover label next to the title must not leave a stretch too
 * short to measure (BDEP_NA): a stretch goes on past such lines until it
 * holds enough text.  Text written for the test.
 */
#include "../../src/core/split_internal.h"
#include "na_buf.h"
#include "na_test.h"
#include "na_test_atoms.h"

#include <stdlib.h>
#include <string.h>

static const char *const rice[] = {
	"今年秋季，江南各地的水稻陆续进入收割期。农技人员介绍，早稻单产比去年提高百分之六，晚稻长势良好，丰收已成定局。",
	"在湖州的一片稻田里，农民驾驶收割机来回穿梭，金黄的稻穗被卷进机仓。合作社负责人说，收割机让每亩稻田的收割时间缩短到十几分钟。",
	"为了保证稻谷及时烘干入库，县里新建了三座烘干中心，农户可以在手机上预约烘干时间，收割的稻谷当天就能烘干进仓。",
	NULL
};

static const char *const rice_more[] = {
	"过去农民收割稻谷后只能在路边晾晒，遇到阴雨天气稻谷容易发霉。烘干中心建成后，稻谷从稻田直接运到烘干机，农民再也不用担心天气。",
	"合作社还为周边农户提供稻谷烘干和储存服务，烘干收费比去年降低了一成，种稻农户的收入因此增加，稻田的收割也更及时。",
	NULL
};

static const char *const metro[] = {
	"记者从市轨道交通集团获悉，城东地铁新线已完成全部车站的设备调试，计划下月开始试运营。新线全长二十八公里，设车站十九座。",
	"新线开通后，城东居民进城的通勤时间将从一个多小时缩短到四十分钟左右。沿线车站与三条公交线路实现换乘，乘客出站即可转乘公交。",
	"轨道交通集团表示，试运营期间列车发车间隔为六分钟，早晚高峰将加开列车，乘客可通过手机扫码进站，票价与现有线路相同。",
	NULL
};

static void
paras(NaBuf *b, const char *const *p)
{
	for (; *p; p++)
	{
		na_buf_append_str(b, *p);
		na_buf_append_str(b, "\n\n");
	}
}

/* the raw line number of the first line that is exactly `want` */
static int
line_of(const NaBuf *b, const char *want)
{
	const char *s = b->data;
	int			n = 0;

	while (s < b->data + b->len)
	{
		const char *nl = memchr(s, '\n', (size_t) (b->data + b->len - s));
		size_t		len = nl ? (size_t) (nl - s) : strlen(s);

		if (len == strlen(want) && memcmp(s, want, len) == 0)
			return n;
		if (!nl)
			break;
		s = nl + 1;
		n++;
	}
	return -1;
}

static int
depth_of(const bool *has)
{
	int			d;

	if (has[SPA_BDEP_NA])
		return -1;
	for (d = 0; d < 4; d++)
		if (has[SPA_BDEP0 + d])
			return d;
	return -2;					/* no block atom: not headline-like */
}

/* depth of the lines `a` and `b` of text b */
static void
depths(const NaBuf *b, const char *a, const char *c, int *da, int *dc)
{
	NaBuf		feat;
	bool		has[SP_N_ATOMS];

	na_buf_init(&feat, 4096);
	na_split_features(b->data, b->len, &feat);
	atoms_of(&feat, line_of(b, a), has);
	*da = depth_of(has);
	*dc = -3;
	if (c)
	{
		atoms_of(&feat, line_of(b, c), has);
		*dc = depth_of(has);
	}
	na_buf_free(&feat);
}

int
main(void)
{
	NaBuf		b;
	int			dt,
				dh;

	/* a section head inside the rice story, then a new story's title */
	na_buf_init(&b, 4096);
	na_buf_append_str(&b, "江南秋收见闻\n\n");
	paras(&b, rice);
	na_buf_append_str(&b, "烘干中心缓解晒谷难\n\n");
	paras(&b, rice_more);
	na_buf_append_str(&b, "城东地铁新线下月试运营\n\n");
	paras(&b, metro);
	depths(&b, "城东地铁新线下月试运营", "烘干中心缓解晒谷难", &dt, &dh);
	NA_CHECK_INT(dt, 0);		/* a deep dip: a new topic */
	NA_CHECK(dh >= 2);			/* the section head: no dip */
	na_buf_free(&b);

	/* a caption right under the title: the stretch after goes on past it */
	na_buf_init(&b, 4096);
	paras(&b, rice);
	paras(&b, rice_more);
	na_buf_append_str(&b, "城东地铁新线下月试运营\n\n新线列车进站\n\n");
	paras(&b, metro);
	depths(&b, "城东地铁新线下月试运营", NULL, &dt, &dh);
	NA_CHECK_INT(dt, 0);
	na_buf_free(&b);

	/* a page's leftover label right above the title: the stretch before too */
	na_buf_init(&b, 4096);
	paras(&b, rice);
	paras(&b, rice_more);
	na_buf_append_str(&b, "图集\n\n城东地铁新线下月试运营\n\n");
	paras(&b, metro);
	depths(&b, "城东地铁新线下月试运营", NULL, &dt, &dh);
	NA_CHECK_INT(dt, 0);
	na_buf_free(&b);

	NA_TEST_DONE();
}
