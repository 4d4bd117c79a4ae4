/*
 * na_web: read saved web pages (bytes in any charset) through the HTML path
 * of the cores, as news_issue_from_bytes() and news_issue_json() do in the
 * server.  Writes OUTDIR/BASENAME.json per page (the shape web_score.py
 * reads); a page no charset decodes is reported and skipped.  With --bench
 * it writes nothing (the JSON is still made) and prints the throughput.
 *
 *   build/na_web FILE... -o OUTDIR [--segments]
 *   build/na_web FILE... --bench ROUNDS
 */
#include "na_charset.h"
#include "na_html.h"
#include "na_buf.h"

#include <errno.h>
#include <sys/stat.h>
#include <time.h>

static char *
out_path(const char *outdir, const char *in)
{
	const char *base = strrchr(in, '/');
	const char *dot;
	size_t		blen;
	char	   *r;

	base = base ? base + 1 : in;
	dot = strrchr(base, '.');
	blen = dot && dot > base ? (size_t) (dot - base) : strlen(base);
	r = (char *) na_alloc(strlen(outdir) + blen + 8);
	sprintf(r, "%s/%.*s.json", outdir, (int) blen, base);
	return r;
}

/* the whole path for one page; false when refused */
static bool
read_page(const char *path, const NaBuf *in, NaBuf *json, bool segments)
{
	NaDecoded	d;
	NaSplit		sp;
	char		err[256];

	if (!na_charset_decode(in->data, in->len, &d, err, sizeof(err)))
	{
		fprintf(stderr, "%s: skipped: %s\n", path, err);
		return false;
	}
	na_split_issue(d.utf8, d.len, &sp);
	if (json)
		na_split_to_json(&sp, d.utf8, d.len, json, segments);
	na_split_free(&sp);
	na_free(d.utf8);
	return true;
}

int
main(int argc, char **argv)
{
	const char *outdir = NULL;
	bool		segments = false;
	int			rounds = 0,
				a,
				r,
				rc = 0;
	size_t		bytes = 0;
	struct timespec t0,
				t1;

	for (a = 1; a < argc; a++)
	{
		if (strcmp(argv[a], "-o") == 0 && a + 1 < argc)
			outdir = argv[++a];
		else if (strcmp(argv[a], "--bench") == 0 && a + 1 < argc)
			rounds = atoi(argv[++a]);
		else if (strcmp(argv[a], "--segments") == 0)
			segments = true;
	}
	if (outdir == NULL && rounds <= 0)
	{
		fprintf(stderr, "usage: %s FILE... -o OUTDIR [--segments] | --bench ROUNDS\n", argv[0]);
		return 2;
	}
	if (outdir && mkdir(outdir, 0777) != 0 && errno != EEXIST)
	{
		perror(outdir);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (r = 0; r < (rounds > 0 ? rounds : 1); r++)
		for (a = 1; a < argc; a++)
		{
			NaBuf		in,
						json;

			if (argv[a][0] == '-')
			{
				a++;
				continue;
			}
			if (!na_buf_read_file(&in, argv[a]))
			{
				perror(argv[a]);
				rc = 1;
				na_buf_free(&in);
				continue;
			}
			bytes += in.len;
			na_buf_init(&json, 4096);
			if (read_page(argv[a], &in, &json, segments) && outdir)
			{
				char	   *op = out_path(outdir, argv[a]);
				FILE	   *f = fopen(op, "w");

				if (f)
				{
					fwrite(json.data, 1, json.len, f);
					fclose(f);
				}
				na_free(op);
			}
			else if (rounds <= 0)
				rc = 1;
			na_buf_free(&json);
			na_buf_free(&in);
		}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (rounds > 0)
	{
		double		s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;

		printf("%zu bytes in %.3f s: %.1f MB/s\n", bytes, s, bytes / s / 1e6);
	}
	return rc;
}
