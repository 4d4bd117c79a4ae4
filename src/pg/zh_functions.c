/*
 * zh_functions.c
 *	  SQL functions exposing the Chinese cores: zh_normalize(text) and
 *	  zh_segment(text).
 */
#include "postgres.h"
#include "na_pg_compat.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "zh_tsearch.h"
#include "pg_user_words.h"

PG_FUNCTION_INFO_V1(zh_normalize_text);
PG_FUNCTION_INFO_V1(zh_segment_text);

/* the normalised text, to compare with LIKE what search matches */
Datum
zh_normalize_text(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	ZhNorm		n;
	text	   *res;

	zh_check_length(VARSIZE_ANY_EXHDR(in));
	zh_normalize(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), false, &n);
	res = cstring_to_text_with_len(n.text, n.len);
	zh_norm_free(&n);
	PG_RETURN_TEXT_P(res);
}

/*
 * The segmenter's tokens of the text, in order, spaces left out.  The
 * segmenter runs on the normalised text; each element is the ORIGINAL text
 * of its token (so 醫藥 stays 醫藥).
 */
Datum
zh_segment_text(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	const char *src = VARDATA_ANY(in);
	size_t		len = VARSIZE_ANY_EXHDR(in);
	ZhNorm		n;
	ZhToken    *segs;
	size_t		nsegs,
				i;
	ArrayBuildState *astate = NULL;

	zh_check_length(len);
	zh_normalize(src, len, true, &n);
	nsegs = zh_tokenize_ex(zh_segment_dict(), zh_segment_user_words(), n.text, n.len, &segs);
	for (i = 0; i < nsegs; i++)
	{
		uint32		os,
					oe;

		if (segs[i].type == ZH_TOK_SPACE || segs[i].len == 0)
			continue;
		if ((i & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
		zh_norm_orig_span(&n, segs[i].start, segs[i].start + segs[i].len, &os, &oe);
		astate = accumArrayResult(astate,
								  PointerGetDatum(cstring_to_text_with_len(src + os, oe - os)),
								  false, TEXTOID, CurrentMemoryContext);
	}
	na_free(segs);
	zh_norm_free(&n);
	if (astate == NULL)
		PG_RETURN_DATUM(PointerGetDatum(construct_empty_array(TEXTOID)));
	PG_RETURN_DATUM(makeArrayResult(astate, CurrentMemoryContext));
}
