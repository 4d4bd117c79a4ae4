/*
 * split_assemble.c
 *	  Walk the classified lines of an issue and group them into articles.
 *
 * An article opens with a headline block followed by a byline or a
 * dateline, with a byline alone, or with a headline after a closed article
 * (continuation mark, page header) or at least as prominent as the current
 * article's title.  Other headline lines inside an article are its section
 * heads.  A titleless article followed by a larger headline block than the
 * next article needs takes the extra lines: their headline was printed
 * after them.  Photo credits turn a short titled item without byline into
 * a photo; a caption line becomes its own photo item.
 */
#include "split_internal.h"
#include "na_html.h"

typedef struct ArtB
{
	NaArticleKind kind;
	int			title_level;	/* fewest # among headline lines; 99 none */
	bool		has_head;
	bool		has_title;
	bool		has_byline;
	bool		has_body;
	bool		closed;
	bool		open_sentence;	/* last body line ended mid-sentence */
	size_t		body_cp;
	int			continued_to;
	int			continued_from;
	char	   *section;
	int			created_at;		/* line index */
} ArtB;

typedef struct Asm
{
	const char *text;
	SpLine	   *lines;
	int			lo,				/* the article zone, in lines */
				hi;
	ArtB	   *arts;
	int			n_arts;
	int			cap_arts;
	int			cur;
	char	   *page_section;
	int			pending_from;	/* 上接第N版 seen before its article */
	bool		web;
	bool		marked_doc;		/* OCR heading marks are in use */
} Asm;

static int
new_article(Asm *as, NaArticleKind kind, int line)
{
	ArtB	   *a;

	if (as->n_arts == as->cap_arts)
	{
		as->cap_arts = as->cap_arts ? as->cap_arts * 2 : 16;
		as->arts = (ArtB *) na_realloc(as->arts, sizeof(ArtB) * (size_t) as->cap_arts);
	}
	a = &as->arts[as->n_arts];
	memset(a, 0, sizeof(*a));
	a->kind = kind;
	a->title_level = 99;
	a->created_at = line;
	if (as->page_section)
		a->section = na_strndup(as->page_section, strlen(as->page_section));
	if (kind != NA_KIND_PHOTO && as->pending_from)
	{
		a->continued_from = as->pending_from;
		as->pending_from = 0;
	}
	return as->n_arts++;
}

static int
next_nonblank(Asm *as, int i)
{
	while (i < as->hi && as->lines[i].cls == SPC_BLANK)
		i++;
	return i;
}

static void
set_line(Asm *as, int i, NaSegRole role, int art)
{
	as->lines[i].role = role;
	as->lines[i].art = art;
}

/* give a headline block (line indices) to article a */
static void
take_headline(Asm *as, const int *g, int n, int a)
{
	int			k;
	ArtB	   *ab = &as->arts[a];

	sp_assign_headline(as->text, as->lines, g, n);
	for (k = 0; k < n; k++)
	{
		SpLine	   *l = &as->lines[g[k]];

		l->art = a;
		if (l->role == NA_SEG_TITLE || l->role == NA_SEG_KICKER)
		{
			int			lv = l->level > 0 ? l->level : 50;

			if (lv < ab->title_level)
				ab->title_level = lv;
		}
		if (l->role == NA_SEG_TITLE)
			ab->has_title = true;
	}
	ab->has_head = true;
}

static void
add_body_line(Asm *as, int i, int a)
{
	SpLine	   *l = &as->lines[i];
	ArtB	   *ab = &as->arts[a];

	set_line(as, i, NA_SEG_BODY, a);
	ab->has_body = true;
	ab->body_cp += l->ncp;
	ab->open_sentence = !l->ends_sentence;
	if (l->cont_to)
	{
		ab->continued_to = l->cont_to;
		ab->closed = true;
		ab->open_sentence = false;
	}
	if (l->cont_from && !ab->continued_from)
		ab->continued_from = l->cont_from;
}

/* a headline block: a run of headline candidates between blank lines */
static void
on_head(Asm *as, int *pi)
{
	int			g[64];
	int			n = 0,
				i = *pi,
				k,
				a,
				lv_min = 99;
	SpClass		nx;
	SpLine	   *nl;
	bool		starts;

	while (i < as->hi && as->lines[i].cls == SPC_HEAD)
	{
		if (n < 64)
			g[n++] = i;
		else
			set_line(as, i, NA_SEG_GARBAGE, -1);
		if (as->lines[i].level > 0 && as->lines[i].level < lv_min)
			lv_min = as->lines[i].level;
		i = next_nonblank(as, i + 1);
	}
	k = i;
	nx = k < as->hi ? as->lines[k].cls : SPC_BLANK;
	nl = k < as->hi ? &as->lines[k] : NULL;
	*pi = k;

	/* a web page holds one article: captions first, then section heads */
	if (as->web && as->cur >= 0)
	{
		int			j;

		for (j = 0; j < n; j++)
		{
			/* new_article() may move the table: index it afresh */
			if (!as->arts[as->cur].has_body)
			{
				a = new_article(as, NA_KIND_PHOTO, g[j]);
				set_line(as, g[j], NA_SEG_CAPTION, a);
			}
			else
				set_line(as, g[j], NA_SEG_HEADING, as->cur);
		}
		return;
	}

	if (nx == SPC_CREDIT || nx == SPC_CAPTION)
	{
		/* a photo with its own headline */
		a = new_article(as, NA_KIND_PHOTO, g[0]);
		take_headline(as, g, n, a);
		set_line(as, k, nx == SPC_CREDIT ? NA_SEG_CREDIT : NA_SEG_CAPTION, a);
		*pi = k + 1;
		return;
	}

	starts = nx == SPC_BYLINE ||
		(nx == SPC_BODY && nl->lead_role == NA_SEG_DATELINE && nl->lead_len > 0);
	if (starts)
	{
		ArtB	   *cur = as->cur >= 0 ? &as->arts[as->cur] : NULL;
		bool		has_sub = false;
		int			j;

		for (j = 1; j < n; j++)
			if (sp_starts(as->text + as->lines[g[j]].cs, as->lines[g[j]].ce - as->lines[g[j]].cs, "—"))
				has_sub = true;
		if (cur && !cur->has_title && cur->has_byline && cur->has_body && n >= 3 && !has_sub &&
			!sp_kicker_like(as->text + as->lines[g[0]].cs, as->lines[g[0]].ce - as->lines[g[0]].cs))
		{
			/*
			 * The current article's headline was printed after it.  The next
			 * article keeps its last line, with a column label or subtitle
			 * under its title.
			 */
			int			keep = 1;

			while (keep < n - 1)
			{
				SpLine	   *kl = &as->lines[g[n - keep]];
				const char *ks = as->text + kl->cs;
				size_t		klen = kl->ce - kl->cs;

				if (!sp_is_column_label(ks, klen) && !sp_starts(ks, klen, "—"))
					break;
				keep++;
			}
			take_headline(as, g, n - keep, as->cur);
			memmove(g, g + n - keep, sizeof(int) * keep);
			n = keep;
		}
		a = new_article(as, NA_KIND_ARTICLE, g[0]);
		take_headline(as, g, n, a);
		as->cur = a;
		return;
	}

	if (nx == SPC_BLANK || nx == SPC_PAGE_HEADER || nx == SPC_GARBAGE)
	{
		/* a headline with nothing after it: the title of a titleless article */
		if (as->cur >= 0 && !as->arts[as->cur].has_title && as->arts[as->cur].has_body)
			take_headline(as, g, n, as->cur);
		else
			for (k = 0; k < n; k++)
				set_line(as, g[k], NA_SEG_GARBAGE, -1);
		return;
	}

	/* followed by plain text: a new article or a section head? */
	{
		ArtB	   *cur = as->cur >= 0 ? &as->arts[as->cur] : NULL;
		bool		fresh;

		fresh = cur == NULL || cur->closed ||
			(lv_min < 99 && lv_min <= cur->title_level) ||
			(!cur->has_body && !cur->has_head);
		if (!fresh && n >= 2)
		{
			int			j;

			for (j = 0; j < n; j++)
				if (sp_kicker_like(as->text + as->lines[g[j]].cs, as->lines[g[j]].ce - as->lines[g[j]].cs))
					fresh = true;
		}
		if (!fresh && cur && cur->has_head && !cur->has_body)
		{
			/* more headline after the headline: a subtitle */
			for (k = 0; k < n; k++)
				set_line(as, g[k], NA_SEG_SUBTITLE, as->cur);
			return;
		}
		if (fresh)
		{
			a = new_article(as, NA_KIND_ARTICLE, g[0]);
			take_headline(as, g, n, a);
			as->cur = a;
			return;
		}
		for (k = 0; k < n; k++)
		{
			SpLine	   *l = &as->lines[g[k]];

			/*
			 * An unmarked short line in a marked document, or right after a
			 * sentence broken off, is body text cut by the layout.
			 */
			if (l->level == 0 && (as->marked_doc || (k == 0 && cur->open_sentence) ||
								  sp_count_cp(as->text + l->cs, l->ce - l->cs, 0xFF0C) > 0 ||
								  sp_count_cp(as->text + l->cs, l->ce - l->cs, ',') > 0))
				add_body_line(as, g[k], as->cur);
			else
			{
				set_line(as, g[k], NA_SEG_HEADING, as->cur);
				cur->open_sentence = false;
			}
		}
	}
}

static void
parse_authors_into(const char *s, size_t len, NaByline *b)
{
	na_byline_parse(s, len, b);
}

static void
on_byline(Asm *as, int *pi)
{
	int			g[16];
	int			n = 0,
				i = *pi,
				k,
				a;
	SpClass		nx;
	ArtB	   *cur = as->cur >= 0 ? &as->arts[as->cur] : NULL;

	while (i < as->hi && as->lines[i].cls == SPC_BYLINE && n < 16)
	{
		g[n++] = i;
		i = next_nonblank(as, i + 1);
	}
	nx = i < as->hi ? as->lines[i].cls : SPC_BLANK;
	*pi = i;

	if (cur && cur->has_head && !cur->has_byline && !cur->has_body)
		a = as->cur;
	else if (cur && !cur->has_byline && cur->has_body && !cur->closed &&
			 (nx == SPC_HEAD || nx == SPC_BLANK || nx == SPC_PAGE_HEADER))
		a = as->cur;			/* printed at the end of its article */
	else
	{
		a = new_article(as, NA_KIND_ARTICLE, g[0]);
		as->cur = a;
	}
	for (k = 0; k < n; k++)
		set_line(as, g[k], NA_SEG_BYLINE, a);
	as->arts[a].has_byline = true;
}

static void
on_credit(Asm *as, int i)
{
	ArtB	   *cur = as->cur >= 0 ? &as->arts[as->cur] : NULL;
	int			a;

	if (cur && !cur->has_byline && cur->has_head && cur->has_body && cur->body_cp <= 400)
	{
		/* a headlined picture with its caption paragraphs */
		cur->kind = NA_KIND_PHOTO;
		set_line(as, i, NA_SEG_CREDIT, as->cur);
		cur->closed = true;
		as->cur = -1;
		return;
	}
	/* the credit of the caption just before */
	if (as->n_arts > 0)
	{
		int			last = as->n_arts - 1;
		int			p = i - 1;

		while (p >= as->lo && as->lines[p].cls == SPC_BLANK)
			p--;
		if (as->arts[last].kind == NA_KIND_PHOTO && p >= as->lo &&
			as->lines[p].art == last && as->lines[p].role == NA_SEG_CAPTION &&
			as->lines[p].trail_len == 0)
		{
			set_line(as, i, NA_SEG_CREDIT, last);
			return;
		}
	}
	a = new_article(as, NA_KIND_PHOTO, i);
	set_line(as, i, NA_SEG_CREDIT, a);
}

static void
on_body(Asm *as, int i)
{
	SpLine	   *l = &as->lines[i];
	ArtB	   *cur = as->cur >= 0 ? &as->arts[as->cur] : NULL;

	if (cur == NULL || cur->closed ||
		(l->lead_role == NA_SEG_DATELINE && l->lead_len > 0 && cur->has_body && !as->web))
	{
		as->cur = new_article(as, NA_KIND_ARTICLE, i);
		cur = &as->arts[as->cur];
	}
	add_body_line(as, i, as->cur);
}

static char *
dup_range(const char *s, size_t len)
{
	return len ? na_strndup(s, len) : NULL;
}

/* web pages: breadcrumb, headline lines, then the date-and-source line */
static void
web_head(Asm *as, const NaIssueInfo *info, int head_hi)
{
	int			i,
				last = -1,
				first = -1,
				g[16],
				n = 0,
				a;

	for (i = 0; i < head_hi; i++)
		if (as->lines[i].cls != SPC_BLANK)
		{
			if (first < 0)
				first = i;
			last = i;
		}
	if (first < 0 || last <= first)
		return;
	a = new_article(as, NA_KIND_ARTICLE, first);
	as->cur = a;
	for (i = first + 1; i < last && n < 16; i++)
		if (as->lines[i].cls != SPC_BLANK)
		{
			as->lines[i].cls = SPC_HEAD;
			g[n++] = i;
		}
	if (n > 0)
		take_headline(as, g, n, a);
	set_line(as, last, NA_SEG_BYLINE, a);
	as->arts[a].has_byline = true;
	(void) info;
}

/*
 * The authors printed on a web page's date-and-source line, after 来源 and
 * the source's name.  The writers come first; a picture credit after them
 * (供图 X or 摄 X) is not theirs, so the names stop there.  Returns the
 * credit text (the byline as printed) through bs and bl.
 */
static void
web_source_authors(const char *s, size_t len, const NaIssueInfo *info, NaByline *out,
				   const char **bs, size_t *bl)
{
	static const char *const photo_words[] = {"供图", "摄影", "摄", "图片", NULL};
	const char *p = sp_find(s, len, "来源");
	const char *end = s + len;
	const char *stop = end;
	int			k;

	*bs = NULL;
	*bl = 0;
	if (p == NULL)
		return;
	p += strlen("来源");
	while (p < end && (*p == ' ' || *p == ':' || sp_starts(p, end - p, "：") ||
					   sp_starts(p, end - p, "　")))
		p += (*p == ' ' || *p == ':') ? 1 : 3;
	if (info->source && sp_starts(p, end - p, info->source))
		p += strlen(info->source);
	while (p < end && *p == ' ')
		p++;
	*bs = p;
	*bl = end - p;
	for (k = 0; photo_words[k]; k++)
	{
		const char *q = sp_find(p, end - p, photo_words[k]);

		if (q && q < stop)
			stop = q;
	}
	na_byline_parse(p, stop - p, out);
}

static void
append_field(char **field, const char *s, size_t len, const char *sep)
{
	while (len > 0 && (*s == ' ' || *s == '\t'))
	{
		s++;
		len--;
	}
	while (len > 0 && sp_starts(s, len, "　"))
	{
		s += 3;
		len -= 3;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return;
	if (*field == NULL)
		*field = na_strndup(s, len);
	else
	{
		size_t		ol = strlen(*field),
					sl = strlen(sep);
		char	   *r = (char *) na_alloc(ol + sl + len + 1);

		memcpy(r, *field, ol);
		memcpy(r + ol, sep, sl);
		memcpy(r + ol + sl, s, len);
		r[ol + sl + len] = '\0';
		na_free(*field);
		*field = r;
	}
}

static bool
mentions_commentary(const char *s)
{
	return s && (strstr(s, "评论") || strstr(s, "社论") || strstr(s, "时评") ||
				 strstr(s, "短评") || strstr(s, "评论员") || strstr(s, "言论"));
}

static void
add_segment(NaSplit *sp, size_t *cap, size_t start, size_t end, NaSegRole role, int ord)
{
	NaSegment  *last;

	if (end <= start)
		return;
	if (sp->n_segments > 0)
	{
		last = &sp->segments[sp->n_segments - 1];
		if (last->role == role && last->ordinal == ord && last->end == start)
		{
			last->end = end;
			return;
		}
	}
	if (sp->n_segments == *cap)
	{
		*cap = *cap ? *cap * 2 : 64;
		sp->segments = (NaSegment *) na_realloc(sp->segments, sizeof(NaSegment) * *cap);
	}
	sp->segments[sp->n_segments].start = start;
	sp->segments[sp->n_segments].end = end;
	sp->segments[sp->n_segments].role = role;
	sp->segments[sp->n_segments].ordinal = ord;
	sp->n_segments++;
}

void
na_split_issue(const char *text, size_t len, NaSplit *out)
{
	Asm			as;
	size_t		n_lines,
				i,
				seg_cap = 0;
	SpLine	   *lines;
	int		   *ord_of;
	SpBodyState *bodies;
	int			a,
				kept,
				head_hi = 0,
				tail_lo;
	int			marks = 0;

	/* saved web pages are read by their own path (html_*.c) */
	if (na_html_looks_like(text, len))
	{
		na_html_split(text, len, out);
		return;
	}
	memset(out, 0, sizeof(*out));
	na_frontmatter_parse(text, len, &out->info);
	lines = sp_lines_build(text, len, &n_lines);

	memset(&as, 0, sizeof(as));
	as.text = text;
	as.lines = lines;
	as.cur = -1;
	as.web = out->info.site != NULL;

	for (i = 0; i < n_lines; i++)
	{
		na_check_interrupts();
		sp_classify(text, &lines[i]);
		lines[i].role = NA_SEG_BLANK;
		if (lines[i].level > 0 && lines[i].start >= out->info.head_end)
			marks++;
	}
	as.marked_doc = marks >= 3;

	/* the zone between the front matter and a web page's footer */
	while ((size_t) head_hi < n_lines && lines[head_hi].start < out->info.head_end)
		head_hi++;
	tail_lo = head_hi;
	while ((size_t) tail_lo < n_lines && lines[tail_lo].start < out->info.tail_start)
		tail_lo++;
	as.lo = head_hi;
	as.hi = tail_lo;

	if (as.web)
		web_head(&as, &out->info, head_hi);

	for (i = as.lo; (int) i < as.hi;)
	{
		int			ii = (int) i;
		SpLine	   *l = &lines[i];

		na_check_interrupts();
		switch (l->cls)
		{
			case SPC_BLANK:
				ii++;
				break;
			case SPC_GARBAGE:
				set_line(&as, ii, NA_SEG_GARBAGE, -1);
				ii++;
				break;
			case SPC_PAGE_HEADER:
				{
					size_t		off = 0,
								sl = 0;

					sp_match_page_header(text + l->cs, l->ce - l->cs, &off, &sl);
					if (as.page_section)
						na_free(as.page_section);
					as.page_section = dup_range(text + l->cs + off, sl);
					set_line(&as, ii, NA_SEG_PAGE_HEADER, -1);
					as.cur = -1;
					ii++;
				}
				break;
			case SPC_CONT:
				if (l->cont_to && as.cur >= 0)
				{
					as.arts[as.cur].continued_to = l->cont_to;
					as.arts[as.cur].closed = true;
					set_line(&as, ii, NA_SEG_CONTINUATION, as.cur);
				}
				else if (l->cont_from && as.cur >= 0 && !as.arts[as.cur].has_body)
				{
					as.arts[as.cur].continued_from = l->cont_from;
					set_line(&as, ii, NA_SEG_CONTINUATION, as.cur);
				}
				else
				{
					if (l->cont_from)
						as.pending_from = l->cont_from;
					set_line(&as, ii, NA_SEG_CONTINUATION, -1);
				}
				ii++;
				break;
			case SPC_HEAD:
				on_head(&as, &ii);
				break;
			case SPC_BYLINE:
				on_byline(&as, &ii);
				break;
			case SPC_CREDIT:
				on_credit(&as, ii);
				ii++;
				break;
			case SPC_CAPTION:
				a = new_article(&as, NA_KIND_PHOTO, ii);
				set_line(&as, ii, NA_SEG_CAPTION, a);
				ii++;
				break;
			case SPC_BODY:
				on_body(&as, ii);
				ii++;
				break;
		}
		i = (size_t) ii;
	}

	/* drop empty articles; ordinals in reading order of creation */
	{
		size_t		na = (size_t) as.n_arts + 1;
		size_t		sz_ord = sizeof(int) * na;
		size_t		sz_bodies = sizeof(SpBodyState) * na;
		size_t		sz_arts = sizeof(NaArticle) * na;

		ord_of = (int *) na_alloc(sz_ord);
		bodies = (SpBodyState *) na_alloc(sz_bodies);
		out->articles = (NaArticle *) na_alloc0(sz_arts);
	}
	for (a = 0; a < as.n_arts; a++)
		sp_body_init(&bodies[a]);

	/* fill the text fields from the lines */
	for (i = 0; i < n_lines; i++)
	{
		SpLine	   *l = &lines[i];
		NaArticle  *ar;
		const char *s = text + l->cs;
		size_t		clen = l->ce - l->cs;
		size_t		lead = l->lead_len <= clen ? l->lead_len : clen;
		size_t		trail = l->trail_len <= clen - lead ? l->trail_len : clen - lead;
		const char *mid = s + lead;
		size_t		mlen = clen - lead - trail;

		na_check_interrupts();
		if (l->art < 0)
			continue;
		ar = &out->articles[l->art];
		switch (l->role)
		{
			case NA_SEG_TITLE:
				if (l->lead_role == NA_SEG_KICKER && lead)
					append_field(&ar->kicker, s, lead, " ");
				append_field(&ar->title, mid, mlen, " ");
				break;
			case NA_SEG_KICKER:
				append_field(&ar->kicker, s, clen, " ");
				break;
			case NA_SEG_SUBTITLE:
				append_field(&ar->subtitle, s, clen, " ");
				break;
			case NA_SEG_SECTION:
				if (ar->section == NULL)
					ar->section = na_strndup(s, clen);
				break;
			case NA_SEG_BYLINE:
				if (as.web && (int) i < head_hi)
				{
					const char *bs;
					size_t		bl;

					web_source_authors(s, clen, &out->info, &ar->authors, &bs, &bl);
					append_field(&ar->byline, bs, bl, " ");
				}
				else
				{
					append_field(&ar->byline, s, clen, " ");
					parse_authors_into(s, clen, &ar->authors);
				}
				break;
			case NA_SEG_CREDIT:
				parse_authors_into(s, clen, &ar->authors);
				break;
			case NA_SEG_CAPTION:
				sp_body_add(&bodies[l->art], mid, mlen, false);
				if (trail)
					parse_authors_into(s + clen - trail, trail, &ar->authors);
				break;
			case NA_SEG_BODY:
				if (l->lead_role == NA_SEG_DATELINE && lead && ar->dateline == NULL &&
					bodies[l->art].buf.len == 0)
				{
					size_t		dl = l->dateline_len < lead ? l->dateline_len : lead;

					if (dl > 0)
						ar->dateline = dup_range(s, dl);
					if (lead > l->dateline_len)
					{
						/* 本报北京5月14日电 （记者杜海涛） */
						const char *br = s + l->dateline_len;
						size_t		bl = lead - l->dateline_len;

						if (ar->authors.n == 0)
						{
							parse_authors_into(br, bl, &ar->authors);
							while (bl > 0 && (br[bl - 1] == ' '))
								bl--;
							if (ar->byline == NULL)
								append_field(&ar->byline, br, bl, " ");
						}
					}
					{
						int			y,
									m,
									d;

						if (sp_resolve_reported_on(s, l->dateline_len, &out->info, &y, &m, &d) ||
							sp_resolve_reported_on(mid, mlen, &out->info, &y, &m, &d))
						{
							ar->reported_y = y;
							ar->reported_m = m;
							ar->reported_d = d;
						}
					}
				}
				else if (bodies[l->art].buf.len == 0 && ar->reported_y == 0)
				{
					int			y,
								m,
								d;

					if (sp_resolve_reported_on(mid, mlen, &out->info, &y, &m, &d))
					{
						ar->reported_y = y;
						ar->reported_m = m;
						ar->reported_d = d;
					}
				}
				if (l->lead_role == NA_SEG_DATELINE || l->lead_role == NA_SEG_GARBAGE ||
					l->lead_role == NA_SEG_CONTINUATION)
					sp_body_add(&bodies[l->art], mid, mlen + (l->trail_role == NA_SEG_CONTINUATION ? 0 : trail), false);
				else
					sp_body_add(&bodies[l->art], s, clen - (l->trail_role == NA_SEG_CONTINUATION ? trail : 0), false);
				break;
			case NA_SEG_HEADING:
				sp_body_add(&bodies[l->art], s, clen, true);
				break;
			default:
				break;
		}
	}

	kept = 0;
	for (a = 0; a < as.n_arts; a++)
	{
		NaArticle  *ar = &out->articles[a];
		ArtB	   *ab = &as.arts[a];
		char	   *body = sp_body_finish(&bodies[a]);

		ar->kind = ab->kind;
		if (ab->kind == NA_KIND_PHOTO)
			ar->caption = body;
		else
			ar->body = body;
		ar->continued_to = ab->continued_to;
		ar->continued_from = ab->continued_from;
		if (ab->section && ar->section == NULL)
			ar->section = ab->section;
		else if (ab->section)
			na_free(ab->section);
		if (ar->kind == NA_KIND_ARTICLE &&
			(mentions_commentary(ar->subtitle) || mentions_commentary(ar->kicker) ||
			 mentions_commentary(ar->section)))
			ar->kind = NA_KIND_COMMENTARY;
		if (ar->kind == NA_KIND_ARTICLE)
		{
			int			k;

			for (k = 0; k < ar->authors.n; k++)
				if (ar->authors.persons[k].role && strstr(ar->authors.persons[k].role, "评论员"))
					ar->kind = NA_KIND_COMMENTARY;
		}
		if (ar->kind == NA_KIND_ARTICLE && !ar->dateline && ar->authors.n > 0)
		{
			/* signed without any role: a commentary's pen name */
			int			k,
						roles = 0;

			for (k = 0; k < ar->authors.n; k++)
				roles += ar->authors.persons[k].role != NULL;
			if (roles == 0 && !as.web)
				ar->kind = NA_KIND_COMMENTARY;
		}
		if (ar->kind == NA_KIND_ARTICLE && !ar->title && !ar->byline && !ar->dateline &&
			!ar->continued_from && ar->body && strlen(ar->body) < 600)
			ar->kind = NA_KIND_BRIEF;
		if (ar->title == NULL && ar->body == NULL && ar->caption == NULL)
		{
			/* nothing readable: an empty shell, dropped */
			ord_of[a] = 0;
			na_split_free_article(ar);
			continue;
		}
		ord_of[a] = ++kept;
		if (kept - 1 != a)
		{
			out->articles[kept - 1] = *ar;
			memset(ar, 0, sizeof(*ar));
		}
		out->articles[kept - 1].ordinal = kept;
	}
	out->n_articles = kept;

	/* segments: every byte of every line, in order */
	for (i = 0; i < n_lines; i++)
	{
		SpLine	   *l = &lines[i];
		NaSegRole	role = l->role;
		int			ord = l->art >= 0 ? ord_of[l->art] : 0;
		size_t		clen = l->ce - l->cs;
		size_t		lead = l->lead_len <= clen ? l->lead_len : clen;
		size_t		trail = l->trail_len <= clen - lead ? l->trail_len : clen - lead;
		size_t		p1,
					p2;

		if ((int) i < head_hi)
			role = (as.web && l->art >= 0) ? l->role : NA_SEG_MASTHEAD;
		else if ((int) i >= tail_lo)
			role = NA_SEG_BOILERPLATE;
		else if (l->cls == SPC_BLANK)
			role = NA_SEG_BLANK;
		if ((int) i < head_hi || (int) i >= tail_lo || l->cls == SPC_BLANK || ord == 0)
		{
			add_segment(out, &seg_cap, l->start, l->end, role, ord);
			continue;
		}
		/* lead, middle and trail pieces; spaces and newline go along */
		p1 = l->cs + lead;
		p2 = l->ce - trail;
		if (lead)
			add_segment(out, &seg_cap, l->start, p1, l->lead_role, ord);
		else
			p1 = l->start;
		if (trail)
		{
			add_segment(out, &seg_cap, p1, p2, role, ord);
			add_segment(out, &seg_cap, p2, l->end, l->trail_role, ord);
		}
		else
			add_segment(out, &seg_cap, p1, l->end, role, ord);
	}

	/* article spans */
	for (i = 0; i < out->n_segments; i++)
	{
		NaSegment  *sg = &out->segments[i];
		NaArticle  *ar;

		if (sg->ordinal <= 0)
			continue;
		ar = &out->articles[sg->ordinal - 1];
		if (ar->raw_end == 0 || sg->start < ar->raw_start)
			ar->raw_start = sg->start;
		if (sg->end > ar->raw_end)
			ar->raw_end = sg->end;
	}

	if (as.page_section)
		na_free(as.page_section);
	na_free(as.arts);
	na_free(ord_of);
	na_free(bodies);
	na_free(lines);
}
