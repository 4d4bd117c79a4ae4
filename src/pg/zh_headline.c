/*
 * zh_headline.c
 *	  The headline function of the Chinese parser (ts_headline('chinese',
 *	  ...)).
 *
 *	  Marks exactly the matched text: the query is evaluated over the
 *	  token positions (every token of the Chinese parser takes one
 *	  position), phrases included, and the characters covered by each match
 *	  are selected; a bigram match covers both of its characters.  Runs of
 *	  selected characters are shown as one highlighted span (<b>医药港</b>,
 *	  not <b>医</b><b>药</b><b>港</b>).  Fragments are built around matches
 *	  and end at sentence punctuation; nothing is inserted between words.
 *
 *	  Options (as for the default parser): StartSel, StopSel,
 *	  FragmentDelimiter, MaxWords and MinWords (counted in tokens: a Han
 *	  character is a token; defaults 60 and 10), MaxFragments (default 0:
 *	  one fragment), HighlightAll.  ShortWord is accepted and ignored.
 */
#include "postgres.h"

#include "commands/defrem.h"
#include "fmgr.h"
#include "tsearch/ts_public.h"
#include "tsearch/ts_type.h"
#include "tsearch/ts_utils.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"

#include "na_utf8.h"
#include "zh_tsearch.h"

PG_FUNCTION_INFO_V1(zh_prs_headline);

typedef struct HlMatch
{
	int			start;			/* position of the first operand */
	int			end;			/* position of the last operand */
	int			cover;			/* last position covered */
} HlMatch;

typedef struct HlList
{
	HlMatch    *m;
	int			n;
	bool		ok;				/* the subexpression is satisfied */
} HlList;

typedef struct HlCtx
{
	HeadlineParsedText *prs;
	TSQuery		query;
	int			npos;			/* positions 1..npos */
	int		   *pos_word;		/* position -> index in prs->words */
	/* per query item: positions where that operand matches */
	int		  **op_pos;
	int		   *op_npos;
} HlCtx;

static int
match_cmp_start(const void *a, const void *b)
{
	const HlMatch *x = a,
			   *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->cover < y->cover ? -1 : (x->cover > y->cover);
}

static HlList
hl_eval(HlCtx *c, int idx)
{
	QueryItem  *items = GETQUERY(c->query);
	QueryItem  *it = &items[idx];
	HlList		res = {NULL, 0, false};

	check_stack_depth();
	if (it->type == QI_VAL)
	{
		int			i,
					w = zh_lexeme_width(GETOPERAND(c->query) + it->qoperand.distance,
									   it->qoperand.length);

		res.n = c->op_npos[idx];
		res.m = palloc(sizeof(HlMatch) * Max(res.n, 1));
		for (i = 0; i < res.n; i++)
		{
			res.m[i].start = res.m[i].end = c->op_pos[idx][i];
			res.m[i].cover = c->op_pos[idx][i] + w - 1;
		}
		res.ok = res.n > 0;
		return res;
	}
	else
	{
		HlList		r = hl_eval(c, idx + 1);
		HlList		l;

		if (it->qoperator.oper == OP_NOT)
		{
			/* nothing to highlight under a NOT */
			res.m = palloc(sizeof(HlMatch));
			res.ok = !r.ok;
			return res;
		}
		l = hl_eval(c, idx + it->qoperator.left);
		if (it->qoperator.oper == OP_AND || it->qoperator.oper == OP_OR)
		{
			res.ok = it->qoperator.oper == OP_AND ? (l.ok && r.ok) : (l.ok || r.ok);
			res.m = palloc(sizeof(HlMatch) * Max(l.n + r.n, 1));
			if (res.ok)
			{
				if (l.ok)
				{
					memcpy(res.m, l.m, sizeof(HlMatch) * l.n);
					res.n = l.n;
				}
				if (r.ok)
				{
					memcpy(res.m + res.n, r.m, sizeof(HlMatch) * r.n);
					res.n += r.n;
				}
			}
			return res;
		}
		else
		{
			/* OP_PHRASE: right starts exactly distance after left's end */
			int			d = it->qoperator.distance,
						i,
						cap = 16;

			res.m = palloc(sizeof(HlMatch) * cap);
			qsort(r.m, r.n, sizeof(HlMatch), match_cmp_start);
			for (i = 0; i < l.n; i++)
			{
				int			want = l.m[i].end + d,
							lo = 0,
							hi = r.n;

				while (lo < hi)
				{
					int			mid = (lo + hi) / 2;

					if (r.m[mid].start < want)
						lo = mid + 1;
					else
						hi = mid;
				}
				for (; lo < r.n && r.m[lo].start == want; lo++)
				{
					if (res.n == cap)
					{
						cap *= 2;
						res.m = repalloc(res.m, sizeof(HlMatch) * cap);
					}
					res.m[res.n].start = l.m[i].start;
					res.m[res.n].end = r.m[lo].end;
					res.m[res.n].cover = Max(l.m[i].cover, r.m[lo].cover);
					res.n++;
				}
			}
			res.ok = res.n > 0;
			return res;
		}
	}
}

/* the token ends a sentence: a fragment may stop after it */
static bool
is_sentence_end(HeadlineWordEntry *w)
{
	int			i = 0;

	if (w->type != ZH_TOK_PUNCT && w->type != ZH_TOK_SPACE)
		return false;
	while (i < w->len)
	{
		size_t		adv;
		uint32		cp = na_utf8_decode(w->word + i, w->len - i, &adv);

		if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B ||
			cp == '!' || cp == '?' || cp == ';' || cp == '\n' || cp == 0x2026)
			return true;
		i += (int) adv;
	}
	return false;
}

static bool
is_blank(HeadlineWordEntry *w)
{
	return w->type == ZH_TOK_SPACE;
}

static void
parse_options(List *opts, HeadlineParsedText *prs, int *max_words,
			  int *min_words, int *max_frags, bool *all)
{
	ListCell   *l;
	char	   *startsel = NULL,
			   *stopsel = NULL,
			   *fragdelim = NULL;

	*max_words = 60;
	*min_words = 10;
	*max_frags = 0;
	*all = false;
	foreach(l, opts)
	{
		DefElem    *d = (DefElem *) lfirst(l);
		char	   *val = defGetString(d);

		if (pg_strcasecmp(d->defname, "MaxWords") == 0)
			*max_words = pg_strtoint32(val);
		else if (pg_strcasecmp(d->defname, "MinWords") == 0)
			*min_words = pg_strtoint32(val);
		else if (pg_strcasecmp(d->defname, "MaxFragments") == 0)
			*max_frags = pg_strtoint32(val);
		else if (pg_strcasecmp(d->defname, "StartSel") == 0)
			startsel = pstrdup(val);
		else if (pg_strcasecmp(d->defname, "StopSel") == 0)
			stopsel = pstrdup(val);
		else if (pg_strcasecmp(d->defname, "FragmentDelimiter") == 0)
			fragdelim = pstrdup(val);
		else if (pg_strcasecmp(d->defname, "HighlightAll") == 0)
			*all = (pg_strcasecmp(val, "1") == 0 || pg_strcasecmp(val, "on") == 0 ||
					pg_strcasecmp(val, "true") == 0 || pg_strcasecmp(val, "t") == 0 ||
					pg_strcasecmp(val, "y") == 0 || pg_strcasecmp(val, "yes") == 0);
		else if (pg_strcasecmp(d->defname, "ShortWord") == 0)
			(void) pg_strtoint32(val);
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized headline parameter: \"%s\"", d->defname)));
	}
	if (!*all)
	{
		if (*min_words >= *max_words)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("MinWords should be less than MaxWords")));
		if (*min_words <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("MinWords should be positive")));
		if (*max_frags < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("MaxFragments should be >= 0")));
	}
	prs->startsel = startsel ? startsel : pstrdup("<b>");
	prs->stopsel = stopsel ? stopsel : pstrdup("</b>");
	prs->fragdelim = fragdelim ? fragdelim : pstrdup(" ... ");
	prs->startsellen = (int16) strlen(prs->startsel);
	prs->stopsellen = (int16) strlen(prs->stopsel);
	prs->fragdelimlen = (int16) strlen(prs->fragdelim);
}

/* mark positions [a, b] as part of the headline */
static void
mark_in(HlCtx *c, int a, int b)
{
	int			p;

	for (p = Max(a, 1); p <= Min(b, c->npos); p++)
		c->prs->words[c->pos_word[p]].in = 1;
}

/* one fragment around the range [a, b] of positions */
static void
make_fragment(HlCtx *c, int a, int b, int max_words, int min_words,
			  int *fa, int *fb)
{
	HeadlineWordEntry *w = c->prs->words;
	int			budget,
				left;

	if (b - a + 1 > max_words)
		b = a + max_words - 1;
	budget = max_words - (b - a + 1);
	left = budget / 3;
	/* left, up to a third of the budget, not past the previous sentence end */
	while (left-- > 0 && a > 1 &&
		   !is_sentence_end(&w[c->pos_word[a - 1]]))
	{
		a--;
		budget--;
	}
	/* right, to the end of the sentence */
	while (budget > 0 && b < c->npos && !is_sentence_end(&w[c->pos_word[b]]))
	{
		b++;
		budget--;
	}
	if (budget > 0 && b < c->npos && !is_blank(&w[c->pos_word[b + 1]]) &&
		is_sentence_end(&w[c->pos_word[b + 1]]))
	{
		b++;					/* take the sentence's final mark */
		budget--;
	}
	/* too short: grow across sentence ends */
	while (b - a + 1 < min_words && budget > 0 && (b < c->npos || a > 1))
	{
		if (b < c->npos)
			b++;
		else
			a--;
		budget--;
	}
	/* no leading or trailing blanks, no leading punctuation */
	while (a < b && (is_blank(&w[c->pos_word[a]]) ||
					 (w[c->pos_word[a]].type == ZH_TOK_PUNCT && !w[c->pos_word[a]].selected &&
					  is_sentence_end(&w[c->pos_word[a]]))))
		a++;
	while (b > a && is_blank(&w[c->pos_word[b]]))
		b--;
	*fa = a;
	*fb = b;
}

/* show each run of selected tokens as one highlighted span */
static void
merge_selected_runs(HeadlineParsedText *prs)
{
	int			i = 0;

	while (i < prs->curwords)
	{
		HeadlineWordEntry *head = &prs->words[i];
		int			j,
					total,
					last;
		char	   *buf;

		if (head->repeated || !head->in || !head->selected || head->skip)
		{
			i++;
			continue;
		}
		/* find the run: following non-repeated words, in and selected */
		total = head->len;
		last = i;
		for (j = i + 1; j < prs->curwords; j++)
		{
			HeadlineWordEntry *w = &prs->words[j];

			if (w->repeated)
				continue;
			if (!w->in || !w->selected || w->replace ||
				total + w->len > PG_UINT16_MAX)
				break;
			total += w->len;
			last = j;
		}
		if (last > i)
		{
			char	   *p;

			buf = palloc(total);
			p = buf;
			for (j = i; j <= last; j++)
			{
				HeadlineWordEntry *w = &prs->words[j];

				if (w->repeated)
					continue;
				memcpy(p, w->word, w->len);
				p += w->len;
				if (j > i)
					w->skip = 1;
			}
			head->word = buf;
			head->len = total;
		}
		i = last + 1;
	}
}

/*
 * Does query operand op match the lexeme [s, s + len)?  An operand of one
 * Han character matches every lexeme that starts with it: documents carry
 * the unigram only at the character's first occurrence, but every
 * occurrence is a match to show.
 */
static bool
operand_matches(TSQuery query, QueryOperand *op, const char *s, int len)
{
	const char *o = GETOPERAND(query) + op->distance;
	bool		prefix = op->prefix;

	if (!prefix && op->length <= 4)
	{
		size_t		adv;
		uint32		cp = na_utf8_decode(o, op->length, &adv);

		prefix = adv == op->length && na_is_han(cp);
	}
	return tsCompareString((char *) o, op->length, (char *) s, len, prefix) == 0;
}

/* is op one Han character, without prefix (zh_query's single-character term)? */
static bool
is_char_operand(TSQuery query, QueryOperand *op)
{
	size_t		adv;
	uint32		cp;

	if (op->prefix || op->length > 4 || op->length == 0)
		return false;
	cp = na_utf8_decode(GETOPERAND(query) + op->distance, op->length, &adv);
	return adv == op->length && na_is_han(cp);
}

/* does op match a lexeme of character t (s: its normalised text)? */
static bool
char_matches(TSQuery query, QueryOperand *op, const ZhPTok *t, const char *s)
{
	return (t->bigram_len && operand_matches(query, op, s, t->bigram_len)) ||
		(!t->bigram_len && t->unit && operand_matches(query, op, s, t->norm_len)) ||
		(t->word_len && operand_matches(query, op, s, t->word_len));
}

/*
 * Give operand op to the character whose entries are nw[head .. *n - 1]
 * (the first one, then repeated copies), unless it has it already.
 */
static void
attach_operand(HeadlineWordEntry **nw, int *n, int *cap, int head,
			   QueryOperand *op)
{
	int			j;

	if ((*nw)[head].item == NULL)
	{
		(*nw)[head].item = op;
		return;
	}
	for (j = head; j < *n; j++)
		if ((*nw)[j].item == op)
			return;
	if (*n + 1 >= *cap)
	{
		*cap *= 2;
		*nw = repalloc(*nw, sizeof(HeadlineWordEntry) * *cap);
	}
	(*nw)[*n] = (*nw)[head];
	(*nw)[*n].item = op;
	(*nw)[*n].repeated = 1;
	(*n)++;
}

/*
 * The parser gives a run of characters as one token (zh_tsearch.h); make
 * every character an entry of its own again, so that positions and
 * highlighting are per character.  hlparsetext tells which query operands
 * matched some lexeme of a token (the token's entry and the "repeated"
 * entries after it), not at which character: parse the document again
 * (the concatenated tokens are exactly the document) and give each operand
 * to the characters of the token whose lexemes it matches.  Inside a run
 * token every character has its bigram (never a stop word), so what
 * matches here is what the dictionary gave; tokens of one character are
 * kept as they are.  A one-Han-character operand (zh_query's single
 * character) matched only the character's first occurrence, where its
 * unigram is: it goes to every occurrence.
 */
/* the new word list split_run_tokens() builds */
typedef struct SplitOut
{
	HeadlineWordEntry *nw;
	int			n,
				cap;
	TSQuery		query;
	QueryOperand **char_ops;	/* one-Han-character operands */
	int			nchar_ops;
} SplitOut;

static void
out_reserve(SplitOut *o, int more)
{
	if (o->n + more >= o->cap)
	{
		o->cap = o->cap * 2 + more;
		o->nw = repalloc(o->nw, sizeof(HeadlineWordEntry) * o->cap);
	}
}

/* give the entry at head every one-character operand the character matches */
static void
attach_char_operands(SplitOut *o, int head, ZhPTok *t, const char *s)
{
	int			j;

	for (j = 0; j < o->nchar_ops; j++)
		if (char_matches(o->query, o->char_ops[j], t, s))
			attach_operand(&o->nw, &o->n, &o->cap, head, o->char_ops[j]);
}

/* a token of one character (or none) and its repeated entries, as they are */
static void
keep_token(SplitOut *o, const HeadlineWordEntry *w, int nrep, ZhParse *p,
		   uint32 first, uint32 ci)
{
	int			head = o->n,
				j;

	for (j = 0; j <= nrep; j++)
	{
		out_reserve(o, 1);
		o->nw[o->n++] = w[j];
	}
	if (ci - first == 1 && !w->repeated)
	{
		ZhPTok	   *t = &p->toks[first];

		attach_char_operands(o, head, t, p->norm.text + t->norm_off);
	}
}

/*
 * A run token w (its repeated entries after it) spanning the document's
 * bytes [off, end) and the parse's characters [first, ci): one entry per
 * character, with the operands of w that the character matches.
 */
static void
split_token(SplitOut *o, HeadlineWordEntry *w, int nrep, ZhParse *p, const char *doc,
			uint32 off, uint32 end, uint32 first, uint32 ci)
{
	uint32		k;
	int			j;

	for (k = first; k < ci; k++)
	{
		ZhPTok	   *t = &p->toks[k];
		uint32		a = (k == first) ? off : t->orig_off,
					b = (k + 1 < ci) ? p->toks[k + 1].orig_off : end;
		const char *s = p->norm.text + t->norm_off;
		int			head = o->n;

		out_reserve(o, nrep + 2);
		memset(&o->nw[o->n], 0, sizeof(HeadlineWordEntry));
		o->nw[o->n].type = w->type;
		o->nw[o->n].len = (uint16) (b - a);
		o->nw[o->n].word = palloc(b - a);
		memcpy(o->nw[o->n].word, doc + a, b - a);
		o->n++;
		for (j = 0; j <= nrep; j++)
		{
			QueryOperand *op = w[j].item;

			if (op != NULL && char_matches(o->query, op, t, s))
				attach_operand(&o->nw, &o->n, &o->cap, head, op);
		}
		attach_char_operands(o, head, t, s);
	}
	pfree(w->word);
}

/* the document the tokens were cut from (repeated entries skipped) */
static void
tokens_text(const HeadlineParsedText *prs, StringInfo doc)
{
	int			i;

	initStringInfo(doc);
	for (i = 0; i < prs->curwords; i++)
		if (!prs->words[i].repeated)
			appendBinaryStringInfo(doc, prs->words[i].word, prs->words[i].len);
}

static void
split_run_tokens(HeadlineParsedText *prs, TSQuery query)
{
	HeadlineWordEntry *old = prs->words;
	int			nold = prs->curwords,
				i;
	StringInfoData doc;
	ZhParse    *p;
	uint32		ci = 0,
				off = 0;
	bool		any_run = false;
	SplitOut	o;

	o.query = query;
	o.char_ops = palloc(sizeof(QueryOperand *) * Max(query->size, 1));
	o.nchar_ops = 0;
	for (i = 0; i < query->size; i++)
	{
		QueryItem  *it = &GETQUERY(query)[i];

		if (it->type == QI_VAL && is_char_operand(query, &it->qoperand))
			o.char_ops[o.nchar_ops++] = &it->qoperand;
	}
	tokens_text(prs, &doc);
	if (doc.len == 0)
		return;
	p = zh_parse_build(doc.data, doc.len, 0);
	for (i = 0; i < (int) p->nruns && !any_run; i++)
		any_run = p->runs[i].nchars > 1;
	if (!any_run && o.nchar_ops == 0)
	{
		zh_parse_release(p);
		return;
	}

	o.cap = nold + (int) p->ntoks + 16;
	o.nw = palloc0(sizeof(HeadlineWordEntry) * o.cap);
	o.n = 0;
	for (i = 0; i < nold;)
	{
		HeadlineWordEntry *w = &old[i];
		int			nrep = 0;
		uint32		end = off + w->len,
					first = ci;

		/* the repeated entries that follow w carry its further operands */
		while (i + 1 + nrep < nold && old[i + 1 + nrep].repeated)
			nrep++;
		/* the characters of w */
		while (ci < p->ntoks && p->toks[ci].orig_off < end)
			ci++;
		if (ci - first <= 1 || w->repeated)
			keep_token(&o, w, nrep, p, first, ci);
		else
			split_token(&o, w, nrep, p, doc.data, off, end, first, ci);
		off = end;
		i += 1 + nrep;
	}
	zh_parse_release(p);
	pfree(doc.data);
	pfree(o.char_ops);
	prs->words = o.nw;
	prs->curwords = o.n;
	prs->lenwords = o.cap;
}

/*
 * Positions as in the tsvector (every non-repeated token takes one) and,
 * for each query operand, the positions of the tokens it matched.
 */
static void
operand_positions(HlCtx *c)
{
	HeadlineParsedText *prs = c->prs;
	TSQuery		query = c->query;
	int			pos = 0,
				i;

	c->pos_word = palloc(sizeof(int) * (prs->curwords + 1));
	c->op_pos = palloc0(sizeof(int *) * Max(query->size, 1));
	c->op_npos = palloc0(sizeof(int) * Max(query->size, 1));
	for (i = 0; i < prs->curwords; i++)
	{
		HeadlineWordEntry *w = &prs->words[i];
		int			op;

		if (!w->repeated)
			c->pos_word[++pos] = i;
		if (!w->item || pos == 0)
			continue;
		op = (QueryItem *) w->item - GETQUERY(query);
		if (op < 0 || op >= query->size)
			continue;
		if (c->op_pos[op] == NULL)
			c->op_pos[op] = palloc(sizeof(int) * 16);
		else if ((c->op_npos[op] & 15) == 0)
			c->op_pos[op] = repalloc(c->op_pos[op], sizeof(int) * (c->op_npos[op] + 16));
		c->op_pos[op][c->op_npos[op]++] = pos;
	}
	c->npos = pos;
}

/* up to max_frags fragments around the matches, or the text's beginning */
static void
mark_fragments(HlCtx *c, const HlList *matches, int max_words, int min_words, int max_frags)
{
	int			nfrag = 0,
				want = Max(max_frags, 1),
				covered_to = 0,
				fa,
				fb,
				i;

	for (i = 0; matches->ok && i < matches->n && nfrag < want; i++)
	{
		if (matches->m[i].start <= covered_to)
			continue;
		make_fragment(c, matches->m[i].start, Min(matches->m[i].cover, c->npos),
					  max_words, min_words, &fa, &fb);
		mark_in(c, fa, fb);
		covered_to = fb;
		nfrag++;
	}
	if (nfrag == 0)
	{
		/* no match: the beginning of the text */
		make_fragment(c, 1, 1, max_words, min_words, &fa, &fb);
		mark_in(c, fa, fb);
	}
}

Datum
zh_prs_headline(PG_FUNCTION_ARGS)
{
	HeadlineParsedText *prs = (HeadlineParsedText *) PG_GETARG_POINTER(0);
	List	   *opts = (List *) PG_GETARG_POINTER(1);
	/* the very query hlparsetext saw: words[].item point into it */
	TSQuery		query = (TSQuery) PG_GETARG_POINTER(2);
	HlCtx		c;
	int			max_words,
				min_words,
				max_frags,
				i;
	bool		all;
	HlList		matches = {NULL, 0, false};

	parse_options(opts, prs, &max_words, &min_words, &max_frags, &all);
	split_run_tokens(prs, query);

	memset(&c, 0, sizeof(c));
	c.prs = prs;
	c.query = query;
	operand_positions(&c);
	if (query->size > 0 && c.npos > 0)
		matches = hl_eval(&c, 0);

	/* select exactly the covered positions */
	if (matches.ok)
	{
		qsort(matches.m, matches.n, sizeof(HlMatch), match_cmp_start);
		for (i = 0; i < matches.n; i++)
		{
			int			p;

			for (p = matches.m[i].start; p <= Min(matches.m[i].cover, c.npos); p++)
				prs->words[c.pos_word[p]].selected = 1;
		}
	}

	if (all)
		mark_in(&c, 1, c.npos);
	else if (c.npos > 0)
		mark_fragments(&c, &matches, max_words, min_words, max_frags);

	/* line breaks inside a fragment show as one space */
	for (i = 0; i < prs->curwords; i++)
	{
		HeadlineWordEntry *w = &prs->words[i];

		if (w->in && w->type == ZH_TOK_SPACE && memchr(w->word, '\n', w->len))
			w->replace = 1;
	}
	merge_selected_runs(prs);
	PG_RETURN_POINTER(prs);
}
