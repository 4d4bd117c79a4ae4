/*
 * na_test_pages.h
 *	  Pieces of the invented e-paper pages the splitter's unit tests build
 *	  (text written for the tests).
 */
#ifndef NA_TEST_PAGES_H
#define NA_TEST_PAGES_H

/* an article with a byline that closes a page: the row after the one tested */
#define NA_TEST_LAST_ARTICLE \
	"城东新区三个重点项目开工\n本报记者 李华\n" \
	"　　昨天，城东新区三个重点项目同时开工，总投资超过二十亿元，预计明年底前建成投用。\n" \
	"　　项目负责人表示，将抓紧施工进度，确保工程质量和安全。\n"

#endif
