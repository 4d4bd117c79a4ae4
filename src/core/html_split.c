/*
 * html_split.c
 *	  A saved web page as a split issue (na_html.h): the metadata as the
 *	  issue's front matter, the article as row 1, image captions as photo
 *	  rows, and segments covering the whole raw page.
 */
#include "na_html.h"
#include "na_buf.h"

static void
info_init(NaIssueInfo *info, size_t len)
{
	memset(info, 0, sizeof(*info));
	info->issue_no = -1;
	info->pages = -1;
	info->tail_start = len;
}

static char *
buf_or_null(NaBuf *b)
{
	if (b->len == 0)
	{
		na_buf_free(b);
		return NULL;
	}
	return b->data;
}

static bool
is_caption(const NaHtmlBlock *b)
{
	return b->tag == NA_HT_CAPTION || (b->after_img && b->chars <= 60 && b->punct <= 1 && b->tag != NA_HT_P);
}

static void
build_articles(const NaHtmlPage *pg, const bool *keep, NaHtmlArticleMeta *am,
			   const NaIssueInfo *info, NaSplit *out)
{
	NaBuf		body;
	int			i,
				n_photo = 0,
				k;
	NaArticle  *a;

	for (i = 0; i < pg->n_blocks; i++)
		if (keep[i] && is_caption(&pg->blocks[i]))
			n_photo++;
	out->articles = na_alloc0(sizeof(NaArticle) * (1 + n_photo));
	a = &out->articles[0];
	a->ordinal = 1;
	a->kind = NA_KIND_ARTICLE;
	a->title = am->title;
	am->title = NULL;
	a->byline = am->byline;
	am->byline = NULL;
	a->authors = am->authors;
	memset(&am->authors, 0, sizeof(am->authors));
	a->reported_y = am->y;
	a->reported_m = am->m;
	a->reported_d = am->d;
	if (info->n_section > 0)
		a->section = na_strndup(info->section_path[info->n_section - 1],
								strlen(info->section_path[info->n_section - 1]));
	na_buf_init(&body, 1024);
	for (i = 0; i < pg->n_blocks; i++)
	{
		if (!keep[i])
			continue;
		if (body.len)
			na_buf_append_char(&body, '\n');
		na_buf_append(&body, pg->blocks[i].text, pg->blocks[i].len);
	}
	a->body = buf_or_null(&body);
	/* nothing kept (a list page, an empty page): no article rather than links */
	if (a->body == NULL)
	{
		na_free(a->title);
		na_free(a->byline);
		na_free(a->section);
		na_byline_free(&a->authors);
		memset(a, 0, sizeof(*a));
		return;
	}
	out->n_articles = 1;
	for (i = 0, k = 1; i < pg->n_blocks; i++)
	{
		NaArticle  *p;

		if (!keep[i] || !is_caption(&pg->blocks[i]))
			continue;
		p = &out->articles[k];
		p->ordinal = ++k;
		p->kind = NA_KIND_PHOTO;
		p->caption = na_strndup(pg->blocks[i].text, pg->blocks[i].len);
		out->n_articles++;
	}
}

/* each row's byte span: from its first to its last segment */
static void
article_spans(NaSplit *sp)
{
	size_t		i;
	int			a;

	for (a = 0; a < sp->n_articles; a++)
		sp->articles[a].raw_start = sp->articles[a].raw_end = 0;
	for (i = 0; i < sp->n_segments; i++)
	{
		const NaSegment *s = &sp->segments[i];
		NaArticle  *ar;

		if (s->ordinal < 1 || s->ordinal > sp->n_articles)
			continue;
		ar = &sp->articles[s->ordinal - 1];
		if (ar->raw_end == 0)
			ar->raw_start = s->start;
		ar->raw_end = s->end;
	}
}

void
na_html_split(const char *text, size_t len, NaSplit *out)
{
	NaHtmlPage	page;
	NaHtmlArticleMeta am;
	bool	   *keep;
	NaSplit		tmp;

	memset(out, 0, sizeof(*out));
	info_init(&out->info, len);
	na_html_page_read(text, len, &page);
	na_html_meta(&page, &out->info, &am);
	keep = na_alloc0(sizeof(bool) * (page.n_blocks + 1));
	na_html_main_blocks(&page, am.title_block, keep);
	build_articles(&page, keep, &am, &out->info, out);
	na_free(keep);
	na_free(am.title);
	na_free(am.byline);
	na_byline_free(&am.authors);
	na_html_page_free(&page);
	memset(&tmp, 0, sizeof(tmp));
	na_html_segments(text, len, out, &tmp);
	out->segments = tmp.segments;
	out->n_segments = tmp.n_segments;
	article_spans(out);
}

void
na_html_frontmatter(const char *text, size_t len, NaIssueInfo *info)
{
	NaHtmlPage	page;
	NaHtmlArticleMeta am;

	info_init(info, len);
	na_html_page_read(text, len, &page);
	na_html_meta(&page, info, &am);
	na_free(am.title);
	na_free(am.byline);
	na_byline_free(&am.authors);
	na_html_page_free(&page);
}
