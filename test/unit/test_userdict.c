/*
 * test_userdict.c
 *	  Unit tests of the in-memory user dictionary.
 */
#include "zh_userdict.h"
#include "na_test.h"

int
main(void)
{
	ZhUserDict *ud = zh_userdict_create();
	size_t		lens[8];
	double		w[8];
	const char *t = "河庄街道办事处";
	char		buf[32];
	int			n,
				i;

	NA_CHECK_INT(zh_userdict_prefixes(ud, t, strlen(t), lens, w, 8), 0);
	zh_userdict_add(ud, "河庄", strlen("河庄"), 2.0);
	zh_userdict_add(ud, "河庄街道", strlen("河庄街道"), 5.0);
	zh_userdict_add(ud, "", 0, 1.0);	/* ignored */
	NA_CHECK_INT(zh_userdict_count(ud), 2);
	n = zh_userdict_prefixes(ud, t, strlen(t), lens, w, 8);
	NA_CHECK_INT(n, 2);
	NA_CHECK_INT(lens[0], strlen("河庄街道"));
	NA_CHECK(w[0] == 5.0);
	NA_CHECK_INT(lens[1], strlen("河庄"));
	/* no match in the middle of a character, nor for other text */
	NA_CHECK_INT(zh_userdict_prefixes(ud, t + 1, strlen(t) - 1, lens, w, 8), 0);
	NA_CHECK_INT(zh_userdict_prefixes(ud, "街道", strlen("街道"), lens, w, 8), 0);
	/* a prefix cut short by the end of the text */
	NA_CHECK_INT(zh_userdict_prefixes(ud, t, strlen("河庄街"), lens, w, 8), 1);
	/* replacing keeps one entry with the new weight */
	zh_userdict_add(ud, "河庄", strlen("河庄"), 3.0);
	NA_CHECK_INT(zh_userdict_count(ud), 2);
	NA_CHECK(zh_userdict_lookup(ud, "河庄", strlen("河庄"), &w[0]) && w[0] == 3.0);
	/* growth keeps every word */
	for (i = 0; i < 1000; i++)
	{
		snprintf(buf, sizeof(buf), "词%d", i);
		zh_userdict_add(ud, buf, strlen(buf), i);
	}
	NA_CHECK_INT(zh_userdict_count(ud), 1002);
	for (i = 0; i < 1000; i += 97)
	{
		snprintf(buf, sizeof(buf), "词%d", i);
		NA_CHECK(zh_userdict_lookup(ud, buf, strlen(buf), &w[0]) && w[0] == i);
	}
	/* Latin user words: one-byte first key */
	zh_userdict_add(ud, "x", 1, 1.0);
	NA_CHECK_INT(zh_userdict_prefixes(ud, "xyz", 3, lens, w, 8), 1);
	zh_userdict_free(ud);
	NA_CHECK_INT(zh_userdict_prefixes(NULL, t, strlen(t), lens, w, 8), 0);
	NA_TEST_DONE();
}
