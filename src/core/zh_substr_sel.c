/*
 * zh_substr_sel.c
 *	  A planner's estimate of the fraction of texts that satisfy a "&@"
 *	  query, from the query's shape alone: see zh_substr.h.
 */
#include "zh_substr.h"

/*
 * The share of texts (news articles of a few thousand characters) holding
 * a term of n characters.  A single character is in about every other text
 * and each further character makes the term several times rarer.  These are
 * orders of magnitude, not a fit: the planner needs to tell "half the
 * table" (a top-N worth spreading over parallel workers) from "a few rows"
 * (the old constant contsel, 0.001, said "a few rows" for every query).
 */
#define SEL_ONE_CHAR	0.5
#define SEL_PER_CHAR	0.2
#define SEL_FLOOR		0.0001

static double
term_sel(const ZhSubTerm *t)
{
	double		p = SEL_ONE_CHAR;
	uint32_t	i;

	for (i = 1; i < t->ncp && p > SEL_FLOOR; i++)
		p *= SEL_PER_CHAR;
	if (p < SEL_FLOOR)
		p = SEL_FLOOR;
	return t->negated ? 1.0 - p : p;
}

double
zh_subquery_selectivity(const ZhSubQuery *q)
{
	double		sel = 1.0;
	uint32_t	i = 0;

	if (q->nterms == 0)
		return 0.0;
	/* groups are ANDed, the terms of a group are alternatives */
	while (i < q->nterms)
	{
		uint32_t	g = q->terms[i].group;
		double		none = 1.0;

		for (; i < q->nterms && q->terms[i].group == g; i++)
			none *= 1.0 - term_sel(&q->terms[i]);
		sel *= 1.0 - none;
	}
	return sel;
}
