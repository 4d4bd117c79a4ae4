/*
 * zh_dict.c
 *	  Open, validate and close the compiled Chinese dictionary (see zh_dict.h
 *	  for the layout).  The file is mapped read-only and used in place.
 */
#include "zh_dict.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* is [off, off + len) inside a file of size size, without overflow? */
static bool
range_ok(uint64_t off, uint64_t len, uint64_t size)
{
	return off <= size && len <= size - off;
}

/*
 * Check everything the lookups rely on: the trie indexes themselves are
 * bounds-checked on every step, so only the header and the char map need a
 * look here.
 */
static const char *
validate(const unsigned char *base, size_t size)
{
	const ZhDictHeader *hdr = (const ZhDictHeader *) base;
	const uint16_t *charmap;
	uint32_t	i;

	if (size < sizeof(ZhDictHeader))
		return "dictionary file is too short";
	if (memcmp(hdr->magic, ZH_DICT_MAGIC, 8) != 0)
		return "not a news_archive Chinese dictionary (bad magic)";
	if (hdr->byteorder != ZH_DICT_BYTEORDER)
		return "dictionary was built on a machine of another byte order";
	if (hdr->version != ZH_DICT_VERSION)
		return "dictionary version mismatch: rebuild it";
	if (hdr->header_size != sizeof(ZhDictHeader) || hdr->file_size != size)
		return "dictionary file size does not match its header";
	if (hdr->n_chars == 0 || hdr->n_chars >= 65535 || hdr->n_slots == 0 ||
		hdr->n_slots > (uint32_t) INT32_MAX)
		return "dictionary header counts are out of range";
	if (hdr->charmap_off % 8 || hdr->charinfo_off % 8 || hdr->slots_off % 8)
		return "dictionary sections are misaligned";
	if (!range_ok(hdr->charmap_off, (uint64_t) ZH_DICT_CHARMAP_LEN * sizeof(uint16_t), size) ||
		!range_ok(hdr->charinfo_off, ((uint64_t) hdr->n_chars + 1) * sizeof(ZhCharInfo), size) ||
		!range_ok(hdr->slots_off, (uint64_t) hdr->n_slots * sizeof(ZhDictSlot), size))
		return "dictionary section lies outside the file";
	charmap = (const uint16_t *) (base + hdr->charmap_off);
	for (i = 0; i < ZH_DICT_CHARMAP_LEN; i++)
		if (charmap[i] > hdr->n_chars)
			return "dictionary char map holds an out-of-range id";
	return NULL;
}

ZhDict *
zh_dict_open(const char *path, const char **errmsg)
{
	int			fd;
	struct stat st;
	void	   *map;
	const char *err;
	ZhDict	   *dict;
	const unsigned char *base;

	fd = open(path, O_RDONLY);
	if (fd < 0)
	{
		*errmsg = "could not open dictionary file";
		return NULL;
	}
	if (fstat(fd, &st) != 0 || st.st_size <= 0)
	{
		close(fd);
		*errmsg = "could not stat dictionary file, or it is empty";
		return NULL;
	}
	map = mmap(NULL, (size_t) st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);					/* the mapping keeps the file alive */
	if (map == MAP_FAILED)
	{
		*errmsg = "could not map dictionary file";
		return NULL;
	}
	err = validate(map, (size_t) st.st_size);
	if (err)
	{
		munmap(map, (size_t) st.st_size);
		*errmsg = err;
		return NULL;
	}
	base = map;
	dict = na_alloc0(sizeof(ZhDict));
	dict->map = map;
	dict->map_len = (size_t) st.st_size;
	dict->hdr = map;
	dict->charmap = (const uint16_t *) (base + dict->hdr->charmap_off);
	dict->charinfo = (const ZhCharInfo *) (base + dict->hdr->charinfo_off);
	dict->slots = (const ZhDictSlot *) (base + dict->hdr->slots_off);
	dict->n_chars = dict->hdr->n_chars;
	dict->n_slots = dict->hdr->n_slots;
	*errmsg = NULL;
	return dict;
}

void
zh_dict_close(ZhDict *dict)
{
	if (dict == NULL)
		return;
	munmap(dict->map, dict->map_len);
	na_free(dict);
}

float
zh_dict_word_logp(const ZhDict *dict, const uint32_t *ids, size_t n)
{
	int32_t		state = 0;
	size_t		i;

	for (i = 0; i < n; i++)
	{
		if (ids[i] == 0 || (state = zh_dict_next(dict, state, ids[i])) < 0)
			return ZH_NOT_WORD;
	}
	return n ? dict->slots[state].logp : ZH_NOT_WORD;
}
