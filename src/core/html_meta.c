/*
 * html_meta.c
 *	  A page's metadata: headline, publication date and time, site, source,
 *	  authors and editor, section path and tags, from meta tags, JSON-LD and
 *	  the visible lines around the headline (na_html.h).
 */
#include "na_html.h"
#include "na_buf.h"
#include "na_utf8.h"

#include <ctype.h>

#define NEAR_TITLE 20			/* blocks after the headline read for bylines */
#define NEAR_BEFORE 5			/* blocks before it read for the date */

static const char *
meta_get(const NaHtmlPage *pg, const char *key)
{
	int			i;

	for (i = 0; i < pg->n_metas; i++)
		if (strcmp(pg->metas[i].key, key) == 0 && pg->metas[i].value)
			return pg->metas[i].value;
	return NULL;
}

static char *
dup_str(const char *s)
{
	return s ? na_strndup(s, strlen(s)) : NULL;
}

/* the title up to the first site separator (_ | ｜ - -- —), if that leaves enough */
static char *
strip_site_suffix(const char *t, char **site)
{
	static const char *const seps[] = {"_", " | ", "|", "｜", " - ", "--", " — ", "——", " – ", "－",
	" @ ", " :: ", "-", NULL};
	size_t		cut = strlen(t);
	int			i;

	for (i = 0; seps[i]; i++)
	{
		const char *p = strstr(t, seps[i]);

		/* a bare hyphen only before a short last part (…城！-新华网) */
		if (p && strcmp(seps[i], "-") == 0 && (strchr(p + 1, '-') || na_utf8_count(p + 1, strlen(p + 1)) > 12))
			continue;
		if (p && (size_t) (p - t) < cut && na_utf8_count(t, p - t) >= 2)
			cut = p - t;
	}
	while (cut > 0 && t[cut - 1] == ' ')
		cut--;
	if (site && cut < strlen(t))
	{
		/* the last part names the site */
		const char *last = t + cut;
		const char *p;

		for (i = 0; seps[i]; i++)
			while ((p = strstr(last, seps[i])) != NULL)
				last = p + strlen(seps[i]);
		while (*last == ' ')
			last++;
		if (*last && strlen(last) < 60)
			*site = dup_str(last);
	}
	return na_strndup(t, cut);
}

static int
find_block(const NaHtmlPage *pg, const char *text, int prefer_tag)
{
	int			i,
				any = -1;

	for (i = 0; i < pg->n_blocks; i++)
		if (strcmp(pg->blocks[i].text, text) == 0)
		{
			if ((int) pg->blocks[i].tag == prefer_tag || pg->blocks[i].tag == NA_HT_HEADING)
				return i;
			if (any < 0)
				any = i;
		}
	return any;
}

static void
choose_title(const NaHtmlPage *pg, NaHtmlArticleMeta *am, char **site)
{
	const char *og = meta_get(pg, "og:title");
	const char *tt = pg->title;
	int			i;
	char	   *clean;

	if (og == NULL)
		og = meta_get(pg, "twitter:title");
	/* a headline the page's titles confirm: the longest that opens one */
	{
		int			best = -1;
		int			best_rank = 0;

		for (i = 0; i < pg->n_blocks; i++)
		{
			const NaHtmlBlock *b = &pg->blocks[i];
			int			rank;

			if ((b->tag != NA_HT_H1 && b->tag != NA_HT_HEADING) || b->chars < 2 || b->chars > 100)
				continue;
			if ((og && strncmp(og, b->text, b->len) == 0) || (tt && strncmp(tt, b->text, b->len) == 0))
				rank = 2000 + b->chars;
			else if (b->chars >= 4 && b->link_chars * 2 <= b->chars &&
					 ((og && strstr(og, b->text)) || (tt && strstr(tt, b->text))))
				rank = 1000 + b->chars;
			else
				continue;
			if (rank > best_rank)
			{
				best_rank = rank;
				best = i;
			}
		}
		if (best >= 0)
		{
			am->title = dup_str(pg->blocks[best].text);
			am->title_block = best;
			if (tt)
				na_free(strip_site_suffix(tt, site));
			return;
		}
	}
	clean = og ? strip_site_suffix(og, NULL) : NULL;
	if (tt)
	{
		char	   *c2 = strip_site_suffix(tt, site);

		if (clean == NULL)
			clean = c2;
		else
			na_free(c2);
	}
	if (clean == NULL)
	{
		for (i = 0; i < pg->n_blocks; i++)
			if (pg->blocks[i].tag == NA_HT_H1 && pg->blocks[i].chars >= 4)
			{
				clean = dup_str(pg->blocks[i].text);
				break;
			}
	}
	am->title = clean;
	am->title_block = clean ? find_block(pg, clean, NA_HT_H1) : -1;
}

static int
digits(const char *s, int max, int *val)
{
	int			n = 0;

	*val = 0;
	while (n < max && isdigit((unsigned char) s[n]))
		*val = *val * 10 + (s[n++] - '0');
	return n;
}

static bool
is_sep(const char *s, size_t *adv, const char *ascii, const char *cjk)
{
	if (*s && strchr(ascii, *s))
	{
		*adv = 1;
		return true;
	}
	if (cjk && strncmp(s, cjk, strlen(cjk)) == 0)
	{
		*adv = strlen(cjk);
		return true;
	}
	return false;
}

/* a date (and time) at s: 2022-02-13 23:37, 2022年2月13日 23:37, 2022/02/13T23:37 */
static bool
date_at(const char *s, int *y, int *m, int *d, int *hh, int *mi)
{
	size_t		adv;
	int			n;

	if (digits(s, 4, y) != 4 || *y < 1990 || *y > 2100)
		return false;
	s += 4;
	if (!is_sep(s, &adv, "-/.", "年"))
		return false;
	s += adv;
	if ((n = digits(s, 2, m)) == 0 || *m < 1 || *m > 12)
		return false;
	s += n;
	if (!is_sep(s, &adv, "-/.", "月"))
		return false;
	s += adv;
	if ((n = digits(s, 2, d)) == 0 || *d < 1 || *d > 31)
		return false;
	s += n;
	if (strncmp(s, "日", 3) == 0)
		s += 3;
	*hh = -1;
	*mi = 0;
	while (*s == ' ' || *s == 'T')
		s++;
	{
		int			h,
					mm;

		if ((n = digits(s, 2, &h)) > 0 && h < 24 &&
			(s[n] == ':' || strncmp(s + n, "时", 3) == 0) &&
			digits(s + n + (s[n] == ':' ? 1 : 3), 2, &mm) == 2 && mm < 60)
		{
			*hh = h;
			*mi = mm;
		}
	}
	return true;
}

/* an English date at s: "Dec 28 Sat 2013 00:28", "December 28, 2013" */
static bool
english_date_at(const char *s, int *y, int *m, int *d, int *hh, int *mi)
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	char		mon[4];
	int			i,
				n;
	const char *p;

	for (i = 0; i < 3; i++)
	{
		if (!isalpha((unsigned char) s[i]))
			return false;
		mon[i] = (char) tolower((unsigned char) s[i]);
	}
	mon[3] = '\0';
	p = strstr(months, mon);
	if (p == NULL || (p - months) % 3 != 0)
		return false;
	*m = (int) (p - months) / 3 + 1;
	for (p = s + 3; isalpha((unsigned char) *p); p++)
		;
	while (*p == ' ' || *p == '.')
		p++;
	if ((n = digits(p, 2, d)) == 0 || *d < 1 || *d > 31)
		return false;
	p += n;
	/* the year within a few words (a weekday may come first) */
	for (i = 0; i < 12 && p[i]; i++)
		if (isdigit((unsigned char) p[i]) && digits(p + i, 4, y) == 4 && *y >= 1990 && *y <= 2100)
		{
			int			h,
						mm;

			p += i + 4;
			*hh = -1;
			*mi = 0;
			while (*p == ' ' || *p == ',')
				p++;
			if ((n = digits(p, 2, &h)) > 0 && h < 24 && p[n] == ':' &&
				digits(p + n + 1, 2, &mm) == 2 && mm < 60)
			{
				*hh = h;
				*mi = mm;
			}
			return true;
		}
	return false;
}

static bool
find_date(const char *s, int *y, int *m, int *d, int *hh, int *mi)
{
	const char *start = s;

	for (; s && *s; s++)
	{
		if (isdigit((unsigned char) *s) && date_at(s, y, m, d, hh, mi))
			return true;
		if (isalpha((unsigned char) *s) && (s == start || !isalpha((unsigned char) s[-1])) &&
			english_date_at(s, y, m, d, hh, mi))
			return true;
	}
	return false;
}

static bool
jsonld_date(const char *js, int *y, int *m, int *d, int *hh, int *mi)
{
	const char *p = js ? strstr(js, "datePublished") : NULL;

	return p && find_date(p, y, m, d, hh, mi);
}

static void
choose_date(const NaHtmlPage *pg, NaHtmlArticleMeta *am)
{
	static const char *const keys[] = {
		"article:published_time", "og:article:published_time", "og:release_date",
		"publishdate", "pubdate", "publish_date", "publish-date", "publishtime",
		"datepublished", "dcterms.created", "dc.date.issued", "dc.date", "date",
		"sailthru.date", "weibo:article:create_at", NULL
	};
	static const char *const modified[] = {
		"article:modified_time", "og:updated_time", "datemodified", "dateupdate",
		"last-modified", "lastmod", NULL
	};
	int			y,
				m,
				d,
				hh,
				mi,
				i,
				from,
				to;
	bool		have_meta = false;

	am->hh = -1;
	for (i = 0; keys[i] && !have_meta; i++)
		if (find_date(meta_get(pg, keys[i]), &am->y, &am->m, &am->d, &am->hh, &am->mi))
			have_meta = true;
	if (!have_meta)
		have_meta = jsonld_date(pg->jsonld, &am->y, &am->m, &am->d, &am->hh, &am->mi);
	am->date_from_meta = have_meta;
	/* the visible date by the headline: as printed, and usually with the time */
	from = am->title_block >= 0 ? am->title_block - NEAR_BEFORE : 0;
	if (from < 0)
		from = 0;
	to = am->title_block >= 0 ? am->title_block + NEAR_TITLE : pg->n_blocks;
	for (i = from; i < pg->n_blocks && i < to; i++)
	{
		if (pg->blocks[i].chars > 120)
			continue;
		if (find_date(pg->blocks[i].text, &y, &m, &d, &hh, &mi))
		{
			if (!have_meta || (y == am->y && m == am->m && d == am->d && (hh >= 0 || am->hh < 0)))
			{
				am->y = y, am->m = m, am->d = d, am->hh = hh, am->mi = mi;
				have_meta = true;
			}
			break;
		}
	}
	/* last: the page's modification date (encyclopedia entries, wikis) */
	for (i = 0; modified[i] && !have_meta; i++)
		if (find_date(meta_get(pg, modified[i]), &am->y, &am->m, &am->d, &am->hh, &am->mi))
			have_meta = am->date_from_meta = true;
	if (!have_meta)
		am->y = 0;
}

/* the value after a label in s (作者：X): up to white space or the next label */
static char *
label_value(const char *s, const char *label)
{
	const char *p = strstr(s, label);
	const char *e;

	if (p == NULL)
		return NULL;
	p += strlen(label);
	while (*p == ' ' || *p == ':' || strncmp(p, "：", 3) == 0 || strncmp(p, "/", 1) == 0)
		p += (*p == ' ' || *p == ':' || *p == '/') ? 1 : 3;
	for (e = p; *e && *e != ' ' && strncmp(e, "　", 3) != 0 && strncmp(e, "）", 3) != 0 &&
		 *e != ')' && strncmp(e, "】", 3) != 0 && strncmp(e, "来源", 6) != 0 &&
		 strncmp(e, "发布", 6) != 0 && strncmp(e, "时间", 6) != 0 &&
		 strncmp(e, "來源", 6) != 0 && strncmp(e, "發佈", 6) != 0 && strncmp(e, "時間", 6) != 0 &&
		 strncmp(e, "，", 3) != 0 && *e != '|' && *e != ']' && strncmp(e, "］", 3) != 0 &&
		 strncmp(e, "。", 3) != 0 && strncmp(e, "作者", 6) != 0; e++)
		;
	if (e == p || e - p > 60)
		return NULL;
	return na_strndup(p, e - p);
}

/*
 * Is the label at "at" a credit rather than a word of a sentence (记者通过…)?
 * In a short line, or after a non-Han character: （记者 X）, 文/X.
 */
static bool
label_starts_credit(const char *t, const char *at, int chars)
{
	size_t		adv;
	uint32_t	prev;
	const char *p = at;

	if (chars <= 40 || at == t)
		return true;
	/* step back one code point */
	do
		p--;
	while (p > t && ((unsigned char) *p & 0xC0) == 0x80);
	prev = na_utf8_decode(p, at - p, &adv);
	return !(prev >= 0x4E00 && prev <= 0x9FFF);
}

/* a plausible name: 2 to 12 characters, no sentence punctuation or digits only */
static bool
plausible_name(const char *s)
{
	size_t		n = na_utf8_count(s, strlen(s));
	const char *p;

	if (n < 2 || n > 12)
		return false;
	for (p = s; *p; p++)
		if (strncmp(p, "，", 3) == 0 || strncmp(p, "。", 3) == 0 || *p == ',')
			return false;
	for (p = s; *p && isdigit((unsigned char) *p); p++)
		;
	if (*p == '\0')
		return false;
	/* Han names are short: a longer all-Han run is a phrase (通过电子邮件…) */
	if (n > 5)
	{
		size_t		adv;

		for (p = s; *p; p += adv)
		{
			uint32_t	cp = na_utf8_decode(p, strlen(p), &adv);

			if (cp < 0x4E00 || cp > 0x9FFF)
				return true;
		}
		return false;
	}
	return true;
}

static void add_one_person(NaByline *b, char *name, const char *role);

/* names joined by 、 (责编：甲、乙) are persons each */
static void
add_person(NaByline *b, char *name, const char *role)
{
	char	   *sep;

	while (name && (sep = strstr(name, "、")) != NULL)
	{
		add_one_person(b, na_strndup(name, sep - name), role);
		memmove(name, sep + 3, strlen(sep + 3) + 1);
	}
	add_one_person(b, name, role);
}

static void
add_one_person(NaByline *b, char *name, const char *role)
{
	int			i;

	if (name == NULL)
		return;
	if (!plausible_name(name))
	{
		na_free(name);
		return;
	}
	for (i = 0; i < b->n; i++)
		if (strcmp(b->persons[i].name, name) == 0)
		{
			na_free(name);
			return;
		}
	if (b->n == NA_BYLINE_MAX)
	{
		na_free(name);
		return;
	}
	b->persons[b->n].name = name;
	b->persons[b->n].role = dup_str(role);
	b->persons[b->n].organization = NULL;
	b->n++;
}

static void
choose_people(const NaHtmlPage *pg, NaIssueInfo *info, NaHtmlArticleMeta *am)
{
	/* simplified, then traditional (Big5 pages) */
	static const char *const labels[] = {"作者", "记者", "文/", "記者", NULL};
	static const char *const edit_labels[] = {"责任编辑", "责编", "编辑", "責任編輯", "責編", "編輯", NULL};
	const char *ma = meta_get(pg, "author");
	int			i,
				j,
				from = am->title_block >= 0 ? am->title_block : 0;

	for (i = 0; i < pg->n_blocks; i++)
	{
		const char *t = pg->blocks[i].text;
		bool		near = i >= from && i < from + NEAR_TITLE;

		if (pg->blocks[i].chars > 80)
			continue;
		for (j = 0; near && labels[j]; j++)
		{
			const char *at = strstr(t, labels[j]);

			if (at && label_starts_credit(t, at, pg->blocks[i].chars))
			{
				char	   *v = label_value(t, labels[j]);

				if (v && am->byline == NULL)
					am->byline = dup_str(t);
				add_person(&am->authors, v, (j == 1 || j == 3) ? "记者" : "作者");
			}
		}
		for (j = 0; edit_labels[j]; j++)
			if (info->editor == NULL && strstr(t, edit_labels[j]) &&
				label_starts_credit(t, strstr(t, edit_labels[j]), pg->blocks[i].chars))
			{
				info->editor = label_value(t, edit_labels[j]);
				if (info->editor && !plausible_name(info->editor) && strstr(info->editor, "、") == NULL)
				{
					na_free(info->editor);
					info->editor = NULL;
				}
			}
		if (near && info->source == NULL && strstr(t, "来源"))
			info->source = label_value(t, "来源");
		if (near && info->source == NULL && strstr(t, "來源"))
			info->source = label_value(t, "來源");
	}
	/* the author meta of some sites names the site itself */
	if (ma && strncmp(ma, "http", 4) != 0 && strlen(ma) < 80 &&
		!(info->site && strstr(info->site, ma) && strcmp(info->site, ma) != 0))
	{
		/* "name (handle)": the name */
		const char *paren = strstr(ma, " (");

		if (paren == NULL)
			paren = strstr(ma, "（");
		add_person(&am->authors, na_strndup(ma, paren ? (size_t) (paren - ma) : strlen(ma)), NULL);
	}
	if (info->editor)
		add_person(&am->authors, dup_str(info->editor), "编辑");
}

static void
split_keywords(const char *s, NaIssueInfo *info)
{
	const char *p = s;

	while (p && *p && info->n_tags < NA_MAX_LIST)
	{
		const char *e = p;

		while (*e && *e != ',' && *e != ';' && strncmp(e, "，", 3) != 0 &&
			   strncmp(e, "、", 3) != 0 && *e != ' ')
			e++;
		if (e > p && e - p < 60)
			info->tags[info->n_tags++] = na_strndup(p, e - p);
		if (*e == '\0')
			break;
		p = e + ((*e == ',' || *e == ';' || *e == ' ') ? 1 : 3);
	}
}

void
na_html_meta(const NaHtmlPage *pg, NaIssueInfo *info, NaHtmlArticleMeta *am)
{
	char	   *title_site = NULL;
	const char *site = meta_get(pg, "og:site_name");
	const char *kw = meta_get(pg, "keywords");
	int			i;

	memset(am, 0, sizeof(*am));
	am->title_block = -1;
	choose_title(pg, am, &title_site);
	choose_date(pg, am);
	if (site)
		info->site = dup_str(site);
	else
		info->site = title_site, title_site = NULL;
	na_free(title_site);
	choose_people(pg, info, am);
	if (am->y)
	{
		info->year = am->y;
		info->month = am->m;
		info->day = am->d;
		info->date_prec = NA_DATE_DAY;
		info->date_source = am->date_from_meta ? NA_DSRC_HTML_META : NA_DSRC_TEXT;
		info->date_low_confidence = am->y < NA_DATE_PLAUSIBLE_MIN ||
			am->y > na_date_max_plausible_year();
	}
	for (i = 0; i < pg->n_crumbs && info->n_section < NA_MAX_LIST; i++)
		if (strcmp(pg->crumbs[i], "首页") != 0 && strcmp(pg->crumbs[i], "首頁") != 0 &&
			strcmp(pg->crumbs[i], "正文") != 0)
			info->section_path[info->n_section++] = dup_str(pg->crumbs[i]);
	for (i = 0; i < pg->n_tag_links && info->n_tags < NA_MAX_LIST; i++)
		info->tags[info->n_tags++] = dup_str(pg->tag_links[i]);
	if (info->n_tags == 0 && kw)
		split_keywords(kw, info);
}
