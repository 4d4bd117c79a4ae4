/*
 * zh_dict.c
 *	  Open, validate and close the compiled Chinese dictionary (see zh_dict.h
 *	  for the layout).  The file is mapped read-only and used in place, or
 *	  copied once into memory that forked children inherit (ZH_DICT_OPEN_COPY).
 */
#include "zh_dict.h"

#include <errno.h>
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
 * Check everything the lookups rely on: the trie indexes and the char map's
 * ids are bounds-checked on every lookup (zh_dict_next, zh_dict_char_id), so
 * only the header needs a look here.  Nothing else of the file is read on
 * open: in a new backend every page touched is a page fault.
 */
static const char *
validate(const unsigned char *base, size_t size)
{
	const ZhDictHeader *hdr = (const ZhDictHeader *) base;

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
	return NULL;
}

/*
 * A private copy of the file in anonymous memory, aligned to and asking for
 * transparent huge pages, read-only once filled; NULL when any step fails.
 *
 * Used by a process that forks workers which should find the dictionary
 * ready (the postmaster, when the library is preloaded).  fork() copies the
 * page tables of anonymous memory but not of a shared file mapping, so a
 * child reading a file mapping takes a page fault on every page it touches
 * first, and a segmentation touches pages all over the trie.  The copy's
 * few huge pages are mapped in the child from the start.  The memory is
 * shared copy-on-write between the processes and never written after the
 * copy, so it exists once.
 */
static void *
copy_file(int fd, size_t size, size_t *alloc_len)
{
	const size_t huge = (size_t) 2 * 1024 * 1024;
	size_t		len = (size + huge - 1) & ~(huge - 1);
	unsigned char *raw,
			   *aligned;
	size_t		done = 0,
				head;

	raw = mmap(NULL, len + huge, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (raw == MAP_FAILED)
		return NULL;
	/* keep only the huge-page-aligned part */
	aligned = (unsigned char *) (((uintptr_t) raw + huge - 1) & ~(uintptr_t) (huge - 1));
	head = (size_t) (aligned - raw);
	if (head > 0)
		munmap(raw, head);
	munmap(aligned + len, huge - head);
#ifdef MADV_HUGEPAGE
	(void) madvise(aligned, len, MADV_HUGEPAGE);
#endif
	while (done < size)
	{
		ssize_t		n = pread(fd, aligned + done, size - done, (off_t) done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
		{
			munmap(aligned, len);
			return NULL;
		}
		done += (size_t) n;
	}
	if (mprotect(aligned, len, PROT_READ) != 0)
	{
		munmap(aligned, len);
		return NULL;
	}
	*alloc_len = len;
	return aligned;
}

/*
 * Open the dictionary at path.  Normally the file is mapped and used in
 * place; with ZH_DICT_OPEN_COPY it is copied into memory that forked
 * children inherit ready to read (see copy_file), falling back to the
 * mapping if that fails.
 */
ZhDict *
zh_dict_open_ex(const char *path, int flags, const char **errmsg)
{
	int			fd;
	struct stat st;
	void	   *map = NULL;
	size_t		map_len = 0;
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
	if (flags & ZH_DICT_OPEN_COPY)
		map = copy_file(fd, (size_t) st.st_size, &map_len);
	if (map == NULL)
	{
		map_len = (size_t) st.st_size;
		map = mmap(NULL, map_len, PROT_READ, MAP_SHARED, fd, 0);
	}
	close(fd);					/* a mapping keeps the file alive */
	if (map == MAP_FAILED)
	{
		*errmsg = "could not map dictionary file";
		return NULL;
	}
	err = validate(map, (size_t) st.st_size);
	if (err)
	{
		munmap(map, map_len);
		*errmsg = err;
		return NULL;
	}
	base = map;
	dict = na_alloc0(sizeof(ZhDict));
	dict->map = map;
	dict->map_len = map_len;
	dict->hdr = map;
	dict->charmap = (const uint16_t *) (base + dict->hdr->charmap_off);
	dict->charinfo = (const ZhCharInfo *) (base + dict->hdr->charinfo_off);
	dict->slots = (const ZhDictSlot *) (base + dict->hdr->slots_off);
	dict->n_chars = dict->hdr->n_chars;
	dict->n_slots = dict->hdr->n_slots;
	*errmsg = NULL;
	return dict;
}

ZhDict *
zh_dict_open(const char *path, const char **errmsg)
{
	return zh_dict_open_ex(path, 0, errmsg);
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
