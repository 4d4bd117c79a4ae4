/*
 * test_charset: the charset layer of saved web pages (na_charset.h) on bytes
 * made here: declarations (meta charset, http-equiv, BOM), declarations the
 * bytes contradict, no declaration, isolated invalid bytes (U+FFFD, counted),
 * bytes no charset decodes.
 */
#include "na_charset.h"
#include "na_test.h"

/* 新闻报道：江湾镇码头启用。 in GBK */
static const char gbk_text[] =
	"\xd0\xc2\xce\xc5\xb1\xa8\xb5\xc0\xa3\xba\xbd\xad\xcd\xe5\xd5\xf2\xc2\xeb\xcd\xb7\xc6\xf4\xd3\xc3\xa1\xa3";
static const char utf8_text[] = "新闻报道：江湾镇码头启用。";

static void
check_decode(const char *bytes, size_t len, const char *charset, NaCharsetHow how,
			 size_t replaced, const char *want_substr)
{
	NaDecoded	d;
	char		err[256];

	NA_CHECK(na_charset_decode(bytes, len, &d, err, sizeof(err)));
	NA_CHECK_STR(d.charset, charset);
	NA_CHECK_INT(d.how, how);
	NA_CHECK_INT(d.n_replaced, replaced);
	NA_CHECK(d.utf8 && strstr(d.utf8, want_substr) != NULL);
	NA_CHECK_INT(strlen(d.utf8), d.len);
	free(d.utf8);
}

/* a page: head with the given meta, body repeating text n times */
static size_t
page(char *out, size_t cap, const char *meta, const char *text, int n)
{
	size_t		len = (size_t) snprintf(out, cap, "<html><head>%s<title>t</title></head><body>", meta);
	int			i;

	for (i = 0; i < n; i++)
		len += (size_t) snprintf(out + len, cap - len, "<p>%s</p>\n", text);
	len += (size_t) snprintf(out + len, cap - len, "</body></html>");
	return len;
}

int
main(void)
{
	static char buf[65536];
	char		name[NA_CHARSET_NAME];
	size_t		len;
	NaDecoded	d;
	char		err[256];

	/* the declaration prescan: meta charset, http-equiv, comments, script charset */
	na_charset_declared("<meta charset=\"GBK\">", 20, name, sizeof(name));
	NA_CHECK_STR(name, "GBK");
	len = strlen("<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=gb2312'>");
	na_charset_declared("<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=gb2312'>", len, name, sizeof(name));
	NA_CHECK_STR(name, "gb2312");
	len = strlen("<!-- <meta charset=big5> --><script charset=\"utf-8\"></script><meta charset=gbk>");
	na_charset_declared("<!-- <meta charset=big5> --><script charset=\"utf-8\"></script><meta charset=gbk>", len, name, sizeof(name));
	NA_CHECK_STR(name, "gbk");
	na_charset_declared("<p>charset=gbk</p>", 18, name, sizeof(name));
	NA_CHECK_STR(name, "");

	/* declared and true: GB2312 and GBK are read as GB18030 */
	len = page(buf, sizeof(buf), "<meta charset=gb2312>", gbk_text, 20);
	check_decode(buf, len, "GB18030", NA_CHARSET_DECLARED, 0, utf8_text);
	len = page(buf, sizeof(buf), "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">", gbk_text, 20);
	check_decode(buf, len, "GB18030", NA_CHARSET_DECLARED, 0, utf8_text);
	len = page(buf, sizeof(buf), "<meta charset=utf-8>", utf8_text, 20);
	check_decode(buf, len, "UTF-8", NA_CHARSET_DECLARED, 0, utf8_text);

	/* declared GB2312, really UTF-8 (a re-saved page) */
	len = page(buf, sizeof(buf), "<meta charset=gb2312>", utf8_text, 20);
	check_decode(buf, len, "UTF-8", NA_CHARSET_VERIFIED, 0, utf8_text);
	/* declared UTF-8, really GBK */
	len = page(buf, sizeof(buf), "<meta charset=utf-8>", gbk_text, 20);
	check_decode(buf, len, "GB18030", NA_CHARSET_VERIFIED, 0, utf8_text);

	/* nothing declared: UTF-8 when the bytes are, else the detector and a trial */
	len = page(buf, sizeof(buf), "", utf8_text, 20);
	check_decode(buf, len, "UTF-8", NA_CHARSET_DETECTED, 0, utf8_text);
	len = page(buf, sizeof(buf), "", gbk_text, 20);
	check_decode(buf, len, "GB18030", NA_CHARSET_DETECTED, 0, utf8_text);

	/* a stray invalid byte: one U+FFFD, counted */
	len = page(buf, sizeof(buf), "<meta charset=gbk>", gbk_text, 20);
	buf[len - 30] = (char) 0xFF;
	check_decode(buf, len, "GB18030", NA_CHARSET_DECLARED, 1, "\xEF\xBF\xBD");
	len = page(buf, sizeof(buf), "<meta charset=utf-8>", utf8_text, 20);
	buf[60] = (char) 0xC3;		/* a lead byte before ASCII: invalid */
	buf[61] = 'x';
	NA_CHECK(na_charset_decode(buf, len, &d, err, sizeof(err)));
	NA_CHECK_STR(d.charset, "UTF-8");
	NA_CHECK(d.n_replaced >= 1);
	free(d.utf8);

	/* byte-order marks */
	check_decode("\xEF\xBB\xBF<p>\xE4\xBD\xA0\xE5\xA5\xBD</p>", 16, "UTF-8", NA_CHARSET_BOM, 0, "<p>你好</p>");
	check_decode("\xFF\xFE<\0p\0>\0\x60\x4F\x7D\x59", 12, "UTF-16LE", NA_CHARSET_BOM, 0, "<p>你好");
	check_decode("\xFE\xFF\0<\0p\0>\x4F\x60\x59\x7D", 12, "UTF-16BE", NA_CHARSET_BOM, 0, "<p>你好");

	/* NUL bytes are no text: U+FFFD, counted (never silently cut) */
	check_decode("<p>a\0b</p>", 10, "UTF-8", NA_CHARSET_DETECTED, 1, "a\xEF\xBF\xBD" "b");

	/* bytes that are no text in any charset are refused, saying why */
	{
		size_t		i;

		for (i = 0; i < 4096; i++)
			buf[i] = (char) (i * 7 % 256);
		err[0] = '\0';
		NA_CHECK(!na_charset_decode(buf, 4096, &d, err, sizeof(err)));
		NA_CHECK(strstr(err, "no text") != NULL || strstr(err, "no charset") != NULL);
	}
	NA_TEST_DONE();
}
