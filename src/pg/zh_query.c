/*
 * zh_query.c
 *	  news_archive.zh_query(text) RETURNS tsquery: web-search syntax for
 *	  Chinese.
 *
 *	  Terms are separated by white space and all must match; "quoted text"
 *	  is one term even with spaces inside; OR (or |) between two terms
 *	  accepts either; -term excludes.  Chinese needs no spaces: each term is
 *	  normalised and cut into characters exactly as a document is; each run
 *	  of adjacent characters (Han, Latin, digits: anything but punctuation
 *	  and space) becomes
 *	    - one character: the prefix query c:* (a document has one lexeme per
 *	      character, the bigram c(i)c(i+1) or the unigram c(i), and maybe a
 *	      word starting at c(i): all start with c(i)); a term that is one Han
 *	      character alone is the unigram c, which documents carry at the
 *	      character's first occurrence;
 *	    - n >= 2 characters: the bigram at every position
 *	      (c1c2 <-> c2c3 <-> c3c4 ...).  Every other bigram would already
 *	      be exact, but the GIN index can only AND a phrase's lexemes and
 *	      leaves the positions to a recheck of each candidate's tsvector;
 *	      the overlapping bigrams make far fewer candidates when the
 *	      term's pieces are common (发展 and 经济 are everywhere, 展经 is
 *	      not);
 *	  all in one phrase whose distances are the distances in the term,
 *	  punctuation and space counting one position as in documents.  Since
 *	  every character of a document takes exactly one position, a phrase of
 *	  bigrams matches exactly where the term's text occurs.
 */
#include "postgres.h"
#include "na_pg_compat.h"

#include "fmgr.h"
#include "lib/stringinfo.h"
#include "tsearch/ts_type.h"
#include "utils/builtins.h"

#include "na_utf8.h"
#include "zh_query_syntax.h"
#include "zh_tsearch.h"

PG_FUNCTION_INFO_V1(zh_query);

/* how many positions a lexeme covers: one per character */
int
zh_lexeme_width(const char *lexeme, int len)
{
	int			n = (int) na_utf8_count(lexeme, len);

	return n > 0 ? n : 1;
}

static void
append_lexeme(StringInfo out, const char *s, int len, bool prefix)
{
	int			i;

	appendStringInfoChar(out, '\'');
	for (i = 0; i < len; i++)
	{
		if (s[i] == '\'' || s[i] == '\\')
			appendStringInfoChar(out, s[i]);
		appendStringInfoChar(out, s[i]);
	}
	appendStringInfoChar(out, '\'');
	if (prefix)
		appendStringInfoString(out, ":*");
}

/*
 * Append the phrase of one term to out; false (nothing appended) if the
 * term has no lexemes.
 */
static bool
append_term(StringInfo out, const char *term, int len, bool negated)
{
	ZhParse    *p = zh_parse_build(term, len, 0);
	uint32		i = 0,
				units = 0;
	int			last_pos = -1;
	bool		any = false;

	/*
	 * A term of one Han character alone is the unigram: documents carry it
	 * at the character's first occurrence.  Inside a phrase a character
	 * must match at its position, where the document has a lexeme that
	 * starts with it: the prefix c:*.
	 */
	for (i = 0; i < p->ntoks; i++)
		units += p->toks[i].unit ? 1 : 0;
	i = 0;

	while (i < p->ntoks)
	{
		ZhPTok	   *t = &p->toks[i];
		const char *s = p->norm.text + t->norm_off;
		uint32		run = 0,
					k;

		if (!t->unit)
		{
			i++;				/* punctuation, space: a position, no item */
			continue;
		}
		/* a run of adjacent characters */
		while (i + run < p->ntoks && p->toks[i + run].unit &&
			   (run == 0 || p->toks[i + run - 1].bigram_len))
			run++;
		if (!any)
		{
			if (negated)
				appendStringInfoString(out, "!");
			appendStringInfoString(out, "( ");
		}

		/* emit the items of this token or Han run */
		for (k = 0; k < (run >= 2 ? run - 1 : 1); k++)
		{
			uint32		pos = i + k;
			const char *ls;
			int			ll;

			if (run >= 2)
			{
				/* the bigram at every position but the last */
				ls = p->norm.text + p->toks[pos].norm_off;
				ll = p->toks[pos].bigram_len;
			}
			else
			{
				ls = s;
				ll = t->norm_len;
			}
			if (any)
				appendStringInfo(out, " <%d> ", (int) pos - last_pos);
			/* one character: every lexeme at its position starts with it */
			append_lexeme(out, ls, ll,
						  run < 2 && !(units == 1 && t->type == ZH_PTOK_HAN));
			last_pos = (int) pos;
			any = true;
		}
		i += Max(run, 1);
	}
	if (any)
		appendStringInfoString(out, " )");
	zh_parse_release(p);
	return any;
}

/* append an OR group to the AND list */
static void
flush_group(StringInfo out, StringInfo group, int ngroup, bool not_first)
{
	if (not_first)
		appendStringInfoString(out, " & ");
	if (ngroup > 1)
		appendStringInfoString(out, "( ");
	appendBinaryStringInfo(out, group->data, group->len);
	if (ngroup > 1)
		appendStringInfoString(out, " )");
	resetStringInfo(group);
}

Datum
zh_query(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(in);
	int			len = VARSIZE_ANY_EXHDR(in);
	StringInfoData out,
				group;
	int			ngroup = 0;
	int			nterms = 0;
	ZhQTerm    *terms;
	size_t		nraw,
				t;

	if (len > ZH_QUERY_MAX_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("search text is too long (%d bytes, limit %d)",
						len, ZH_QUERY_MAX_BYTES)));
	initStringInfo(&out);
	initStringInfo(&group);

	/* the syntax lives in the core (src/core/zh_query_syntax.c) */
	nraw = zh_query_split(s, len, &terms);
	for (t = 0; t < nraw; t++)
	{
		/* an OR counts only after a term that gave lexemes */
		bool		pending_or = terms[t].or_prev && nterms > 0;
		StringInfoData term;

		CHECK_FOR_INTERRUPTS();
		initStringInfo(&term);
		if (append_term(&term, s + terms[t].start,
						(int) (terms[t].end - terms[t].start), terms[t].negated))
		{
			/* OR binds tighter than AND: collect OR groups, AND them */
			if (!pending_or && ngroup > 0)
			{
				flush_group(&out, &group, ngroup, nterms > ngroup);
				ngroup = 0;
			}
			if (ngroup > 0)
				appendStringInfoString(&group, " | ");
			appendBinaryStringInfo(&group, term.data, term.len);
			ngroup++;
			nterms++;
		}
		pfree(term.data);
	}
	if (terms)
		pfree(terms);

	if (ngroup > 0)
		flush_group(&out, &group, ngroup, nterms > ngroup);
	if (nterms == 0)
	{
		TSQuery		empty = (TSQuery) palloc0(HDRSIZETQ);

		SET_VARSIZE(empty, HDRSIZETQ);
		empty->size = 0;
		PG_RETURN_TSQUERY(empty);
	}
	PG_RETURN_DATUM(DirectFunctionCall1(tsqueryin, CStringGetDatum(out.data)));
}
