/*
 * na_frontmatter_dump: print the front matter of issue files as JSON lines
 * (standalone build of the core, for tests and debugging).
 */
#include "na_frontmatter.h"
#include "na_buf.h"

static void
json_str(const char *s)
{
	if (!s)
	{
		fputs("null", stdout);
		return;
	}
	putchar('"');
	for (; *s; s++)
	{
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char) *s < 0x20)
			printf("\\u%04x", *s);
		else
			putchar(*s);
	}
	putchar('"');
}

int
main(int argc, char **argv)
{
	int			a;

	for (a = 1; a < argc; a++)
	{
		NaBuf		b;
		NaIssueInfo info;
		int			i;

		if (!na_buf_read_file(&b, argv[a]))
		{
			perror(argv[a]);
			return 1;
		}
		na_frontmatter_parse(b.data, b.len, &info);
		printf("{\"file\": ");
		json_str(argv[a]);
		printf(", \"masthead\": ");
		json_str(info.masthead);
		if (info.year)
			printf(", \"issue_date\": \"%04d-%02d-%02d\"", info.year, info.month, info.day);
		else
			printf(", \"issue_date\": null");
		printf(", \"weekday\": ");
		json_str(info.weekday);
		printf(", \"lunar_date\": ");
		json_str(info.lunar_date);
		printf(info.pages >= 0 ? ", \"pages\": %d" : ", \"pages\": null", info.pages);
		printf(info.issue_no >= 0 ? ", \"issue_no\": %d" : ", \"issue_no\": null", info.issue_no);
		printf(", \"sponsor\": ");
		json_str(info.sponsor);
		printf(", \"publisher\": ");
		json_str(info.publisher);
		printf(", \"site\": ");
		json_str(info.site);
		printf(", \"section_path\": [");
		for (i = 0; i < info.n_section; i++)
		{
			if (i)
				printf(", ");
			json_str(info.section_path[i]);
		}
		printf("], \"source\": ");
		json_str(info.source);
		printf(", \"tags\": [");
		for (i = 0; i < info.n_tags; i++)
		{
			if (i)
				printf(", ");
			json_str(info.tags[i]);
		}
		printf("], \"editor\": ");
		json_str(info.editor);
		printf(", \"head_end\": %zu, \"tail_start\": %zu, \"len\": %zu}\n",
			   info.head_end, info.tail_start, b.len);
		na_frontmatter_free(&info);
		na_buf_free(&b);
	}
	return 0;
}
