/*
 * na_split: split raw issue files into articles (standalone build of the
 * cores).  Writes OUTDIR/BASENAME.json per input, in the shape the split
 * scorer reads, segments included.
 *
 *   build/na_split FILE... -o OUTDIR [--no-segments]
 */
#include "na_split.h"
#include "na_buf.h"

#include <errno.h>
#include <sys/stat.h>

static bool
read_file(const char *path, NaBuf *b)
{
	FILE	   *f = fopen(path, "rb");
	char		chunk[1 << 16];
	size_t		n;

	if (!f)
		return false;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		na_buf_append(b, chunk, n);
	fclose(f);
	return true;
}

/* OUTDIR/BASENAME.json, the extension of the input dropped */
static char *
out_path(const char *outdir, const char *in)
{
	const char *base = strrchr(in, '/');
	const char *dot;
	size_t		blen,
				olen = strlen(outdir);
	char	   *r;

	base = base ? base + 1 : in;
	dot = strrchr(base, '.');
	blen = dot && dot > base ? (size_t) (dot - base) : strlen(base);
	r = (char *) na_alloc(olen + blen + 7);
	memcpy(r, outdir, olen);
	r[olen] = '/';
	memcpy(r + olen + 1, base, blen);
	memcpy(r + olen + 1 + blen, ".json", 6);
	return r;
}

int
main(int argc, char **argv)
{
	const char *outdir = NULL;
	bool		segments = true;
	int			a,
				rc = 0,
				nfiles = 0;

	for (a = 1; a < argc; a++)
	{
		if (strcmp(argv[a], "-o") == 0 && a + 1 < argc)
			outdir = argv[++a];
		else if (strcmp(argv[a], "--no-segments") == 0)
			segments = false;
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

		if (strcmp(argv[a], "-o") == 0)
		{
			a++;
			continue;
		}
		if (argv[a][0] == '-')
			continue;
		na_buf_init(&in, 1 << 16);
		if (!read_file(argv[a], &in))
		{
			perror(argv[a]);
			na_buf_free(&in);
			rc = 1;
			continue;
		}
		na_split_issue(in.data, in.len, &sp);
		na_buf_init(&out, in.len * 2 + 1024);
		na_split_to_json(&sp, in.data, in.len, &out, segments);
		path = out_path(outdir, argv[a]);
		f = fopen(path, "wb");
		if (!f || fwrite(out.data, 1, out.len, f) != out.len)
		{
			perror(path);
			rc = 1;
		}
		if (f)
			fclose(f);
		na_free(path);
		na_split_free(&sp);
		na_buf_free(&out);
		na_buf_free(&in);
		nfiles++;
	}
	(void) nfiles;
	return rc;
}
