/*
 * na_split: split raw issue files into articles (standalone build of the
 * cores).  Writes OUTDIR/BASENAME.json per input, in the shape the split
 * scorer reads, segments included.
 *
 *   build/na_split FILE... -o OUTDIR [--no-segments] [--layout auto|epaper|ocr|web|historical]
 *                  [--features]
 *
 * --features writes OUTDIR/BASENAME.feat instead: the line-role model's
 * features of each line (the input of tools/split_fit.py).
 */
#include "na_split.h"
#include "na_buf.h"

#include <errno.h>
#include <sys/stat.h>

/* OUTDIR/BASENAME.json, the extension of the input dropped */
static char *
out_path(const char *outdir, const char *in, const char *ext)
{
	const char *base = strrchr(in, '/');
	const char *dot;
	size_t		blen,
				olen = strlen(outdir);
	char	   *r;

	base = base ? base + 1 : in;
	dot = strrchr(base, '.');
	blen = dot && dot > base ? (size_t) (dot - base) : strlen(base);
	r = (char *) na_alloc(olen + blen + strlen(ext) + 2);
	memcpy(r, outdir, olen);
	r[olen] = '/';
	memcpy(r + olen + 1, base, blen);
	memcpy(r + olen + 1 + blen, ext, strlen(ext) + 1);
	return r;
}

int
main(int argc, char **argv)
{
	const char *outdir = NULL;
	bool		segments = true,
				features = false;
	NaSplitLayout layout = NA_LAYOUT_AUTO;
	int			a,
				rc = 0,
				nfiles = 0;

	for (a = 1; a < argc; a++)
	{
		if (strcmp(argv[a], "-o") == 0 && a + 1 < argc)
			outdir = argv[++a];
		else if (strcmp(argv[a], "--no-segments") == 0)
			segments = false;
		else if (strcmp(argv[a], "--features") == 0)
			features = true;
		else if (strcmp(argv[a], "--layout") == 0 && a + 1 < argc)
		{
			if (!na_split_layout_from_name(argv[++a], &layout))
			{
				fprintf(stderr, "unknown layout \"%s\"\n", argv[a]);
				return 2;
			}
		}
	}
	if (outdir == NULL)
	{
		fprintf(stderr, "usage: %s FILE... -o OUTDIR [--no-segments]\n", argv[0]);
		return 2;
	}
	if (mkdir(outdir, 0777) != 0 && errno != EEXIST)
	{
		perror(outdir);
		return 1;
	}
	for (a = 1; a < argc; a++)
	{
		NaBuf		in,
					out;
		NaSplit		sp;
		char	   *path;
		FILE	   *f;

		if (strcmp(argv[a], "-o") == 0 || strcmp(argv[a], "--layout") == 0)
		{
			a++;
			continue;
		}
		if (argv[a][0] == '-')
			continue;
		if (!na_buf_read_file(&in, argv[a]))
		{
			perror(argv[a]);
			na_buf_free(&in);
			rc = 1;
			continue;
		}
		na_buf_init(&out, in.len * 2 + 1024);
		if (features)
			na_split_features(in.data, in.len, &out);
		else
		{
			na_split_issue_layout(in.data, in.len, layout, &sp);
			na_split_to_json(&sp, in.data, in.len, &out, segments);
			na_split_free(&sp);
		}
		path = out_path(outdir, argv[a], features ? ".feat" : ".json");
		f = fopen(path, "wb");
		if (!f || fwrite(out.data, 1, out.len, f) != out.len)
		{
			perror(path);
			rc = 1;
		}
		if (f)
			fclose(f);
		na_free(path);
		na_buf_free(&out);
		na_buf_free(&in);
		nfiles++;
	}
	(void) nfiles;
	return rc;
}
