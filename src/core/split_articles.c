/*
 * split_articles.c
 *	  Articles from the roles the line-role model gave the lines.  The model
 *	  decides; this stage only reads its answer: an article opens at a
 *	  kicker, at a title not under a kicker or title, at a byline or
 *	  subtitle with no headline above it, and at a lead (the first paragraph
 *	  of an article without headline).  Captions are photo items of their
 *	  own; credits sign the article they close; adverts and notices are
 *	  items of their own kinds, never inside an article's body.
 */
#include "split_internal.h"

/*
 * Does the model label line l?  Blank lines and continuation marks no;
 * a line that looks like debris only when it is mostly Han characters (a
 * two-character section head such as 往事), never marks or stray letters.
 */
bool
sp_line_modelled(const char *text, const SpLine *l)
{
	size_t		i,
				adv;
	int			han = 0;

	if (l->cls == SPC_BLANK || l->cls == SPC_CONT)
		return false;
	if (l->cls != SPC_GARBAGE)
		return true;
	for (i = l->cs; i < l->ce; i += adv)
		han += na_is_han(na_utf8_decode(text + i, l->ce - i, &adv));
	return han >= 2 && han * 2 >= l->ncp;
}

static bool
is_head_role(int r)
{
	return r == SPR_KICKER || r == SPR_TITLE || r == SPR_SUBTITLE;
}

static int
open_article(Asm *as, int i)
{
	as->cur = sp_new_article(as, NA_KIND_ARTICLE, i);
	return as->cur;
}

/* does line i with role r (previous sequence role prev) open an article? */
static bool
opens(const Asm *as, int r, int prev)
{
	const ArtB *cur = as->cur >= 0 ? &as->arts[as->cur] : NULL;

	if (cur == NULL || cur->closed)
		return r != SPR_CAPTION && r != SPR_CREDIT;
	switch (r)
	{
		case SPR_KICKER:
			return prev != SPR_KICKER;
		case SPR_TITLE:
			return prev != SPR_KICKER && prev != SPR_TITLE;
		case SPR_SUBTITLE:
			return !is_head_role(prev);
		case SPR_BYLINE:
			return !is_head_role(prev) && prev != SPR_BYLINE;
		case SPR_LEAD:
			return !is_head_role(prev) && prev != SPR_BYLINE;
		default:
			return false;
	}
}

static void
give_line(Asm *as, int i, int r, int prev)
{
	static const NaSegRole seg_of[SPR_N] = {
		NA_SEG_PAGE_HEADER, NA_SEG_KICKER, NA_SEG_TITLE, NA_SEG_SUBTITLE, NA_SEG_BYLINE,
		NA_SEG_BODY, NA_SEG_BODY, NA_SEG_HEADING, NA_SEG_CAPTION, NA_SEG_CREDIT,
		NA_SEG_BODY, NA_SEG_BODY, NA_SEG_BOILERPLATE
	};
	int			a = as->cur;

	switch (r)
	{
		case SPR_LEAD:
		case SPR_BODY:
			sp_add_body_line(as, i, a);
			return;
		case SPR_TITLE:
			if (prev != SPR_KICKER && prev != SPR_TITLE)
				sp_title_inline_kicker(as->text, &as->lines[i]);
			/* FALLTHROUGH */
		case SPR_KICKER:
		case SPR_SUBTITLE:
			as->arts[a].has_head = true;
			as->arts[a].has_title |= r == SPR_TITLE;
			break;
		case SPR_BYLINE:
			as->arts[a].has_byline = true;
			break;
		default:
			break;
	}
	sp_set_line(as, i, seg_of[r], a);
}

/*
 * An advert or notice line: consecutive lines of one such role are one item
 * of kind advert or notice, its lines its body.  The item is closed, so
 * whatever follows opens a new article and never runs on into it.
 */
static void
place_notice(Asm *as, int i, int r, int prev)
{
	int			a = as->cur;

	if (a < 0 || prev != r ||
		as->arts[a].kind != (r == SPR_ADVERT ? NA_KIND_ADVERT : NA_KIND_NOTICE))
		a = sp_new_article(as, r == SPR_ADVERT ? NA_KIND_ADVERT : NA_KIND_NOTICE, i);
	as->lines[i].lead_len = as->lines[i].trail_len = 0;
	sp_set_line(as, i, NA_SEG_BODY, a);
	as->arts[a].has_body = true;
	as->arts[a].closed = true;
	as->cur = a;
}

/* one line of the sequence, with the role the model gave it */
static void
place(Asm *as, int i, int r, int prev)
{
	SpLine	   *l = &as->lines[i];

	if (r == SPR_PAGE || l->cls == SPC_PAGE_HEADER)
	{
		if (l->cls == SPC_PAGE_HEADER)
			sp_on_page_header(as, i);
		else
		{
			sp_set_line(as, i, NA_SEG_PAGE_HEADER, -1);
			as->cur = -1;
		}
		return;
	}
	if (r == SPR_OTHER)
	{
		sp_set_line(as, i, l->cls == SPC_GARBAGE ? NA_SEG_GARBAGE : NA_SEG_BOILERPLATE, -1);
		return;
	}
	if (r == SPR_ADVERT || r == SPR_NOTICE)
	{
		place_notice(as, i, r, prev);
		return;
	}
	if (r == SPR_CAPTION)
	{
		int			a = sp_new_article(as, NA_KIND_PHOTO, i);

		sp_set_line(as, i, NA_SEG_CAPTION, a);
		return;
	}
	if (r == SPR_CREDIT && as->cur < 0)
	{
		/* a credit with no article before it: a picture's */
		int			a = sp_new_article(as, NA_KIND_PHOTO, i);

		sp_set_line(as, i, NA_SEG_CREDIT, a);
		return;
	}
	if (opens(as, r, prev))
		open_article(as, i);
	give_line(as, i, r, prev);
}

/*
 * A headline with no text under it (a one-line issue, a headline at the
 * end) is not thrown away: its lines become the body of a brief.
 */
static void
headline_only_to_briefs(Asm *as)
{
	int			i;

	for (i = as->lo; i < as->hi; i++)
	{
		SpLine	   *l = &as->lines[i];
		ArtB	   *ab;

		if (l->art < 0)
			continue;
		ab = &as->arts[l->art];
		if (ab->kind == NA_KIND_PHOTO || ab->has_byline || ab->has_body || ab->closed)
			continue;
		if (l->role == NA_SEG_KICKER || l->role == NA_SEG_TITLE || l->role == NA_SEG_SUBTITLE)
		{
			l->lead_len = l->trail_len = 0;
			sp_set_line(as, i, NA_SEG_BODY, l->art);
		}
	}
}

void
sp_assemble_roles(Asm *as)
{
	int		   *seq = (int *) na_alloc(sizeof(int) * (size_t) (as->hi - as->lo + 1));
	SpRole	   *roles;
	float	   *margin;
	SpSeq		sq;
	int			n = 0,
				i,
				k,
				prev = SPR_N;

	for (i = as->lo; i < as->hi; i++)
	{
		SpLine	   *l = &as->lines[i];

		if (sp_line_modelled(as->text, l))
			seq[n++] = i;
		else if (l->cls == SPC_GARBAGE)
			sp_set_line(as, i, NA_SEG_GARBAGE, -1);
	}
	sp_list_mark(as->text, as->lines, seq, n);
	roles = (SpRole *) na_alloc(sizeof(SpRole) * (size_t) (n + 1));
	margin = (float *) na_alloc(sizeof(float) * (size_t) (n + 1));
	memset(&sq, 0, sizeof(sq));
	sq.text = as->text;
	sq.lines = as->lines;
	sq.seq = seq;
	sq.n = n;
	sp_doc_style(as->lines, as->lo, as->hi, &sq.doc_ind, &sq.doc_gap);
	sq.doc_cols = as->cols;
	sp_roles_decode(&sq, roles, margin);
	/*
	 * a text of one line is a brief, unless it has a page header's shape:
	 * the model has seen no one-line issue and may call it anything.  A
	 * headline alone is a brief already; a byline, credit, caption or
	 * section head alone would belong to no article and its text be in no
	 * row.
	 */
	if (n == 1 && as->lines[seq[0]].cls != SPC_PAGE_HEADER &&
		(roles[0] == SPR_PAGE || roles[0] == SPR_OTHER || roles[0] == SPR_BYLINE ||
		 roles[0] == SPR_CREDIT || roles[0] == SPR_CAPTION || roles[0] == SPR_HEADING))
		roles[0] = SPR_LEAD;
	sp_end_cues(as->text, as->lines, seq, n, roles);
	sp_stack_cues(as->text, as->lines, seq, n, roles);
	sp_numbered_parts(as->text, as->lines, seq, n, roles);
	sp_parallel_parts(as->text, as->lines, seq, n, roles);

	/* walk all lines: continuation marks keep their own handling */
	for (i = as->lo, k = 0; i < as->hi; i++)
	{
		SpLine	   *l = &as->lines[i];

		if ((i & 0x3FF) == 0)
			na_check_interrupts();
		if (l->cls == SPC_CONT)
		{
			sp_on_continuation(as, i);
			continue;
		}
		if (k >= n || seq[k] != i)
			continue;
		l->model_role = roles[k];
		l->score = margin[k];
		place(as, i, roles[k], prev);
		prev = roles[k];
		k++;
	}
	headline_only_to_briefs(as);
	na_free(seq);
	na_free(roles);
	na_free(margin);
}
