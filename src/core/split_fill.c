/*
 * split_fill.c
 *	  The last stage of the splitter: from the assembled lines (role and
 *	  article of each) to the articles' fields (kicker, title, byline,
 *	  dateline, clean body), their kinds, and the segments that label every
 *	  byte of the raw text.
 */
#include "split_internal.h"

static char *
dup_range(const char *s, size_t len)
{
	return len ? na_strndup(s, len) : NULL;
}

static void
parse_authors_into(const char *s, size_t len, NaByline *b)
{
	na_byline_parse(s, len, b);
}

/*
 * A closing credit's persons (（本报记者 X）, 责编, 校对, X 摄) join the
 * article's: a name the byline already gave keeps its place and role, any
 * other is added with the credit's role, so an editor or photographer
 * printed only at the end is not lost.
 */
static void
merge_credit_authors(const char *s, size_t len, NaByline *b)
{
	NaByline	c;
	int			k,
				j;

	memset(&c, 0, sizeof(c));
	na_byline_parse(s, len, &c);
	for (k = 0; k < c.n; k++)
	{
		const char *nm = c.persons[k].name;
		bool		known = false;

		for (j = 0; j < b->n && !known; j++)
			known = strcmp(b->persons[j].name, nm) == 0;
		/*
		 * only a role word's name: a closing note (（资料来源：参考消息、海外
		 * 网等）) has none, and two names printed without a gap (严玉洁王辉)
		 * are longer than a Chinese name without a ·
		 */
		if (known || b->n >= NA_BYLINE_MAX || c.persons[k].role == NULL ||
			(na_utf8_count(nm, strlen(nm)) > 4 && strstr(nm, "·") == NULL))
			continue;
		b->persons[b->n++] = c.persons[k];
		memset(&c.persons[k], 0, sizeof(NaPerson));
	}
	na_byline_free(&c);
}

/* the persons of a credit or a lead's brackets: all of them when the
 * article has none yet, else those merge_credit_authors() lets join */
static void
add_authors(const char *s, size_t len, NaByline *b)
{
	if (b->n == 0)
		parse_authors_into(s, len, b);
	else
		merge_credit_authors(s, len, b);
}

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

typedef struct Fill
{
	Asm		   *as;
	NaSplit    *out;
	SpBodyState *bodies;
	bool	   *had_body;		/* a body line was given to the article */
	int			head_hi;
	bool		doc_ind;		/* paragraphs open indented (sp_doc_style) */
} Fill;

static void
set_reported(NaArticle *ar, const char *s, size_t len, const NaIssueInfo *info)
{
	int			y,
				m,
				d;

	if (sp_resolve_reported_on(s, len, info, &y, &m, &d))
	{
		ar->reported_y = y;
		ar->reported_m = m;
		ar->reported_d = d;
	}
}

/* a body line; the first one may carry the dateline and the reporters */
static void
fill_body_line(Fill *fl, const SpLine *l, NaArticle *ar)
{
	const char *s = fl->as->text + l->cs;
	size_t		clen = l->ce - l->cs;
	size_t		lead = l->lead_len <= clen ? l->lead_len : clen;
	size_t		trail = l->trail_len <= clen - lead ? l->trail_len : clen - lead;
	const char *mid = s + lead;
	size_t		mlen = clen - lead - trail;
	SpBodyState *body = &fl->bodies[l->art];
	bool		lead_taken = false;

	if (l->lead_role == NA_SEG_DATELINE && lead && ar->dateline == NULL &&
		!fl->had_body[l->art])
	{
		size_t		dl = l->dateline_len < lead ? l->dateline_len : lead;

		lead_taken = true;
		if (dl > 0)
			ar->dateline = dup_range(s, dl);
		if (lead > l->dateline_len)
		{
			/* 本报北京5月14日电 （记者杜海涛） */
			const char *br = s + l->dateline_len;
			size_t		bl = lead - l->dateline_len;

			/* under a byline: its reporters join the byline's */
			add_authors(br, bl, &ar->authors);
			while (bl > 0 && (br[bl - 1] == ' '))
				bl--;
			if (ar->byline == NULL)
				append_field(&ar->byline, br, bl, " ");
		}
		set_reported(ar, s, l->dateline_len, &fl->out->info);
		if (ar->reported_y == 0)
			set_reported(ar, mid, mlen, &fl->out->info);
	}
	else if (!fl->had_body[l->art] && ar->reported_y == 0)
		set_reported(ar, mid, mlen, &fl->out->info);
	fl->had_body[l->art] = true;

	/*
	 * Where paragraphs open indented, an indented line opens one: a line
	 * before it that ends no sentence (a signature 张　明 read as text) is
	 * not run into it.
	 */
	if (fl->doc_ind && l->indented)
		sp_body_break(body);
	if ((l->list_item || l->bullet_item) && lead == 0 && trail == 0)
		sp_body_add_item(body, s, clen);
	/*
	 * A dateline lead the fields did not take (the article has its dateline,
	 * or a paragraph further down opens with one: a round-up's 本报讯 pieces,
	 * a column-broken line that reads like one) stays in the body.
	 */
	else if ((l->lead_role == NA_SEG_DATELINE && lead_taken) ||
			 l->lead_role == NA_SEG_GARBAGE ||
			 l->lead_role == NA_SEG_CONTINUATION)
		sp_body_add(body, mid, mlen + (l->trail_role == NA_SEG_CONTINUATION ? 0 : trail), false);
	else
		sp_body_add(body, s, clen - (l->trail_role == NA_SEG_CONTINUATION ? trail : 0), false);
}

/* the text of line i into the field its role names */
static void
fill_line(Fill *fl, int i)
{
	const SpLine *l = &fl->as->lines[i];
	NaArticle  *ar = &fl->out->articles[l->art];
	const char *s = fl->as->text + l->cs;
	size_t		clen = l->ce - l->cs;
	size_t		lead = l->lead_len <= clen ? l->lead_len : clen;
	size_t		trail = l->trail_len <= clen - lead ? l->trail_len : clen - lead;

	/*
	 * A lead goes to its own field (a kicker run into the title) or is a
	 * mark the row keeps otherwise (下转, garbage); any other lead, a
	 * dateline on a line read as a headline or caption, stays in the text.
	 */
	if (lead && l->lead_role != NA_SEG_KICKER &&
		l->lead_role != NA_SEG_CONTINUATION && l->lead_role != NA_SEG_GARBAGE)
		lead = 0;

	switch (l->role)
	{
		case NA_SEG_TITLE:
			if (l->lead_role == NA_SEG_KICKER && lead)
				append_field(&ar->kicker, s, lead, " ");
			append_field(&ar->title, s + lead, clen - lead - trail, " ");
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
			if (fl->as->web && i < fl->head_hi)
			{
				const char *bs;
				size_t		bl;

				web_source_authors(s, clen, &fl->out->info, &ar->authors, &bs, &bl);
				append_field(&ar->byline, bs, bl, " ");
			}
			else
			{
				append_field(&ar->byline, s, clen, " ");
				parse_authors_into(s, clen, &ar->authors);
			}
			break;
		case NA_SEG_CREDIT:
			/*
			 * a source line (《 X报 》…, 来源：X) names a paper, a writer's
			 * note (（作者为X大学教授）) a post: neither names a person
			 */
			if (!sp_source_line(s, clen, l->ncp) && !sp_writer_note(s, clen, l->ncp, true) &&
				!sp_picture_note(s, clen, l->ncp) && !sp_closing_note(s, clen, l->ncp))
				add_authors(s, clen, &ar->authors);
			/* led by a dateline, it is more than a credit: kept as text */
			if (l->lead_role == NA_SEG_DATELINE && l->lead_len > 0)
				sp_body_add(&fl->bodies[l->art], s, clen, true);
			else
				append_field(&ar->notes, s, clen, "\n");
			break;
		case NA_SEG_CAPTION:
			sp_body_add(&fl->bodies[l->art], s + lead, clen - lead - trail, false);
			if (trail)
			{
				parse_authors_into(s + clen - trail, trail, &ar->authors);
				append_field(&ar->notes, s + clen - trail, trail, "\n");
			}
			break;
		case NA_SEG_BODY:
			if (fl->as->arts[l->art].kind == NA_KIND_ADVERT ||
				fl->as->arts[l->art].kind == NA_KIND_NOTICE)
			{
				/* an advert's lines (寻人启事, the text, 电话) stay apart */
				sp_body_add(&fl->bodies[l->art], s, clen, true);
				break;
			}
			fill_body_line(fl, l, ar);
			break;
		case NA_SEG_HEADING:
			sp_body_add(&fl->bodies[l->art], s, clen, true);
			break;
		default:
			break;
	}
}

/* article kinds from what the fields say */
static void
set_kind(NaArticle *ar, bool web)
{
	int			k,
				roles = 0;

	if (ar->kind == NA_KIND_ARTICLE &&
		(mentions_commentary(ar->subtitle) || mentions_commentary(ar->kicker) ||
		 mentions_commentary(ar->section)))
		ar->kind = NA_KIND_COMMENTARY;
	for (k = 0; k < ar->authors.n && ar->kind == NA_KIND_ARTICLE; k++)
		if (ar->authors.persons[k].role && strstr(ar->authors.persons[k].role, "评论员"))
			ar->kind = NA_KIND_COMMENTARY;
	if (ar->kind == NA_KIND_ARTICLE && !ar->dateline && ar->authors.n > 0)
	{
		/* signed without any role: a commentary's pen name */
		for (k = 0; k < ar->authors.n; k++)
			roles += ar->authors.persons[k].role != NULL;
		if (roles == 0 && !web)
			ar->kind = NA_KIND_COMMENTARY;
	}
	if (ar->kind == NA_KIND_ARTICLE && !ar->title && !ar->byline && !ar->dateline &&
		!ar->continued_from && ar->body && strlen(ar->body) < 600)
		ar->kind = NA_KIND_BRIEF;
}

/* finish the bodies, drop empty shells; ord_of maps builder index -> ordinal */
static void
finish_articles(Fill *fl, int *ord_of)
{
	Asm		   *as = fl->as;
	NaSplit    *out = fl->out;
	int			a,
				kept = 0;

	for (a = 0; a < as->n_arts; a++)
	{
		NaArticle  *ar = &out->articles[a];
		ArtB	   *ab = &as->arts[a];
		char	   *body = sp_body_finish(&fl->bodies[a]);

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
		ab->section = NULL;
		set_kind(ar, as->web);
		if (ar->title == NULL && ar->body == NULL && ar->caption == NULL &&
			ar->kicker == NULL && ar->subtitle == NULL && ar->byline == NULL &&
			ar->dateline == NULL && ar->notes == NULL)
		{
			/*
			 * nothing at all: an empty shell, dropped (a shell with only a
			 * byline or a credit keeps its row: that text is in no other)
			 */
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
}

static void
add_segment_scored(NaSplit *sp, size_t *cap, size_t start, size_t end, NaSegRole role,
				   int ord, float score)
{
	size_t		before = sp->n_segments;

	add_segment(sp, cap, start, end, role, ord);
	if (sp->n_segments > before)
		sp->segments[sp->n_segments - 1].score = score;
}

/* segments: every byte of every line, in order */
static void
build_segments(Fill *fl, const int *ord_of, int n_lines, int tail_lo)
{
	Asm		   *as = fl->as;
	NaSplit    *out = fl->out;
	size_t		seg_cap = 0;
	int			i;

	for (i = 0; i < n_lines; i++)
	{
		SpLine	   *l = &as->lines[i];
		NaSegRole	role = l->role;
		int			ord = l->art >= 0 ? ord_of[l->art] : 0;
		size_t		clen = l->ce - l->cs;
		size_t		lead = l->lead_len <= clen ? l->lead_len : clen;
		size_t		trail = l->trail_len <= clen - lead ? l->trail_len : clen - lead;
		size_t		p1,
					p2;

		if (i < fl->head_hi)
			role = (as->web && l->art >= 0) ? l->role : NA_SEG_MASTHEAD;
		else if (i >= tail_lo)
			role = NA_SEG_BOILERPLATE;
		else if (l->cls == SPC_BLANK)
			role = NA_SEG_BLANK;
		if (i < fl->head_hi || i >= tail_lo || l->cls == SPC_BLANK || ord == 0)
		{
			add_segment_scored(out, &seg_cap, l->start, l->end, role, ord, l->score);
			continue;
		}
		/* lead, middle and trail pieces; spaces and newline go along */
		p1 = l->cs + lead;
		p2 = l->ce - trail;
		if (lead)
			add_segment_scored(out, &seg_cap, l->start, p1, l->lead_role, ord, l->score);
		else
			p1 = l->start;
		if (trail)
		{
			add_segment_scored(out, &seg_cap, p1, p2, role, ord, l->score);
			add_segment_scored(out, &seg_cap, p2, l->end, l->trail_role, ord, l->score);
		}
		else
			add_segment_scored(out, &seg_cap, p1, l->end, role, ord, l->score);
	}
}

static void
article_spans(NaSplit *out)
{
	size_t		i;

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
}

/*
 * A byline with no article of its own (a byline line over a headline that
 * opened another article, as the rule assembler reads some OCR pages) goes
 * to the article that starts right after it, else to the one before it:
 * dropped as an empty row, its text would be in no row.
 */
static void
fold_lone_bylines(Asm *as, int n_lines)
{
	bool	   *other = (bool *) na_alloc0(sizeof(bool) * ((size_t) as->n_arts + 1));
	int			i,
				j;

	for (i = 0; i < n_lines; i++)
		if (as->lines[i].art >= 0 && as->lines[i].role != NA_SEG_BYLINE)
			other[as->lines[i].art] = true;
	for (i = 0; i < n_lines; i++)
	{
		SpLine	   *l = &as->lines[i];
		int			a = l->art,
					to = -1;

		if (a < 0 || other[a])
			continue;
		for (j = i + 1; j < n_lines; j++)
			if (as->lines[j].art != a && as->lines[j].cls != SPC_BLANK)
				break;
		if (j < n_lines && as->lines[j].art >= 0 && other[as->lines[j].art])
			to = as->lines[j].art;
		for (j = i - 1; to < 0 && j >= 0; j--)
			if (as->lines[j].art >= 0 && other[as->lines[j].art])
				to = as->lines[j].art;
		if (to >= 0)
			l->art = to;
	}
	na_free(other);
}

void
sp_fill(Asm *as, NaSplit *out, int n_lines, int head_hi, int tail_lo)
{
	Fill		fl;
	size_t		na = (size_t) as->n_arts + 1;
	int		   *ord_of = (int *) na_alloc(sizeof(int) * na);
	int			a,
				i;

	fl.as = as;
	fl.out = out;
	fl.head_hi = head_hi;
	fl.bodies = (SpBodyState *) na_alloc(sizeof(SpBodyState) * na);
	fl.had_body = (bool *) na_alloc0(sizeof(bool) * na);
	{
		bool		gappy;

		sp_doc_style(as->lines, as->lo, as->hi, &fl.doc_ind, &gappy);
	}
	out->articles = (NaArticle *) na_alloc0(sizeof(NaArticle) * na);
	for (a = 0; a < as->n_arts; a++)
		sp_body_init(&fl.bodies[a]);
	fold_lone_bylines(as, n_lines);
	for (i = 0; i < n_lines; i++)
	{
		if ((i & 0x3FF) == 0)
			na_check_interrupts();
		if (as->lines[i].art >= 0)
			fill_line(&fl, i);
	}
	finish_articles(&fl, ord_of);
	build_segments(&fl, ord_of, n_lines, tail_lo);
	article_spans(out);
	na_free(ord_of);
	na_free(fl.bodies);
	na_free(fl.had_body);
}
