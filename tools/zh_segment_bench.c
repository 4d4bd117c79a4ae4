/*
 * zh_segment_bench.c
 *	  Throughput of zh_tokenize() on generated Chinese text, and the cost of
 *	  zh_dict_open().
 *
 *	  usage: zh_segment_bench [-d DICT] [-w WORDLIST] [-m MEGABYTES] [-r ROUNDS]
 *
 * The text is made by sampling words of the jieba word list (default
 * /usr/lib/python3/dist-packages/jieba/dict.txt) by their frequencies, with
 * a comma about every 8 words and a full stop about every 20, so no real
 * newspaper text is needed.  Sampling is seeded: runs are repeatable.
 */
#include "zh_segment.h"
#include "zh_dict.h"

#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* resident set size in kB, from /proc/self/statm */
static long
rss_kb(void)
{
	long		size = 0,
				resident = 0;
	FILE	   *f = fopen("/proc/self/statm", "r");

	if (f)
	{
		if (fscanf(f, "%ld %ld", &size, &resident) != 2)
			resident = 0;
		fclose(f);
	}
	return resident * 4;
}

/* kB of a mapping that are in memory, by mincore() */
static size_t
resident_kb(void *addr, size_t len)
{
	size_t		page = (size_t) sysconf(_SC_PAGESIZE),
				npages = (len + page - 1) / page,
				i,
				n = 0;
	unsigned char *vec = malloc(npages);

	if (vec && mincore(addr, len, vec) == 0)
		for (i = 0; i < npages; i++)
			n += vec[i] & 1;
	free(vec);
	return n * page / 1024;
}

int
main(int argc, char **argv)
{
	const char *dict_path = "build/news_archive_zh.dict";
	const char *list_path = "/usr/lib/python3/dist-packages/jieba/dict.txt";
	double		megabytes = 8;
	int			rounds = 5,
				opt,
				r;
	char	  **words = NULL;
	double	   *cum = NULL;
	size_t		n_words = 0,
				cap = 0,
				text_len = 0,
				target,
				n_tok = 0,
				han_bytes = 0;
	char		line[1024],
			   *text;
	FILE	   *f;
	double		total = 0,
				t0,
				best = 1e30;
	long		rss0;
	const char *err;
	ZhDict	   *dict;
	unsigned long long seed = 42;

	while ((opt = getopt(argc, argv, "d:w:m:r:")) != -1)
	{
		if (opt == 'd')
			dict_path = optarg;
		else if (opt == 'w')
			list_path = optarg;
		else if (opt == 'm')
			megabytes = atof(optarg);
		else if (opt == 'r')
			rounds = atoi(optarg);
		else
		{
			fprintf(stderr, "usage: zh_segment_bench [-d DICT] [-w WORDLIST] [-m MB] [-r ROUNDS]\n");
			return 2;
		}
	}

	/* dictionary open: time and resident memory */
	rss0 = rss_kb();
	t0 = now();
	dict = zh_dict_open(dict_path, &err);
	if (!dict)
	{
		fprintf(stderr, "zh_segment_bench: %s: %s\n", dict_path, err);
		return 1;
	}
	printf("zh_dict_open: %.3f ms, RSS +%ld kB, heap %zu bytes, file %zu bytes\n",
		   (now() - t0) * 1e3, rss_kb() - rss0, sizeof(ZhDict),
		   dict->map_len);

	/* the sampling table */
	f = fopen(list_path, "r");
	if (!f)
	{
		perror(list_path);
		return 1;
	}
	while (fgets(line, sizeof(line), f))
	{
		char	   *w = strtok(line, " \n"),
				   *fr = strtok(NULL, " \n");

		if (!w || !fr || atof(fr) <= 0)
			continue;
		if (n_words == cap)
		{
			size_t		b1,
						b2;

			cap = cap ? cap * 2 : 1 << 16;
			b1 = cap * sizeof(char *);
			b2 = cap * sizeof(double);
			words = realloc(words, b1);
			cum = realloc(cum, b2);
		}
		total += atof(fr);
		words[n_words] = strdup(w);
		cum[n_words] = total;
		n_words++;
	}
	fclose(f);

	target = (size_t) (megabytes * 1024 * 1024);
	text = malloc(target + 64);
	while (text_len < target)
	{
		double		x;
		size_t		lo = 0,
					hi = n_words - 1,
					wl;

		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		x = (double) (seed >> 11) / (double) (1ULL << 53) * total;
		while (lo < hi)
		{
			size_t		mid = (lo + hi) / 2;

			if (cum[mid] < x)
				lo = mid + 1;
			else
				hi = mid;
		}
		wl = strlen(words[lo]);
		if (text_len + wl + 3 > target)
			break;
		memcpy(text + text_len, words[lo], wl);
		text_len += wl;
		if ((seed >> 20) % 20 == 0)
		{
			memcpy(text + text_len, "。", 3);
			text_len += 3;
		}
		else if ((seed >> 20) % 8 == 0)
		{
			memcpy(text + text_len, "，", 3);
			text_len += 3;
		}
	}
	for (size_t i = 0; i < text_len; i++)
		if ((unsigned char) text[i] >= 0xE0)
			han_bytes += 3;

	for (r = 0; r < rounds; r++)
	{
		ZhToken    *toks;
		double		t;

		t0 = now();
		n_tok = zh_tokenize(dict, text, text_len, &toks);
		t = now() - t0;
		if (t < best)
			best = t;
		na_free(toks);
	}
	printf("zh_tokenize: %.1f MB text (%.0f%% in 3-byte chars), %zu tokens, "
		   "best of %d: %.3f s, %.1f MB/s\n",
		   text_len / 1048576.0, 100.0 * han_bytes / text_len, n_tok, rounds,
		   best, text_len / 1048576.0 / best);
	printf("dictionary pages resident after tokenizing: %zu kB of %zu kB "
		   "(shared page cache, not per process)\n",
		   resident_kb(dict->map, dict->map_len), dict->map_len / 1024);
	zh_dict_close(dict);
	return 0;
}
