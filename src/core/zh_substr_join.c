/*
 * zh_substr_join.c
 *	  A query on a head of short fields joined to a long body, decided
 *	  without the joined copy: an archive's article_text(kicker, title,
 *	  subtitle, body) is the head "kicker\ntitle\nsubtitle\n" followed by the
 *	  body (src/pg/zh_article_match.c).  See zh_substr.h.
 *
 * Why it is exact.  Folding gives each non-space character one code point
 * of its own, whatever its neighbours; only a run of white space depends on
 * the non-space characters either side of it (kept or dropped).  A term
 * neither starts nor ends with white space.  So a match in the joined text
 * that starts in the body starts at a non-space character of the body, and
 * the body folded alone yields the same code points from there on: it is a
 * match of the body alone, and every match of the body alone is one of the
 * joined text.  A match that starts in the head holds at most ncp - 1
 * non-space characters of the body, so it lies within the head followed by
 * the body's lead (zh_substr_lead_bytes with the longest term's ncp), which
 * is a prefix of the joined text cut after a non-space character: its
 * matches are the joined text's matches that lie within it.
 */
#include "zh_substr.h"

size_t
zh_substr_lead_bytes(const char *s, size_t len, uint32_t nchars, bool *complete)
{
	size_t		pos = 0;
	uint32_t	seen = 0;

	while (seen < nchars && pos < len)
	{
		size_t		adv;
		uint32_t	c = zh_fold_cp_inline(na_utf8_decode(s + pos, len - pos, &adv));

		pos += adv;
		if (c != ' ')
			seen++;
	}
	*complete = seen >= nchars;
	return pos;
}

uint32_t
zh_subquery_max_ncp(const ZhSubQuery *q)
{
	uint32_t	i,
				m = 0;

	for (i = 0; i < q->nterms; i++)
		if (q->terms[i].ncp > m)
			m = q->terms[i].ncp;
	return m;
}

void
zh_subquery_join_found(const ZhSubQuery *q, const char *head, size_t head_len,
					   const char *lead, size_t lead_len, bool *found)
{
	char	   *buf = (char *) na_alloc(head_len + lead_len + 1);
	uint32_t	i;

	memcpy(buf, head, head_len);
	memcpy(buf + head_len, lead, lead_len);
	for (i = 0; i < q->nterms; i++)
		found[i] = zh_subterm_in(&q->terms[i], buf, head_len + lead_len);
	na_free(buf);
}

static int
known_term(const ZhSubQuery *q, uint32_t i, void *arg)
{
	int			v = ((const bool *) arg)[i] ? 1 : 2;

	return v == 1 && q->terms[i].negated ? 0 : v;
}

int
zh_subquery_known(const ZhSubQuery *q, const bool *found)
{
	int			v = zh_subquery_eval(q, known_term, (void *) found);

	return v == 2 ? -1 : v;
}

typedef struct
{
	const bool *found;
	const char *body;
	size_t		body_len;
} JoinArgs;

static int
joined_term(const ZhSubQuery *q, uint32_t i, void *arg)
{
	const JoinArgs *a = (const JoinArgs *) arg;
	const ZhSubTerm *t = &q->terms[i];
	int			v = a->found[i] || zh_subterm_in(t, a->body, a->body_len);

	return t->negated ? !v : v;
}

bool
zh_subquery_match_joined(const ZhSubQuery *q, const char *head, size_t head_len,
						 const char *body, size_t body_len)
{
	bool	   *found = (bool *) na_alloc0((q->nterms + 1) * sizeof(bool));
	bool		complete;
	size_t		lead = zh_substr_lead_bytes(body, body_len,
											zh_subquery_max_ncp(q), &complete);
	JoinArgs	a = {found, body, body_len};
	int			v;

	zh_subquery_join_found(q, head, head_len, body, lead, found);
	v = zh_subquery_eval(q, joined_term, &a);
	na_free(found);
	return v == 1;
}
