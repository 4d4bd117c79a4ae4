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

#define COH_WINDOW	120			/* code points each side */
#define COH_BITS	4096

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

/* 一、 （一） 1. 1、 第一 */
static bool
numbered(const char *s, size_t len)
{
	size_t		adv,
				adv2;
	uint32_t	c0 = sp_first_cp(s, len, &adv),
				c1;

	if (adv >= len)
		return false;
	c1 = na_utf8_decode(s + adv, len - adv, &adv2);
	if (is_open_br(c0))
		return true;
	if (c0 == 0x7B2C)			/* 第 */
		return na_is_han(c1) && (c1 == 0x4E00 || c1 == 0x4E8C || c1 == 0x4E09 ||
								 c1 == 0x56DB || c1 == 0x4E94);
	if ((c0 >= '0' && c0 <= '9') || (c0 >= 0xFF10 && c0 <= 0xFF19) ||
		c0 == 0x4E00 || c0 == 0x4E8C || c0 == 0x4E09 || c0 == 0x56DB ||
		c0 == 0x4E94 || c0 == 0x516D || c0 == 0x4E03 || c0 == 0x516B ||
		c0 == 0x4E5D || c0 == 0x5341)
		return c1 == 0x3001 || c1 == '.' || c1 == 0xFF0E;
	return false;
}

/* the line ends in a bracketed tag: 标题（今日谈） */
static bool
tail_tag(const char *s, size_t len, bool *whole)
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
		sp_find(s, len, "作者") || sp_find(s, len, "通讯员") || sp_find(s, len, "执笔");
}

/* fold the bigrams of up to COH_WINDOW Han/letters into a bit set */
static int
bigrams(const char *s, size_t len, bool backward, uint64_t *bits)
{
	uint32_t	prev = 0;
	int			n = 0;
	size_t		i = backward ? len : 0,
				adv;

	while (n < COH_WINDOW && (backward ? i > 0 : i < len))
	{
		uint32_t	cp;

		if (backward)
		{
			size_t		st;

			cp = sp_last_cp(s, i, &st);
			i = st;
		}
		else
		{
			cp = na_utf8_decode(s + i, len - i, &adv);
			i += adv;
		}
		if (!na_is_han(cp))
		{
			prev = 0;
			continue;
		}
		if (prev)
		{
			uint32_t	h = (backward ? cp * 40503u + prev : prev * 40503u + cp) * 2654435761u;

			bits[(h >> 20) % (COH_BITS / 64)] |= (uint64_t) 1 << (h & 63);
		}
		prev = cp;
		n++;
	}
	return n;
}

/*
 * Cohesion across the start of line i: bigrams shared by the text of the
 * lines before i and of the lines after i (line i itself, a title perhaps,
 * is left out).  Returns a bucket 0..3, or -1 when a side is too short.
 */
static int
cohesion(const char *text, const SpLine *lines, const int *seq, int n, int k)
{
	uint64_t	a[COH_BITS / 64],
				b[COH_BITS / 64];
	int			na = 0,
				nb = 0,
				j,
				common = 0,
				ca = 0,
				cb = 0,
				w;

	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	for (j = k - 1; j >= 0 && na < COH_WINDOW && k - j <= 6; j--)
		na += bigrams(text + lines[seq[j]].cs, lines[seq[j]].ce - lines[seq[j]].cs, true, a);
	for (j = k + 1; j < n && nb < COH_WINDOW && j - k <= 6; j++)
		nb += bigrams(text + lines[seq[j]].cs, lines[seq[j]].ce - lines[seq[j]].cs, false, b);
	if (na < 30 || nb < 30)
		return -1;
	for (w = 0; w < COH_BITS / 64; w++)
	{
		common += __builtin_popcountll(a[w] & b[w]);
		ca += __builtin_popcountll(a[w]);
		cb += __builtin_popcountll(b[w]);
	}
	w = (common * 100) / (ca < cb ? ca : cb);
	return w < 4 ? 0 : w < 8 ? 1 : w < 14 ? 2 : 3;
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

/* the atoms of one line; seq lists the lines of the sequence, k is its place */
static void
line_atoms(const char *text, const SpLine *lines, const int *seq, int n, int k,
		   bool doc_ind, bool doc_gap, SpFeatures *f)
{
	const SpLine *l = &lines[seq[k]];
	const SpLine *p = k > 0 ? &lines[seq[k - 1]] : NULL;
	const SpLine *x = k + 1 < n ? &lines[seq[k + 1]] : NULL;
	const char *s = text + l->cs;
	size_t		len = l->ce - l->cs,
				st;
	uint32_t	last = sp_last_cp(s, len, &st);
	bool		whole,
				tag = tail_tag(s, len, &whole);
	int			commas = (int) (sp_count_cp(s, len, 0xFF0C) + sp_count_cp(s, len, ','));
	int			coh;

	f->n_atoms = 0;
	add(f, SPA_BIAS);
	add(f, SPA_CLS_BLANK + l->cls);
	add(f, SPA_LEN0 + len_bucket(l->ncp));
	add(f, l->indented ? SPA_INDENTED : SPA_FLUSH);
	if (tag && whole)
		add(f, credit_words(s, len) ? SPA_BRACKET_CREDIT : SPA_BRACKETED);
	else if (tag)
		add(f, SPA_TAIL_TAG);
	else if (sp_is_sentence_end(last))
		add(f, SPA_END_SENT);
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
	if (numbered(s, len))
		add(f, SPA_NUMBERED);
	if (sp_kicker_like(s, len) || sp_kicker_split(s, len) > 0)
		add(f, SPA_KICKER_SHAPE);
	if (sp_is_column_label(s, len))
		add(f, SPA_COLUMN_LABEL);
	if (credit_words(s, len) && l->ncp <= 30)
		add(f, SPA_CREDIT_WORDS);
	if (seq[k] > 0 && lines[seq[k] - 1].cls == SPC_BLANK)
		add(f, SPA_BLANK_BEFORE);
	if (x && seq[k + 1] > seq[k] + 1 && lines[seq[k] + 1].cls == SPC_BLANK)
		add(f, SPA_BLANK_AFTER);
	if (p == NULL)
		add(f, SPA_FIRST);
	else
	{
		add(f, SPA_P_CLS_BLANK + p->cls);
		add(f, p->ncp <= 22 ? SPA_P_SHORT : SPA_P_LONG);
		if (p->ends_sentence)
			add(f, SPA_P_ENDS);
		{
			bool		pw;

			if (tail_tag(text + p->cs, p->ce - p->cs, &pw) && pw)
				add(f, SPA_P_BRACKETED);
		}
		if (p->indented)
			add(f, SPA_P_INDENTED);
	}
	if (x == NULL)
		add(f, SPA_LAST);
	else
	{
		add(f, SPA_N_CLS_BLANK + x->cls);
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
	coh = l->ncp <= 50 || !p || p->ends_sentence ? cohesion(text, lines, seq, n, k) : -1;
	add(f, coh < 0 ? SPA_COH_NA : SPA_COH0 + coh);
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

	line_atoms(sq->text, sq->lines, sq->seq, sq->n, k, sq->doc_ind, sq->doc_gap, f);
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
