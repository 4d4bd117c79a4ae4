/*
 * test_html: the HTML reader (na_html.h) on pages written here: the article
 * found among navigation, share buttons, related lists, comments and the
 * footer; metadata from meta tags, JSON-LD and the visible lines; captions as
 * photo rows; a list page gives no article; broken markup and C1 character
 * references; segments that tile the page.
 */
#include "na_html.h"
#include "na_test.h"

static const char *const article_page =
	"<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
	"<title>山区学校迎来新图书馆 - 溪口晚报</title>"
	"<meta property=\"og:title\" content=\"山区学校迎来新图书馆\">"
	"<meta property=\"article:published_time\" content=\"2021-09-01T10:05:00+08:00\">"
	"<meta name=\"keywords\" content=\"教育，图书馆，乡村\">"
	"<script>document.write('<p>脚本里的文字不是正文</p>');</script></head><body>"
	"<div id=\"nav\"><a href=\"/\">首页</a><a href=\"/edu\">教育</a><a href=\"/life\">生活</a></div>"
	"<div class=\"crumbs\"><a href=\"/\">首页</a> &gt; <a href=\"/edu\">教育</a></div>"
	"<h1>山区学校迎来新图书馆</h1>"
	"<div class=\"meta\">2021年9月1日 10:05 来源：溪口晚报 记者 陈可</div>"
	"<div class=\"content\">"
	"<p>九月一日，溪口镇中心小学的新图书馆正式开放，三千多册新书摆上了书架，孩子们第一次有了自己的阅览室。</p>"
	"<p>图书馆由一间旧教室改建而成，窗边放着十几张小桌子。校长说，学校还会每周安排两节阅读课。</p>"
	"<div class=\"pic\"><img src=\"a.jpg\"><p class=\"caption\">孩子们在新图书馆里读书。</p></div>"
	"<p>一位四年级的学生告诉记者，她最想读的是关于星星和大海的书&#0147;因为这里看不到海&#0148;。</p>"
	"<p>（编辑：方远）</p></div>"
	"<div class=\"share\">分享到：<a href=\"#\">微博</a><a href=\"#\">微信</a></div>"
	"<div class=\"related\"><ul><li><a href=\"/1\">乡村学校的午餐变了样</a></li>"
	"<li><a href=\"/2\">县里新修了三座桥</a></li><li><a href=\"/3\">秋季开学第一课</a></li></ul></div>"
	"<div id=\"comments\"><p>网友：真好！希望越来越多的学校有图书馆。</p></div>"
	"<div class=\"footer\">Copyright 溪口晚报 版权所有</div></body></html>";

static const char *const list_page =
	"<html><head><title>教育新闻列表</title></head><body><ul>"
	"<li><a href=\"/1\">乡村学校的午餐变了样，孩子们吃上了热饭菜</a></li>"
	"<li><a href=\"/2\">县里新修了三座桥，上学的路短了一半</a></li>"
	"<li><a href=\"/3\">秋季开学第一课：安全知识进课堂</a></li>"
	"<li><a href=\"/4\">图书馆开放时间延长到晚上八点</a></li>"
	"</ul></body></html>";

static void
check_tiles(const NaSplit *sp, size_t len)
{
	size_t		i,
				at = 0;
	bool		ok = true;

	for (i = 0; i < sp->n_segments; i++)
	{
		ok = ok && sp->segments[i].start == at && sp->segments[i].end > at;
		at = sp->segments[i].end;
	}
	NA_CHECK(ok && at == len);
}

int
main(void)
{
	NaSplit		sp;
	size_t		len = strlen(article_page);
	const NaArticle *a;
	size_t		i;
	int			body_segs = 0,
				markup_segs = 0;

	NA_CHECK(na_html_looks_like(article_page, len));
	NA_CHECK(!na_html_looks_like("临江日报\n2021年5月14日\n<p>不是网页</p>", 40));

	na_html_split(article_page, len, &sp);
	NA_CHECK_INT(sp.n_articles, 2);
	a = &sp.articles[0];
	NA_CHECK_STR(a->title, "山区学校迎来新图书馆");
	NA_CHECK_INT(a->kind, NA_KIND_ARTICLE);
	NA_CHECK_INT(sp.info.year, 2021);
	NA_CHECK_INT(sp.info.month, 9);
	NA_CHECK_INT(sp.info.day, 1);
	NA_CHECK_STR(sp.info.source, "溪口晚报");
	NA_CHECK_STR(sp.info.editor, "方远");
	NA_CHECK_STR(sp.info.site, "溪口晚报");
	NA_CHECK_INT(sp.info.n_section, 1);
	NA_CHECK_STR(sp.info.n_section ? sp.info.section_path[0] : NULL, "教育");
	NA_CHECK_INT(sp.info.n_tags, 3);
	NA_CHECK(a->authors.n >= 1 && strcmp(a->authors.persons[0].name, "陈可") == 0);
	/* the article: paragraphs kept, one a line; furniture left out */
	NA_CHECK(a->body && strstr(a->body, "九月一日，溪口镇中心小学") == a->body);
	NA_CHECK(a->body && strstr(a->body, "阅览室。\n图书馆由一间旧教室") != NULL);
	NA_CHECK(a->body && strstr(a->body, "（编辑：方远）") != NULL);
	NA_CHECK(a->body && strstr(a->body, "“因为这里看不到海”") != NULL);	/* &#0147; as windows-1252 */
	NA_CHECK(a->body && strstr(a->body, "分享") == NULL);
	NA_CHECK(a->body && strstr(a->body, "午餐") == NULL);
	NA_CHECK(a->body && strstr(a->body, "网友") == NULL);
	NA_CHECK(a->body && strstr(a->body, "版权") == NULL);
	NA_CHECK(a->body && strstr(a->body, "脚本") == NULL);
	NA_CHECK(a->body && strstr(a->body, "首页") == NULL);
	/* the caption: in the body as printed, and a photo row */
	NA_CHECK_INT(sp.articles[1].kind, NA_KIND_PHOTO);
	NA_CHECK_STR(sp.articles[1].caption, "孩子们在新图书馆里读书。");
	/* segments tile the page; markup and body both labelled */
	check_tiles(&sp, len);
	for (i = 0; i < sp.n_segments; i++)
	{
		body_segs += sp.segments[i].role == NA_SEG_BODY;
		markup_segs += sp.segments[i].role == NA_SEG_MARKUP;
	}
	NA_CHECK(body_segs >= 4);
	NA_CHECK(markup_segs > 10);
	na_split_free(&sp);

	/* a list page: no article, never a wall of links */
	na_html_split(list_page, strlen(list_page), &sp);
	NA_CHECK_INT(sp.n_articles, 0);
	check_tiles(&sp, strlen(list_page));
	na_split_free(&sp);

	/* broken markup: unclosed tags, stray '<', an unterminated comment */
	{
		const char *broken = "<html><body><div class=content><p>第一段没有结束标签，但文字要保留下来。"
			"<p>第二段 a < b 也在，而且足够长，可以算作正文的一部分。<div><span>未闭合 <!-- 注释没有结束";

		na_html_split(broken, strlen(broken), &sp);
		NA_CHECK_INT(sp.n_articles, 1);
		NA_CHECK(sp.n_articles && sp.articles[0].body &&
				 strstr(sp.articles[0].body, "第二段 a < b 也在") != NULL);
		check_tiles(&sp, strlen(broken));
		na_split_free(&sp);
	}
	/* an old table layout inside one <form>, paragraphs separated by <br> */
	{
		const char *old = "<html><head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">"
			"<title>全县秋粮收购工作全面展开_县政府网</title></head><body><form id=form1>"
			"<table><tr><td><a href=/>首页</a> | <a href=/news>新闻</a> | <a href=/gov>政务</a></td></tr>"
			"<tr><td class=title>全县秋粮收购工作全面展开</td></tr>"
			"<tr><td>发布时间：2020-10-12 来源：县粮食局</td></tr>"
			"<tr><td>　　十月以来，全县各收购点陆续开秤，农民可以就近交售秋粮，收购价格每天公布。<br>"
			"　　县粮食局要求各收购点做到不压级压价、不打白条，及时结算粮款。<br>"
			"　　截至十月十日，全县已收购秋粮一万二千吨。</td></tr>"
			"<tr><td>主办：县人民政府办公室 地址：人民路1号</td></tr></table></form></body></html>";

		na_html_split(old, strlen(old), &sp);
		NA_CHECK_INT(sp.n_articles, 1);
		NA_CHECK(sp.n_articles && sp.articles[0].body &&
				 strstr(sp.articles[0].body, "十月以来，全县各收购点") == sp.articles[0].body &&
				 strstr(sp.articles[0].body, "。\n县粮食局要求") != NULL &&
				 strstr(sp.articles[0].body, "主办") == NULL);
		NA_CHECK_STR(sp.n_articles ? sp.articles[0].title : NULL, "全县秋粮收购工作全面展开");
		NA_CHECK_INT(sp.info.day, 12);
		NA_CHECK_STR(sp.info.source, "县粮食局");
		na_split_free(&sp);
	}
	/* JSON-LD date when no meta and no visible date */
	{
		const char *ld = "<html><head><script type=\"application/ld+json\">"
			"{\"@type\":\"NewsArticle\",\"datePublished\":\"2019-12-31T23:59:00+08:00\"}</script>"
			"</head><body><h1>年终报道</h1><div class=article><p>这是一篇年终报道的正文，足够长以便被选为正文，句子完整。</p></div></body></html>";

		na_html_split(ld, strlen(ld), &sp);
		NA_CHECK_INT(sp.info.year, 2019);
		NA_CHECK_INT(sp.info.day, 31);
		na_split_free(&sp);
	}
	NA_TEST_DONE();
}
