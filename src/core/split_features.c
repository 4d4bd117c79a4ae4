/*
 * split_features.c
 *	  What the line-role model sees of each line: indicator features of its
 *	  own shape (length, indentation, closing punctuation, bracketed tags,
 *	  dateline, byline and credit patterns, heading marks), of its
 *	  neighbours (blank lines around it, how the line before ended, what
 *	  comes next), of the whole issue (indented or not, blank lines between
 *	  paragraphs or not) and the lexical cohesion across the line: how many
 *	  character bigrams the text before it shares with the text after it (a
 *	  new article changes topic, a section head does not; TextTiling's idea
 *	  on a small window).
 *
 * A line's features are atoms (SpAtom) plus the pairs of its "key" atoms,
 * numbered SP_N_ATOMS + a * SP_N_ATOMS + b.  The weights of every feature
 * and role are fitted offline (tools/split_fit.py).
 */
#include "split_internal.h"

const char *const sp_atom_names[SP_N_ATOMS] = {
#define SP_ATOM(name) #name,
	SP_ATOM_LIST
#undef SP_ATOM
};


static int
len_bucket(int ncp)
{
	static const int edges[] = {4, 8, 14, 22, 32, 50, 100};
	int			k;

	for (k = 0; k < 7; k++)
		if (ncp <= edges[k])
			return k;
	return 7;
}

static bool
is_open_br(uint32_t cp)
{
	return cp == 0xFF08 || cp == '(' || cp == 0x3010 || cp == 0x3014;
}

static bool
is_close_br(uint32_t cp)
{
	return cp == 0xFF09 || cp == ')' || cp == 0x3011 || cp == 0x3015;
}

/* the line ends in a bracketed tag: 标题（今日谈） */
bool
sp_tail_tag(const char *s, size_t len, bool *whole)
{
	size_t		st;
	uint32_t	last = sp_last_cp(s, len, &st);
	size_t		i = st;
	int			n = 0;

	*whole = false;
	if (!is_close_br(last))
		return false;
	while (i > 0 && n < 40)
	{
		size_t		ps;
		uint32_t	cp = sp_last_cp(s, i, &ps);

		if (is_open_br(cp))
		{
			*whole = ps == 0;
			return n <= 16;
		}
		if (is_close_br(cp))
			return false;
		i = ps;
		n++;
	}
	return false;
}

static bool
credit_words(const char *s, size_t len)
{
	return sp_find(s, len, "记者") || sp_find(s, len, "责编") || sp_find(s, len, "编辑") ||
		sp_find(s, len, "作者") || sp_find(s, len, "通讯员") || sp_find(s, len, "执笔") ||
		sp_find(s, len, "评论员");
}

/* ---- transfer features (SP_ATOM_LIST_TRANSFER) ---- */

static void add(SpFeatures *f, int atom);

/* a line that closes an article: credit words, a note, a date, 摄 */
static bool
signoff_shape(const char *s, size_t len, int ncp)
{
	size_t		st;
	uint32_t	last;
	bool		whole;

	if (sp_writer_note(s, len, ncp, false) || sp_source_line(s, len, ncp))
		return true;
	if (ncp > 40 || len == 0)
		return false;
	last = sp_last_cp(s, len, &st);
	if (sp_tail_tag(s, len, &whole) && whole)
		return true;
	if (last == 0x65E5 && sp_find(s, len, "年") && ncp <= 16)	/* 2022年6月1日 */
		return true;
	if (last == 0x6444 || sp_find(s, len, "摄影"))	/* 摄 */
		return true;
	return ncp <= 30 && credit_words(s, len);
}

/*
 * sign of every line: 1 a date line alone, 2 a line that opens a signature
 * block of one or two issuer lines above a date line (sp_sign_block; blank
 * lines not counted).
 */
static void
sign_shapes(const SpSeq *sq, SpCohesion *coh)
{
	int		   *idx = (int *) na_alloc(sizeof(int) * ((size_t) sq->n + 1));
	int		   *at = (int *) na_alloc(sizeof(int) * ((size_t) sq->n + 1));
	int			k,
				n = 0;

	for (k = 0; k < sq->n; k++)
	{
		const SpLine *l = &sq->lines[sq->seq[k]];

		coh[k].sign = sp_date_line(sq->text + l->cs, l->ce - l->cs, l->ncp) ? 1 : 0;
		if (l->cls != SPC_BLANK)
		{
			idx[n] = sq->seq[k];
			at[n++] = k;
		}
	}
	for (k = 0; k < n; k++)
		if (coh[at[k]].sign == 0 && sp_sign_block(sq->text, sq->lines, idx + k, n - k, 2) > 0)
			coh[at[k]].sign = 2;
	na_free(idx);
	na_free(at);
}

/* 电（, 电 , 讯, 报道： within the first 40 code points: a dateline */
static bool
lead40_shape(const char *s, size_t len)
{
	size_t		i = 0,
				adv;
	int			n = 0;
	uint32_t	prev = 0;

	while (i < len && n < 40)
	{
		uint32_t	cp = na_utf8_decode(s + i, len - i, &adv);

		if (prev == 0x7535 && (cp == 0xFF08 || cp == '(' || cp == ' ' || cp == 0x3000))
			return true;		/* 电（ */
		if (cp == 0x8BAF && (prev == 0x62A5 || prev == 0x7535))
			return true;		/* 报讯, 电讯 */
		if (prev == 0x9053 && cp == 0xFF1A)
			return true;		/* 报道： */
		prev = cp;
		i += adv;
		n++;
	}
	return false;
}

/* the per-line shapes the transfer atoms read, in one pass */
static void
transfer_shapes(const SpSeq *sq, SpCohesion *coh)
{
	int			k;

	for (k = 0; k < sq->n; k++)
	{
		const SpLine *l = &sq->lines[sq->seq[k]];
		const char *s = sq->text + l->cs;
		size_t		len = l->ce - l->cs;

		coh[k].signoff = signoff_shape(s, len, l->ncp);
		coh[k].lead40 = l->ncp > 22 && lead40_shape(s, len);
	}
	sign_shapes(sq, coh);
}

static void
transfer_atoms(const SpSeq *sq, int k, SpFeatures *f)
{
	const SpLine *x2 = k + 2 < sq->n ? &sq->lines[sq->seq[k + 2]] : NULL;

	if (k > 0 && sq->coh[k - 1].signoff)
		add(f, SPA_P_SIGNOFF);
	if (x2 && ((x2->lead_role == NA_SEG_DATELINE && x2->lead_len > 0) || sq->coh[k + 2].lead40))
		add(f, SPA_N2_DATELINE);
	if (x2 && x2->cls == SPC_CREDIT)
		add(f, SPA_N2_CREDIT);
	if (k + 1 < sq->n && sq->coh[k + 1].lead40)
		add(f, SPA_N_LEAD40);
	if (sq->coh[k].sign)
		add(f, sq->coh[k].sign == 1 ? SPA_DATE_ONLY : SPA_SIGN_ABOVE);
}

/* ---- end of transfer features ---- */

/* ---- headline stacks (SP_ATOM_LIST_STACK) ---- */
#define SP_STACK_MAX	40
#define SP_STACK_RUN	4

/* words of a line that says who wrote or supplied the article */
static bool
writer_words(const char *s, size_t len)
{
	static const char *const words[] = {"编译", "采写", "撰文", "撰稿", "原创：", "来源：", "转载自", NULL};
	int			i;

	for (i = 0; words[i]; i++)
		if (sp_find(s, len, words[i]))
			return true;
	return credit_words(s, len);
}

/*
 * The class the model sees of a line: a question or exclamation headline
 * (QHEAD), which the line classes call body for its closing punctuation,
 * is shown as headline-like, so what the model learned of short heads
 * applies to it; QHEAD still tells it apart.  Its closing mark is END_Q,
 * not END_SENT: the weights of END_SENT and of its pairs were learned on
 * prose, where a closed sentence is body; a question headline drew all of
 * them against its title role.
 */
static int
shown_cls(const SpLine *l, const SpCohesion *c)
{
	return c->qhead ? SPC_HEAD : l->cls;
}

/*
 * Each line as a line of a headline stack: headline-like, short, and not
 * who wrote it (澎湃新闻记者X, 原创：X编译, 本报评论员, a name alone, a source
 * line), which stands under a title shorter than it.  After sp_block_all(),
 * whose question heads count as headline-like.
 */
static void
stack_shapes(const SpSeq *sq, SpCohesion *coh)
{
	int			k;

	for (k = 0; k < sq->n; k++)
	{
		const SpLine *l = &sq->lines[sq->seq[k]];
		const char *s = sq->text + l->cs;
		size_t		len = l->ce - l->cs;

		if ((k & 0xFF) == 0)
			na_check_interrupts();
		coh[k].stack = shown_cls(l, &coh[k]) == SPC_HEAD && l->ncp <= SP_STACK_MAX &&
			!coh[k].name_line && !writer_words(s, len) &&
			!sp_writer_note(s, len, l->ncp, false) && !sp_source_line(s, len, l->ncp);
	}
}

static inline bool
stack_line(const SpSeq *sq, int k)
{
	return sq->coh[k].stack;
}

/* line k's length against its neighbour j, both lines of a stack */
static void
stack_side(const SpSeq *sq, int k, int j, int shorter, SpFeatures *f)
{
	const SpLine *l = &sq->lines[sq->seq[k]];
	const SpLine *o = &sq->lines[sq->seq[j]];

	if (!stack_line(sq, j))
		return;
	if (l->ncp + SP_STACK_GAP <= o->ncp)
		add(f, shorter);
	else if (o->ncp + SP_STACK_GAP <= l->ncp)
		add(f, shorter + 1);
}

static void
stack_atoms(const SpSeq *sq, int k, SpFeatures *f)
{
	int			lo = k,
				hi = k;

	if (!stack_line(sq, k))
		return;
	/* a stack is a few lines; a longer run is verse or a list's items */
	while (lo > 0 && k - lo <= SP_STACK_RUN && stack_line(sq, lo - 1))
		lo--;
	while (hi + 1 < sq->n && hi - lo < SP_STACK_RUN && stack_line(sq, hi + 1))
		hi++;
	if (hi - lo + 1 > SP_STACK_RUN)
		return;
	if (k > 0)
		stack_side(sq, k, k - 1, SPA_STK_SHORTER_P, f);
	if (k + 1 < sq->n)
		stack_side(sq, k, k + 1, SPA_STK_SHORTER_N, f);
}

/* ---- lists (SP_ATOM_LIST_LIST, split_list.c) ---- */
static void add(SpFeatures *f, int atom);

static void
list_shapes(const SpSeq *sq, SpCohesion *coh)
{
	uint8_t    *before = (uint8_t *) na_alloc((size_t) sq->n + 1);
	uint8_t    *after = (uint8_t *) na_alloc((size_t) sq->n + 1);
	bool	   *next = (bool *) na_alloc((size_t) sq->n + 1);
	bool	   *bullets = (bool *) na_alloc((size_t) sq->n + 1);
	int			k;

	sp_list_runs(sq->text, sq->lines, sq->seq, sq->n, before, after);
	sp_number_runs(sq->text, sq->lines, sq->seq, sq->n, next);
	sp_bullet_runs(sq->text, sq->lines, sq->seq, sq->n, bullets);
	for (k = 0; k < sq->n; k++)
	{
		coh[k].run_before = before[k];
		coh[k].run_after = after[k];
		coh[k].spaced = sp_line_spaced(sq->text, &sq->lines[sq->seq[k]]);
		coh[k].num_next = next[k];
		coh[k].bullet_run = bullets[k];
		coh[k].name_line = sp_name_line(sq->text + sq->lines[sq->seq[k]].cs,
										sq->lines[sq->seq[k]].ce - sq->lines[sq->seq[k]].cs);
	}
	na_free(before);
	na_free(after);
	na_free(next);
	na_free(bullets);
}

static void
list_atoms(const SpCohesion *c, SpFeatures *f)
{
	if (c->run_before >= 2)
		add(f, c->run_before >= 6 ? SPA_LIST_B2 : SPA_LIST_B1);
	if (c->run_after >= 2)
		add(f, c->run_after >= 6 ? SPA_LIST_A2 : SPA_LIST_A1);
	if (c->spaced)
		add(f, SPA_SPACED);
	if (c->name_line)
		add(f, SPA_NAME_LINE);
	if (c->num_next)
		add(f, SPA_NUM_NEXT);
	if (c->bullet_run)
		add(f, SPA_BULLET_RUN);
}

/* cohesion at every line of the sequence (coh has sq->n entries) */
void
sp_cohesion_all(const SpSeq *sq, SpCohesion *coh)
{
	SpBigrams	bg;
	int			k;

	sp_bigrams_build(sq, &bg);
	sp_cohesion_lines(sq, &bg, coh);
	for (k = 0; k < sq->n; k++)
	{
		const SpLine *l = &sq->lines[sq->seq[k]];

		if ((k & 0xFF) == 0)
			na_check_interrupts();
		coh[k].notice = (uint8_t) sp_notice_shape(sq->text + l->cs, l->ce - l->cs, l->ncp);
	}
	transfer_shapes(sq, coh);
	list_shapes(sq, coh);
	sp_block_all(sq, bg.h, bg.off, coh);
	stack_shapes(sq, coh);
	sp_bigrams_free(&bg);
}

static int
coh_bucket(int c)
{
	return c < 3 ? 0 : c < 6 ? 1 : c < 10 ? 2 : c < 15 ? 3 : c < 22 ? 4 : 5;
}

/*
 * TextTiling's depth: how far cohesion at line k falls below cohesion
 * inside the stretches on either side (at k - 1 and at k + 2, past a
 * possible headline line).  -1 when not measurable.
 */
static int
dip_bucket(const SpSeq *sq, int k)
{
	int			c = sq->coh[k].coh,
				l = k >= 1 ? sq->coh[k - 1].coh : -1,
				r = k + 2 < sq->n ? sq->coh[k + 2].coh : -1,
				ref,
				d;

	if (c < 0 || (l < 0 && r < 0))
		return -1;
	ref = l < 0 ? r : r < 0 ? l : (l + r) / 2;
	d = ref - c;
	return d < 0 ? 0 : d < 4 ? 1 : d < 8 ? 2 : d < 14 ? 3 : 4;
}

/* issue-wide style: indented paragraphs, blank lines between paragraphs */
void
sp_doc_style(const SpLine *lines, int lo, int hi, bool *indented, bool *gappy)
{
	int			i,
				long_lines = 0,
				ind = 0,
				blank = 0,
				text = 0;

	for (i = lo; i < hi; i++)
	{
		if (lines[i].cls == SPC_BLANK)
		{
			blank++;
			continue;
		}
		text++;
		if (lines[i].ncp > 40)
		{
			long_lines++;
			ind += lines[i].indented;
		}
	}
	*indented = long_lines > 0 && ind * 3 >= long_lines;
	*gappy = text > 0 && blank * 5 >= text * 2;
}

static void
add(SpFeatures *f, int atom)
{
	if (f->n_atoms < SP_MAX_ATOMS)
		f->atoms[f->n_atoms++] = (uint8_t) atom;
}

/* advert and notice shapes of the line, and whether its neighbours have any */
static void
notice_atoms(const SpSeq *sq, int k, SpFeatures *f)
{
	int			m = sq->coh[k].notice;
	const int	adlike = SP_AD_PHONE | SP_AD_PRICE | SP_AD_NOTICE | SP_AD_ADVERT;

	if (m & SP_AD_PHONE)
		add(f, SPA_AD_PHONE);
	if (m & SP_AD_PRICE)
		add(f, SPA_AD_PRICE);
	if (m & SP_AD_CONTACT)
		add(f, SPA_AD_CONTACT);
	if (m & SP_AD_NOTICE)
		add(f, SPA_AD_NOTICE);
	if (m & SP_AD_ADVERT)
		add(f, SPA_AD_ADVERT);
	if (k > 0 && (sq->coh[k - 1].notice & adlike))
		add(f, SPA_P_ADLIKE);
	if (k + 1 < sq->n && (sq->coh[k + 1].notice & adlike))
		add(f, SPA_N_ADLIKE);
}

/* ---- Historical issues (branch hist): column lines joined or not ---- */
static void
hist_atoms(const SpLine *l, const SpLine *p, const SpLine *x, SpFeatures *f)
{
	add(f, SPA_COLS_DOC);
	if (l->cols >= 2)
		add(f, SPA_COLS_JOINED);
	else if (l->col_full)
		add(f, SPA_COLS_FULL);
	else
		add(f, SPA_COLS_ONE);
	if (p && p->cols >= 2)
		add(f, SPA_P_COLS_JOINED);
	if (x && x->cols >= 2)
		add(f, SPA_N_COLS_JOINED);
}

/* the class the model sees of line k (shown_cls) */
static int
line_cls(const SpSeq *sq, int k)
{
	return shown_cls(&sq->lines[sq->seq[k]], &sq->coh[k]);
}

/* the atoms of one line; seq lists the lines of the sequence, k is its place */
static void
line_atoms(const SpSeq *sq, int k, SpFeatures *f)
{
	const char *text = sq->text;
	const SpLine *lines = sq->lines;
	const int  *seq = sq->seq;
	int			n = sq->n;
	bool		doc_ind = sq->doc_ind,
				doc_gap = sq->doc_gap;
	const SpLine *l = &lines[seq[k]];
	const SpLine *p = k > 0 ? &lines[seq[k - 1]] : NULL;
	const SpLine *x = k + 1 < n ? &lines[seq[k + 1]] : NULL;
	const char *s = text + l->cs;
	size_t		len = l->ce - l->cs,
				st,
				adv0;
	size_t		credited = sp_credit_bracket(s, len);
	uint32_t	last = sp_last_cp(s, credited, &st),
				c0 = sp_first_cp(s, len, &adv0);
	bool		whole = false,
				tag = credited == len && sp_tail_tag(s, len, &whole);
	int			commas = (int) (sp_count_cp(s, len, 0xFF0C) + sp_count_cp(s, len, ','));
	int			dip;

	f->n_atoms = 0;
	add(f, SPA_BIAS);
	add(f, SPA_CLS_BLANK + line_cls(sq, k));
	add(f, SPA_LEN0 + len_bucket(l->ncp));
	add(f, l->indented ? SPA_INDENTED : SPA_FLUSH);
	if (tag && whole)
		add(f, credit_words(s, len) ? SPA_BRACKET_CREDIT : SPA_BRACKETED);
	else if (sp_writer_note(s, len, l->ncp, false))
		add(f, SPA_BRACKET_CREDIT);
	else if (tag)
		add(f, SPA_TAIL_TAG);
	else if (sp_is_sentence_end(last))
		add(f, sq->coh[k].qhead ? SPA_END_Q : SPA_END_SENT);
	else if (last == 0xFF1A || last == ':')
		add(f, SPA_END_COLON);
	else if (last == 0x2014)
		add(f, SPA_END_DASH);
	else if (sp_is_clause_punct(last))
		add(f, SPA_END_CLAUSE);
	else
		add(f, SPA_END_WORD);
	if (sp_count_cp(s, len, 0x3002) > (sp_is_sentence_end(last) ? 1 : 0))
		add(f, SPA_INNER_STOP);
	add(f, commas == 0 ? SPA_COMMA0 : commas <= 2 ? SPA_COMMA1 : SPA_COMMA3);
	if (sp_starts(s, len, "—") || sp_starts(s, len, "-"))
		add(f, SPA_DASH_LED);
	if (l->lead_role == NA_SEG_DATELINE && l->lead_len > 0)
		add(f, SPA_DATELINE);
	if (l->level > 0)
		add(f, l->level == 1 ? SPA_MARK1 : l->level == 2 ? SPA_MARK2 : SPA_MARK3);
	if (l->marked)
		add(f, SPA_BULLET);
	if (sp_line_numbered(text, l))
		add(f, SPA_NUMBERED);
	else if (is_open_br(c0))
		add(f, SPA_BRACKET_LED);	/* 【编前语】…, （按姓氏笔画排序） */
	if (l->ncp <= 64 && (sp_kicker_like(s, len) || sp_kicker_split(s, len) > 0))
		add(f, SPA_KICKER_SHAPE);
	if (l->ncp <= 6 && sp_is_column_label(s, len))
		add(f, SPA_COLUMN_LABEL);
	if (l->ncp <= 30 && credit_words(s, len))
		add(f, SPA_CREDIT_WORDS);
	if (sp_quoted_name(s, len, l->ncp))
		add(f, SPA_QNAME);
	if (seq[k] > 0 && lines[seq[k] - 1].cls == SPC_BLANK)
		add(f, SPA_BLANK_BEFORE);
	if (x && seq[k + 1] > seq[k] + 1 && lines[seq[k] + 1].cls == SPC_BLANK)
		add(f, SPA_BLANK_AFTER);
	if (p == NULL)
		add(f, SPA_FIRST);
	else
	{
		add(f, SPA_P_CLS_BLANK + line_cls(sq, k - 1));
		add(f, p->ncp <= 22 ? SPA_P_SHORT : SPA_P_LONG);
		if (p->ends_sentence)
			add(f, SPA_P_ENDS);
		{
			bool		pw;

			if (sp_tail_tag(text + p->cs, p->ce - p->cs, &pw) && pw)
				add(f, SPA_P_BRACKETED);
		}
		if (p->indented)
			add(f, SPA_P_INDENTED);
	}
	if (x == NULL)
		add(f, SPA_LAST);
	else
	{
		add(f, SPA_N_CLS_BLANK + line_cls(sq, k + 1));
		add(f, x->ncp <= 22 ? SPA_N_SHORT : SPA_N_LONG);
		if (x->indented)
			add(f, SPA_N_INDENTED);
		if (x->lead_role == NA_SEG_DATELINE && x->lead_len > 0)
			add(f, SPA_N_DATELINE);
		if (sp_starts(text + x->cs, x->ce - x->cs, "—"))
			add(f, SPA_N_DASH_LED);
	}
	add(f, doc_ind ? SPA_DOC_INDENTED : SPA_DOC_FLUSH);
	add(f, doc_gap ? SPA_DOC_GAPPY : SPA_DOC_DENSE);
	add(f, sq->coh[k].coh < 0 ? SPA_COH_NA : SPA_COH0 + coh_bucket(sq->coh[k].coh));
	add(f, sq->coh[k].coh_long < 0 ? SPA_COHL_NA : SPA_COHL0 + coh_bucket(sq->coh[k].coh_long));
	if (sq->coh[k].small)
		add(f, SPA_COH_SMALL);
	if (sq->coh[k].self_prev >= 0)
		add(f, SPA_SELFP0 + sq->coh[k].self_prev);
	if (sq->coh[k].self_next >= 0)
		add(f, SPA_SELFN0 + sq->coh[k].self_next);
	dip = dip_bucket(sq, k);
	add(f, dip < 0 ? SPA_DIP_NA : SPA_DIP0 + dip);
	notice_atoms(sq, k, f);
	if (sq->doc_cols)
		hist_atoms(l, p, x, f);
	transfer_atoms(sq, k, f);
	if (sq->coh[k].echo >= 2)
		add(f, sq->coh[k].echo <= 5 ? SPA_ECHO1 : SPA_ECHO2);
	if (sq->coh[k].bdep >= -1)
		add(f, sq->coh[k].bdep < 0 ? SPA_BDEP_NA : SPA_BDEP0 + sq->coh[k].bdep);
	if (sq->coh[k].blk_dl)
		add(f, SPA_BLK_DL);
	if (sq->coh[k].qhead)
		add(f, SPA_QHEAD);
	list_atoms(&sq->coh[k], f);
	stack_atoms(sq, k, f);
}

/*
 * Features of line k of the sequence: atoms, then the pairs of atoms, so
 * the model can weigh "short and after a closed sentence" apart from either
 * alone.  One line at a time: the decoder keeps only its scores.
 */
void
sp_features_line(const SpSeq *sq, int k, SpFeatures *f)
{
	int			a,
				b;

	line_atoms(sq, k, f);
	f->n_ids = 0;
	for (a = 0; a < f->n_atoms; a++)
		f->ids[f->n_ids++] = f->atoms[a];
	for (a = 0; a < f->n_atoms; a++)
		for (b = a + 1; b < f->n_atoms; b++)
		{
			int			lo = f->atoms[a] < f->atoms[b] ? f->atoms[a] : f->atoms[b],
						hi = f->atoms[a] ^ f->atoms[b] ^ lo;

			if (lo != SPA_BIAS && f->n_ids < SP_MAX_IDS)
				f->ids[f->n_ids++] = SP_N_ATOMS + lo * SP_N_ATOMS + hi;
		}
}
