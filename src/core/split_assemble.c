/*
 * split_assemble.c
 *	  The rule assembler: walk the classified lines of an issue and group
 *	  them into articles.  Used for OCR'd issues with heading marks (where a
 *	  title may be printed after its article) and for a saved web page (one
 *	  article); other issues are assembled from the line-role model's roles
 *	  (split_articles.c).  The helpers that open articles and give lines to
 *	  them are shared by both.
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


int
sp_new_article(Asm *as, NaArticleKind kind, int line)
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
	if (kind != NA_KIND_PHOTO && kind != NA_KIND_ADVERT && kind != NA_KIND_NOTICE &&
		as->pending_from)
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

void
sp_set_line(Asm *as, int i, NaSegRole role, int art)
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

void
sp_add_body_line(Asm *as, int i, int a)
{
	SpLine	   *l = &as->lines[i];
	ArtB	   *ab = &as->arts[a];

	sp_set_line(as, i, NA_SEG_BODY, a);
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
typedef struct HeadBlock
{
	int			g[64];			/* its lines */
	int			n;
	int			lv_min;			/* the most prominent heading mark, 99 if none */
	int			next;			/* the first line after it (as->hi at the end) */
} HeadBlock;

/*
 * A line of a long list or one of bulleted points in a row (split_list.c)
 * with no heading mark, while an article is open: an item of its body,
 * never a headline.
 */
static bool
list_body(const Asm *as, int i)
{
	const SpLine *l = &as->lines[i];
	const ArtB *cur = as->cur >= 0 ? &as->arts[as->cur] : NULL;

	return (l->list_item || l->bullet_item) && l->level == 0 && cur != NULL &&
		!cur->closed && (cur->has_head || cur->has_body);
}

static void
gather_head(Asm *as, int i, HeadBlock *hb)
{
	hb->n = 0;
	hb->lv_min = 99;
	while (i < as->hi && as->lines[i].cls == SPC_HEAD && !list_body(as, i))
	{
		if (hb->n < 64)
			hb->g[hb->n++] = i;
		else
			sp_set_line(as, i, NA_SEG_GARBAGE, -1);
		if (as->lines[i].level > 0 && as->lines[i].level < hb->lv_min)
			hb->lv_min = as->lines[i].level;
		i = next_nonblank(as, i + 1);
	}
	hb->next = i;
}

static bool
head_line_kicker_like(Asm *as, int i)
{
	return sp_kicker_like(as->text + as->lines[i].cs, as->lines[i].ce - as->lines[i].cs);
}

/* a web page holds one article: captions first, then section heads */
static void
head_in_web_page(Asm *as, const HeadBlock *hb)
{
	int			j;

	for (j = 0; j < hb->n; j++)
	{
		/* sp_new_article() may move the table: index it afresh */
		if (!as->arts[as->cur].has_body)
		{
			int			a = sp_new_article(as, NA_KIND_PHOTO, hb->g[j]);

			sp_set_line(as, hb->g[j], NA_SEG_CAPTION, a);
		}
		else
			sp_set_line(as, hb->g[j], NA_SEG_HEADING, as->cur);
	}
}

/*
 * A headline block before a byline or dateline opens an article.  When the
 * current article has no title yet, the block may also hold that article's
 * headline, printed after it: the next article keeps the block's last
 * line, with a column label or subtitle under its title.
 */
static void
head_opens_article(Asm *as, HeadBlock *hb)
{
	ArtB	   *cur = as->cur >= 0 ? &as->arts[as->cur] : NULL;
	bool		has_sub = false;
	int			j,
				a;

	for (j = 1; j < hb->n; j++)
		if (sp_starts(as->text + as->lines[hb->g[j]].cs,
					  as->lines[hb->g[j]].ce - as->lines[hb->g[j]].cs, "—"))
			has_sub = true;
	if (cur && !cur->has_title && cur->has_byline && cur->has_body && hb->n >= 3 && !has_sub &&
		!head_line_kicker_like(as, hb->g[0]))
	{
		int			keep = 1;

		while (keep < hb->n - 1)
		{
			SpLine	   *kl = &as->lines[hb->g[hb->n - keep]];
			const char *ks = as->text + kl->cs;
			size_t		klen = kl->ce - kl->cs;

			if (!sp_is_column_label(ks, klen) && !sp_starts(ks, klen, "—"))
				break;
			keep++;
		}
		take_headline(as, hb->g, hb->n - keep, as->cur);
		memmove(hb->g, hb->g + hb->n - keep, sizeof(int) * keep);
		hb->n = keep;
	}
	a = sp_new_article(as, NA_KIND_ARTICLE, hb->g[0]);
	take_headline(as, hb->g, hb->n, a);
	as->cur = a;
}

/* the block's lines as section heads of the current article, or body text */
static void
head_inside_article(Asm *as, const HeadBlock *hb)
{
	ArtB	   *cur = &as->arts[as->cur];
	int			k;

	for (k = 0; k < hb->n; k++)
	{
		SpLine	   *l = &as->lines[hb->g[k]];

		/*
		 * An unmarked short line in a marked document, or right after a
		 * sentence broken off, is body text cut by the layout.
		 */
		if (l->level == 0 && (as->marked_doc || (k == 0 && cur->open_sentence) ||
							  sp_count_cp(as->text + l->cs, l->ce - l->cs, 0xFF0C) > 0 ||
							  sp_count_cp(as->text + l->cs, l->ce - l->cs, ',') > 0))
			sp_add_body_line(as, hb->g[k], as->cur);
		else
		{
			sp_set_line(as, hb->g[k], NA_SEG_HEADING, as->cur);
			cur->open_sentence = false;
		}
	}
}

/* followed by plain text: a new article, a subtitle or a section head? */
static void
head_before_text(Asm *as, const HeadBlock *hb)
{
	ArtB	   *cur = as->cur >= 0 ? &as->arts[as->cur] : NULL;
	bool		fresh;
	int			j,
				a;

	fresh = cur == NULL || cur->closed ||
		(hb->lv_min < 99 && hb->lv_min <= cur->title_level) ||
		(!cur->has_body && !cur->has_head);
	if (!fresh && hb->n >= 2)
	{
		/* a numbered head (一、 （二）) is a section's, whatever its words */
		for (j = 0; j < hb->n; j++)
			if (head_line_kicker_like(as, hb->g[j]) &&
				!sp_line_numbered(as->text, &as->lines[hb->g[j]]))
				fresh = true;
	}
	if (!fresh && cur && cur->has_head && !cur->has_body)
	{
		/* more headline after the headline: a subtitle */
		for (j = 0; j < hb->n; j++)
			sp_set_line(as, hb->g[j], NA_SEG_SUBTITLE, as->cur);
		return;
	}
	if (fresh)
	{
		a = sp_new_article(as, NA_KIND_ARTICLE, hb->g[0]);
		take_headline(as, hb->g, hb->n, a);
		as->cur = a;
		return;
	}
	head_inside_article(as, hb);
}

/*
 * Unmarked lines that open the block and end in a date line alone sign the
 * open article off (an issuer and a date under a document or letter): the
 * last lines of its body, as printed, and the article is closed.  They are
 * taken out of the block.
 */
static void
head_signature(Asm *as, HeadBlock *hb)
{
	ArtB	   *cur = as->cur >= 0 ? &as->arts[as->cur] : NULL;
	int			k,
				m;

	if (cur == NULL || cur->closed || !cur->has_body)
		return;
	for (m = 0; m < hb->n && as->lines[hb->g[m]].level == 0 && !as->lines[hb->g[m]].marked; m++)
		;
	m = sp_sign_block(as->text, as->lines, hb->g, m, 3);
	if (m == 0)
		return;
	for (k = 0; k < m; k++)
		sp_add_body_line(as, hb->g[k], as->cur);
	as->arts[as->cur].closed = true;
	memmove(hb->g, hb->g + m, sizeof(int) * (hb->n - m));
	hb->n -= m;
}

/*
 * An unmarked line closing in a colon at the end of a block with a marked
 * headline is a salutation (各位代表：, 亲爱的同学们：): it opens the body.
 * Taken out of the block; its index, or -1.
 */
static int
head_salutation(Asm *as, HeadBlock *hb)
{
	const SpLine *l;

	if (hb->n < 2 || hb->lv_min == 99)
		return -1;
	l = &as->lines[hb->g[hb->n - 1]];
	if (l->level > 0 || l->marked || l->ncp > 20 ||
		!sp_ends(as->text + l->cs, l->ce - l->cs, "："))
		return -1;
	return hb->g[--hb->n];
}

/* a headline block followed by line k: an article, a photo, section heads */
static void
on_head_block(Asm *as, HeadBlock *hb, int k, int *pi)
{
	SpClass		nx = k < as->hi ? as->lines[k].cls : SPC_BLANK;
	const SpLine *nl = k < as->hi ? &as->lines[k] : NULL;
	int			j,
				a;

	if (as->web && as->cur >= 0)
		head_in_web_page(as, hb);
	else if (nx == SPC_CREDIT || nx == SPC_CAPTION)
	{
		/* a photo with its own headline */
		a = sp_new_article(as, NA_KIND_PHOTO, hb->g[0]);
		take_headline(as, hb->g, hb->n, a);
		sp_set_line(as, k, nx == SPC_CREDIT ? NA_SEG_CREDIT : NA_SEG_CAPTION, a);
		*pi = k + 1;
	}
	else if (nx == SPC_BYLINE ||
			 (nx == SPC_BODY && nl->lead_role == NA_SEG_DATELINE && nl->lead_len > 0))
		head_opens_article(as, hb);
	else if (nx == SPC_BLANK || nx == SPC_PAGE_HEADER || nx == SPC_GARBAGE)
	{
		/* a headline with nothing after it: the title of a titleless article */
		if (as->cur >= 0 && !as->arts[as->cur].has_title && as->arts[as->cur].has_body)
			take_headline(as, hb->g, hb->n, as->cur);
		else
			for (j = 0; j < hb->n; j++)
				sp_set_line(as, hb->g[j], NA_SEG_GARBAGE, -1);
	}
	else
		head_before_text(as, hb);
}

static void
on_head(Asm *as, int *pi)
{
	HeadBlock	hb;
	int			sal = -1;

	gather_head(as, *pi, &hb);
	*pi = hb.next;
	if (!as->web)
	{
		head_signature(as, &hb);
		sal = head_salutation(as, &hb);
	}
	if (hb.n > 0)
		on_head_block(as, &hb, hb.next, pi);
	if (sal >= 0 && as->cur >= 0)
		sp_add_body_line(as, sal, as->cur);
	else if (sal >= 0)
		sp_set_line(as, sal, NA_SEG_GARBAGE, -1);
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
		a = sp_new_article(as, NA_KIND_ARTICLE, g[0]);
		as->cur = a;
	}
	for (k = 0; k < n; k++)
		sp_set_line(as, g[k], NA_SEG_BYLINE, a);
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
		sp_set_line(as, i, NA_SEG_CREDIT, as->cur);
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
			sp_set_line(as, i, NA_SEG_CREDIT, last);
			return;
		}
	}
	a = sp_new_article(as, NA_KIND_PHOTO, i);
	sp_set_line(as, i, NA_SEG_CREDIT, a);
}

static void
on_body(Asm *as, int i)
{
	SpLine	   *l = &as->lines[i];
	ArtB	   *cur = as->cur >= 0 ? &as->arts[as->cur] : NULL;

	if (cur == NULL || cur->closed ||
		(l->lead_role == NA_SEG_DATELINE && l->lead_len > 0 && cur->has_body && !as->web))
	{
		as->cur = sp_new_article(as, NA_KIND_ARTICLE, i);
		cur = &as->arts[as->cur];
	}
	sp_add_body_line(as, i, as->cur);
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
	a = sp_new_article(as, NA_KIND_ARTICLE, first);
	as->cur = a;
	for (i = first + 1; i < last && n < 16; i++)
		if (as->lines[i].cls != SPC_BLANK)
		{
			as->lines[i].cls = SPC_HEAD;
			g[n++] = i;
		}
	if (n > 0)
		take_headline(as, g, n, a);
	sp_set_line(as, last, NA_SEG_BYLINE, a);
	as->arts[a].has_byline = true;
	(void) info;
}

/*
 * The authors printed on a web page's date-and-source line, after 来源 and
 * the source's name.  The writers come first; a picture credit after them
 * (供图 X or 摄 X) is not theirs, so the names stop there.  Returns the
 * credit text (the byline as printed) through bs and bl.
 */
/* a page header closes the current article and names the page's section */
void
sp_on_page_header(Asm *as, int i)
{
	SpLine	   *l = &as->lines[i];
	size_t		off = 0,
				sl = 0;

	sp_match_page_header(as->text + l->cs, l->ce - l->cs, &off, &sl);
	if (as->page_section)
		na_free(as->page_section);
	as->page_section = dup_range(as->text + l->cs + off, sl);
	sp_set_line(as, i, NA_SEG_PAGE_HEADER, -1);
	as->cur = -1;
}

/* (下转第N版) / (上接第N版) alone on a line */
void
sp_on_continuation(Asm *as, int i)
{
	SpLine	   *l = &as->lines[i];

	if (l->cont_to && as->cur >= 0)
	{
		as->arts[as->cur].continued_to = l->cont_to;
		as->arts[as->cur].closed = true;
		sp_set_line(as, i, NA_SEG_CONTINUATION, as->cur);
	}
	else if (l->cont_from && as->cur >= 0 && !as->arts[as->cur].has_body)
	{
		as->arts[as->cur].continued_from = l->cont_from;
		sp_set_line(as, i, NA_SEG_CONTINUATION, as->cur);
	}
	else
	{
		if (l->cont_from)
			as->pending_from = l->cont_from;
		sp_set_line(as, i, NA_SEG_CONTINUATION, -1);
	}
}

/* the long lists among the issue's lines (split_list.c) */
static void
mark_lists(Asm *as)
{
	int		   *seq = (int *) na_alloc(sizeof(int) * (size_t) (as->hi - as->lo + 1));
	int			n = 0,
				i;

	for (i = as->lo; i < as->hi; i++)
		if (as->lines[i].cls != SPC_BLANK)
			seq[n++] = i;
	sp_list_mark(as->text, as->lines, seq, n);
	na_free(seq);
}

void
sp_assemble_rules(Asm *as, const NaIssueInfo *info, int head_hi)
{
	int			i;

	if (as->web)
		web_head(as, info, head_hi);
	else
		mark_lists(as);
	for (i = as->lo; i < as->hi;)
	{
		SpLine	   *l = &as->lines[i];
		int			a;

		na_check_interrupts();
		if (l->cls != SPC_BLANK && l->cls != SPC_PAGE_HEADER && l->cls != SPC_CONT &&
			list_body(as, i))
		{
			sp_add_body_line(as, i, as->cur);
			i++;
			continue;
		}
		switch (l->cls)
		{
			case SPC_BLANK:
				i++;
				break;
			case SPC_GARBAGE:
				sp_set_line(as, i, NA_SEG_GARBAGE, -1);
				i++;
				break;
			case SPC_PAGE_HEADER:
				sp_on_page_header(as, i);
				i++;
				break;
			case SPC_CONT:
				sp_on_continuation(as, i);
				i++;
				break;
			case SPC_HEAD:
				on_head(as, &i);
				break;
			case SPC_BYLINE:
				on_byline(as, &i);
				break;
			case SPC_CREDIT:
				on_credit(as, i);
				i++;
				break;
			case SPC_CAPTION:
				a = sp_new_article(as, NA_KIND_PHOTO, i);
				sp_set_line(as, i, NA_SEG_CAPTION, a);
				i++;
				break;
			case SPC_BODY:
				on_body(as, i);
				i++;
				break;
		}
	}
}
