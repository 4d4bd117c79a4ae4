/*
 * split_notes.c
 *	  The notes that close an article, or sit in one, and are never its prose
 *	  or headline: a writer's note in brackets (（作者为…）), a web copy's source
 *	  line (来源：…), an editor's closing note (（本文有删节。）), a note of where
 *	  the pictures come from (图片均来自网络, 图/X), and a writer's credit in
 *	  brackets after a paragraph's last sentence (……。（新华社北京1月1日电）).
 */
#include "split_internal.h"
#include "zh_names.h"

/*
 * Is the whole line one pair of round brackets, （…） or (…), with no other
 * round bracket inside?  *in_start and *in_end bound what they hold.
 */
static bool
round_pair(const char *s, size_t len, size_t *in_start, size_t *in_end)
{
	uint32_t	first = sp_first_cp(s, len, in_start),
				last = sp_last_cp(s, len, in_end);

	if ((first != 0xFF08 && first != '(') || (last != 0xFF09 && last != ')'))
		return false;
	return sp_count_cp(s, len, 0xFF08) + sp_count_cp(s, len, '(') == 1 &&
		sp_count_cp(s, len, 0xFF09) + sp_count_cp(s, len, ')') == 1;
}

/*
 * A writer's note: one pair of round brackets around the whole line, the
 * writer named in its first words (（作者为X大学X研究中心主任、教授，X专业
 * 博士生导师）, （作者单位：…）, （本报记者　X）, （责编：X）), as long as dailies
 * print it (NOTE_MAX_CP), far longer than a title's column tag.  With
 * authors_only, only a note naming its author (作者…): （记者　X） under a
 * title may be a byline.
 */
#define NOTE_MAX_CP 80

bool
sp_writer_note(const char *s, size_t len, int ncp, bool authors_only)
{
	static const char *const who[] = {"作者", "记者", "责编", "编辑", "通讯员", "执笔", "评论员", NULL};
	size_t		in_start,
				in_end,
				head;
	const char *const *w;

	if (len == 0 || ncp > NOTE_MAX_CP || !round_pair(s, len, &in_start, &in_end))
		return false;
	/* the bracket and the next six characters (本报记者, 作者单位) */
	head = len > 3 * 7 ? 3 * 7 : len;
	for (w = who; *w; w++)
		if (sp_find(s, head, *w))
			return !authors_only || w == who;
	return false;
}

/*
 * A web copy's source note, closing an article as a credit does: 来源：人民网－
 * 人民日报, （来源：光明日报）, 原标题：…, and a paper's web edition's printed
 * source, 《 人民日报 》（ 2024年05月04日   第 01 版）; or its date and source
 * line under the title (2024-05-06 08:30　来源：…, 发布时间：…), a note too.
 */
#define SOURCE_MAX_CP 60

bool
sp_source_line(const char *s, size_t len, int ncp)
{
	static const char *const lead[] = {
		"来源：", "来源:", "稿件来源", "文章来源", "原标题：", "原标题:", "（来源", "(来源", "【来源", "[来源",
		"发布时间：", "发布时间:", "发布日期：", "发布日期:", NULL
	};
	const char *const *w;

	if (len == 0 || ncp > SOURCE_MAX_CP)
		return false;
	for (w = lead; *w; w++)
		if (sp_starts(s, len, *w))
			return true;
	/* a web copy's date line under its title: 2024-05-06 08:30　来源：江城日报 */
	if (s[0] >= '0' && s[0] <= '9' && sp_find(s, len, "来源"))
		return true;
	return sp_starts(s, len, "《") && sp_find(s, len, "》") && sp_find(s, len, "第") &&
		(sp_ends(s, len, "版）") || sp_ends(s, len, "版)"));
}

/*
 * An editor's note closing an article, one sentence in brackets on a line
 * of its own: （应受访者要求，文中人物均为化名。）, （本文有删节。）.  Never an
 * article's prose or headline.  An editor's foreword (（编者按：…）) opens an
 * article instead and is not one.
 */
#define CLOSING_NOTE_MAX_CP 40

bool
sp_closing_note(const char *s, size_t len, int ncp)
{
	size_t		adv,
				st;

	if (len == 0 || ncp > CLOSING_NOTE_MAX_CP || !round_pair(s, len, &adv, &st))
		return false;
	if (sp_starts(s + adv, len - adv, "编者"))
		return false;
	return st > adv && sp_is_sentence_end(sp_last_cp(s, st, NULL));
}

/*
 * A note of where an article's pictures come from: 图片均来自网络,
 * 本版图片由受访者提供, （图片来源：视觉中国）, 图源：网络, 图/pixabay, or a
 * web page's label of its picture gallery alone (图集, 组图).  Web copy
 * prints it under the last paragraph or between two; it names no person
 * and is never a headline, though as short and as bare as one.  The
 * picture word (图片, 照片, 配图) stands in the note's first few characters
 * and a word of origin follows it (来自, 来源, 由…, 均为…): 壓題照片：通往…,
 * a caption, is no note; nor is 照片由各居委会统一…, with no giver.  At
 * most PICNOTE_MAX_CP characters, one clause.
 */
#define PICNOTE_MAX_CP	30
#define PICNOTE_LEAD	4		/* characters before the picture word: 本版, 本文 */

/* 由X提供, 由X拍摄, 由X供图: who gave or took the pictures */
static bool
by_whom(const char *s, size_t len)
{
	return sp_find(s, len, "提供") || sp_find(s, len, "拍摄") || sp_find(s, len, "供图") ||
		sp_ends(s, len, "摄");
}

bool
sp_picture_note(const char *s, size_t len, int ncp)
{
	static const char *const pic[] = {"图片", "照片", "配图", NULL};
	static const char *const label[] = {"图集", "组图", "高清组图", "多图", NULL};
	static const char *const origin[] = {
		"来自", "来源", "源自", "由", "为资料", "系资料", "转自", "选自", "版权",
		"均来自", "均来源", "均由", "均为", "均系", "皆来自", "皆为", "都来自", NULL
	};
	const char *const *w;
	size_t		adv,
				st;
	int			i;

	if (len == 0 || ncp > PICNOTE_MAX_CP || ncp < 2)
		return false;
	if (sp_is_open_bracket(sp_first_cp(s, len, &adv)) &&
		sp_is_close_bracket(sp_last_cp(s, len, &st)))
	{
		s += adv;
		len = st - adv;
	}
	if (sp_count_cp(s, len, 0x3002) > 0 || sp_count_cp(s, len, 0xFF0C) > 0 ||
		sp_count_cp(s, len, ',') > 0)
		return false;
	if (sp_starts(s, len, "图/") || sp_starts(s, len, "图／") || sp_starts(s, len, "图源"))
		return true;
	for (w = label; *w; w++)
		if (len == strlen(*w) && memcmp(s, *w, len) == 0)
			return true;
	for (w = pic; *w; w++)
	{
		const char *at = sp_find(s, len, *w);
		const char *rest;
		size_t		rlen;

		if (at == NULL || na_utf8_count(s, (size_t) (at - s)) > PICNOTE_LEAD)
			continue;
		rest = at + strlen(*w);
		rlen = len - (size_t) (rest - s);
		for (i = 0; origin[i]; i++)
			if (sp_starts(rest, rlen, origin[i]))
				return sp_find(origin[i], strlen(origin[i]), "由") == NULL ||
					by_whom(rest, rlen);
	}
	return false;
}

/*
 * A photo caption by its last words, where a picture says where it came
 * from rather than who took it (sp_match_credit_tail() reads X摄, X供图):
 * 姚明场边支招周琦。视频截图, 加拿大大叔Gweilo（视频截图）, BBC报道截图,
 * ……晨练的老年人。（视觉中国）, ……（资料图）, ……新华社发, ……（图片来源：网络）.
 * A line that is only such a note, （图片来源：视觉中国）, is sp_picture_note()'s.
 */
bool
sp_picture_tail(const char *s, size_t len, int ncp)
{
	static const char *const tail[] = {
		"截图", "资料图", "资料图片", "网络图片", "图片来自网络", "新华社发", "中新社发",
		"视觉中国", "东方IC", NULL
	};
	static const char *const lead[] = {"图片来源", "图源", "图/", "图／", "图片：", NULL};
	const char *const *w;
	size_t		e = len,
				st,
				open;
	uint32_t	cp;
	bool		bracket = false;

	/* a line that is only a note of the pictures' origin is that note */
	if (len == 0 || ncp < 3 || sp_picture_note(s, len, ncp))
		return false;
	cp = sp_last_cp(s, e, &st);
	if (sp_is_close_bracket(cp))
	{
		e = st;
		bracket = true;
	}
	for (w = tail; *w; w++)
		if (sp_ends(s, e, *w) && e > strlen(*w))
			return true;
	if (!bracket)
		return false;
	/* （图片来源：X）, （图源：X）, （图/X）: the bracket the line ends in */
	for (open = e; open > 0; open = st)
	{
		cp = sp_last_cp(s, open, &st);
		if (sp_is_open_bracket(cp))
			break;
	}
	if (open == 0)
		return false;
	for (w = lead; *w; w++)
		if (sp_starts(s + open, e - open, *w))
			return true;
	return false;
}

/*
 * Who wrote or sent a paragraph, in brackets after its last sentence:
 * ……英雄的城！（评论员罗博萧海川）, ……举行。（新华社北京1月1日电）,
 * ……仪式。（刘通摄）.  Returns the byte offset of the opening bracket, or
 * len when s does not end so.  The bracket must follow a sentence mark and
 * hold a credit: a dateline, a photo credit, a writer's name alone or led
 * by a role word (a common surname after it), an outlet's Latin name
 * (（BBC）) or the end mark （完）.  A column tag after a headline,
 * ……了！（人民论坛）, （评论员观察）, （记者手记）, holds none.
 */
#define CREDIT_BRACKET_MAX_CP	24

/* an outlet's Latin initials or name: BBC, AP, Reuters */
static bool
latin_source(const char *t, size_t tl)
{
	size_t		i;
	int			letters = 0;

	if (tl > 16)
		return false;
	for (i = 0; i < tl; i++)
	{
		unsigned char c = (unsigned char) t[i];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
			letters++;
		else if (c != ' ' && c != '.' && c != '&' && c != '-')
			return false;
	}
	return letters >= 2;
}

static bool
credit_inside(const char *t, size_t tl)
{
	static const char *const lead[] = {"本报", "特约", "实习", "新华社", NULL};
	static const char *const role[] = {
		"记者", "评论员", "通讯员", "作者", "编辑", "责编", "编译", "撰文", "执笔", "采写", "整理", NULL
	};
	size_t		dl,
				adv;
	int			i;
	char		first[8];

	if (tl == 0 || na_utf8_count(t, tl) > CREDIT_BRACKET_MAX_CP)
		return false;
	if (sp_match_dateline(t, tl, &dl) >= tl || sp_name_line(t, tl) || latin_source(t, tl) ||
		(tl == strlen("完") && memcmp(t, "完", tl) == 0))
		return true;
	if ((sp_ends(t, tl, "摄") || sp_ends(t, tl, "供图")) && na_utf8_count(t, tl) <= 14)
		return true;
	for (i = 0; lead[i]; i++)
		if (sp_starts(t, tl, lead[i]))
		{
			t += strlen(lead[i]);
			tl -= strlen(lead[i]);
			break;
		}
	for (i = 0; role[i]; i++)
		if (sp_starts(t, tl, role[i]))
			break;
	if (role[i] == NULL)
		return false;
	t += strlen(role[i]);
	tl -= strlen(role[i]);
	while (tl > 0)
	{
		uint32_t	cp = na_utf8_decode(t, tl, &adv);

		if (!na_is_space(cp) && cp != 0xFF1A && cp != ':' && cp != '/' && cp != 0xFF0F)
			break;
		t += adv;
		tl -= adv;
	}
	if (tl == 0 || !na_is_han(na_utf8_decode(t, tl, &adv)))
		return false;
	memcpy(first, t, adv);
	first[adv] = '\0';
	return strstr(zh_single_surnames, first) != NULL;
}

size_t
sp_credit_bracket(const char *s, size_t len)
{
	size_t		st,
				i,
				ps;
	int			n = 0;

	if (len == 0 || !sp_is_close_bracket(sp_last_cp(s, len, &st)))
		return len;
	for (i = st; i > 0 && n <= CREDIT_BRACKET_MAX_CP; n++)
	{
		uint32_t	cp = sp_last_cp(s, i, &ps);

		if (sp_is_close_bracket(cp))
			return len;
		if (sp_is_open_bracket(cp))
		{
			size_t		inner = i;

			if (ps == 0 || !sp_is_sentence_end(sp_last_cp(s, ps, NULL)))
				return len;
			return credit_inside(s + inner, st - inner) ? ps : len;
		}
		i = ps;
	}
	return len;
}
