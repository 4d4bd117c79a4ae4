/*
 * split_free.c
 *	  Release a split, and the names of its enums.
 */
#include "split_internal.h"

void
na_split_free_article(NaArticle *ar)
{
	char	   *fields[] = {ar->section, ar->kicker, ar->title, ar->subtitle,
	ar->byline, ar->dateline, ar->body, ar->caption, ar->notes};
	size_t		k;

	for (k = 0; k < sizeof(fields) / sizeof(fields[0]); k++)
		if (fields[k])
			na_free(fields[k]);
	na_byline_free(&ar->authors);
	memset(ar, 0, sizeof(*ar));
}

void
na_split_free(NaSplit *sp)
{
	int			a;

	for (a = 0; a < sp->n_articles; a++)
		na_split_free_article(&sp->articles[a]);
	if (sp->articles)
		na_free(sp->articles);
	if (sp->segments)
		na_free(sp->segments);
	na_frontmatter_free(&sp->info);
	memset(sp, 0, sizeof(*sp));
}

const char *
na_seg_role_name(NaSegRole role)
{
	static const char *const names[NA_SEG_N_ROLES] = {
		"blank", "masthead", "boilerplate", "page_header", "section", "kicker",
		"title", "subtitle", "byline", "dateline", "body", "heading", "caption",
		"credit", "continuation", "garbage", "markup"
	};

	return (role >= 0 && role < NA_SEG_N_ROLES) ? names[role] : "unknown";
}

const char *
na_article_kind_name(NaArticleKind kind)
{
	switch (kind)
	{
		case NA_KIND_ARTICLE:
			return "article";
		case NA_KIND_COMMENTARY:
			return "commentary";
		case NA_KIND_PHOTO:
			return "photo";
		case NA_KIND_BRIEF:
			return "brief";
		case NA_KIND_ADVERT:
			return "advert";
		case NA_KIND_NOTICE:
			return "notice";
	}
	return "article";
}
