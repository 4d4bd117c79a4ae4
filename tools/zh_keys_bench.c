/*
 * zh_keys_bench.c
 *	  CPU of the search index's key extraction (zh_substr_keys, what GIN's
 *	  extractValue runs for every article it indexes) on a set of texts.
 *
 *	  usage: zh_keys_bench [-r ROUNDS] [-e | -R] FILE
 *
 * FILE holds the texts as records "BYTES\nTEXT\n" (BYTES: the length of
 * TEXT in bytes), e.g. the articles of an archive written by
 *   psql -qAt -c "SELECT octet_length(t) || E'\n' || t
 *                   FROM (SELECT news_archive.article_text(kicker, title,
 *                         subtitle, body) t FROM archive.articles) a"
 * -e keys every character (every_char); -R times the rank index's keys
 * (zh_rank_keys, zh_rank_ops) instead.  Prints the texts' size, the keys
 * (the (key, row) pairs the index gets) and CPU seconds per pass over all
 * texts (the best of ROUNDS, default 5; user + system of this process);
 * the checksum (keys weighted by their position) tells two builds' keys
 * apart.
 */
#include "zh_substr.h"

#include <sys/resource.h>

static double
cpu_seconds(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
		ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

typedef struct Texts
{
	char	   *data;			/* the file */
	size_t	   *start;			/* each text's offset in data */
	size_t	   *len;			/* and length */
	size_t		n;
	size_t		bytes;			/* of the texts */
} Texts;

static bool
read_texts(const char *path, Texts *t)
{
	FILE	   *f = fopen(path, "rb");
	long		size;
	size_t		pos = 0,
				cap = 1024;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
		return false;
	t->data = malloc((size_t) size + 1);
	if (!t->data || fread(t->data, 1, (size_t) size, f) != (size_t) size)
		return false;
	fclose(f);
	t->data[size] = '\0';
	t->start = malloc(cap * sizeof(size_t));
	t->len = malloc(cap * sizeof(size_t));
	t->n = t->bytes = 0;
	while (pos < (size_t) size)
	{
		char	   *end;
		unsigned long len = strtoul(t->data + pos, &end, 10);

		if (*end != '\n' || (size_t) (end + 1 - t->data) + len > (size_t) size)
			return false;
		if (t->n == cap)
		{
			cap *= 2;
			t->start = realloc(t->start, cap * sizeof(size_t));
			t->len = realloc(t->len, cap * sizeof(size_t));
		}
		t->start[t->n] = (size_t) (end + 1 - t->data);
		t->len[t->n] = len;
		t->n++;
		t->bytes += len;
		pos = t->start[t->n - 1] + len + 1;
	}
	return true;
}

int
main(int argc, char **argv)
{
	Texts		t;
	int			rounds = 5,
				r,
				argi = 1;
	bool		every_char = false,
				rank = false;
	double		best = -1;
	size_t		pairs = 0;
	uint64_t	sum = 0;		/* of the keys, each by its position: same keys, same sum */

	for (; argi < argc && argv[argi][0] == '-'; argi++)
	{
		if (strcmp(argv[argi], "-r") == 0 && argi + 1 < argc)
			rounds = atoi(argv[++argi]);
		else if (strcmp(argv[argi], "-e") == 0)
			every_char = true;
		else if (strcmp(argv[argi], "-R") == 0)
			rank = true;
		else
			break;
	}
	if (argi != argc - 1 || rounds < 1)
	{
		fprintf(stderr, "usage: zh_keys_bench [-r ROUNDS] [-e | -R] FILE\n");
		return 2;
	}
	if (!read_texts(argv[argi], &t))
	{
		fprintf(stderr, "zh_keys_bench: %s: not a file of \"BYTES\\nTEXT\\n\" records\n", argv[argi]);
		return 1;
	}
	for (r = 0; r < rounds; r++)
	{
		double		c0 = cpu_seconds(),
					c;
		size_t		i;

		pairs = 0;
		sum = 0;
		for (i = 0; i < t.n; i++)
		{
			int32_t    *keys;
			size_t		k,
						nk = rank ? zh_rank_keys(t.data + t.start[i], t.len[i], &keys)
				: zh_substr_keys(t.data + t.start[i], t.len[i], every_char, &keys);

			for (k = 0; k < nk; k++)
				sum += (uint64_t) (uint32_t) keys[k] * (k + 1);
			pairs += nk;
			free(keys);
		}
		c = cpu_seconds() - c0;
		if (best < 0 || c < best)
			best = c;
	}
	printf("%zu texts, %.1f MB, %zu (key, row) pairs (checksum %016llx); best of %d passes: %.3f CPU-s, %.1f MB per CPU-second\n",
		   t.n, t.bytes / 1048576.0, pairs, (unsigned long long) sum, rounds, best, t.bytes / 1048576.0 / best);
	return 0;
}
