/*
 * split_caption.c
 *	  Caption shapes of the line-role model (SP_ATOM_LIST_CAPTION, issue
 *	  #11): what copied web text puts between an article's paragraphs and
 *	  the model used to read as a new article's title.
 *
 * SP_CAP_PHOTO: a photo or video-still caption or a picture credit -- a
 * closing bracket that names the picture (（视频截图）, （新华社发 X摄）,
 * （受访者供图）, （资料图）, （图片来源：X）), an opener that points at
 * it (图为, 图：, ▲, △, ↑, 上图, 资料图, 图片来源), or a closing word
 * (截图, 供图, 资料图, 来自网络).  SP_CAP_QNAME: a line that is nothing but
 * one quoted name (《诫子诗》, “宝宝阿姨”): the title of a poem, book or
 * programme inside an article, or an inner head.  Both by shape alone;
 * the model weighs them with the line's neighbours.
 */
#include "split_internal.h"

#define CAP_MAX_CP		80		/* longest caption line looked at */
#define CAP_TAIL_CP		30		/* longest bracketed tail */
#define QNAME_MAX_CP	24		/* longest quoted name alone */

static const char *const tail_words[] = {
	"截图", "供图", "摄", "图片", "资料图", "视频", "新华社发", "来源", "图源", NULL
};
static const char *const openers[] = {
	"图为", "图：", "图:", "图/", "▲", "△", "↑", "上图", "下图", "左图", "右图", "资料图",
	"图片来源", "图片：", "图源", "视频截图", NULL
};
static const char *const closers[] = {
	"截图", "供图", "资料图", "来自网络", "视觉中国", NULL
};

static bool
any_in(const char *s, size_t len, const char *const *words)
{
	int			i;

	for (i = 0; words[i]; i++)
		if (sp_find(s, len, words[i]))
			return true;
	return false;
}

/* the bracketed tail （...） of s, its content in *ts / *tl */
static bool
bracket_tail(const char *s, size_t len, const char **ts, size_t *tl)
{
	size_t		e,
				i;
	uint32_t	last = sp_last_cp(s, len, &e);
	int			n = 0;

	if (last != 0xFF09 && last != ')')
		return false;
	i = e;
	while (i > 0 && n <= CAP_TAIL_CP)
	{
		size_t		ps;
		uint32_t	cp = sp_last_cp(s, i, &ps);

		if (cp == 0xFF08 || cp == '(')
		{
			*ts = s + i;
			*tl = e - i;
			return true;
		}
		i = ps;
		n++;
	}
	return false;
}

static bool
photo_shape(const char *s, size_t len)
{
	const char *ts;
	size_t		tl;
	int			i;

	if (bracket_tail(s, len, &ts, &tl) && any_in(ts, tl, tail_words))
		return true;
	for (i = 0; openers[i]; i++)
		if (sp_starts(s, len, openers[i]))
			return true;
	for (i = 0; closers[i]; i++)
		if (sp_ends(s, len, closers[i]))
			return true;
	return false;
}

/* 《X》 or “X” and nothing else: one pair of marks, at both ends */
static bool
qname_shape(const char *s, size_t len, int ncp)
{
	size_t		st,
				adv;
	uint32_t	first,
				last;

	if (ncp < 3 || ncp > QNAME_MAX_CP)
		return false;
	first = na_utf8_decode(s, len, &adv);
	last = sp_last_cp(s, len, &st);
	if (first == 0x300A && last == 0x300B)	/* 《 》 */
		return sp_count_cp(s, len, 0x300B) == 1;
	if (first == 0x201C && last == 0x201D)	/* “ ” */
		return sp_count_cp(s, len, 0x201D) == 1;
	return false;
}

/* SP_CAP_* bits of a line's content */
int
sp_caption_shape(const char *s, size_t len, int ncp)
{
	int			m = 0;

	if (len == 0 || ncp > CAP_MAX_CP)
		return 0;
	if (photo_shape(s, len))
		m |= SP_CAP_PHOTO;
	if (qname_shape(s, len, ncp))
		m |= SP_CAP_QNAME;
	return m;
}
