/*
 * split_notice.c
 *	  What makes a line look like an advert or a notice, for the line-role
 *	  model: a telephone number (a run of seven or more digits, hyphens
 *	  allowed inside), a price (digits before 元, or after ￥/¥), contact
 *	  words (电话, 地址, 联系, 热线, 咨询, 微信), the words of notices
 *	  (启事, 声明, 作废, 遗失, 更正, 公告) and of adverts (诚聘, 优惠,
 *	  特惠, 热销, 促销, 面议 of 待遇面议 and 价格面议; not 招聘, which news
 *	  of job fairs uses).  These are shapes, not answers: the model weighs them
 *	  against everything else it sees of the line and its neighbours.
 */
#include "split_internal.h"
#include "zh_normalize.h"

static bool
is_digit_cp(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* two-character cue words, by their characters; one pass finds them all */
typedef struct Cue
{
	uint32_t	a,
				b;
	int			flag;
} Cue;

static const Cue cues[] = {
	{0x7535, 0x8BDD, SP_AD_CONTACT},	/* 电话 */
	{0x5730, 0x5740, SP_AD_CONTACT},	/* 地址 */
	{0x8054, 0x7CFB, SP_AD_CONTACT},	/* 联系 */
	{0x70ED, 0x7EBF, SP_AD_CONTACT},	/* 热线 */
	{0x54A8, 0x8BE2, SP_AD_CONTACT},	/* 咨询 */
	{0x5FAE, 0x4FE1, SP_AD_CONTACT},	/* 微信 */
	{0x542F, 0x4E8B, SP_AD_NOTICE},	/* 启事 */
	{0x58F0, 0x660E, SP_AD_NOTICE},	/* 声明 */
	{0x4F5C, 0x5E9F, SP_AD_NOTICE},	/* 作废 */
	{0x9057, 0x5931, SP_AD_NOTICE},	/* 遗失 */
	{0x66F4, 0x6B63, SP_AD_NOTICE},	/* 更正 */
	{0x516C, 0x544A, SP_AD_NOTICE},	/* 公告 */
	{0x8BDA, 0x8058, SP_AD_ADVERT},	/* 诚聘 */
	{0x4F18, 0x60E0, SP_AD_ADVERT},	/* 优惠 */
	{0x7279, 0x60E0, SP_AD_ADVERT},	/* 特惠 */
	{0x70ED, 0x9500, SP_AD_ADVERT},	/* 热销 */
	{0x4FC3, 0x9500, SP_AD_ADVERT},	/* 促销 */
	{0x9762, 0x8BAE, SP_AD_ADVERT},	/* 面议 */
};

static int
cue_flag(uint32_t a, uint32_t b)
{
	/* the cues' second characters as bits by their low 6 bits: most
	 * characters of a line are no cue's second character */
	static uint64_t second = 0;
	int			i;

	if (second == 0)
		for (i = 0; i < (int) (sizeof(cues) / sizeof(cues[0])); i++)
			second |= (uint64_t) 1 << (cues[i].b & 63);
	if (!((second >> (b & 63)) & 1))
		return 0;
	for (i = 0; i < (int) (sizeof(cues) / sizeof(cues[0])); i++)
		if (cues[i].a == a && cues[i].b == b)
			return cues[i].flag;
	return 0;
}

/* 一..九, 十, 百, 千, 〇: digits of prices printed in Chinese numerals */
static const uint32_t hist_numerals[] = {
	0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
	0x767E, 0x5343, 0x3007
};

/*
 * Asked of every character of every line: the numerals' low six bits as a
 * mask first, so that most characters take one test, not thirteen.
 */
static bool
hist_numeral(uint32_t cp)
{
	static uint64_t low = 0;
	size_t		i;

	if (low == 0)
		for (i = 0; i < sizeof(hist_numerals) / sizeof(hist_numerals[0]); i++)
			low |= (uint64_t) 1 << (hist_numerals[i] & 63);
	if (!((low >> (cp & 63)) & 1))
		return false;
	for (i = 0; i < sizeof(hist_numerals) / sizeof(hist_numerals[0]); i++)
		if (hist_numerals[i] == cp)
			return true;
	return false;
}

/* a cue word's second character */
static bool
cue_second(uint32_t b)
{
	size_t		i;

	for (i = 0; i < sizeof(cues) / sizeof(cues[0]); i++)
		if (cues[i].b == b)
			return true;
	return false;
}

/*
 * Characters of the basic plane that shapes() must look at: digits, the
 * dashes inside a telephone number, 元, the numerals, and those that fold
 * to a cue word's second character.  Any other character only ends the runs,
 * so it takes one table look-up (most of a line; the branches of the full
 * test were a tenth of a split).  Made on first use.
 */
static uint8_t shape_chars[0x10000];
static bool shape_chars_made = false;

static void
shape_chars_make(void)
{
	uint32_t	cp;

	for (cp = 0; cp < 0x10000; cp++)
		shape_chars[cp] = is_digit_cp(cp) || cp == '-' || cp == 0x2014 || cp == 0xFF0D ||
			cp == 0x5143 || (cp >= 0x3007 && cp <= 0x767E && hist_numeral(cp)) ||
			(cp >= 0x4E00 && cue_second(zh_fold_cp_inline(cp)));
	shape_chars_made = true;
}

/*
 * Phone numbers and prices, and (words true) the cue words, in one pass
 * over the code points.  prev is the character before, folded when
 * prev_fold says so (folded only when a cue may follow).
 */
static int
shapes(const char *s, size_t len, bool words)
{
	int			flags = 0,
				run = 0,
				han_run = 0,
				han_digits = 0;
	size_t		i,
				adv;
	uint32_t	prev = 0,
				steps = 0;
	bool		prev_fold = false;

	if (!shape_chars_made)
		shape_chars_make();
	for (i = 0; i < len; i += adv)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);
		bool		numeral;

		/* one line may be the whole text */
		if ((++steps & 0xFFFF) == 0)
			na_check_interrupts();
		if (cp < 0x10000 && !shape_chars[cp])
		{
			/* the else branch below, with no flag it could set */
			run = han_run = han_digits = 0;
			prev = cp;
			prev_fold = words && cp >= 0x4E00;
			continue;
		}
		if (prev_fold)
			prev = zh_fold_cp_inline(prev);
		prev_fold = false;
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
			if ((run > 0 || han_run > 0) && cp == 0x5143)	/* 元 */
				flags |= SP_AD_PRICE;
			run = 0;
			/*
			 * historical issues (branch hist): prices in Chinese numerals;
			 * five digits or more written 〇..九 (no 十/百) are a telephone
			 */
			numeral = cp >= 0x3007 && cp <= 0x767E && hist_numeral(cp);
			han_run = numeral ? han_run + 1 : 0;
			han_digits = numeral && cp != 0x5341 && cp != 0x767E && cp != 0x5343 ?
				han_digits + 1 : 0;
			if (han_digits >= 5)
				flags |= SP_AD_PHONE;
			/* traditional forms (電話, 啟事, 聲明) read as the simplified */
			if (words && cp >= 0x4E00)
			{
				cp = zh_fold_cp_inline(cp);
				flags |= cue_flag(prev, cp);
			}
		}
		if (run >= 7)
			flags |= SP_AD_PHONE;
		prev = cp;
	}
	return flags;
}

/*
 * The shapes of a line; a line longer than SP_NOTICE_MAX_CP code points is
 * news however it mentions 联系 or a price, so only a phone number counts.
 */
int
sp_notice_shape(const char *s, size_t len, int ncp)
{
	if (ncp > SP_NOTICE_MAX_CP)
		return shapes(s, len, false) & SP_AD_PHONE;
	return shapes(s, len, true);
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
