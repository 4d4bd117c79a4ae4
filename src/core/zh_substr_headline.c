/*
 * zh_substr_headline.c
 *	  Highlighting for the "&@" search: the matched spans of the raw text,
 *	  marked, in the best fragment(s).  See zh_substr.h.
 */
#include "zh_substr.h"
#include "na_buf.h"

typedef struct Span
{
	size_t		start,
				end;			/* raw bytes */
	size_t		cstart,
				cend;			/* characters */
	uint32_t	term;
} Span;

typedef struct SpanList
{
	Span	   *v;
	size_t		n,
				cap;
	uint32_t	term;
} SpanList;

void
zh_headline_opts_default(ZhHeadlineOpts *o)
{
	o->start_sel = "<b>";
	o->stop_sel = "</b>";
	o->frag_delim = " ... ";
	o->max_chars = 60;
	o->max_fragments = 0;
	o->highlight_all = false;
}

static void
add_span(void *arg, size_t start, size_t end)
{
	SpanList   *l = (SpanList *) arg;

	if (l->n == l->cap)
	{
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = (Span *) na_realloc(l->v, l->cap * sizeof(Span));
	}
	l->v[l->n].start = start;
	l->v[l->n].end = end;
	l->v[l->n].term = l->term;
	l->n++;
}

static int
cmp_span(const void *a, const void *b)
{
	const Span *x = (const Span *) a,
			   *y = (const Span *) b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

/* sort, merge overlapping and adjacent spans, number them in characters */
static void
spans_prepare(SpanList *l, const char *s)
{
	size_t		i,
				m = 0,
				pos = 0,
				chars = 0;

	if (l->n == 0)
		return;
	qsort(l->v, l->n, sizeof(Span), cmp_span);
	for (i = 1; i < l->n; i++)
	{
		if (l->v[i].start <= l->v[m].end)
		{
			if (l->v[i].end > l->v[m].end)
				l->v[m].end = l->v[i].end;
		}
		else
			l->v[++m] = l->v[i];
	}
	l->n = m + 1;
	for (i = 0; i < l->n; i++)
	{
		chars += na_utf8_count(s + pos, l->v[i].start - pos);
		l->v[i].cstart = chars;
		chars += na_utf8_count(s + l->v[i].start, l->v[i].end - l->v[i].start);
		l->v[i].cend = chars;
		pos = l->v[i].end;
	}
}

/* byte offset n characters after byte offset from */
static size_t
skip_chars(const char *s, size_t len, size_t from, size_t n)
{
	while (from < len && n > 0)
	{
		size_t		adv;

		(void) na_utf8_decode(s + from, len - from, &adv);
		from += adv;
		n--;
	}
	return from;
}

/* append s[a, b) with the spans inside marked */
static void
emit_range(NaBuf *out, const char *s, size_t a, size_t b,
		   const SpanList *l, const ZhHeadlineOpts *o)
{
	size_t		i;

	for (i = 0; i < l->n && a < b; i++)
	{
		const Span *sp = &l->v[i];

		if (sp->end <= a || sp->start < a)
			continue;
		if (sp->start >= b)
			break;
		na_buf_append(out, s + a, sp->start - a);
		na_buf_append_str(out, o->start_sel);
		na_buf_append(out, s + sp->start, sp->end - sp->start);
		na_buf_append_str(out, o->stop_sel);
		a = sp->end;
	}
	if (a < b)
		na_buf_append(out, s + a, b - a);
}

typedef struct Frag
{
	size_t		first,
				last;			/* spans first..last inside */
	size_t		score;
} Frag;

/* the best window of max_chars starting at span i, among spans not used */
static Frag
best_from(const SpanList *l, size_t i, size_t max_chars, const bool *used,
		  uint32_t nterms)
{
	Frag		f = {i, i, 0};
	size_t		j,
				distinct = 0,
				count = 0;
	bool		seen[64] = {false};

	for (j = i; j < l->n && !used[j]; j++)
	{
		if (l->v[j].cend - l->v[i].cstart > max_chars && j > i)
			break;
		f.last = j;
		count++;
		if (l->v[j].term < 64 && !seen[l->v[j].term])
		{
			seen[l->v[j].term] = true;
			distinct++;
		}
	}
	/* distinct terms first, then occurrences */
	f.score = distinct * 1000 + count;
	return f;
}

static int
cmp_frag(const void *a, const void *b)
{
	size_t		x = ((const Frag *) a)->first,
				y = ((const Frag *) b)->first;

	return (x > y) - (x < y);
}

/* one fragment around spans f.first..f.last, centred in max_chars */
static void
emit_fragment(NaBuf *out, const char *s, size_t len, const SpanList *l,
			  Frag f, const ZhHeadlineOpts *o)
{
	const Span *first = &l->v[f.first];
	size_t		used = l->v[f.last].cend - first->cstart,
				room = (size_t) o->max_chars > used ? (size_t) o->max_chars - used : 0,
				before = room / 3 < first->cstart ? room / 3 : first->cstart,
				base = 0,
				cbase = 0,
				a,
				b;

	/* walk to the fragment's first character from the previous span */
	if (f.first > 0)
	{
		base = l->v[f.first - 1].end;
		cbase = l->v[f.first - 1].cend;
		/* never start inside the previous span */
		if (first->cstart - before < cbase)
			before = first->cstart - cbase;
	}
	a = skip_chars(s, len, base, first->cstart - before - cbase);
	b = skip_chars(s, len, l->v[f.last].end, room - before);
	if (a > 0)
		na_buf_append_str(out, "...");
	emit_range(out, s, a, b, l, o);
	if (b < len)
		na_buf_append_str(out, "...");
}

char *
zh_substr_headline(const ZhSubQuery *q, const char *s, size_t len,
				   const ZhHeadlineOpts *o, size_t *out_len)
{
	SpanList	l = {NULL, 0, 0, 0};
	NaBuf		out;
	uint32_t	i;

	na_buf_init(&out, 256);
	for (i = 0; i < q->nterms; i++)
	{
		if (q->terms[i].negated)
			continue;
		l.term = i;
		(void) zh_subterm_spans(&q->terms[i], s, len, add_span, &l, NULL);
	}
	spans_prepare(&l, s);
	if (o->highlight_all || l.n == 0 ||
		(l.n > 0 && na_utf8_count(s, len) <= (size_t) o->max_chars))
	{
		if (o->highlight_all || l.n > 0)
			emit_range(&out, s, 0, len, &l, o);
		else
		{
			size_t		b = skip_chars(s, len, 0, (size_t) o->max_chars);

			na_buf_append(&out, s, b);
			if (b < len)
				na_buf_append_str(&out, "...");
		}
	}
	else
	{
		size_t		nfrag = o->max_fragments > 0 ? (size_t) o->max_fragments : 1,
					k,
					nchosen = 0;
		bool	   *used = (bool *) na_alloc0(l.n);
		Frag	   *chosen = (Frag *) na_alloc(nfrag * sizeof(Frag));

		for (k = 0; k < nfrag; k++)
		{
			Frag		best = {0, 0, 0};
			size_t		j;

			for (j = 0; j < l.n; j++)
				if (!used[j])
				{
					Frag		f = best_from(&l, j, (size_t) o->max_chars, used, q->nterms);

					if (f.score > best.score)
						best = f;
				}
			if (best.score == 0)
				break;
			for (j = best.first; j <= best.last; j++)
				used[j] = true;
			chosen[nchosen++] = best;
		}
		qsort(chosen, nchosen, sizeof(Frag), cmp_frag);
		for (k = 0; k < nchosen; k++)
		{
			if (k > 0)
				na_buf_append_str(&out, o->frag_delim);
			emit_fragment(&out, s, len, &l, chosen[k], o);
		}
		na_free(used);
		na_free(chosen);
	}
	na_free(l.v);
	*out_len = out.len;
	return out.data;
}
