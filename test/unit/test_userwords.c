/*
 * test_userwords.c
 *	  The segmenter with user words: a made-up term is cut into pieces by the
 *	  dictionary alone and comes out whole once it is a user word.
 */
#include "zh_segment.h"
#include "zh_userdict.h"
#include "na_test.h"

static bool
has_token(const char *text, const ZhToken *t, size_t n, const char *word)
{
	size_t		i;

	for (i = 0; i < n; i++)
		if (t[i].len == strlen(word) && memcmp(text + t[i].start, word, t[i].len) == 0)
			return true;
	return false;
}

int
main(void)
{
	const char *err = NULL;
	ZhDict	   *dict = zh_dict_open("build/news_archive_zh.dict", &err);
	ZhUserDict *ud = zh_userdict_create();
	const char *text = "今年星澜数港的建设全面提速，星澜数港成为新地标。";
	ZhToken    *t;
	size_t		n,
				i,
				covered = 0;

	NA_CHECK(dict != NULL);
	if (!dict)
	{
		fprintf(stderr, "no dictionary: %s\n", err ? err : "?");
		NA_TEST_DONE();
	}
	n = zh_tokenize_ex(dict, ud, text, strlen(text), &t);
	NA_CHECK(!has_token(text, t, n, "星澜数港"));
	na_free(t);

	zh_userdict_add(ud, "星澜数港", strlen("星澜数港"), 1.0);
	n = zh_tokenize_ex(dict, ud, text, strlen(text), &t);
	NA_CHECK(has_token(text, t, n, "星澜数港"));
	/* both occurrences, and the rest of the text still covered */
	for (i = 0; i < n; i++)
		covered += t[i].len;
	NA_CHECK_INT(covered, strlen(text));
	NA_CHECK(has_token(text, t, n, "建设"));
	na_free(t);

	/* a user word that does not fit the run (crosses punctuation) is ignored */
	zh_userdict_add(ud, "提速星", strlen("提速星"), 100.0);
	n = zh_tokenize_ex(dict, ud, text, strlen(text), &t);
	NA_CHECK(!has_token(text, t, n, "提速，星"));
	NA_CHECK(has_token(text, t, n, "星澜数港"));
	na_free(t);

	/* plain zh_tokenize is unaffected */
	n = zh_tokenize(dict, text, strlen(text), &t);
	NA_CHECK(!has_token(text, t, n, "星澜数港"));
	na_free(t);

	zh_userdict_free(ud);
	zh_dict_close(dict);
	NA_TEST_DONE();
}
