/*
 * zh_han.c
 *	  Segmentation of a run of Han characters: the maximum-probability path
 *	  through a lattice of candidate words.
 *
 * Candidates starting at each character:
 *	  - every dictionary word (walk the double-array trie),
 *	  - the character alone, with a low probability when the dictionary does
 *		not list it as a word,
 *	  - a Chinese number (一百二十三, 三分之一, 二○○一), optionally with an
 *		ordinal prefix 第 or a following time/measure unit (十二月, 三十一日),
 *	  - a person's name the dictionary lacks: a surname followed by one or
 *		two characters scored by how often they appear in given names,
 *	  - a place or organisation name: one to three unknown characters before
 *		a suffix such as 街道 村 县 市.
 * Every candidate has a log-probability; the path with the highest sum wins.
 * Longer words mean fewer terms in the sum, so the rule candidates are
 * priced like rare dictionary words and only win where the dictionary can
 * only offer single characters.
 */
#include "zh_han.h"
#include "zh_names.h"

#include <math.h>

/* costs of the rule candidates, natural log-probabilities */
#ifndef ZH_COST_UNKNOWN_CHAR
#define ZH_COST_UNKNOWN_CHAR	(-22.0f)	/* a character the dictionary lacks */
#endif
#ifndef ZH_COST_NUMBER
#define ZH_COST_NUMBER			(-9.0f)		/* a Chinese number, with its unit */
#endif
#ifndef ZH_COST_NAME
#define ZH_COST_NAME			(-6.0f)		/* prior of a name, added to the
											 * surname and given-name terms */
#endif
/*
 * A user word of weight 1 is priced like a fairly common dictionary word, so
 * that it beats the pieces the dictionary would cut it into; a larger weight
 * makes it win over more of the dictionary's competing words.
 */
#ifndef ZH_COST_USER_WORD
#define ZH_COST_USER_WORD		(-10.0f)
#endif
#ifndef ZH_COST_PLACE
#define ZH_COST_PLACE			(-21.0f)
#endif

/* how many characters ahead the trie is prefetched */
#ifndef ZH_PREFETCH_AHEAD
#define ZH_PREFETCH_AHEAD		4
#endif

typedef struct Cell
{
	float		score;			/* best log-probability of text[0..i) */
	uint32_t	from;			/* start of the last word on that path */
	uint8_t		type;
} Cell;

/*
 * Chinese numerals: 零〇○一二三四五六七八九十百千万亿两, the financial
 * forms 壹贰叁肆伍陆柒捌玖拾佰仟, and 廿 卅.
 */

bool
zh_is_numeral_char(uint32_t cp)
{
	/* called for every character: a switch, not a scan of the table */
	switch (cp)
	{
		case 0x96F6: case 0x3007: case 0x25CB: case 0x4E00: case 0x4E8C:
		case 0x4E09: case 0x56DB: case 0x4E94: case 0x516D: case 0x4E03:
		case 0x516B: case 0x4E5D: case 0x5341: case 0x767E: case 0x5343:
		case 0x4E07: case 0x4EBF: case 0x4E24: case 0x58F9: case 0x8D30:
		case 0x53C1: case 0x8086: case 0x4F0D: case 0x9646: case 0x67D2:
		case 0x634C: case 0x7396: case 0x62FE: case 0x4F70: case 0x4EDF:
		case 0x5EFF: case 0x5345:
			return true;
		default:
			return false;
	}
}

/*
 * units that join a preceding Chinese number into one word: dates and times
 * (十二月 三十一日 二○○一年) and the round-number multipliers
 */
static bool
is_time_unit(uint32_t cp)
{
	return cp == 0x5E74 || cp == 0x6708 || cp == 0x65E5 ||	/* 年 月 日 */
		cp == 0x53F7 || cp == 0x65F6 || cp == 0x70B9 ||	/* 号 时 点 */
		cp == 0x5206 || cp == 0x79D2 || cp == 0x5C81;	/* 分 秒 岁 */
}

/*
 * Suffixes that end place and organisation names: 街道 公司 大学 学院 集团,
 * and 村 县 市 省 镇 乡 区 街 路.  Tried at every character, hence a switch.
 */
static int
place_suffix_len(const uint32_t *cps, size_t i, size_t n)
{
	uint32_t	next = i + 1 < n ? cps[i + 1] : 0;

	switch (cps[i])
	{
		case 0x8857:			/* 街, 街道 */
			return next == 0x9053 ? 2 : 1;
		case 0x516C:			/* 公司 */
			return next == 0x53F8 ? 2 : 0;
		case 0x5927:			/* 大学 */
			return next == 0x5B66 ? 2 : 0;
		case 0x5B66:			/* 学院 */
			return next == 0x9662 ? 2 : 0;
		case 0x96C6:			/* 集团 */
			return next == 0x56E2 ? 2 : 0;
		case 0x6751: case 0x53BF: case 0x5E02: case 0x7701:
		case 0x9547: case 0x4E61: case 0x533A: case 0x8DEF:
			return 1;
		default:
			return 0;
	}
}

static inline void
relax(Cell *cells, size_t from, size_t to, float logp, uint8_t type)
{
	float		s = cells[from].score + logp;

	if (s > cells[to].score)
	{
		cells[to].score = s;
		cells[to].from = (uint32_t) from;
		cells[to].type = type;
	}
}

/* end of the Chinese number starting at i (i itself when there is none) */
static size_t
numeral_end(const uint32_t *cps, size_t i, size_t n)
{
	size_t		e = i;

	while (e < n && zh_is_numeral_char(cps[e]))
		e++;
	/* fractions: 三分之一 */
	if (e > i && e + 2 < n && cps[e] == 0x5206 && cps[e + 1] == 0x4E4B &&
		zh_is_numeral_char(cps[e + 2]))
	{
		e += 2;
		while (e < n && zh_is_numeral_char(cps[e]))
			e++;
	}
	return e;
}

static void
add_number_candidates(Cell *cells, const uint32_t *cps, size_t i, size_t n)
{
	size_t		start = i,
				e;

	if (cps[i] == 0x7B2C && i + 1 < n)	/* 第: ordinal */
		i++;
	e = numeral_end(cps, i, n);
	if (e == i)
		return;
	if (e - start >= 2)
		relax(cells, start, e, ZH_COST_NUMBER, ZH_TOK_NUMBER);
	if (e < n && is_time_unit(cps[e]))
		relax(cells, start, e + 1, ZH_COST_NUMBER, ZH_TOK_NUMUNIT);
}

/* can this character sit inside an unknown name? */
static inline bool
name_char_ok(const ZhDict *dict, uint32_t id)
{
	return id != 0 && !(dict->charinfo[id].flags & (ZH_CHAR_FUNCTION | ZH_CHAR_NUMERAL));
}

static void
add_name_candidates(const ZhDict *dict, Cell *cells, const uint32_t *ids,
					size_t i, size_t n)
{
	const ZhCharInfo *ci = &dict->charinfo[ids[i]];
	float		s;

	if (!(ci->flags & ZH_CHAR_SURNAME) || i + 1 >= n)
		return;
	if (!name_char_ok(dict, ids[i + 1]))
		return;
	s = ZH_COST_NAME + ci->surname_logp + dict->charinfo[ids[i + 1]].given_logp;
	relax(cells, i, i + 2, s, ZH_TOK_WORD);
	if (i + 2 < n && name_char_ok(dict, ids[i + 2]))
		relax(cells, i, i + 3, s + dict->charinfo[ids[i + 2]].given_logp, ZH_TOK_WORD);
}

static void
add_place_candidates(const ZhDict *dict, Cell *cells, const uint32_t *cps,
					 const uint32_t *ids, size_t i, size_t n)
{
	size_t		len;

	/* one to three name characters, then the suffix */
	for (len = 1; len <= 3 && i + len < n; len++)
	{
		int			suf;

		if (!name_char_ok(dict, ids[i + len - 1]))
			return;
		suf = place_suffix_len(cps, i + len, n);
		if (suf && len + suf >= 3)
			relax(cells, i, i + len + suf, ZH_COST_PLACE, ZH_TOK_WORD);
	}
}

/* user words starting at character i (byte offsets of the window in offs) */
static void
add_user_candidates(const ZhHanScratch *scratch, Cell *cells, size_t i, size_t n)
{
	size_t		lens[8];
	double		weights[8];
	int			k,
				found;
	size_t		j;

	found = zh_userdict_prefixes(scratch->user, scratch->text + scratch->offs[i],
								 scratch->offs[n] - scratch->offs[i], lens, weights, 8);
	for (k = 0; k < found; k++)
	{
		/* find the character where the word ends; skip it if it does not fit */
		for (j = i + 1; j <= n && scratch->offs[j] - scratch->offs[i] < lens[k]; j++)
			;
		if (j <= n && scratch->offs[j] - scratch->offs[i] == lens[k])
			relax(cells, i, j, ZH_COST_USER_WORD + (float) log(weights[k]), ZH_TOK_WORD);
	}
}

void
zh_han_scratch_init(ZhHanScratch *scratch)
{
	/* byte sizes of the window arrays, computed once */
	const size_t u32_bytes = sizeof(uint32_t) * ZH_HAN_WINDOW;
	const size_t u32_plus1_bytes = sizeof(uint32_t) * (ZH_HAN_WINDOW + 1);
	const size_t cell_bytes = sizeof(Cell) * (ZH_HAN_WINDOW + 1);

	scratch->cps = na_alloc(u32_bytes);
	scratch->offs = na_alloc(u32_plus1_bytes);
	scratch->ends = na_alloc(u32_bytes);
	scratch->types = na_alloc(ZH_HAN_WINDOW);
	scratch->ids = na_alloc(u32_bytes);
	scratch->cells = na_alloc(cell_bytes);
}

void
zh_han_scratch_free(ZhHanScratch *scratch)
{
	na_free(scratch->cps);
	na_free(scratch->offs);
	na_free(scratch->ends);
	na_free(scratch->types);
	na_free(scratch->ids);
	na_free(scratch->cells);
}

size_t
zh_han_segment(const ZhDict *dict, ZhHanScratch *scratch,
			   const uint32_t *cps, size_t n,
			   uint32_t *ends, uint8_t *types)
{
	Cell	   *cells;
	uint32_t   *ids;
	size_t		i,
				nw,
				k;

	if (n == 0)
		return 0;
	if (dict == NULL)
	{
		for (i = 0; i < n; i++)
		{
			ends[i] = (uint32_t) (i + 1);
			types[i] = ZH_TOK_WORD;
		}
		return n;
	}

	cells = scratch->cells;
	ids = scratch->ids;
	for (i = 0; i < n; i++)
		ids[i] = zh_dict_char_id(dict, cps[i]);
	for (i = 0; i <= n; i++)
	{
		cells[i].score = -INFINITY;
		cells[i].from = 0;
		cells[i].type = ZH_TOK_WORD;
	}
	cells[0].score = 0;

	for (i = 0; i < n; i++)
	{
		int32_t		state = 0;
		size_t		j;
		float		single;

		/*
		 * The second trie step of each position is a cache miss in the
		 * mapped trie; start loading the one a few positions ahead so the
		 * misses overlap instead of queueing.
		 */
		if (i + ZH_PREFETCH_AHEAD + 1 < n && ids[i + ZH_PREFETCH_AHEAD])
		{
			int32_t		s1 = zh_dict_next(dict, 0, ids[i + ZH_PREFETCH_AHEAD]);

			if (s1 >= 0)
			{
				uint32_t	t = (uint32_t) dict->slots[s1].base + ids[i + ZH_PREFETCH_AHEAD + 1];

				if (t < dict->n_slots)
					__builtin_prefetch(&dict->slots[t]);
			}
		}

		/* the character alone */
		single = ids[i] ? dict->charinfo[ids[i]].word_logp : ZH_NOT_WORD;
		relax(cells, i, i + 1, single < 0 ? single : ZH_COST_UNKNOWN_CHAR, ZH_TOK_WORD);

		/* dictionary words of two or more characters */
		if (ids[i] && (state = zh_dict_next(dict, 0, ids[i])) >= 0)
		{
			for (j = i + 1; j < n; j++)
			{
				float		lp;

				if (ids[j] == 0 || (state = zh_dict_next(dict, state, ids[j])) < 0)
					break;
				lp = dict->slots[state].logp;
				if (lp < 0)
					relax(cells, i, j + 1, lp, ZH_TOK_WORD);
			}
		}

		if (scratch->user)
			add_user_candidates(scratch, cells, i, n);
		if (zh_is_numeral_char(cps[i]) || cps[i] == 0x7B2C)
			add_number_candidates(cells, cps, i, n);
		if (ids[i])
		{
			add_name_candidates(dict, cells, ids, i, n);
			add_place_candidates(dict, cells, cps, ids, i, n);
		}
	}

	/* walk back from the end, then reverse into ends[] */
	nw = 0;
	for (i = n; i > 0; i = cells[i].from)
	{
		ends[nw] = (uint32_t) i;
		types[nw] = cells[i].type;
		nw++;
	}
	for (k = 0; k < nw / 2; k++)
	{
		uint32_t	e = ends[k];
		uint8_t		t = types[k];

		ends[k] = ends[nw - 1 - k];
		types[k] = types[nw - 1 - k];
		ends[nw - 1 - k] = e;
		types[nw - 1 - k] = t;
	}
	return nw;
}
