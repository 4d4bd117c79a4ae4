/*
 * zh_substr_rank.c
 *	  BM25F-like ranking for the "&@" search: see zh_substr.h.
 */
#include "zh_substr.h"

#include <math.h>

#define BM25_K1		1.2
#define BM25_B		0.75

/* length-normalised term frequency of one field */
static double
field_tf(size_t tf, size_t nchars, double avg)
{
	double		norm = 1.0 - BM25_B + BM25_B * ((double) nchars / (avg > 1.0 ? avg : 1.0));

	return (double) tf / norm;
}

double
zh_substr_rank(const ZhSubQuery *q,
			   const char *title, size_t title_len,
			   const char *body, size_t body_len,
			   double title_weight, double avg_title, double avg_body)
{
	double		score = 0.0;
	uint32_t	i;
	size_t		tn = title ? na_utf8_count(title, title_len) : 0,
				bn = body ? na_utf8_count(body, body_len) : 0;

	for (i = 0; i < q->nterms; i++)
	{
		const ZhSubTerm *t = &q->terms[i];
		size_t		tf_title = 0,
					tf_body = 0;
		double		tf;

		if (t->negated)
			continue;
		if (title)
			tf_title = zh_subterm_count(t, title, title_len);
		if (body)
			tf_body = zh_subterm_count(t, body, body_len);
		tf = title_weight * field_tf(tf_title, tn, avg_title) +
			field_tf(tf_body, bn, avg_body);
		if (tf > 0.0)
			score += log(1.0 + t->ncp) * tf * (BM25_K1 + 1.0) / (tf + BM25_K1);
	}
	return score;
}
