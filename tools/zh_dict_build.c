/*
 * zh_dict_build.c
 *	  Compile jieba's word list (lines "word freq [tag]") into the binary
 *	  dictionary that zh_dict_open() maps (layout in include/zh_dict.h).
 *
 *	  usage: zh_dict_build [-c PENALTY] [-a PENALTY] DICT.TXT OUT.DICT
 *
 * Only words made entirely of Han characters of the Basic Multilingual Plane
 * are kept: the tokenizer cuts Latin letters, digits and symbols by rules
 * before the dictionary is consulted.  Besides the words and their
 * log-probabilities the file holds per-character statistics for the
 * unknown-word rules: how often a character begins, ends or sits inside a
 * word, how likely it is as a surname and inside a given name (both counted
 * over the words jieba tags as person names, "nr").
 */
#include "zh_dict.h"
#include "zh_names.h"
#include "na_utf8.h"

#include <errno.h>
#include <math.h>

typedef struct Word
{
	uint32_t	off;			/* into the id pool */
	uint16_t	len;			/* characters */
	double		freq;
} Word;

static uint16_t *pool;			/* char ids of all words, back to back */
static size_t pool_len,
			pool_cap;
static Word *words;
static size_t n_words,
			words_cap;

/* the trie under construction */
static ZhDictSlot *slots;
static size_t slots_cap;
static size_t slots_used;		/* one past the highest slot in use */
static size_t next_check_pos;

/* log-probability taken off compounds of dictionary words (option -c) */
static double compound_penalty = 6.0;

/* and off adverb + verb pairs (option -a) */
static double adverb_penalty = 2.0;

static void
die(const char *msg, const char *arg)
{
	fprintf(stderr, "zh_dict_build: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	exit(1);
}

/* (re)allocate an array of n elements */
static void *
array_resize(void *p, size_t n, size_t elem_size)
{
	size_t		bytes = n * elem_size;

	return na_realloc(p, bytes);
}

static int
cmp_words(const void *a, const void *b)
{
	const Word *x = a,
			   *y = b;
	const uint16_t *p = pool + x->off,
			   *q = pool + y->off;
	size_t		n = x->len < y->len ? x->len : y->len,
				i;

	for (i = 0; i < n; i++)
		if (p[i] != q[i])
			return p[i] < q[i] ? -1 : 1;
	return (int) x->len - (int) y->len;
}

/* order char ids by descending frequency (ties by code point) */
static const double *sort_char_freq;

static int
cmp_char_freq(const void *a, const void *b)
{
	uint32_t	x = *(const uint32_t *) a,
				y = *(const uint32_t *) b;

	if (sort_char_freq[x] != sort_char_freq[y])
		return sort_char_freq[x] > sort_char_freq[y] ? -1 : 1;
	return x < y ? -1 : x > y;
}

static void
ensure_slots(size_t n)
{
	size_t		i,
				old = slots_cap;

	if (n <= slots_cap)
		return;
	while (slots_cap < n)
		slots_cap = slots_cap ? slots_cap * 2 : 1 << 20;
	slots = array_resize(slots, slots_cap, sizeof(ZhDictSlot));
	for (i = old; i < slots_cap; i++)
	{
		slots[i].base = 0;
		slots[i].check = -1;
		slots[i].logp = ZH_NOT_WORD;
	}
}

/*
 * Find a base such that base + code is free for every child code (sorted
 * ascending).  Like darts, scan from the first position that is probably
 * free and move that start forward once the region behind it is dense.
 */
static int32_t
find_base(const uint32_t *codes, size_t n)
{
	size_t		pos = next_check_pos > codes[0] ? next_check_pos : codes[0] + 1;
	size_t		filled = 0,
				first = 1;

	for (;; pos++)
	{
		size_t		b,
					i;

		ensure_slots(pos + 1);
		if (slots[pos].check != -1)
		{
			filled++;
			continue;
		}
		if (first)
		{
			next_check_pos = pos;
			first = 0;
		}
		b = pos - codes[0];
		ensure_slots(b + codes[n - 1] + 1);
		for (i = 1; i < n; i++)
			if (slots[b + codes[i]].check != -1)
				break;
		if (i == n)
		{
			/* skip the dense region next time */
			if (filled * 20 > (pos - next_check_pos + 1) * 19)
				next_check_pos = pos;
			return (int32_t) b;
		}
	}
}

/* a trie node whose children are still to be placed */
typedef struct Pending
{
	int32_t		node;
	uint32_t	depth;
	size_t		lo;				/* its words: words[lo, hi) */
	size_t		hi;
} Pending;

static Pending *queue;
static size_t queue_len,
			queue_cap;

static void
enqueue(int32_t node, size_t lo, size_t hi, size_t depth)
{
	if (queue_len == queue_cap)
	{
		queue_cap = queue_cap ? queue_cap * 2 : 1 << 16;
		queue = array_resize(queue, queue_cap, sizeof(Pending));
	}
	queue[queue_len].node = node;
	queue[queue_len].lo = lo;
	queue[queue_len].hi = hi;
	queue[queue_len].depth = (uint32_t) depth;
	queue_len++;
}

/*
 * Place the children of one trie node, for its words words[lo, hi), and
 * queue them.  Nodes are placed breadth first, so the first two levels of
 * the trie, which every lookup touches, lie packed together at the start of
 * the file instead of being spread between the deep subtrees; with the
 * frequent characters' ids small they are mostly in cache.
 */
static void
place_children(int32_t node, size_t lo, size_t hi, size_t depth)
{
	uint32_t   *codes;
	size_t	   *starts;
	size_t		n = 0,
				i;
	int32_t		b;

	if (lo < hi && words[lo].len == depth)
	{
		/* sorted: a word ending here comes first */
		slots[node].logp = (float) words[lo].freq;
		lo++;
	}
	if (lo >= hi)
		return;
	codes = array_resize(NULL, hi - lo, sizeof(uint32_t));
	starts = array_resize(NULL, hi - lo + 1, sizeof(size_t));
	for (i = lo; i < hi; i++)
	{
		uint32_t	c = pool[words[i].off + depth];

		if (n == 0 || codes[n - 1] != c)
		{
			codes[n] = c;
			starts[n] = i;
			n++;
		}
	}
	starts[n] = hi;
	b = find_base(codes, n);
	slots[node].base = b;
	for (i = 0; i < n; i++)
	{
		slots[b + codes[i]].check = node;
		if ((size_t) b + codes[i] + 1 > slots_used)
			slots_used = (size_t) b + codes[i] + 1;
	}
	for (i = 0; i < n; i++)
		enqueue(b + (int32_t) codes[i], starts[i], starts[i + 1], depth + 1);
	na_free(codes);
	na_free(starts);
}

static void
build_trie(void)
{
	size_t		head = 0;

	enqueue(0, 0, n_words, 0);
	while (head < queue_len)
	{
		Pending		p = queue[head++];

		place_children(p.node, p.lo, p.hi, p.depth);
	}
	na_free(queue);
}

/* trie slot of the word ids[0..n), or -1 */
static int32_t
find_node(const uint16_t *ids, size_t n)
{
	int32_t		state = 0;
	size_t		i;

	for (i = 0; i < n; i++)
	{
		size_t		t = (size_t) slots[state].base + ids[i];

		if (t >= slots_used || slots[t].check != state)
			return -1;
		state = (int32_t) t;
	}
	return state;
}

/*
 * Can the word ids[0..n) be written as two or more dictionary words of at
 * least two characters each (国有+企业, 信息+技术)?  Returns the best
 * log-probability of such a split, or 1 when there is none.  Both the PKU
 * and the MSR standards cut such compounds, while jieba's list keeps many
 * of them whole.
 */
static double
compound_split(const uint16_t *ids, size_t n)
{
	double		best[65];
	size_t		i,
				j;

	for (i = 0; i <= n; i++)
		best[i] = 1;
	best[0] = 0;
	for (i = 0; i < n; i++)
	{
		int32_t		state = 0;

		if (best[i] > 0)
			continue;
		for (j = i; j < n; j++)
		{
			size_t		t = (size_t) slots[state].base + ids[j];

			if (t >= slots_used || slots[t].check != state)
				break;
			state = (int32_t) t;
			if (j > i && !(i == 0 && j == n - 1) && slots[state].logp < 0 &&
				(best[j + 1] > 0 || best[i] + slots[state].logp > best[j + 1]))
				best[j + 1] = best[i] + slots[state].logp;
		}
	}
	return best[n];
}

/* every code point of a UTF-8 string, for the hand-written lists */
static size_t
decode_all(const char *s, uint32_t *out, size_t cap)
{
	size_t		len = strlen(s),
				i = 0,
				n = 0,
				adv;

	while (i < len && n < cap)
	{
		out[n++] = na_utf8_decode(s + i, len - i, &adv);
		i += adv;
	}
	return n;
}

static void
write_all(FILE *f, const void *p, size_t n, const char *path)
{
	if (n && fwrite(p, 1, n, f) != n)
		die("write failed", path);
}

static void
pad_to(FILE *f, uint64_t *off, const char *path)
{
	static const char zeros[8] = {0};
	size_t		n = (size_t) ((8 - *off % 8) % 8);

	write_all(f, zeros, n, path);
	*off += n;
}

/* what the first pass learns about each BMP character */
typedef struct CharStats
{
	double		freq[65536];	/* summed frequency of the words it is in */
	double		pos_count[65536][4];	/* begins, inside, ends, alone */
	double		surname[65536],
				given[65536];	/* in person names ("nr") */
	uint32_t	flags[65536];	/* ZH_CHAR_* from the hand-written lists */
} CharStats;

static CharStats stats;
static double total_freq;
static uint32_t max_word_chars;

/* a word's Han code points into cps (at most 64); 0 if it is not all Han */
static size_t
word_code_points(const char *word, uint32_t *cps)
{
	size_t		len = strlen(word),
				p = 0,
				n = 0,
				adv;

	while (p < len)
	{
		uint32_t	cp = na_utf8_decode(word + p, len - p, &adv);

		if (!na_is_han(cp) || cp >= 0x10000 || n >= 64)
			return 0;
		cps[n++] = cp;
		p += adv;
	}
	return n;
}

/* append a word (code points for now) and count its characters */
static void
add_word(const uint32_t *cps, size_t n, double freq, const char *tag)
{
	size_t		i;

	if (n_words == words_cap)
	{
		words_cap = words_cap ? words_cap * 2 : 1 << 16;
		words = array_resize(words, words_cap, sizeof(Word));
	}
	if (pool_len + n > pool_cap)
	{
		pool_cap = pool_cap ? pool_cap * 2 : 1 << 20;
		pool = array_resize(pool, pool_cap, sizeof(uint16_t));
	}
	words[n_words].off = (uint32_t) pool_len;
	words[n_words].len = (uint16_t) n;
	words[n_words].freq = freq;
	n_words++;
	for (i = 0; i < n; i++)
	{
		pool[pool_len++] = (uint16_t) cps[i];
		stats.freq[cps[i]] += freq;
		/* position counts, damped so a few huge words do not dominate */
		stats.pos_count[cps[i]][n == 1 ? 3 : i == 0 ? 0 : i == n - 1 ? 2 : 1] += log1p(freq);
	}
	total_freq += freq;
	if (n > max_word_chars)
		max_word_chars = (uint32_t) n;

	/* person names: surname + one or two given-name characters */
	if (tag && strcmp(tag, "nr") == 0 && (n == 2 || n == 3))
	{
		stats.surname[cps[0]] += 1;
		for (i = 1; i < n; i++)
			stats.given[cps[i]] += 1;
	}
}

/* first pass: parse "word freq [tag]" lines, keep Han-only words */
static void
read_words(const char *path)
{
	FILE	   *in = fopen(path, "r");
	char		line[4096];
	uint32_t	cps[64];

	if (!in)
		die(strerror(errno), path);
	while (fgets(line, sizeof(line), in))
	{
		char	   *word = strtok(line, " \t\r\n"),
				   *freq_s = strtok(NULL, " \t\r\n"),
				   *tag = strtok(NULL, " \t\r\n");
		double		freq;
		size_t		n;

		if (!word || !freq_s)
			continue;
		freq = strtod(freq_s, NULL);
		if (!(freq > 0))
			continue;
		n = word_code_points(word, cps);
		if (n > 0)
			add_word(cps, n, freq, tag);
	}
	fclose(in);
	if (n_words == 0)
		die("no words read", path);
}

/*
 * Char ids by descending frequency (frequent characters sit together);
 * fills charmap (code point -> id) and order (id - 1 -> code point), turns
 * the pool's code points into ids and returns the number of characters.
 */
static uint32_t
assign_char_ids(uint16_t *charmap, uint32_t *order)
{
	uint32_t	n_chars = 0,
				i;
	size_t		w;

	for (i = 0; i < 65536; i++)
		if (stats.freq[i] > 0)
			order[n_chars++] = i;
	sort_char_freq = stats.freq;
	qsort(order, n_chars, sizeof(uint32_t), cmp_char_freq);
	for (i = 0; i < n_chars; i++)
		charmap[order[i]] = (uint16_t) (i + 1);
	for (w = 0; w < pool_len; w++)
		pool[w] = charmap[pool[w]];
	return n_chars;
}

static void
flag_chars(const char *list, uint32_t flag)
{
	uint32_t	buf[1024];
	size_t		n = decode_all(list, buf, 1024),
				k;

	for (k = 0; k < n; k++)
		stats.flags[buf[k]] |= flag;
}

/* the hand-written lists (zh_names.h) as character flags */
static void
mark_hand_lists(void)
{
	uint32_t	buf[2];
	size_t		k;

	flag_chars(zh_single_surnames, ZH_CHAR_SURNAME);
	for (k = 0; zh_compound_surnames[k]; k++)
		if (decode_all(zh_compound_surnames[k], buf, 2) == 2)
			stats.flags[buf[0]] |= ZH_CHAR_SURNAME2;
	flag_chars(zh_numeral_chars, ZH_CHAR_NUMERAL);
	flag_chars(zh_adverb_chars, ZH_CHAR_ADVERB);
	flag_chars(zh_function_chars, ZH_CHAR_FUNCTION);
}

/* sort the words and turn frequencies into log-probabilities; the lowest */
static float
words_to_logp(void)
{
	float		min_logp = 0;
	size_t		w;

	qsort(words, n_words, sizeof(Word), cmp_words);
	for (w = 0; w < n_words; w++)
	{
		words[w].freq = log(words[w].freq / total_freq);
		if (words[w].freq < min_logp)
			min_logp = (float) words[w].freq;
	}
	return min_logp;
}

/* per-character statistics for the unknown-word rules, indexed by id */
static ZhCharInfo *
char_info(const uint32_t *order, uint32_t n_chars)
{
	ZhCharInfo *info = array_resize(NULL, n_chars + 1, sizeof(ZhCharInfo));
	double		surname_total = 0,
				given_total = 0;
	uint32_t	i;
	size_t		w;

	for (i = 0; i < 65536; i++)
	{
		if (stats.flags[i] & ZH_CHAR_SURNAME)
			surname_total += stats.surname[i] + 1;
		given_total += stats.given[i];
	}
	memset(info, 0, (n_chars + 1) * sizeof(ZhCharInfo));
	for (i = 0; i <= n_chars; i++)
		info[i].word_logp = ZH_NOT_WORD;
	for (i = 0; i < n_chars; i++)
	{
		uint32_t	cp = order[i];
		ZhCharInfo *ci = &info[i + 1];
		double		sum = 0;
		int			k;

		for (k = 0; k < 4; k++)
			sum += stats.pos_count[cp][k] + 0.5;
		for (k = 0; k < 4; k++)
			ci->pos_logp[k] = (float) log((stats.pos_count[cp][k] + 0.5) / sum);
		ci->flags = stats.flags[cp];
		ci->surname_logp = (stats.flags[cp] & ZH_CHAR_SURNAME) ?
			(float) log((stats.surname[cp] + 1) / surname_total) : 0;
		ci->given_logp = (float) log((stats.given[cp] + 0.05) / (given_total + 0.05 * n_chars));
	}
	/* one-character words also go into the char info for quick access */
	for (w = 0; w < n_words; w++)
		if (words[w].len == 1)
			info[pool[words[w].off]].word_logp = (float) words[w].freq;
	return info;
}

/*
 * Push decomposable compounds below their parts.  Decide all of them first,
 * then change the trie, so the order of words does not matter.
 */
static void
penalise_compounds(const uint32_t *order)
{
	double	   *penalty = array_resize(NULL, n_words, sizeof(double));
	size_t		n_compound = 0,
				w;

	for (w = 0; w < n_words; w++)
	{
		const uint16_t *ids = pool + words[w].off;

		penalty[w] = 0;
		if (words[w].len >= 3 && compound_split(ids, words[w].len) <= 0)
			penalty[w] = compound_penalty;
		/* adverb + one-character verb or adjective: 就是 不能 最大 */
		else if (words[w].len == 2 &&
				 (stats.flags[order[ids[0] - 1]] & ZH_CHAR_ADVERB) &&
				 find_node(ids + 1, 1) >= 0 &&
				 slots[find_node(ids + 1, 1)].logp < 0)
			penalty[w] = adverb_penalty;
	}
	for (w = 0; w < n_words; w++)
	{
		if (penalty[w] > 0)
		{
			int32_t		node = find_node(pool + words[w].off, words[w].len);

			slots[node].logp -= (float) penalty[w];
			n_compound++;
		}
	}
	fprintf(stderr, "zh_dict_build: %zu compounds penalised by %.1f\n",
			n_compound, compound_penalty);
	na_free(penalty);
}

static uint64_t
aligned8(uint64_t off)
{
	return off + (8 - off % 8) % 8;
}

/*
 * Write header, char map, char info and slots to a temporary name and
 * rename, so a failed build leaves no file.
 */
static void
write_dict(const char *path, const uint16_t *charmap, size_t charmap_bytes,
		   const ZhCharInfo *info, uint32_t n_chars, float min_logp)
{
	ZhDictHeader hdr;
	char	   *tmp_path = na_alloc(strlen(path) + 5);
	FILE	   *out;
	uint64_t	off;

	memset(&hdr, 0, sizeof(hdr));
	memcpy(hdr.magic, ZH_DICT_MAGIC, 8);
	hdr.version = ZH_DICT_VERSION;
	hdr.byteorder = ZH_DICT_BYTEORDER;
	hdr.header_size = sizeof(ZhDictHeader);
	hdr.n_chars = n_chars;
	hdr.n_slots = (uint32_t) slots_used;
	hdr.n_words = (uint32_t) n_words;
	hdr.max_word_chars = max_word_chars;
	hdr.min_logp = min_logp;
	hdr.charmap_off = aligned8(sizeof(hdr));
	hdr.charinfo_off = aligned8(hdr.charmap_off + charmap_bytes);
	hdr.slots_off = aligned8(hdr.charinfo_off + (uint64_t) (n_chars + 1) * sizeof(ZhCharInfo));
	hdr.file_size = hdr.slots_off + (uint64_t) slots_used * sizeof(ZhDictSlot);

	sprintf(tmp_path, "%s.tmp", path);
	out = fopen(tmp_path, "wb");
	if (!out)
		die(strerror(errno), tmp_path);
	off = 0;
	write_all(out, &hdr, sizeof(hdr), tmp_path);
	off += sizeof(hdr);
	pad_to(out, &off, tmp_path);
	write_all(out, charmap, charmap_bytes, tmp_path);
	off += charmap_bytes;
	pad_to(out, &off, tmp_path);
	write_all(out, info, (n_chars + 1) * sizeof(ZhCharInfo), tmp_path);
	off += (n_chars + 1) * sizeof(ZhCharInfo);
	pad_to(out, &off, tmp_path);
	write_all(out, slots, slots_used * sizeof(ZhDictSlot), tmp_path);
	if (fclose(out) != 0 || rename(tmp_path, path) != 0)
		die(strerror(errno), path);
	fprintf(stderr, "zh_dict_build: %zu words, %u chars, %zu slots, %llu bytes\n",
			n_words, n_chars, slots_used, (unsigned long long) hdr.file_size);
}

int
main(int argc, char **argv)
{
	static uint16_t charmap[ZH_DICT_CHARMAP_LEN];
	static uint32_t order[65536];
	uint32_t	n_chars;
	float		min_logp;
	ZhCharInfo *info;

	while (argc >= 5 && argv[1][0] == '-')
	{
		if (strcmp(argv[1], "-c") == 0)
			compound_penalty = strtod(argv[2], NULL);
		else if (strcmp(argv[1], "-a") == 0)
			adverb_penalty = strtod(argv[2], NULL);
		else
			break;
		argv += 2;
		argc -= 2;
	}
	if (argc != 3)
	{
		fprintf(stderr, "usage: zh_dict_build [-c PENALTY] [-a PENALTY] DICT.TXT OUT.DICT\n");
		return 2;
	}
	read_words(argv[1]);
	n_chars = assign_char_ids(charmap, order);
	mark_hand_lists();
	min_logp = words_to_logp();

	/* the trie, then the compounds pushed below their parts */
	ensure_slots(n_chars + 2);
	slots[0].check = -2;		/* the root is nobody's child */
	slots_used = 1;
	next_check_pos = 1;
	build_trie();
	penalise_compounds(order);

	info = char_info(order, n_chars);
	write_dict(argv[2], charmap, sizeof(charmap), info, n_chars, min_logp);
	return 0;
}
