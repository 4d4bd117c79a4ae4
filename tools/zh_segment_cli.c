/*
 * zh_segment_cli.c
 *	  Segment UTF-8 text line by line: each output line holds the tokens of
 *	  the input line separated by single spaces (white space dropped), the
 *	  format the segmentation scorer reads.
 *
 *	  usage: zh_segment_cli [-d DICT] [-t] [FILE...]
 *		-d DICT   compiled dictionary (default build/news_archive_zh.dict)
 *		-t        append /type to every token
 */
#include "zh_segment.h"

#include <errno.h>
#include <unistd.h>

static void
segment_stream(const ZhDict *dict, FILE *in, bool show_types)
{
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		got;

	while ((got = getline(&line, &cap, in)) >= 0)
	{
		size_t		len = (size_t) got,
					n,
					k;
		ZhToken    *toks;
		bool		first = true;

		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		n = zh_tokenize(dict, line, len, &toks);
		for (k = 0; k < n; k++)
		{
			if (toks[k].type == ZH_TOK_SPACE)
				continue;
			if (!first)
				putchar(' ');
			fwrite(line + toks[k].start, 1, toks[k].len, stdout);
			if (show_types)
				printf("/%s", zh_token_type_name(toks[k].type));
			first = false;
		}
		putchar('\n');
		na_free(toks);
	}
	free(line);
}

int
main(int argc, char **argv)
{
	const char *dict_path = "build/news_archive_zh.dict";
	const char *err;
	bool		show_types = false;
	ZhDict	   *dict;
	int			opt,
				i;

	while ((opt = getopt(argc, argv, "d:t")) != -1)
	{
		if (opt == 'd')
			dict_path = optarg;
		else if (opt == 't')
			show_types = true;
		else
		{
			fprintf(stderr, "usage: zh_segment_cli [-d DICT] [-t] [FILE...]\n");
			return 2;
		}
	}
	dict = zh_dict_open(dict_path, &err);
	if (!dict)
	{
		fprintf(stderr, "zh_segment_cli: %s: %s\n", dict_path, err);
		return 1;
	}
	if (optind >= argc)
		segment_stream(dict, stdin, show_types);
	for (i = optind; i < argc; i++)
	{
		FILE	   *f = fopen(argv[i], "r");

		if (!f)
		{
			fprintf(stderr, "zh_segment_cli: %s: %s\n", argv[i], strerror(errno));
			return 1;
		}
		segment_stream(dict, f, show_types);
		fclose(f);
	}
	zh_dict_close(dict);
	return 0;
}
