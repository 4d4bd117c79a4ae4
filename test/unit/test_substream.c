/*
 * test_substream.c
 *	  Confirming a query slice by slice (zh_substr_stream.c) gives exactly
 *	  zh_subquery_match() on the whole text, whatever the slicing: every
 *	  slice length is tried, so a slice boundary falls at every byte of a
 *	  match (inside a character, inside a folded form, inside a long run of
 *	  dropped white space), and AND, OR and negated terms are decided early
 *	  only when the rest of the text cannot change them.
 */
#include <stdlib.h>

#include "na_test.h"
#include "na_utf8.h"
#include "zh_substr.h"

/*
 * The query on s fed in slices as the server does (each slice starts where
 * a term still needs text, and ends at least k bytes past the last one),
 * each slice copied alone so that nothing past it can be read; raw first,
 * undecided at the end: the whole text decides.  *nslices
 * gets the number of slices read.
 */
static bool fold_per_slice;

static int
stream_match(const ZhSubQuery *q, const char *s, size_t len, size_t k,
			 int *nslices)
{
	ZhSubStream st;
	size_t		end = 0;
	int			r = -1;

	*nslices = 0;
	zh_substream_init(&st, q, fold_per_slice);
	while (r < 0)
	{
		size_t		from = zh_substream_need(&st),
					stop = end + k < len ? end + k : len;
		char	   *part;

		if (from > end)
			from = end;
		part = (char *) malloc(stop - from + 1);
		memcpy(part, s + from, stop - from);
		r = zh_substream_feed(&st, part, from, stop - from, stop >= len);
		free(part);
		end = stop;
		(*nslices)++;
		if (r < 0 && stop >= len)
		{
			if (fold_per_slice)
				return 2;		/* the last slice must decide */
			r = zh_substream_finish(&st, s, len);
		}
	}
	zh_substream_free(&st);
	return r;
}

/* every slice length 1 .. len + 1 agrees with the whole-text answer */
static int
wrong_slicings(const char *query, const char *s, size_t len, int want)
{
	ZhSubQuery *q = zh_subquery_parse(query, strlen(query));
	int			wrong = 0,
				n;
	size_t		k;

	if (want >= 0 && zh_subquery_match(q, s, len) != (bool) want)
		wrong++;
	want = zh_subquery_match(q, s, len);
	for (k = 1; k <= len + 1; k++)
		if (stream_match(q, s, len, k, &n) != want)
		{
			if (wrong++ < 5)
				fprintf(stderr, "query \"%s\": slices of %zu bytes give %d\n", query, k, !want);
		}
	zh_subquery_free(q);
	return wrong;
}

/* filler + middle + filler */
static size_t
build(char *buf, const char *filler, int nfill, const char *middle, int nfill2)
{
	size_t		n = 0;
	int			i;

	for (i = 0; i < nfill; i++)
		n += (size_t) sprintf(buf + n, "%s", filler);
	n += (size_t) sprintf(buf + n, "%s", middle);
	for (i = 0; i < nfill2; i++)
		n += (size_t) sprintf(buf + n, "%s", filler);
	return n;
}

/* matches that exist only after folding, cut at every byte */
static void
test_folded_across_boundaries(void)
{
	static char doc[20000];
	char		spaced[4000];
	size_t		len,
				n = 0;
	int			i;

	/* traditional forms and full-width letters */
	len = build(doc, "的是了。", 20, "中華人民共和國ＡＢＣ", 20);
	NA_CHECK_INT(wrong_slicings("共和国abc", doc, len, 1), 0);
	NA_CHECK_INT(wrong_slicings("人民共和", doc, len, 1), 0);
	NA_CHECK_INT(wrong_slicings("共和国abd", doc, len, 0), 0);
	/* OCR spacing: a run of 700 spaces of three kinds between two Han
	 * characters, dropped by the normaliser: the match spans ~1.5 kB */
	n += (size_t) sprintf(spaced, "报中");
	for (i = 0; i < 700; i++)
		n += (size_t) sprintf(spaced + n, "%s", i % 3 == 0 ? "\xe3\x80\x80" : i % 3 == 1 ? " " : "\t");
	sprintf(spaced + n, "国人");
	len = build(doc, "的是了。", 30, spaced, 10);
	NA_CHECK_INT(wrong_slicings("报中国人", doc, len, 1), 0);
	NA_CHECK_INT(wrong_slicings("中国", doc, len, 1), 0);
	NA_CHECK_INT(wrong_slicings("\"报中 国人民\"", doc, len, 0), 0);
	NA_CHECK_INT(wrong_slicings("\"报中 国人\"", doc, len, 1), 0);
	/* kept spaces (not between two Han characters) count in the term */
	len = build(doc, "的是了。", 30, "ab \xe3\x80\x80 cd", 30);
	NA_CHECK_INT(wrong_slicings("\"b   c\"", doc, len, 1), 0);
	NA_CHECK_INT(wrong_slicings("\"b  c\"", doc, len, 0), 0);
}

/* AND, OR and -term: early answers only when they are final */
static void
test_operators(void)
{
	static char doc[20000];
	size_t		len = build(doc, "的是了。", 200, "人民日报", 200);
	ZhSubQuery *q;
	int			n;

	NA_CHECK_INT(wrong_slicings("-人民日报", doc, len, 0), 0);
	NA_CHECK_INT(wrong_slicings("-人民日報 OR 没有", doc, len, 0), 0);
	NA_CHECK_INT(wrong_slicings("没有 OR 人民日報", doc, len, 1), 0);
	NA_CHECK_INT(wrong_slicings("的是 人民日報", doc, len, 1), 0);
	NA_CHECK_INT(wrong_slicings("的是 -人民日報", doc, len, 0), 0);
	NA_CHECK_INT(wrong_slicings("的是 -没有", doc, len, 1), 0);
	NA_CHECK_INT(wrong_slicings("没有 的是", doc, len, 0), 0);
	/* a positive term near the start decides after the first slice; a
	 * negated one needs the whole text */
	q = zh_subquery_parse("了。的", strlen("了。的"));
	NA_CHECK_INT(stream_match(q, doc, len, 100, &n), 1);
	NA_CHECK_INT(n, 1);
	zh_subquery_free(q);
	q = zh_subquery_parse("-了。的是了。的了", strlen("-了。的是了。的了"));
	NA_CHECK_INT(stream_match(q, doc, len, 100, &n), 1);
	NA_CHECK(n >= (int) (len / 100));
	zh_subquery_free(q);
}

/* random texts full of variants and white space, random queries */
static const uint32_t alphabet[] = {
	0x4E2D, 0x56FD, 0x570B, 0x4EBA, 0x6C11, 0x65E5, 0x5831, 0x62A5,
	'a', 'B', 0xFF21, 0xFF42, ' ', ' ', '\t', 0x3000, '\n', 0x20000, 0x3002,
};
#define NALPHA (sizeof(alphabet) / sizeof(alphabet[0]))

static void
test_random(void)
{
	char		doc[4000],
				query[200];
	int			round,
				wrong = 0,
				yes = 0,
				n;

	for (round = 0; round < 3000; round++)
	{
		size_t		len = 0,
					ql = 0,
					nc = 20 + (size_t) rand() % 600,
					i;
		int			nterms = 1 + rand() % 3,
					t;
		ZhSubQuery *q;

		for (i = 0; i < nc; i++)
			len += na_utf8_encode(alphabet[rand() % NALPHA], doc + len);
		for (t = 0; t < nterms; t++)
		{
			size_t		l = 1 + (size_t) rand() % 4;

			if (t > 0)
				ql += (size_t) sprintf(query + ql, rand() % 3 == 0 ? " OR " : " ");
			if (rand() % 4 == 0)
				query[ql++] = '-';
			query[ql++] = '"';
			for (i = 0; i < l; i++)
				ql += na_utf8_encode(alphabet[rand() % (NALPHA - 5)], query + ql);
			query[ql++] = '"';
		}
		query[ql] = '\0';
		q = zh_subquery_parse(query, ql);
		if (zh_substream_ok(q))
		{
			int			want = zh_subquery_match(q, doc, len);

			yes += want;
			if (stream_match(q, doc, len, 1 + (size_t) rand() % 64, &n) != want ||
				stream_match(q, doc, len, 1 + (size_t) rand() % 8, &n) != want)
				wrong++;
		}
		zh_subquery_free(q);
	}
	NA_CHECK_INT(wrong, 0);
	NA_CHECK(yes > 300 && yes < 2700);
}

int
main(void)
{
	for (int mode = 0; mode < 2; mode++)
	{
		fold_per_slice = mode == 1;
		srand(12);
		test_folded_across_boundaries();
		test_operators();
		test_random();
	}
	NA_TEST_DONE();
}
