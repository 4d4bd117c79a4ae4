/*
 * zh_parser.c
 *	  The text-search parser "news_archive.zh_parser": start, gettoken, end
 *	  and lextypes.  (The headline function is in zh_headline.c.)
 */
#include "postgres.h"

#include "fmgr.h"
#include "tsearch/ts_public.h"

#include "zh_tsearch.h"

PG_FUNCTION_INFO_V1(zh_prs_start);
PG_FUNCTION_INFO_V1(zh_prs_gettoken);
PG_FUNCTION_INFO_V1(zh_prs_end);
PG_FUNCTION_INFO_V1(zh_prs_lextype);

Datum
zh_prs_start(PG_FUNCTION_ARGS)
{
	char	   *buf = (char *) PG_GETARG_POINTER(0);
	int			len = PG_GETARG_INT32(1);

	PG_RETURN_POINTER(zh_parse_build(buf, len, ZH_PARSE_REGISTER));
}

Datum
zh_prs_gettoken(PG_FUNCTION_ARGS)
{
	ZhParse    *p = (ZhParse *) PG_GETARG_POINTER(0);
	char	  **t = (char **) PG_GETARG_POINTER(1);
	int		   *tlen = (int *) PG_GETARG_POINTER(2);
	ZhPRun	   *tok;

	if (p->next >= p->nruns)
		PG_RETURN_INT32(0);
	tok = &p->runs[p->next++];
	/* the original text: headlines show what the document says */
	*t = (char *) p->buf + tok->orig_off;
	*tlen = (int) tok->orig_len;
	PG_RETURN_INT32(tok->type);
}

Datum
zh_prs_end(PG_FUNCTION_ARGS)
{
	zh_parse_release((ZhParse *) PG_GETARG_POINTER(0));
	PG_RETURN_VOID();
}

Datum
zh_prs_lextype(PG_FUNCTION_ARGS)
{
	static const struct
	{
		int			id;
		const char *alias;
		const char *descr;
	}			types[] = {
		{ZH_TOK_WORD, "word", "Han character"},
		{ZH_TOK_LATIN, "latin", "Latin word, may contain digits"},
		{ZH_TOK_NUMBER, "number", "Number, decimal or percentage"},
		{ZH_TOK_NUMUNIT, "numunit", "Number of a number with a Chinese unit or date"},
		{ZH_TOK_EMAIL, "email", "Email address"},
		{ZH_TOK_URL, "url", "URL"},
		{ZH_TOK_PUNCT, "punct", "Punctuation"},
		{ZH_TOK_SPACE, "space", "Space"},
		{ZH_TOK_OTHER, "other", "Other symbols"},
	};
	int			n = lengthof(types),
				i;
	LexDescr   *descr = (LexDescr *) palloc(sizeof(LexDescr) * (n + 1));

	for (i = 0; i < n; i++)
	{
		descr[i].lexid = types[i].id;
		descr[i].alias = pstrdup(types[i].alias);
		descr[i].descr = pstrdup(types[i].descr);
	}
	descr[n].lexid = 0;
	PG_RETURN_POINTER(descr);
}
