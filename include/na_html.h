/*
 * na_html.h
 *	  Saved web pages as issues: the page (UTF-8, see na_charset.h) is parsed
 *	  with libxml2's HTML parser into blocks of text with the features the
 *	  article scorer reads; the metadata (title, date, site, source, authors,
 *	  section path, tags) comes from meta tags, JSON-LD and the visible lines
 *	  around the headline.  Plain C; see src/core/html_*.c.
 */
#ifndef NA_HTML_H
#define NA_HTML_H

#include "na_port.h"
#include "na_split.h"

/* pages larger than this are refused (the DOM costs ~10 times the page) */
#define NA_HTML_MAX_BYTES	(64 * 1024 * 1024)

typedef enum NaHtmlTag
{
	NA_HT_OTHER,
	NA_HT_P,
	NA_HT_DIV,
	NA_HT_LI,
	NA_HT_TD,
	NA_HT_HEADING,				/* h2-h6 */
	NA_HT_H1,
	NA_HT_CAPTION,				/* figcaption or a caption-classed element */
	NA_HT_PRE
} NaHtmlTag;

/* one block of text: the inline content between block boundaries */
typedef struct NaHtmlBlock
{
	char	   *text;			/* white space collapsed, NUL-terminated */
	size_t		len;			/* bytes */
	int			chars;			/* code points */
	int			han;			/* Han characters */
	int			link_chars;		/* code points inside <a> */
	int			punct;			/* sentence punctuation: ，。；！？、 */
	int			elem;			/* nearest block element (index in elems) */
	int			order;			/* preorder number of that point */
	NaHtmlTag	tag;
	int			hint;			/* class/id hints of the ancestors: + content, - boilerplate */
	bool		in_list;		/* inside ul/ol */
	bool		boiler_elem;	/* inside nav/footer/aside/header */
	bool		after_img;		/* an <img> directly precedes it in its element */
} NaHtmlBlock;

typedef struct NaHtmlElem
{
	int			parent;			/* -1 for the root */
	int			start,			/* preorder span of the subtree */
				end;
	int			chars;			/* text code points in the subtree */
	int			link_chars;
	int			hint;
	NaHtmlTag	tag;
	double		score;
} NaHtmlElem;

typedef struct NaHtmlMeta
{
	char	   *key;			/* lower-cased name/property/itemprop/http-equiv */
	char	   *value;
} NaHtmlMeta;

typedef struct NaHtmlPage
{
	NaHtmlBlock *blocks;
	int			n_blocks;
	int			cap_blocks;
	NaHtmlElem *elems;
	int			n_elems;
	int			cap_elems;
	NaHtmlMeta *metas;
	int			n_metas;
	int			cap_metas;
	char	   *title;			/* <title> */
	char	   *jsonld;			/* the JSON-LD scripts, concatenated */
	int			n_crumbs;		/* breadcrumbs: link texts */
	char	   *crumbs[NA_MAX_LIST];
	int			n_tag_links;	/* links in a tags box */
	char	   *tag_links[NA_MAX_LIST];
	bool		parsed;			/* false when libxml2 gave no document */
} NaHtmlPage;

/* does the text look like an HTML page (a tag among its first bytes)? */
extern bool na_html_looks_like(const char *text, size_t len);

/* parse a UTF-8 page into blocks and metadata (html_dom.c) */
extern void na_html_page_read(const char *text, size_t len, NaHtmlPage *page);
extern void na_html_page_free(NaHtmlPage *page);

/* metadata into info and the article's fields (html_meta.c) */
typedef struct NaHtmlArticleMeta
{
	char	   *title;
	int			title_block;	/* the headline's block, -1 if none */
	int			y, m, d, hh, mi;	/* publication; hh = -1 without a time */
	bool		date_from_meta; /* y/m/d from meta tags or JSON-LD, not the text */
	NaByline	authors;
	char	   *byline;
} NaHtmlArticleMeta;

extern void na_html_meta(const NaHtmlPage *page, NaIssueInfo *info,
						 NaHtmlArticleMeta *am);

/* which blocks are the article's text (html_extract.c); keep[n_blocks] */
extern int	na_html_main_blocks(NaHtmlPage *page, int title_block, bool *keep);

/* roles of the raw page's spans, markup included (html_segments.c) */
extern void na_html_segments(const char *text, size_t len, const NaSplit *sp,
							 NaSplit *out);

/* the whole path: the split of an HTML page (html_split.c) */
extern void na_html_split(const char *text, size_t len, NaSplit *out);

/* the front matter only, for the stored value (html_split.c) */
extern void na_html_frontmatter(const char *text, size_t len, NaIssueInfo *info);

#endif							/* NA_HTML_H */
