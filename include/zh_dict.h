/*
 * zh_dict.h
 *	  Layout of the compiled Chinese dictionary and the inline lookups the
 *	  segmenter runs on the mapped bytes.
 *
 * The file is written by tools/zh_dict_build and mapped read-only by
 * zh_dict_open().  Nothing is parsed or copied when it is opened: the trie
 * and the tables are read in place, so every backend shares the same pages.
 * All integers are in the byte order of the machine that built the file
 * (the header records it and zh_dict_open refuses the other one).
 *
 * Contents:
 *	  header			ZhDictHeader
 *	  char map			uint16[65536]: BMP code point -> char id (0: none)
 *	  char info			ZhCharInfo[n_chars + 1], indexed by char id
 *	  trie				ZhDictSlot[n_slots], a double-array trie over char
 *						ids; slot 0 is the root.  A slot that ends a word
 *						holds the word's natural log-probability.
 *
 * Every index read from the file is bounds-checked at lookup time, and the
 * header is checked on open, so a corrupt file gives wrong words at worst,
 * never a read outside the mapping.
 *
 * zh_dict_open_ex(path, ZH_DICT_OPEN_COPY, ...) copies the file into
 * read-only anonymous memory instead (on transparent huge pages where the
 * system allows): for a process about to fork workers, whose children then
 * read it without a page fault per page (see copy_file in zh_dict.c).
 */
#ifndef ZH_DICT_H
#define ZH_DICT_H

#include "na_port.h"
#include "zh_segment.h"

#define ZH_DICT_MAGIC		"NAZHDICT"
#define ZH_DICT_VERSION		1
#define ZH_DICT_BYTEORDER	0x01020304u
#define ZH_DICT_CHARMAP_LEN 65536

/* logp of a slot that does not end a word (real values are all < 0) */
#define ZH_NOT_WORD			1.0f

/* flags in ZhCharInfo.flags */
#define ZH_CHAR_SURNAME		0x01	/* common single-character surname */
#define ZH_CHAR_SURNAME2	0x02	/* first character of a two-character surname */
#define ZH_CHAR_NUMERAL		0x04	/* Chinese numeral: 一 二 ... 百 千 万 亿 零 */
#define ZH_CHAR_FUNCTION	0x08	/* particle, preposition, pronoun... rarely inside names */
#define ZH_CHAR_ADVERB		0x10	/* adverb written apart: 就 不 最 很 */

typedef struct ZhDictHeader
{
	char		magic[8];
	uint32_t	version;
	uint32_t	byteorder;
	uint32_t	header_size;
	uint32_t	n_chars;		/* char ids run from 1 to n_chars */
	uint32_t	n_slots;		/* trie slots */
	uint32_t	n_words;
	uint32_t	max_word_chars; /* longest word, in characters */
	uint32_t	reserved;
	uint64_t	file_size;
	uint64_t	charmap_off;
	uint64_t	charinfo_off;
	uint64_t	slots_off;
	float		min_logp;		/* log-probability of the rarest word */
	float		pad;
} ZhDictHeader;

typedef struct ZhCharInfo
{
	float		word_logp;		/* as a one-character word, or ZH_NOT_WORD */
	float		surname_logp;	/* log P(surname is this char), or 0 */
	float		given_logp;		/* log P(char in a given name) */
	float		pos_logp[4];	/* log P(position | char) over the word list:
								 * begins, middle, ends a word, single */
	uint32_t	flags;
} ZhCharInfo;

typedef struct ZhDictSlot
{
	int32_t		base;			/* children are at base + char id */
	int32_t		check;			/* parent slot; -1 when the slot is free */
	float		logp;			/* word log-probability or ZH_NOT_WORD */
} ZhDictSlot;

struct ZhDict
{
	void	   *map;			/* the whole file, mapped read-only (or a
								 * read-only copy, see ZH_DICT_OPEN_COPY) */
	size_t		map_len;		/* length of that mapping */
	const ZhDictHeader *hdr;
	const uint16_t *charmap;
	const ZhCharInfo *charinfo;
	const ZhDictSlot *slots;
	uint32_t	n_chars;
	uint32_t	n_slots;
};

/* char id of a code point, 0 when the dictionary does not know it */
static inline uint32_t
zh_dict_char_id(const ZhDict *dict, uint32_t cp)
{
	uint32_t	id;

	if (cp >= ZH_DICT_CHARMAP_LEN)
		return 0;
	id = dict->charmap[cp];
	return id <= dict->n_chars ? id : 0;
}

/* trie slot reached from slot state by char id, or -1 */
static inline int32_t
zh_dict_next(const ZhDict *dict, int32_t state, uint32_t id)
{
	uint32_t	t = (uint32_t) dict->slots[state].base + id;

	if (t >= dict->n_slots || dict->slots[t].check != state)
		return -1;
	return (int32_t) t;
}

/* look up a whole word given as char ids; its logp or ZH_NOT_WORD */
extern float zh_dict_word_logp(const ZhDict *dict, const uint32_t *ids, size_t n);

#endif							/* ZH_DICT_H */
