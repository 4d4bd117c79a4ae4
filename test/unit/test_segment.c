/*
 * test_segment.c
 *	  Unit tests of the Chinese tokenizer and segmenter: token types and
 *	  boundaries for many shapes of text, and the coverage property (tokens
 *	  are consecutive and cover every byte) on random and malformed input.
 *	  Needs build/news_archive_zh.dict (make unit builds it first).
 */
#include "zh_segment.h"
#include "zh_dict.h"
#include "na_test.h"

#include <stdlib.h>

static ZhDict *dict;

/* tokens of text as "tok/type tok/type ..." (space tokens left out) */
static char *
render(const ZhDict *d, const char *text)
{
	static char out[8192];
	ZhToken    *toks;
	size_t		n = zh_tokenize(d, text, strlen(text), &toks),
				k,
				o = 0;

	out[0] = '\0';
	for (k = 0; k < n && o < sizeof(out) - 256; k++)
	{
		if (toks[k].type == ZH_TOK_SPACE)
			continue;
		o += snprintf(out + o, sizeof(out) - o, "%s%.*s/%s", o ? " " : "",
					  (int) toks[k].len, text + toks[k].start,
					  zh_token_type_name(toks[k].type));
	}
	na_free(toks);
	return out;
}

/* do the tokens start at 0, follow each other and end at len? */
static bool
covers(const char *text, size_t len, const ZhDict *d, size_t *ntok)
{
	ZhToken    *toks;
	size_t		n = zh_tokenize(d, text, len, &toks),
				k,
				pos = 0;
	bool		ok = true;

	for (k = 0; k < n; k++)
	{
		if (toks[k].start != pos || toks[k].len == 0 ||
			toks[k].type < 1 || toks[k].type >= ZH_TOK__COUNT)
			ok = false;
		pos = toks[k].start + toks[k].len;
	}
	if (pos != len)
		ok = false;
	if (ntok)
		*ntok = n;
	na_free(toks);
	return ok;
}

static void
test_shapes(void)
{
	NA_CHECK_STR(render(dict, ""), "");
	NA_CHECK_STR(render(dict, "5G网络"), "5G/latin 网络/word");
	NA_CHECK_STR(render(dict, "ECMO设备"), "ECMO/latin 设备/word");
	NA_CHECK_STR(render(dict, "体温37.8%"), "体温/word 37.8%/number");
	NA_CHECK_STR(render(dict, "536.5亿元"), "536.5亿元/numunit");
	NA_CHECK_STR(render(dict, "2021年10月15日"),
				 "2021年/numunit 10月/numunit 15日/numunit");
	NA_CHECK_STR(render(dict, "1,000,000人"), "1,000,000/number 人/word");
	NA_CHECK_STR(render(dict, "covid19病例"), "covid19/latin 病例/word");
	NA_CHECK_STR(render(dict, "联系foo.bar@example.com。"),
				 "联系/word foo.bar@example.com/email 。/punct");
	NA_CHECK_STR(render(dict, "见 https://www.example.org/a?b=1。"),
				 "见/word https://www.example.org/a?b=1/url 。/punct");
	NA_CHECK_STR(render(dict, "www.example.cn"), "www.example.cn/url");
	NA_CHECK_STR(render(dict, "一百二十三"), "一百二十三/number");
	NA_CHECK_STR(render(dict, "三分之一"), "三分之一/number");
	NA_CHECK_STR(render(dict, "二○○一年十二月三十一日"),
				 "二○○一年/numunit 十二月/numunit 三十一日/numunit");
	NA_CHECK_STR(render(dict, "中国人民"), "中国/word 人民/word");
	NA_CHECK_STR(render(dict, "国有企业改革"), "国有/word 企业/word 改革/word");
	NA_CHECK_STR(render(dict, "金承涛说"), "金承涛/word 说/word");
	NA_CHECK_STR(render(dict, "河庄街道"), "河庄街道/word");
	NA_CHECK_STR(render(dict, "我爱北京，"), "我/word 爱/word 北京/word ，/punct");
	NA_CHECK_STR(render(dict, "——"), "——/punct");
	NA_CHECK_STR(render(dict, "a b"), "a/latin b/latin");
	NA_CHECK_STR(render(dict, "３．５％"), "３．５％/number");
	NA_CHECK_STR(render(dict, "€"), "€/other");
	/* without a dictionary Han characters come one by one */
	NA_CHECK_STR(render(NULL, "中国5G"), "中/word 国/word 5G/latin");
}

static void
test_malformed(void)
{
	const char	bad[] = "\xff\xfe中\xe4\xb8文\xc3";
	ZhToken    *toks;
	size_t		n = zh_tokenize(dict, bad, sizeof(bad) - 1, &toks);

	NA_CHECK(covers(bad, sizeof(bad) - 1, dict, NULL));
	NA_CHECK_INT(n, 7);
	NA_CHECK_INT(toks[0].type, ZH_TOK_OTHER);
	NA_CHECK_INT(toks[0].len, 1);
	NA_CHECK_INT(toks[2].type, ZH_TOK_WORD);
	NA_CHECK_INT(toks[6].type, ZH_TOK_OTHER);
	na_free(toks);
	/* a truncated sequence at the very end of the buffer */
	NA_CHECK(covers("\xe4", 1, dict, NULL));
	NA_CHECK(covers("1,00", 4, dict, NULL));
	NA_CHECK(covers("3.", 2, dict, NULL));
	NA_CHECK(covers("a@b.", 4, dict, NULL));
	NA_CHECK(covers("http://", 7, dict, NULL));
}

static void
test_random(void)
{
	/* bytes drawn from a mix that hits every branch of the scanner */
	static const char *const pieces[] = {
		"中", "国", "人", "民", "一", "百", "○", "年", "月", "5", "0", ".", ",",
		"%", "a", "Z", "@", "/", ":", "w", " ", "\n", "，", "。", "\xff", "\xe4",
		"\x80", "\xc3", "http://", "www.", "-", "_", "亿", "元", "第", "街道"
	};
	char		buf[512];
	int			iter;
	bool		all_ok = true;

	srand(12345);
	for (iter = 0; iter < 20000; iter++)
	{
		size_t		len = 0;
		int			npieces = rand() % 40;

		while (npieces-- > 0)
		{
			const char *p = pieces[rand() % (sizeof(pieces) / sizeof(pieces[0]))];
			size_t		pl = strlen(p);

			if (rand() % 8 == 0)
			{
				buf[len++] = (char) (rand() % 256);
				continue;
			}
			if (len + pl >= sizeof(buf))
				break;
			memcpy(buf + len, p, pl);
			len += pl;
		}
		if (!covers(buf, len, dict, NULL) || !covers(buf, len, NULL, NULL))
		{
			all_ok = false;
			break;
		}
	}
	NA_CHECK(all_ok);
}

static void
test_long_run(void)
{
	/* one 1 MB run of Han text without punctuation, windowed internally */
	static const char *const words[] = {"中国", "经济", "发展", "的", "人民", "了"};
	size_t		cap = 1 << 20,
				len = 0,
				n = 0;
	char	   *big = malloc(cap + 16);
	int			k = 0;

	while (len + 6 < cap)
	{
		const char *w = words[k++ % 6];

		memcpy(big + len, w, strlen(w));
		len += strlen(w);
	}
	NA_CHECK(covers(big, len, dict, &n));
	NA_CHECK(n > len / 9);		/* words, not one giant token */
	/* the same size of a single repeated character */
	for (len = 0; len + 3 <= cap; len += 3)
		memcpy(big + len, "啊", 3);
	NA_CHECK(covers(big, len, dict, &n));
	free(big);
}

static void
test_dict_errors(void)
{
	const char *err = NULL;
	FILE	   *f;

	NA_CHECK(zh_dict_open("/nonexistent/zh.dict", &err) == NULL);
	NA_CHECK(err != NULL);
	f = fopen("build/test_corrupt.dict", "wb");
	if (f)
	{
		fputs("NAZHDICT but truncated", f);
		fclose(f);
		err = NULL;
		NA_CHECK(zh_dict_open("build/test_corrupt.dict", &err) == NULL);
		NA_CHECK(err != NULL);
		remove("build/test_corrupt.dict");
	}
	/* a real header followed by too few bytes: the sizes do not match */
	f = fopen("build/test_corrupt.dict", "wb");
	if (f)
	{
		fwrite(dict->map, 1, 70000, f);
		fclose(f);
		err = NULL;
		NA_CHECK(zh_dict_open("build/test_corrupt.dict", &err) == NULL);
		NA_CHECK(err != NULL);
		remove("build/test_corrupt.dict");
	}
	NA_CHECK_STR(zh_token_type_name(ZH_TOK_NUMUNIT), "numunit");
	NA_CHECK_STR(zh_token_type_name(99), "?");
}

/* the copy for forked children reads like the mapping */
static void
test_dict_copy(void)
{
	const char *err = NULL;
	ZhDict	   *copy = zh_dict_open_ex("build/news_archive_zh.dict", ZH_DICT_OPEN_COPY, &err);
	const char *text = "临江港新材料产业园举行集中开工仪式，首批12个项目正式动工，计划总投资86.4亿元。";
	char		expect[8192];

	NA_CHECK(copy != NULL);
	if (copy == NULL)
		return;
	NA_CHECK(copy->map != dict->map);
	NA_CHECK(copy->map_len >= dict->map_len);
	NA_CHECK(memcmp(copy->map, dict->map, dict->map_len) == 0);
	snprintf(expect, sizeof(expect), "%s", render(dict, text));
	NA_CHECK_STR(render(copy, text), expect);
	zh_dict_close(copy);
}

int
main(void)
{
	const char *err = NULL;

	dict = zh_dict_open("build/news_archive_zh.dict", &err);
	if (!dict)
	{
		fprintf(stderr, "test_segment: build/news_archive_zh.dict: %s\n", err);
		printf("0 passed, 1 failed\n");
		return 1;
	}
	test_shapes();
	test_malformed();
	test_random();
	test_long_run();
	test_dict_errors();
	test_dict_copy();
	zh_dict_close(dict);
	NA_TEST_DONE();
}
