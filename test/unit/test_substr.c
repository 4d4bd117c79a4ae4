/*
 * test_substr.c
 *	  The exact substring search core (zh_substr*.c) against references
 *	  built on zh_normalize(): the folding reader yields exactly the
 *	  normalised text; a term is found exactly when strstr() finds it in the
 *	  normalised text; every key of a contained term is a key of the text;
 *	  the raw-bytes shortcut is sound (the fold is idempotent).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE				/* memmem */
#endif
#include <stdlib.h>

#include "na_test.h"
#include "na_utf8.h"
#include "zh_normalize.h"
#include "zh_substr.h"

/* characters that exercise every rule: traditional/simplified pairs,
 * full-width Latin, spaces of several kinds, line breaks, supplementary */
static const uint32_t alphabet[] = {
	0x4E2D, 0x56FD, 0x570B, 0x4EBA, 0x6C11, 0x65E5, 0x5831, 0x62A5, 0x5171, 0x548C,
	'a', 'B', 'c', 0xFF21, 0xFF42, '1', 0xFF11, ' ', ' ', '\t', 0x3000, '\n',
	0x20000, 0x2A6A5, 0x3001, 0x3002, 0xF900, 0x8C48, '%', 0x00A0,
};
#define NALPHA (sizeof(alphabet) / sizeof(alphabet[0]))

static size_t
random_text(char *buf, size_t nchars)
{
	size_t		n = 0,
				i;

	for (i = 0; i < nchars; i++)
		n += na_utf8_encode(alphabet[rand() % NALPHA], buf + n);
	buf[n] = '\0';
	return n;
}

static void
test_fold_idempotent(void)
{
	uint32_t	cp,
				bad = 0;

	for (cp = 1; cp < 0x110000; cp++)
	{
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		if (zh_fold_cp(zh_fold_cp(cp)) != zh_fold_cp(cp) ||
			zh_fold_cp_inline(cp) != zh_fold_cp(cp))
			bad++;
	}
	NA_CHECK_INT(bad, 0);
}

/* the reader's code points, encoded, equal zh_normalize() */
static void
test_stream_equals_normalize(void)
{
	char		raw[4096],
				got[8192];
	int			round,
				bad = 0;

	for (round = 0; round < 3000; round++)
	{
		size_t		len = random_text(raw, (size_t) (rand() % 200)),
					n = 0,
					a,
					b;
		ZhFoldStream st;
		ZhNorm		norm;
		uint32_t	cp;

		zh_fold_stream_init(&st, raw, len);
		while (zh_fold_next(&st, &cp, &a, &b))
			n += na_utf8_encode(cp, got + n);
		got[n] = '\0';
		zh_normalize(raw, len, false, &norm);
		if (norm.len != n || memcmp(norm.text, got, n) != 0)
			bad++;
		zh_norm_free(&norm);
	}
	NA_CHECK_INT(bad, 0);
}

/* does the text (its keys) have the query's key i (a prefix: any in it) */
static bool
has_key(const int32_t *keys, size_t n, const ZhSubQuery *sq, uint32_t i)
{
	size_t		j;

	for (j = 0; j < n; j++)
		if (sq->partial[i] ? zh_substr_key_in_prefix(sq->keys[i], keys[j])
			: keys[j] == sq->keys[i])
			return true;
	return false;
}

/* the index's verdict on a text from its keys: 0 no, 1 yes, 2 recheck */
static int
keys_verdict(const int32_t *keys, size_t n, const ZhSubQuery *sq)
{
	char	   *check = malloc(sq->nkeys + 1);
	uint32_t	i;
	int			v;

	for (i = 0; i < sq->nkeys; i++)
		check[i] = has_key(keys, n, sq, i);
	v = zh_subquery_consistent(sq, check);
	free(check);
	return v;
}

/*
 * zh_subterm_in == strstr on normalised texts; the index's verdict from the
 * text's keys never rejects a text that has the term, and is exact for
 * terms of one or two BMP characters (either way)
 */
static void
test_match_equals_strstr(void)
{
	char		doc[8192],
				q[256];
	int			round,
				wrong = 0,
				wrong_count = 0,
				missing_keys = 0,
				wrong_exact = 0,
				nexact = 0,
				found = 0;

	for (round = 0; round < 4000; round++)
	{
		size_t		dlen = random_text(doc, (size_t) (rand() % 400)),
					qlen,
					nk;
		ZhNorm		nd,
					nq;
		ZhSubQuery *sq;
		int32_t    *keys;
		bool		truth;

		/* a query: a piece of the document, or random */
		if (rand() % 2 && dlen > 8)
		{
			size_t		at = (size_t) rand() % (dlen - 4),
						l = 1 + (size_t) rand() % 12;

			while (at > 0 && (((unsigned char) doc[at]) & 0xC0) == 0x80)
				at--;
			if (at + l * 4 > dlen)
				l = (dlen - at) / 4;
			memcpy(q, doc + at, l * 4);
			qlen = l * 4;
			/* cut back to a code point boundary */
			while (qlen > 0 && (((unsigned char) q[qlen - 1]) & 0xC0) == 0x80)
				qlen--;
			if (qlen > 0 && ((unsigned char) q[qlen - 1]) >= 0xC0)
				qlen--;
			q[qlen] = '\0';
		}
		else
			qlen = random_text(q, 1 + (size_t) rand() % 3);
		/* one quoted term, as the operator's syntax reads it */
		{
			char		quoted[300];

			if (memchr(q, '"', qlen))
				continue;
			quoted[0] = '"';
			memcpy(quoted + 1, q, qlen);
			quoted[qlen + 1] = '"';
			sq = zh_subquery_parse(quoted, qlen + 2);
		}
		if (sq->nterms != 1)
		{
			zh_subquery_free(sq);
			continue;
		}
		zh_normalize(doc, dlen, false, &nd);
		nq.text = sq->terms[0].bytes;
		truth = strstr(nd.text, nq.text) != NULL;
		if (zh_subquery_match(sq, doc, dlen) != truth)
			wrong++;
		if (zh_subterm_count(&sq->terms[0], doc, dlen) !=
			zh_subterm_spans(&sq->terms[0], doc, dlen, NULL, NULL, NULL))
			wrong_count++;
		nk = zh_substr_keys(doc, dlen, rand() % 4 == 0, &keys);
		{
			/* short texts: characters and bigrams (no trigrams) */
			int			v = keys_verdict(keys, nk, sq);

			if (truth && v == 0)
				missing_keys++;
			if (sq->exact && v != (truth ? 1 : 0))
				wrong_exact++;
			if (sq->exact)
				nexact++;
		}
		free(keys);
		if (truth)
			found++;
		zh_norm_free(&nd);
		zh_subquery_free(sq);
	}
	NA_CHECK_INT(wrong, 0);
	NA_CHECK_INT(wrong_count, 0);
	NA_CHECK_INT(missing_keys, 0);
	NA_CHECK_INT(wrong_exact, 0);
	NA_CHECK(nexact > 500);
	NA_CHECK(found > 500);
}

static int
cmp_i32(const void *a, const void *b)
{
	int32_t		x = *(const int32_t *) a,
				y = *(const int32_t *) b;

	return (x > y) - (x < y);
}

/* is key among the sorted keys */
static bool
keys_contain(const int32_t *keys, size_t n, int32_t key)
{
	size_t		i;

	for (i = 0; i < n; i++)
		if (keys[i] == key)
			return true;
	return false;
}

/*
 * zh_substr_char_common() reads a bitmap (tools/zh_common_chars.py): it
 * must say yes for exactly the code points of the list, over every code
 * point and the values around the 32-bit ends.  The list itself must be
 * sorted and unique (the bitmap is built from it).
 */
static void
test_common_char_lookup(void)
{
	size_t		n = zh_substr_common_count,
				i,
				at = 0,
				wrong = 0,
				yes = 0;
	uint32_t	cp;
	const uint32_t odd[] = {0xFFFFFFFFu, 0xFFFF0000u, 0x80000000u, 0x7FFFFFFFu, 0x00110000u,
	0x00014E00u, 0x10004E00u};

	NA_CHECK(n == 128);
	for (i = 1; i < n; i++)
		NA_CHECK(zh_substr_common_list[i - 1] < zh_substr_common_list[i]);
	/* the list is sorted: walk it beside the code points */
	for (cp = 0; cp <= 0x10FFFF; cp++)
	{
		bool		listed = at < n && zh_substr_common_list[at] == cp;

		if (listed)
			at++;
		if (zh_substr_char_common(cp) != listed)
			wrong++;
		if (zh_substr_char_common(cp))
			yes++;
	}
	NA_CHECK(wrong == 0);
	NA_CHECK(at == n);
	NA_CHECK(yes == n);
	for (i = 0; i < sizeof(odd) / sizeof(odd[0]); i++)
		NA_CHECK(!zh_substr_char_common(odd[i]));
}

/*
 * The keys an index built before 2026-12-04 holds for the same text: a
 * non-common BMP character that starts no bigram had its own key, not its
 * end key.  Queries must stay exact on such indexes (until REINDEX).
 */
static size_t
keys_before_ends(int32_t *keys, size_t n)
{
	size_t		i;

	for (i = 0; i < n; i++)
		if (((uint32_t) keys[i] & 0xFFFF) == 0xDC00)
			keys[i] = zh_substr_key_char((uint32_t) keys[i] >> 16);
	qsort(keys, n, sizeof(int32_t), cmp_i32);
	return n;
}

/*
 * A common character keeps its own key where it starts a bigram, and a
 * query for it reads that key alone (no partial match); any other BMP
 * character has no own key: where it starts no bigram it has its end key,
 * inside its prefix range, so one partial-match entry finds it.  The verdict
 * is exact on texts keyed now, keyed as 0.3 keyed them (every character) and
 * keyed before end keys (own keys of last characters).
 */
static void
test_common_char_keys(void)
{
	const char *doc = "中国人龙虎";
	int32_t    *keys;
	size_t		nk = zh_substr_keys(doc, strlen(doc), false, &keys),
				mode;
	ZhSubQuery *q;

	NA_CHECK(zh_substr_char_common(0x4E2D));	/* 中 */
	NA_CHECK(zh_substr_char_common(0x4EBA));	/* 人 */
	NA_CHECK(!zh_substr_char_common(0x9F99));	/* 龙 */
	NA_CHECK(!zh_substr_char_common('a'));
	NA_CHECK(keys_contain(keys, nk, zh_substr_key_char(0x4E2D)));
	NA_CHECK(keys_contain(keys, nk, zh_substr_key_char(0x4EBA)));
	NA_CHECK(!keys_contain(keys, nk, zh_substr_key_char(0x9F99)));
	NA_CHECK(!keys_contain(keys, nk, zh_substr_key_end(0x9F99)));
	/* the last: its end key, under its prefix, and no own key */
	NA_CHECK(!keys_contain(keys, nk, zh_substr_key_char(0x864E)));
	NA_CHECK(keys_contain(keys, nk, zh_substr_key_end(0x864E)));
	NA_CHECK(zh_substr_key_in_prefix(zh_substr_key_prefix(0x864E),
									 zh_substr_key_end(0x864E)));
	/* the end key of a character at U+8000 and above is negative: sorted */
	for (mode = 1; mode < nk; mode++)
		NA_CHECK(keys[mode - 1] < keys[mode]);
	free(keys);
	q = zh_subquery_parse("中", strlen("中"));
	NA_CHECK_INT(q->nkeys, 1);
	NA_CHECK(!q->partial[0] && q->keys[0] == zh_substr_key_char(0x4E2D));
	zh_subquery_free(q);
	q = zh_subquery_parse("龙", strlen("龙"));
	NA_CHECK_INT(q->nkeys, 2);
	NA_CHECK(!q->partial[0] && q->partial[1]);
	zh_subquery_free(q);
	/* alternatives with a partial-match term under an AND (zh_gin.c) */
	{
		const char *qs[] = {"中 龙 OR 虎", "龙 OR 中国 人", "虎 龙 OR 中国 -人",
		"龙 OR 虎", "龙 虎", "中国 OR 经济 人民", "中 OR 人 国家", "-龙 中国"};
		const bool	want[] = {true, true, true, false, false, false, false, false};

		for (mode = 0; mode < sizeof(qs) / sizeof(qs[0]); mode++)
		{
			q = zh_subquery_parse(qs[mode], strlen(qs[mode]));
			NA_CHECK_INT(q->or_partial, want[mode]);
			zh_subquery_free(q);
		}
	}
	for (mode = 0; mode < 3; mode++)
	{
		const char *texts[] = {"龙中国", "國人", "龙虎", "人", "虎", "a龙", "龙𠀀"};
		const char *terms[] = {"中", "国", "龙", "虎", "人", "a", "龙虎"};
		size_t		i,
					j;

		for (i = 0; i < (sizeof(texts) / sizeof(texts[0])); i++)
		{
			nk = zh_substr_keys(texts[i], strlen(texts[i]), mode == 1, &keys);
			if (mode == 2)
				nk = keys_before_ends(keys, nk);
			for (j = 0; j < (sizeof(terms) / sizeof(terms[0])); j++)
			{
				ZhNorm		nd;

				q = zh_subquery_parse(terms[j], strlen(terms[j]));
				zh_normalize(texts[i], strlen(texts[i]), false, &nd);
				NA_CHECK_INT(keys_verdict(keys, nk, q),
							 strstr(nd.text, terms[j]) != NULL ? 1 : 0);
				zh_norm_free(&nd);
				zh_subquery_free(q);
			}
			free(keys);
		}
	}
}

/*
 * Texts with trigram keys (long ones with all, those stored out of line
 * with the ones of a common middle character, as lo <= bytes < hi picks):
 * the index's verdict from the text's keys never rejects a text that
 * contains the query, and rejects some that do not.
 */
static void
test_trigram_consistent(size_t lo, size_t hi)
{
	size_t		cap = 40000 * 4 + 1;
	char	   *doc = malloc(cap),
				q[64];
	int			round,
				rejected_true = 0,
				rejected_false = 0,
				nfalse = 0;
	int32_t		marker = hi < cap ? zh_substr_key_mid() : zh_substr_key_long();

	for (round = 0; round < 40; round++)
	{
		size_t		dlen,
					nk,
					k;
		int32_t    *keys;

		do
			dlen = random_text(doc, lo / 2 + (size_t) rand() % (hi < cap ? hi / 2 : 20000));
		while (dlen < lo || dlen >= hi);
		nk = zh_substr_keys(doc, dlen, false, &keys);
		NA_CHECK(bsearch(&marker, keys, nk, sizeof(int32_t), cmp_i32) != NULL);
		for (k = 0; k < 50; k++)
		{
			size_t		qlen = random_text(q, 3 + (size_t) rand() % 4),
						i;
			char		quoted[80];
			ZhSubQuery *sq;
			char	   *check;
			ZhNorm		nd;
			bool		truth;

			if (k % 2 == 0)
			{
				/* a piece of the text */
				size_t		at = (size_t) rand() % (dlen - 40);

				while ((((unsigned char) doc[at]) & 0xC0) == 0x80)
					at++;
				memcpy(q, doc + at, 12);
				qlen = 12;
				while ((((unsigned char) doc[at + qlen]) & 0xC0) == 0x80)
					qlen--;
			}
			if (memchr(q, '"', qlen))
				continue;
			quoted[0] = '"';
			memcpy(quoted + 1, q, qlen);
			quoted[qlen + 1] = '"';
			sq = zh_subquery_parse(quoted, qlen + 2);
			if (sq->nterms != 1)
			{
				zh_subquery_free(sq);
				continue;
			}
			check = malloc(sq->nkeys + 1);
			for (i = 0; i < sq->nkeys; i++)
				check[i] = sq->partial[i] ? has_key(keys, nk, sq, (uint32_t) i)
					: bsearch(&sq->keys[i], keys, nk, sizeof(int32_t), cmp_i32) != NULL;
			zh_normalize(doc, dlen, false, &nd);
			truth = strstr(nd.text, sq->terms[0].bytes) != NULL;
			if (truth && zh_subquery_consistent(sq, check) == 0)
				rejected_true++;
			if (!truth)
			{
				nfalse++;
				if (zh_subquery_consistent(sq, check) == 0)
					rejected_false++;
			}
			zh_norm_free(&nd);
			free(check);
			zh_subquery_free(sq);
		}
		free(keys);
	}
	NA_CHECK_INT(rejected_true, 0);
	NA_CHECK(nfalse > 0 && rejected_false > 0);
	free(doc);
}

/* spans, counting and highlighting on a fixed text */
static void
test_spans_headline(void)
{
	const char *doc = "中華人民共和國成立，人民共和国万岁。ＡＢＣ";
	ZhSubQuery *q = zh_subquery_parse("共和国 abc", strlen("共和国 abc"));
	ZhHeadlineOpts o;
	size_t		len,
				nchars;
	char	   *h;

	NA_CHECK_INT(q->nterms, 2);
	NA_CHECK_INT(zh_subterm_spans(&q->terms[0], doc, strlen(doc), NULL, NULL, &nchars), 2);
	NA_CHECK_INT(nchars, 21);
	zh_headline_opts_default(&o);
	h = zh_substr_headline(q, doc, strlen(doc), &o, &len);
	NA_CHECK_STR(h, "中華人民<b>共和國</b>成立，人民<b>共和国</b>万岁。<b>ＡＢＣ</b>");
	free(h);
	o.max_chars = 6;
	o.start_sel = "[";
	o.stop_sel = "]";
	h = zh_substr_headline(q, doc, strlen(doc), &o, &len);
	NA_CHECK_STR(h, "...民[共和國]成立...");
	free(h);
	zh_subquery_free(q);
	/* an exact query: one or two BMP characters */
	q = zh_subquery_parse("国 -日报 OR 人民共和", strlen("国 -日报 OR 人民共和"));
	NA_CHECK_INT(q->nterms, 3);
	NA_CHECK_INT(q->ngroups, 2);
	NA_CHECK(!q->exact);
	NA_CHECK(q->terms[0].exact && q->terms[1].exact && !q->terms[2].exact);
	NA_CHECK(!q->needs_all);
	zh_subquery_free(q);
	q = zh_subquery_parse("-日报", strlen("-日报"));
	NA_CHECK(q->needs_all);
	zh_subquery_free(q);
	q = zh_subquery_parse("  \"  \" ", 7);
	NA_CHECK_INT(q->nterms, 0);
	NA_CHECK(!zh_subquery_match(q, "x", 1));
	zh_subquery_free(q);
}

/* the planner's estimate: ordered by the terms' lengths, AND, OR and NOT */
static double
sel_of(const char *qs)
{
	ZhSubQuery *q = zh_subquery_parse(qs, strlen(qs));
	double		v = zh_subquery_selectivity(q);

	zh_subquery_free(q);
	return v;
}

static void
test_selectivity(void)
{
	double		one = sel_of("国"),
				two = sel_of("经济"),
				four = sel_of("人民日报"),
				eight = sel_of("中华人民共和国成立");

	NA_CHECK(one > two && two > four && four > eight && eight > 0.0);
	NA_CHECK(one <= 1.0);
	/* AND narrows, OR widens, NOT takes the rest */
	NA_CHECK(sel_of("国 经济") < two);
	NA_CHECK(sel_of("国 经济") < one);
	NA_CHECK(sel_of("经济 OR 人民日报") > two);
	NA_CHECK(sel_of("经济 OR 人民日报") <= 1.0);
	NA_CHECK(sel_of("国 -经济") < one);
	NA_CHECK(sel_of("-经济") > 1.0 - two - 1e-9 && sel_of("-经济") < 1.0 - two + 1e-9);
	/* folding: a traditional form is estimated as its simplified one */
	NA_CHECK(sel_of("經濟") == two);
	NA_CHECK(sel_of("  \"  \" ") == 0.0);
}

/*
 * Long texts of plain characters with a few variants (traditional forms,
 * full-width letters, spaces of several kinds, line breaks) sprinkled in:
 * the matcher folds only windows around those, so check that it still
 * finds exactly what strstr() finds in the normalised text, and counts
 * exactly as the full folding scan (zh_subterm_spans) does, also for terms
 * that overlap themselves and matches that straddle a window's edge.
 */
static const uint32_t plain[] = {
	0x4E2D, 0x56FD, 0x4EBA, 0x6C11, 0x65E5, 0x62A5, 0x548C, 'a', 'c', '1', 0x3002,
};
static const uint32_t rare[] = {
	0x570B, 0x5831, 0xFF21, 0xFF42, ' ', ' ', '\t', 0x3000, '\n', 0xF900, 'B', 0x00A0,
};

static size_t
sparse_text(char *buf, size_t nchars, int rare_per_mille)
{
	size_t		n = 0,
				i;

	for (i = 0; i < nchars; i++)
	{
		uint32_t	c = rand() % 1000 < rare_per_mille
			? rare[rand() % (sizeof(rare) / sizeof(rare[0]))]
			: plain[rand() % 3 == 0 ? 0 : rand() % (sizeof(plain) / sizeof(plain[0]))];

		n += na_utf8_encode(c, buf + n);
	}
	buf[n] = '\0';
	return n;
}

static void
test_sparse_windows(void)
{
	static char doc[40000];
	char		q[64];
	int			round,
				wrong_in = 0,
				wrong_count = 0,
				folded_only = 0,
				counted = 0;

	for (round = 0; round < 3000; round++)
	{
		size_t		dlen = sparse_text(doc, 200 + (size_t) rand() % 6000, 1 + rand() % 30),
					qlen = 0,
					l = 1 + (size_t) rand() % 6,
					i;
		ZhNorm		nd;
		ZhSubQuery *sq;
		bool		truth;

		/* a term of plain and rare characters, quoted */
		q[qlen++] = '"';
		for (i = 0; i < l; i++)
			qlen += na_utf8_encode(rand() % 5 == 0 ? rare[rand() % 4] : plain[rand() % 3],
								   q + qlen);
		q[qlen++] = '"';
		sq = zh_subquery_parse(q, qlen);
		if (sq->nterms != 1)
		{
			zh_subquery_free(sq);
			continue;
		}
		zh_normalize(doc, dlen, false, &nd);
		truth = strstr(nd.text, sq->terms[0].bytes) != NULL;
		if (zh_subterm_in(&sq->terms[0], doc, dlen) != truth)
			wrong_in++;
		if (truth && memmem(doc, dlen, sq->terms[0].bytes, sq->terms[0].nbytes) == NULL)
			folded_only++;
		{
			size_t		c = zh_subterm_count(&sq->terms[0], doc, dlen);

			if (c != zh_subterm_spans(&sq->terms[0], doc, dlen, NULL, NULL, NULL))
				wrong_count++;
			counted += c > 0;
		}
		zh_norm_free(&nd);
		zh_subquery_free(sq);
	}
	NA_CHECK_INT(wrong_in, 0);
	NA_CHECK_INT(wrong_count, 0);
	/* the folded-only path and counting were exercised */
	NA_CHECK(folded_only > 50);
	NA_CHECK(counted > 1000);
}

/* na_utf8_count (eight bytes at a time) == code points decoded one by one,
 * at every length and alignment, malformed bytes included */
static void
test_utf8_count(void)
{
	char		buf[600];
	int			round,
				wrong = 0;

	for (round = 0; round < 2000; round++)
	{
		size_t		n = random_text(buf, (size_t) (rand() % 120)),
					off = (size_t) rand() % 8,
					len,
					i,
					slow = 0;

		if (rand() % 4 == 0 && n > 3)
			buf[rand() % n] = (char) (0x80 + rand() % 64);	/* a stray byte */
		if (off > n)
			off = n;
		len = n - off - (n - off > 0 ? (size_t) rand() % (n - off) : 0);
		for (i = off; i < off + len; i++)
			if ((((unsigned char) buf[i]) & 0xC0) != 0x80)
				slow++;
		if (na_utf8_count(buf + off, len) != slow)
			wrong++;
	}
	NA_CHECK_INT(wrong, 0);
}

int
main(void)
{
	srand(12);
	test_fold_idempotent();
	test_stream_equals_normalize();
	test_match_equals_strstr();
	test_spans_headline();
	test_common_char_lookup();
	test_common_char_keys();
	test_trigram_consistent(ZH_SUBSTR_LONG_BYTES, SIZE_MAX);
	test_trigram_consistent(ZH_SUBSTR_MID_BYTES, ZH_SUBSTR_LONG_BYTES);
	test_sparse_windows();
	test_utf8_count();
	test_selectivity();
	/* again with the SSE2 trigger scan where AVX2 was used */
	zh_substr_avx2 = 0;
	test_match_equals_strstr();
	test_sparse_windows();
	NA_TEST_DONE();
}
