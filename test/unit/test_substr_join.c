/*
 * test_substr_join.c
 *	  A query on "kicker\ntitle\nsubtitle\n" + body decided without the
 *	  joined copy (zh_substr_join.c, the archive's article_match) gives
 *	  exactly zh_subquery_match() on the joined text: matches inside a field,
 *	  across the line breaks that join them (quoted terms may hold one),
 *	  across dropped white space at the body's start, with AND, OR and
 *	  negated terms; and so does the server's way of it, the head and lead
 *	  first and then the body alone in slices.
 */
#include <stdlib.h>

#include "na_test.h"
#include "na_utf8.h"
#include "zh_substr.h"

/* variants, white space that folds or is dropped, line breaks */
static const uint32_t alphabet[] = {
	0x4E2D, 0x56FD, 0x570B, 0x4EBA, 0x6C11, 0x65E5, 0x5831, 0x62A5,
	'a', 'B', 0xFF21, 0xFF42, ' ', ' ', '\t', 0x3000, '\n', '\r', 0x20000, 0x3002,
};
#define NALPHA (sizeof(alphabet) / sizeof(alphabet[0]))

/* the body alone in slices of k bytes after the head's terms are preset */
static int
stream_joined(const ZhSubQuery *q, const char *head, size_t hl,
			  const char *body, size_t bl, size_t k)
{
	bool	   *found = (bool *) calloc(q->nterms + 1, sizeof(bool));
	bool		complete;
	size_t		lead = zh_substr_lead_bytes(body, bl, zh_subquery_max_ncp(q), &complete),
				end = 0;
	ZhSubStream st;
	int			r;

	zh_subquery_join_found(q, head, hl, body, lead, found);
	zh_substream_init(&st, q, k % 2 == 1);
	r = zh_substream_preset(&st, found);
	while (r < 0)
	{
		size_t		from = zh_substream_need(&st),
					stop = end + k < bl ? end + k : bl;

		if (from > end)
			from = end;
		r = zh_substream_feed(&st, body + from, from, stop - from, stop >= bl);
		end = stop;
		if (r < 0 && stop >= bl)
			r = st.fold_per_slice ? 2 : zh_substream_finish(&st, body, bl);
	}
	zh_substream_free(&st);
	free(found);
	return r;
}

static size_t
random_text(char *out, size_t nchars)
{
	size_t		n = 0,
				i;

	for (i = 0; i < nchars; i++)
		n += na_utf8_encode(alphabet[rand() % NALPHA], out + n);
	return n;
}

/* a quoted term: a piece of the joined text (often across a join) or random */
static size_t
random_term(char *out, const char *joined, size_t jl)
{
	size_t		n = 0;

	if (rand() % 4 == 0)
		n += (size_t) sprintf(out, "-");
	out[n++] = '"';
	if (rand() % 3 > 0 && jl > 0)
	{
		size_t		a = (size_t) rand() % jl,
					l = 1 + (size_t) rand() % 12;

		while (a > 0 && (joined[a] & 0xC0) == 0x80)
			a--;
		if (a + l > jl)
			l = jl - a;
		while (a + l < jl && (joined[a + l] & 0xC0) == 0x80)
			l++;
		memcpy(out + n, joined + a, l);
		n += l;
	}
	else
		n += random_text(out + n, 1 + (size_t) rand() % 4);
	out[n++] = '"';
	return n;
}

static void
test_random(void)
{
	static char joined[8000],
				query[400];
	int			round,
				wrong = 0,
				yes = 0,
				known = 0;

	for (round = 0; round < 20000; round++)
	{
		size_t		hl = 0,
					jl,
					ql = 0,
					bl;
		int			f,
					t,
					nterms = 1 + rand() % 3;
		ZhSubQuery *q;

		for (f = 0; f < 3; f++)
		{
			hl += random_text(joined + hl, (size_t) rand() % (f == 1 ? 10 : 4));
			joined[hl++] = '\n';
		}
		bl = random_text(joined + hl, (size_t) rand() % (rand() % 4 ? 40 : 600));
		jl = hl + bl;
		for (t = 0; t < nterms; t++)
		{
			if (t > 0)
				ql += (size_t) sprintf(query + ql, rand() % 3 == 0 ? " OR " : " ");
			ql += random_term(query + ql, joined, jl);
		}
		q = zh_subquery_parse(query, ql);
		{
			int			want = zh_subquery_match(q, joined, jl);

			bool	   *hf = (bool *) calloc(q->nterms + 1, sizeof(bool));
			int			k;

			/* the head alone may decide (it is a prefix of the joined text) */
			zh_subquery_join_found(q, joined, hl, "", 0, hf);
			k = zh_subquery_known(q, hf);
			free(hf);
			known += k >= 0;
			yes += want;
			if (k >= 0 && k != want)
			{
				if (wrong++ < 5)
					fprintf(stderr, "query %s: the head decides %d\n", query, k);
			}
			else if (zh_subquery_match_joined(q, joined, hl, joined + hl, bl) != want)
			{
				if (wrong++ < 5)
					fprintf(stderr, "query %s: joined gives %d\n", query, !want);
			}
			else if (zh_substream_ok(q) &&
					 stream_joined(q, joined, hl, joined + hl, bl, 1 + (size_t) rand() % 64) != want)
			{
				if (wrong++ < 5)
					fprintf(stderr, "query %s: streamed gives %d\n", query, !want);
			}
		}
		zh_subquery_free(q);
	}
	NA_CHECK_INT(wrong, 0);
	NA_CHECK(yes > 2000 && yes < 18000);
	NA_CHECK(known > 1000);
}

/* the cases by hand: a term across each join, through dropped spaces */
static void
test_cases(void)
{
	static const struct
	{
		const char *head,
				   *body,
				   *query;
		int			want;
	}			c[] = {
		{"\n人民\n日报\n", "社论", "\"人民\n日报\"", 1},
		{"\n人民\n日报\n", "社论", "\"日报\n社论\"", 1},
		{"\n人民\n日报\n", "社论", "\"日报社论\"", 0},
		{"\n\n日报\n", "\xe3\x80\x80  社论", "\"日报\n\xe3\x80\x80  社论\"", 1},
		{"\n\n日报\n", "\xe3\x80\x80  社论", "\"报\n   社\"", 1},
		{"\n\n日报\n", "\xe3\x80\x80  社论", "\"报\n  社\"", 0},
		{"\n\n\n", "中\xe3\x80\x80国", "中国", 1},
		{"\n中\n\n", "国", "中国", 0},
		{"\n中\n\n", "国", "-\"中\n\n国\"", 0},
		{"\n中\n\n", "国", "没有 OR \"中\n\n国\"", 1},
	};
	size_t		i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
	{
		char		joined[200];
		size_t		hl = strlen(c[i].head),
					bl = strlen(c[i].body);
		ZhSubQuery *q = zh_subquery_parse(c[i].query, strlen(c[i].query));

		memcpy(joined, c[i].head, hl);
		memcpy(joined + hl, c[i].body, bl);
		NA_CHECK_INT(zh_subquery_match(q, joined, hl + bl), c[i].want);
		NA_CHECK_INT(zh_subquery_match_joined(q, c[i].head, hl, c[i].body, bl), c[i].want);
		NA_CHECK_INT(stream_joined(q, c[i].head, hl, c[i].body, bl, 2), c[i].want);
		zh_subquery_free(q);
	}
}

int
main(void)
{
	srand(7);
	test_cases();
	test_random();
	NA_TEST_DONE();
}
