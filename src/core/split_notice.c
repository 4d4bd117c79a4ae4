/*
 * split_notice.c
 *	  What makes a line look like an advert or a notice, for the line-role
 *	  model: a telephone number (a run of seven or more digits, hyphens
 *	  allowed inside), a price (digits before 元, or after ￥/¥), contact
 *	  words (电话, 地址, 联系, 热线, 咨询, 微信), the words of notices
 *	  (启事, 声明, 作废, 遗失, 更正, 公告) and of adverts (诚聘, 优惠,
 *	  特惠, 热销, 促销; not 招聘, which news of job fairs uses).  These are shapes, not answers: the model weighs them
 *	  against everything else it sees of the line and its neighbours.
 */
#include "split_internal.h"

static bool
is_digit_cp(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static bool
any_of(const char *s, size_t len, const char *const *words)
{
	for (; *words; words++)
		if (sp_find(s, len, *words))
			return true;
	return false;
}

/* phone numbers and prices, in one pass over the code points */
static int
digit_shapes(const char *s, size_t len)
{
	int			flags = 0,
				run = 0;
	size_t		i,
				adv;
	uint32_t	prev = 0;

	for (i = 0; i < len; i += adv)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (is_digit_cp(cp))
		{
			if (run == 0 && (prev == 0xFFE5 || prev == 0xA5))
				flags |= SP_AD_PRICE;
			run++;
		}
		else if ((cp == '-' || cp == 0x2014 || cp == 0xFF0D) && run > 0)
			;					/* 021-6123 4567: the run goes on */
		else
		{
			if (run > 0 && cp == 0x5143)	/* 元 */
				flags |= SP_AD_PRICE;
			run = 0;
		}
		if (run >= 7)
			flags |= SP_AD_PHONE;
		prev = cp;
	}
	return flags;
}

int
sp_notice_shape(const char *s, size_t len)
{
	static const char *const contact[] = {"电话", "地址", "联系", "热线", "咨询", "微信", NULL};
	static const char *const notice[] = {"启事", "声明", "作废", "遗失", "更正", "公告", NULL};
	static const char *const advert[] = {"诚聘", "优惠", "特惠", "热销", "促销", NULL};
	int			flags = digit_shapes(s, len);

	if (any_of(s, len, contact))
		flags |= SP_AD_CONTACT;
	if (any_of(s, len, notice))
		flags |= SP_AD_NOTICE;
	if (any_of(s, len, advert))
		flags |= SP_AD_ADVERT;
	return flags;
}

/*
 * May a line with these features be an advert or notice?  Only with a strong
 * shape of one (phone, price, notice or advert words; contact words such as
 * 微信 alone are not enough) on itself or a neighbour: a short line with
 * none is a headline, whatever the line before it was.  The decoder and the fitting tool both
 * hold to this.
 */
bool
sp_notice_possible(const int *ids, int n_ids)
{
	int			i;

	for (i = 0; i < n_ids && ids[i] < SP_N_ATOMS; i++)
		if (ids[i] >= SPA_AD_PHONE && ids[i] <= SPA_N_ADLIKE && ids[i] != SPA_AD_CONTACT)
			return true;
	return false;
}
