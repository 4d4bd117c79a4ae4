/*
 * split_parallel.c
 *	  The parts of an un-numbered compilation kept in it: a district
 *	  round-up (黄浦区“先锋上海”志愿者打头阵, 长宁区居民“金点子”更生动周全,
 *	  普陀区“特殊专车”闭环接送血透患者) or a round of places (浦东：…,
 *	  闵行：…) whose parts each close with their own credit.
 *
 * After a part's credit the model reads the next part's head as a new
 * article's title: a credit closes an article, and the head is as long as a
 * title.  What tells a part from a new article is that its head is built
 * like the section heads already read inside the article: a different name
 * ending in the same character (区, 县) or followed by the same separator
 * (：, ｜).  A title built like the article's heads becomes a section head
 * of that article, with the head lines under it, once three heads make a
 * series (two before it, or one before it and the next article's title);
 * the first part, read as a title right under the introduction, goes on
 * with them.  Speakers' names of any length and script before one colon
 * (Evi1m0：…, 蓝色di雪球：…) are such a form too.  A head said again
 * (the same question put to each of several people) and a head that is a
 * piece of the article's headline go on as well.
 * Numbered heads are left to sp_numbered_parts.
 */
#include "split_internal.h"

/* code points of a head compared: the name and its ending sit early */
#define PAR_CP		10
/* the last position a separator is looked for, and a name ending */
#define PAR_SEP_AT	8
#define PAR_END_LO	2
#define PAR_END_HI	3
/* the shortest name before a separator */
#define PAR_NAME_MIN	2
/* an introduction: an article of at most this many body paragraphs */
#define PAR_INTRO	2
/* lines looked through for the next article's title */
#define PAR_LOOK	200
/* section heads of one article remembered */
#define PAR_HEADS	16
/* short lines of one article remembered, for a head said again */
#define PAR_SHORT	64
/* a head said again: at least this long (a column label, 图片新闻, is not) */
#define PAR_REPEAT_MIN	6
/* ... and said this many times before in the article */
#define PAR_REPEATS	2
/*
 * heads sharing only a character: the shorter at least this fraction of the
 * longer (a name before a separator is form enough at any length)
 */
#define PAR_LEN_RATIO	0.6

typedef struct ParHead
{
	uint32_t	cp[PAR_CP];
	int			n;				/* code points kept */
	int			ncp;			/* the line's length */
	bool		series;			/* built like an earlier head of the article */
	bool		part;			/* read as a section head, or a title right
								 * under an introduction */
} ParHead;

static void
head_read(const char *text, const SpLine *l, ParHead *h)
{
	size_t		i,
				adv;

	h->n = 0;
	h->ncp = l->ncp;
	h->series = false;
	h->part = false;
	for (i = l->cs; i < l->ce && h->n < PAR_CP; i += adv)
		h->cp[h->n++] = na_utf8_decode(text + i, l->ce - i, &adv);
}

/* a separator after a name: ：: ｜| 丨 · ・ — */
static bool
is_sep(uint32_t c)
{
	return c == 0xFF1A || c == ':' || c == 0xFF5C || c == '|' ||
		c == 0x4E28 || c == 0x00B7 || c == 0x30FB || c == 0x2014;
}

/*
 * Are the code points before p a name: content Han, Latin letters or
 * digits (Evi1m0, redrain, 蓝色di雪球)?  A function character (的, 了) or
 * punctuation is no name.
 */
static bool
lead_in_name(const ParHead *h, int p)
{
	int			i;

	for (i = 0; i < p; i++)
	{
		uint8_t		c = sp_char_class(h->cp[i]);

		if (!(c & SPX_CONTENT) && (!(c & SPX_WORD) || (c & SPX_HAN)))
			return false;
	}
	return true;
}

/* the first separator of h within PAR_SEP_AT code points, or -1 */
static int
sep_at(const ParHead *h)
{
	int			p;

	for (p = 1; p < h->n - 1 && p <= PAR_SEP_AT; p++)
		if (is_sep(h->cp[p]))
			return p;
	return -1;
}

/* do a and b differ before position p? */
static bool
differ_before(const ParHead *a, const ParHead *b, int p)
{
	int			i;

	for (i = 0; i < p; i++)
		if (a->cp[i] != b->cp[i])
			return true;
	return false;
}

/*
 * Two heads built alike: a different lead-in (the name) followed by the
 * same separator within the first PAR_SEP_AT code points, or ending in the
 * same Han character at position PAR_END_LO .. PAR_END_HI in heads of
 * about one length.  A shared lead-in (two heads both opening 上海) is a
 * shared topic, not a form.
 */
static bool
parallel(const ParHead *a, const ParHead *b)
{
	int			m = (a->n < b->n ? a->n : b->n) - 1;
	int			shorter = a->ncp < b->ncp ? a->ncp : b->ncp;
	int			longer = a->ncp < b->ncp ? b->ncp : a->ncp;
	bool		alike = shorter >= PAR_LEN_RATIO * longer;
	int			pa = sep_at(a),
				pb = sep_at(b);
	int			p;

	/* names of any length before one separator */
	if (pa >= PAR_NAME_MIN && pb >= PAR_NAME_MIN &&
		a->cp[pa] == b->cp[pb] &&
		(pa != pb || differ_before(a, b, pa)))
		return lead_in_name(a, pa) && lead_in_name(b, pb);
	for (p = 1; p < m && p <= PAR_SEP_AT; p++)
	{
		uint32_t	c = a->cp[p];

		if (c != b->cp[p] || !differ_before(a, b, p))
			continue;
		if (is_sep(c))
			return p >= PAR_NAME_MIN && lead_in_name(a, p) && lead_in_name(b, p);
		if (alike && p >= PAR_END_LO && p <= PAR_END_HI &&
			(sp_char_class(c) & SPX_CONTENT))
			return true;
	}
	return false;
}

/* short and unnumbered: numbered parts are sp_numbered_parts' */
static bool
part_head(const char *text, const SpLine *l)
{
	return l->ncp <= SP_PART_HEAD_MAX && !sp_line_numbered(text, l);
}

/* does the head run k .. e - 1 open with a title (or kicker) and carry no byline? */
static bool
bare_stack(const SpRole *roles, int k, int e)
{
	int			j;

	if (roles[k] != SPR_TITLE && roles[k] != SPR_KICKER)
		return false;
	for (j = k; j < e; j++)
		if (roles[j] == SPR_BYLINE)
			return false;
	return true;
}

/*
 * Add head h to the article's heads; it is in a series when built like an
 * earlier one (which then is too).
 */
static void
heads_add(ParHead *heads, int *nheads, ParHead *h)
{
	int			j;

	for (j = 0; j < *nheads; j++)
		if (parallel(&heads[j], h))
			h->series = heads[j].series = true;
	if (*nheads < PAR_HEADS)
		heads[(*nheads)++] = *h;
}

/* is h built like a head of the article that is in a series? */
static bool
goes_on_series(const ParHead *heads, int nheads, const ParHead *h)
{
	int			j;

	for (j = 0; j < nheads; j++)
		if (heads[j].series && parallel(&heads[j], h))
			return true;
	return false;
}

/* heads of the article in a series */
static int
series_size(const ParHead *heads, int nheads)
{
	int			j,
				m = 0;

	for (j = 0; j < nheads; j++)
		m += heads[j].series;
	return m;
}

/* short lines of the article so far, by their line index */
typedef struct ParShort
{
	int			idx[PAR_SHORT];
	int			n;
} ParShort;

static void
short_add(const SpLine *lines, int li, ParShort *sh)
{
	const SpLine *l = &lines[li];

	if (l->ncp >= PAR_REPEAT_MIN && l->ncp <= SP_PART_HEAD_MAX &&
		sh->n < PAR_SHORT)
		sh->idx[sh->n++] = li;
}

/*
 * Is line li said again: its text a short line of the article at least
 * PAR_REPEATS times already?  An interview put to several people asks each
 * the same questions (债券市场存在泡沫吗？), a line the model may read as a
 * title; a new article's title is not said twice in the article above (a
 * digest box lists a title once).
 */
static bool
said_again(const char *text, const SpLine *l, const SpLine *lines,
		   const ParShort *sh)
{
	size_t		len = l->ce - l->cs;
	int			j,
				m = 0;

	if (l->ncp < PAR_REPEAT_MIN)
		return false;
	for (j = 0; j < sh->n; j++)
	{
		const SpLine *o = &lines[sh->idx[j]];

		if (o->ce - o->cs == len &&
			memcmp(text + o->cs, text + l->cs, len) == 0)
			m++;
	}
	return m >= PAR_REPEATS;
}

/* the title line of the head run k .. e - 1, or NULL */
static const SpLine *
run_title(const SpLine *lines, const int *seq, const SpRole *roles, int k, int e)
{
	int			j;

	for (j = k; j < e; j++)
		if (roles[j] == SPR_TITLE)
			return &lines[seq[j]];
	return NULL;
}

/*
 * Is title t a piece of the headline of the article above (its head run
 * hk .. he - 1)?  A report headed 第三届知道安全论坛鸟巢举办知道创宇发布新版ZoomEye
 * has a part headed 知道创宇发布新版ZoomEye; a new article's title is not a
 * piece of the headline above it.
 */
static bool
in_headline(const char *text, const SpLine *lines, const int *seq,
			const SpLine *t, int hk, int he)
{
	int			j;

	if (t->ncp < PAR_REPEAT_MIN || hk < 0)
		return false;
	for (j = hk; j < he; j++)
	{
		const SpLine *o = &lines[seq[j]];

		if (o != t && o->ce - o->cs > t->ce - t->cs &&
			sp_find_n(text + o->cs, o->ce - o->cs,
					  text + t->cs, t->ce - t->cs) != NULL)
			return true;
	}
	return false;
}

/* does line k open an article: a headline line under a line that is none, or a lead? */
static bool
opens_at(const SpRole *roles, int k)
{
	return roles[k] == SPR_LEAD ||
		(sp_head_role(roles[k]) && (k == 0 || !sp_head_role(roles[k - 1])));
}

/*
 * The title of the next article opened from line from on, when that
 * article's stack is bare: whether there is one, read into h
 */
static bool
next_bare_title(const char *text, const SpLine *lines, const int *seq, int n,
				const SpRole *roles, int from, ParHead *h)
{
	int			k;

	for (k = from; k < n && k < from + PAR_LOOK; k++)
	{
		if (!opens_at(roles, k))
			continue;
		if (!bare_stack(roles, k, sp_head_run_end(roles, n, k + 1)) ||
			!part_head(text, &lines[seq[k]]))
			return false;
		head_read(text, &lines[seq[k]], h);
		return true;
	}
	return false;
}

/*
 * Is title h built like a head of the article that reads as a part (a
 * section head, or the article's own title right under an introduction)?
 * With the next article's bare title built like h too, a series starts
 * there: the first part read as a section head or as a title, every later
 * one as a title after its credit.
 */
static bool
like_a_part(const ParHead *heads, int nheads, const ParHead *h)
{
	int			j;

	for (j = 0; j < nheads; j++)
		if (heads[j].part && parallel(&heads[j], h))
			return true;
	return false;
}

/* where the walk is: the article's heads, short lines and headline */
typedef struct ParArticle
{
	ParHead		heads[PAR_HEADS];
	int			nheads;
	ParShort	sh;
	int			head_k,
				head_e;			/* the article's head run */
} ParArticle;

/*
 * Does the bare head run k .. e - 1 (its first line read into h) go on in
 * article a: built like a series of its heads, its title said again or a
 * piece of its headline, or built like a part with the next article's
 * bare title built alike too?
 */
static bool
goes_on(const char *text, const SpLine *lines, const int *seq, int n,
		const SpRole *roles, int k, int e, const ParHead *h, const ParArticle *a)
{
	const SpLine *t = run_title(lines, seq, roles, k, e);
	ParHead		next;

	if (goes_on_series(a->heads, a->nheads, h))
		return true;
	if (t != NULL && (said_again(text, t, lines, &a->sh) ||
					  in_headline(text, lines, seq, t, a->head_k, a->head_e)))
		return true;
	return like_a_part(a->heads, a->nheads, h) &&
		next_bare_title(text, lines, seq, n, roles, e, &next) &&
		parallel(h, &next);
}

/* line k inside article a: remember it, and its head when it heads a paragraph */
static void
inner_line(const char *text, const SpLine *lines, const int *seq, int n,
		   const SpRole *roles, int k, ParArticle *a)
{
	const SpLine *l = &lines[seq[k]];
	ParHead		h;

	short_add(lines, seq[k], &a->sh);
	/* a head heads a paragraph: a credit read as a head does not */
	if (roles[k] == SPR_HEADING && part_head(text, l) &&
		k + 1 < n && roles[k + 1] == SPR_BODY)
	{
		head_read(text, l, &h);
		h.part = true;
		heads_add(a->heads, &a->nheads, &h);
	}
}

/* a new article headed by the run k .. e - 1 */
static void
new_article(int k, int e, ParArticle *a)
{
	a->nheads = 0;
	a->sh.n = 0;
	a->head_k = k;
	a->head_e = e;
}

/*
 * A bare title (no byline in its stack) that goes on in the article above
 * it (goes_on: built like a head of that article that is itself built like
 * another of its heads, said again, or a piece of its headline) is that
 * article's next part: it and the head lines under it become section
 * heads.  Two heads alike are needed before, not one: a single pair
 * sharing a character at one place is chance.  The article's own bare
 * title counts among its heads; once three heads are in the series it is
 * the series' first part, and standing under a body paragraph or section
 * head (the introduction of the article above) it becomes a section head
 * of that article too.  Under a closing credit it opens the article.
 */
void
sp_parallel_parts(const char *text, const SpLine *lines, const int *seq, int n,
				  SpRole *roles)
{
	ParArticle	a;
	int			open_k = -1,
				open_e = -1;	/* the article's own title run, if bare */
	int			above_k = -1,
				above_e = -1;	/* the head run of the article above */
	int			paras = 0;		/* body paragraphs of the article so far */
	int			k = 0;

	new_article(-1, -1, &a);
	while (k < n)
	{
		const SpLine *l = &lines[seq[k]];
		bool		bare;
		ParHead		h;
		int			e;

		if ((k & 0x3FF) == 0)
			na_check_interrupts();
		if (!opens_at(roles, k))
		{
			e = k + 1;
			paras += roles[k] == SPR_BODY;
			inner_line(text, lines, seq, n, roles, k, &a);
		}
		else
		{
			e = sp_head_run_end(roles, n, k + 1);
			bare = bare_stack(roles, k, e) && part_head(text, l);
			if (bare)
				head_read(text, l, &h);
			if (bare && goes_on(text, lines, seq, n, roles, k, e, &h, &a))
			{
				int			j;

				sp_make_heads(roles, k, e);
				heads_add(a.heads, &a.nheads, &h);
				/* its head lines are now lines of the article */
				for (j = k; j < e; j++)
					short_add(lines, seq[j], &a.sh);
			}
			else
			{
				/* a new article; its own bare title may be a first part */
				open_k = -1;
				above_k = a.head_k;
				above_e = a.head_e;
				new_article(k, e, &a);
				if (bare)
				{
					if (k > 0 &&
						(roles[k - 1] == SPR_BODY || roles[k - 1] == SPR_HEADING))
					{
						open_k = k;
						open_e = e;
						h.part = paras > 0 && paras <= PAR_INTRO;
					}
					heads_add(a.heads, &a.nheads, &h);
				}
				paras = 0;
			}
		}
		if (open_k >= 0 && a.heads[0].series && series_size(a.heads, a.nheads) >= 3)
		{
			sp_make_heads(roles, open_k, open_e);
			open_k = -1;
			/* the first part joined the article above: its headline goes on */
			a.head_k = above_k;
			a.head_e = above_e;
		}
		k = e;
	}
}
