/*
 * split_roles.c
 *	  The line-role model: a linear-chain model over the roles of an issue's
 *	  lines (page header, kicker, title, subtitle, byline, lead, body,
 *	  section head, caption, credit, advert, notice, other).  A line's score
 *	  for a role is the sum of the weights of its features (split_features.c)
 *	  for that role (advert and notice only where sp_notice_possible()); a
 *	  transition weight links the roles of neighbouring lines; Viterbi picks
 *	  the best sequence.  The weights are fitted offline by
 *	  tools/na_split_fit.c (an averaged structured perceptron on rendered
 *	  issues) and compiled in from split_model_weights.h.
 */
#include "split_internal.h"
#include "split_model_weights.h"

const char *const sp_role_names[SPR_N] = {
	"page", "kicker", "title", "subtitle", "byline", "lead", "body", "heading",
	"caption", "credit", "advert", "notice", "other"
};

/*
 * The fitted rows (features with any weight; a few thousand of the
 * SP_N_ATOMS^2 features), rows padded to a multiple of four floats so the
 * sums vectorize, and each feature's row (-1: none).  A dense table of every
 * feature was a megabyte read at random, line by line; a feature with no row
 * only added zeros.
 */
#define ROW_W	((SPR_N + 3) & ~3)
#define N_ROWS	((int) (sizeof(sp_model_rows) / sizeof(sp_model_rows[0])))
static float rows[N_ROWS][ROW_W];
static int16_t row_of[SP_N_FEATURES];	/* 39 kB: stays in the cache */

/* row numbers fit row_of (a compile error otherwise) */
typedef char sp_rows_fit_int16[N_ROWS <= 32767 ? 1 : -1];
static bool rows_ready = false;

static void
model_load(void)
{
	int			r,
				k;

	if (rows_ready)
		return;
	memset(rows, 0, sizeof(rows));
	for (k = 0; k < SP_N_FEATURES; k++)
		row_of[k] = -1;
	/* a feature listed twice keeps its last row */
	for (r = 0; r < N_ROWS; r++)
	{
		int			f = sp_model_rows[r].feature;

		if (f < 0 || f >= SP_N_FEATURES)
			continue;
		for (k = 0; k < SPR_N; k++)
			rows[r][k] = sp_model_rows[r].w[k];
		row_of[f] = (int16_t) r;
	}
	rows_ready = true;
}

/* does line k open with a clause's or sentence's punctuation (，、；：。)? */
static bool
opens_mid_sentence(const SpSeq *sq, int k)
{
	const SpLine *l = &sq->lines[sq->seq[k]];
	size_t		adv;
	uint32_t	c;

	if (l->ce <= l->cs)
		return false;
	c = sp_first_cp(sq->text + l->cs, l->ce - l->cs, &adv);
	return sp_is_clause_punct(c) || c == 0x3002;
}

/*
 * Is line k a note that can only close an article or sit aside (a web
 * copy's source line, 来源：…, 《 X报 》（ date 第 N 版）; a writer's note,
 * （作者为…）; an editor's, （本文有删节。）; where the pictures come from)?  The
 * fitting renderings hold few or none of them, and a note is never an
 * article's prose or headline, so the decoder makes it a credit.
 */
static bool
note_only(const SpSeq *sq, int k)
{
	const SpLine *l = &sq->lines[sq->seq[k]];
	const char *s = sq->text + l->cs;
	size_t		len = l->ce - l->cs;

	return sp_source_line(s, len, l->ncp) || sp_writer_note(s, len, l->ncp, true) ||
		sp_picture_note(s, len, l->ncp) || sp_closing_note(s, len, l->ncp);
}

/* does the line's feature set hold atom a? */
static bool
has_atom(const SpFeatures *f, int a)
{
	int			i;

	for (i = 0; i < f->n_atoms; i++)
		if (f->atoms[i] == a)
			return true;
	return false;
}

/*
 * Is line k only a writer's name or names (周立言, 张三　李四: its features
 * hold NAME_LINE), with no mark?  A subtitle is a phrase, never a bare
 * name; a marked name (◆朱光) is a paper's author line, which some papers'
 * own fields file as a subtitle.
 */
static bool
bare_name(const SpSeq *sq, int k, const SpFeatures *f)
{
	const SpLine *l = &sq->lines[sq->seq[k]];

	return !l->marked && l->level == 0 && has_atom(f, SPA_NAME_LINE);
}

/*
 * Is line k an advert's or notice's own headline: short, with an advert's or
 * notice's word (空调清洗特惠, 寻人启事) and a line of an advert's shape
 * (a price, a phone number, such a word) under it?  Such a line is never an
 * article's headline or section head: read as one, the advert's first line
 * went into the article above it.
 */
static bool
ad_headline(const SpSeq *sq, int k, const SpFeatures *f)
{
	return sq->lines[sq->seq[k]].ncp <= 16 &&
		(has_atom(f, SPA_AD_ADVERT) || has_atom(f, SPA_AD_NOTICE)) &&
		has_atom(f, SPA_N_ADLIKE);
}

static void
emissions(const SpSeq *sq, float *em, bool *aside, uint8_t *shape)
{
	SpFeatures	f;
	int			k,
				i,
				r;

	for (k = 0; k < sq->n; k++)
	{
		float	   *e = em + (size_t) k * SPR_N;
		float		acc[ROW_W];

		if ((k & 0xFF) == 0)
			na_check_interrupts();
		sp_features_line(sq, k, &f);
		memset(acc, 0, sizeof(acc));
		for (i = 0; i < f.n_ids; i++)
		{
			const float *w;

			if (row_of[f.ids[i]] < 0)
				continue;
			w = rows[row_of[f.ids[i]]];
			for (r = 0; r < ROW_W; r++)
				acc[r] += w[r];
		}
		for (r = 0; r < SPR_N; r++)
			e[r] = acc[r];
		if (!sp_notice_possible(f.ids, f.n_ids))
			e[SPR_ADVERT] = e[SPR_NOTICE] = -1e6f;
		aside[k] = false;
		if (note_only(sq, k))
		{
			/* under a headline-shaped line it sits aside (来源：X under the title) */
			aside[k] = k > 0 && sq->lines[sq->seq[k - 1]].cls == SPC_HEAD;
			for (r = 0; r < SPR_N; r++)
				if (r != SPR_CREDIT && r != SPR_OTHER)
					e[r] = -1e6f;
		}
		if (ad_headline(sq, k, &f))
		{
			e[SPR_KICKER] = e[SPR_TITLE] = e[SPR_SUBTITLE] = -1e6f;
			e[SPR_HEADING] = e[SPR_BYLINE] = -1e6f;
		}
		/* its length against its stack neighbours, for the second pass */
		shape[k] = (has_atom(&f, SPA_STK_SHORTER_P) ? SP_STK_SHORTER_P : 0) |
			(has_atom(&f, SPA_STK_LONGER_N) ? SP_STK_LONGER_N : 0);
		if (bare_name(sq, k, &f))
			e[SPR_SUBTITLE] = -1e6f;	/* 周立言 under a title: its byline */
		if (opens_mid_sentence(sq, k))
		{
			/* ，南方都市报: the tail of a clause, never a headline or byline */
			e[SPR_PAGE] = e[SPR_KICKER] = e[SPR_TITLE] = e[SPR_SUBTITLE] = -1e6f;
			e[SPR_BYLINE] = -1e6f;
		}
		if (sq->lines[sq->seq[k]].ncp > SP_HEAD_MAX_CP)
		{
			/* a headline, byline or page header is never a paragraph long */
			e[SPR_PAGE] = e[SPR_KICKER] = e[SPR_TITLE] = e[SPR_SUBTITLE] = -1e6f;
			e[SPR_BYLINE] = e[SPR_HEADING] = -1e6f;
		}
	}
}

/*
 * Viterbi over the lines idx[0..m-1] (their emissions em, SPR_N a line):
 * each line's role into roles[idx[j]].
 */
static void
viterbi(const float *em, const int *idx, int m, SpRole *roles)
{
	float	   *best = (float *) na_alloc(sizeof(float) * SPR_N * (size_t) m);
	uint8_t    *back = (uint8_t *) na_alloc((size_t) SPR_N * (size_t) m);
	int			j,
				r,
				q,
				arg = 0;

	for (r = 0; r < SPR_N; r++)
		best[r] = sp_model_trans[SPR_N][r] + em[(size_t) idx[0] * SPR_N + r];
	for (j = 1; j < m; j++)
	{
		const float *pb = best + (size_t) (j - 1) * SPR_N;
		float	   *cb = best + (size_t) j * SPR_N;

		if ((j & 0xFFF) == 0)
			na_check_interrupts();
		for (r = 0; r < SPR_N; r++)
		{
			float		top = pb[0] + sp_model_trans[0][r];

			arg = 0;
			for (q = 1; q < SPR_N; q++)
				if (pb[q] + sp_model_trans[q][r] > top)
				{
					top = pb[q] + sp_model_trans[q][r];
					arg = q;
				}
			cb[r] = top + em[(size_t) idx[j] * SPR_N + r];
			back[(size_t) j * SPR_N + r] = (uint8_t) arg;
		}
	}
	arg = 0;
	for (r = 1; r < SPR_N; r++)
		if (best[(size_t) (m - 1) * SPR_N + r] > best[(size_t) (m - 1) * SPR_N + arg])
			arg = r;
	for (j = m - 1; j >= 0; j--)
	{
		roles[idx[j]] = (SpRole) arg;
		arg = back[(size_t) j * SPR_N + arg];
	}
	na_free(best);
	na_free(back);
}

/*
 * The roles of the notes left out of the chain: credit or other, whichever
 * its emission and the role before it favour.
 */
static void
place_aside(const SpSeq *sq, const float *em, const bool *aside, SpRole *roles)
{
	int			k,
				prev = SPR_N;

	for (k = 0; k < sq->n; k++)
	{
		const float *e = em + (size_t) k * SPR_N;

		if (aside[k])
			roles[k] = e[SPR_CREDIT] + sp_model_trans[prev][SPR_CREDIT] >=
				e[SPR_OTHER] + sp_model_trans[prev][SPR_OTHER] ? SPR_CREDIT : SPR_OTHER;
		else
			prev = roles[k];
	}
}

/*
 * Best role sequence.  A note that can only close an article or sit aside
 * (note_only: a web copy's source line, a writer's note) right under a
 * headline-shaped line is left out of the chain: the lines on either side
 * are decoded as neighbours, and the note then takes credit or other,
 * whichever its emission and the role before it favour.  In the chain a
 * title over 来源：X had to pass through a credit or other line, transitions
 * the fitting never saw after a title, and lost to body.  A note under a
 * paragraph stays in the chain: it closes the article, and the line after
 * it is read after a closing line.  A second pass leans two-line stacks
 * printed longer over shorter toward kicker over title, unless the issue's
 * three-line stacks show another convention (split_stacks.c).  margin[k]
 * is how far the chosen role of line k beat the best other role there
 * (path score through that role, Viterbi both ways would be exact; the
 * local margin of the emission and incoming transition is what
 * news_segments() shows).
 */
void
sp_roles_decode(const SpSeq *sq, SpRole *roles, float *margin)
{
	float	   *em;
	bool	   *aside;
	uint8_t    *shape;
	int		   *idx;
	int			k,
				r,
				m = 0,
				prev;

	if (sq->n <= 0)
		return;
	model_load();
	em = (float *) na_alloc(sizeof(float) * SPR_N * (size_t) sq->n);
	aside = (bool *) na_alloc(sizeof(bool) * (size_t) sq->n);
	idx = (int *) na_alloc(sizeof(int) * (size_t) sq->n);
	shape = (uint8_t *) na_alloc((size_t) sq->n);
	{
		SpSeq		sc = *sq;

		sc.coh = (SpCohesion *) na_alloc(sizeof(SpCohesion) * (size_t) (sq->n + 1));
		sp_cohesion_all(&sc, sc.coh);
		emissions(&sc, em, aside, shape);
		na_free(sc.coh);
	}
	for (k = 0; k < sq->n; k++)
		if (!aside[k])
			idx[m++] = k;
	if (m > 0)
		viterbi(em, idx, m, roles);
	place_aside(sq, em, aside, roles);
	if (m > 0 && sp_stack_lean(sq, roles, shape, em))
	{
		viterbi(em, idx, m, roles);
		place_aside(sq, em, aside, roles);
	}
	prev = SPR_N;
	for (k = 0; k < sq->n; k++)
	{
		const float *e = em + (size_t) k * SPR_N;
		float		mine,
					other = -1e30f;

		mine = e[roles[k]] + sp_model_trans[prev][roles[k]];
		for (r = 0; r < SPR_N; r++)
			if (r != (int) roles[k] && e[r] + sp_model_trans[prev][r] > other)
				other = e[r] + sp_model_trans[prev][r];
		margin[k] = mine - other;
		if (!aside[k])
			prev = roles[k];
	}
	na_free(em);
	na_free(aside);
	na_free(shape);
	na_free(idx);
}
