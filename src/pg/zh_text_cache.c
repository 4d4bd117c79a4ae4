/*
 * zh_text_cache.c
 *	  A backend's cache of the bytes of long texts stored out of line.
 *
 * A GIN recheck of "&@" cannot know where in a text the index found the
 * query's keys, so a long text is read from its start up to the first
 * match, or whole when it does not match (src/pg/zh_search.c).  Long texts
 * are few and contain most bigrams, so the same ones are candidates of
 * nearly every query: reading their TOAST chunks (index look-ups, copies)
 * was most of a long-text recheck.  This cache keeps, per backend, the
 * prefix of each long text read so far, so that a text's chunks are read
 * once and later queries only search its bytes.
 *
 * An entry is keyed by the TOAST pointer: the TOAST table and the value's
 * OID, and checked against its raw and stored sizes.  A stored value never
 * changes (an UPDATE stores a new one under a new OID); a stale entry would
 * need the value deleted, vacuumed away and its OID handed out again, i.e.
 * the cluster's 32-bit OID counter going round while this backend lives,
 * for a value of exactly the same sizes.
 *
 * Size: the GUC news_archive.long_text_cache (kB, default 32 MB, 0 turns
 * the cache off); texts of 128 kB up to a quarter of it are kept, least
 * recently used ones evicted first.
 */
#include "postgres.h"
#include "na_pg_compat.h"

#include <limits.h>

#include "access/detoast.h"
#include "fmgr.h"
#include "lib/ilist.h"
#include "utils/guc.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"

#include "pg_zh_text_cache.h"

int			zh_text_cache_kb = 32 * 1024;

typedef struct CacheKey
{
	Oid			toastrel;
	Oid			value;
} CacheKey;

typedef struct CacheEntry
{
	CacheKey	key;			/* hash key: first */
	int32		rawsize;		/* the TOAST pointer's, to check a hit */
	uint32		extinfo;
	bool		compressed;
	Size		len;			/* bytes of the text */
	Size		have;			/* data[0, have) read */
	Size		alloc;			/* bytes allocated at data */
	char	   *data;
	dlist_node	lru;			/* most recently used first */
} CacheEntry;

static MemoryContext cache_cxt = NULL;
static HTAB *cache_tab = NULL;
static dlist_head cache_lru = DLIST_STATIC_INIT(cache_lru);
static Size cache_bytes = 0;	/* sum of the entries' alloc */
static CacheEntry *cache_current = NULL;	/* of the last lookup */

void
zh_text_cache_define_guc(void)
{
	DefineCustomIntVariable("news_archive.long_text_cache",
							"Memory a session keeps long texts' bytes in, for the recheck of &@.",
							"Texts stored out of line (TOAST) of 128 kB up to a quarter of this "
							"are kept after a query reads them, so later queries do not read "
							"their chunks again. 0 turns the cache off.",
							&zh_text_cache_kb,
							32 * 1024, 0, MAX_KILOBYTES,
							PGC_USERSET, GUC_UNIT_KB,
							NULL, NULL, NULL);
}

/* give back an entry's bytes and take it off the LRU list */
static void
cache_release(CacheEntry *e)
{
	if (e->data)
		pfree(e->data);
	cache_bytes -= e->alloc;
	dlist_delete(&e->lru);
}

static void
cache_drop(CacheEntry *e)
{
	bool		found;

	cache_release(e);
	if (cache_current == e)
		cache_current = NULL;
	hash_search(cache_tab, &e->key, HASH_REMOVE, &found);
}

/* evict least recently used entries but keep until bytes fit the limit */
static void
cache_evict(Size limit, CacheEntry *keep)
{
	while (cache_bytes > limit && !dlist_is_empty(&cache_lru))
	{
		dlist_node *n = dlist_tail_node(&cache_lru);

		if (keep && n == &keep->lru)
		{
			if (!dlist_has_prev(&cache_lru, n))
				break;
			n = dlist_prev_node(&cache_lru, n);
		}
		cache_drop(dlist_container(CacheEntry, lru, n));
	}
}

static void
cache_init(void)
{
	HASHCTL		ctl;

	if (cache_tab)
		return;
	if (cache_cxt == NULL)
		cache_cxt = AllocSetContextCreate(TopMemoryContext,
										  "news_archive long texts",
										  ALLOCSET_DEFAULT_SIZES);
	memset(&ctl, 0, sizeof(ctl));
	ctl.keysize = sizeof(CacheKey);
	ctl.entrysize = sizeof(CacheEntry);
	ctl.hcxt = cache_cxt;
	cache_tab = hash_create("news_archive long texts", 64, &ctl,
							HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
}

/* the cache off: give its memory back */
static void
cache_reset(void)
{
	if (cache_cxt == NULL)
		return;
	MemoryContextReset(cache_cxt);
	cache_tab = NULL;
	dlist_init(&cache_lru);
	cache_bytes = 0;
	cache_current = NULL;
}

static void
cached_view(const CacheEntry *e, ZhTextCached *c)
{
	c->data = e->data;
	c->have = e->have;
	c->len = e->len;
}

bool
zh_text_cache_lookup(Datum d, ZhTextCached *c)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	Size		limit = (Size) zh_text_cache_kb * 1024;
	varatt_external ptr;
	CacheKey	key;
	CacheEntry *e;
	bool		found;

	if (!VARATT_IS_EXTERNAL_ONDISK(v))
		return false;
	if (limit == 0)
	{
		cache_reset();
		return false;
	}
	VARATT_EXTERNAL_GET_POINTER(ptr, v);
	if ((Size) ptr.va_rawsize - VARHDRSZ < ZH_TEXT_CACHE_MIN ||
		(Size) ptr.va_rawsize - VARHDRSZ > limit / 4)
		return false;
	cache_init();
	cache_evict(limit, NULL);	/* the limit may have been lowered */

	memset(&key, 0, sizeof(key));
	key.toastrel = ptr.va_toastrelid;
	key.value = ptr.va_valueid;
	e = (CacheEntry *) hash_search(cache_tab, &key, HASH_ENTER, &found);
	if (found && (e->rawsize != ptr.va_rawsize || e->extinfo != ptr.va_extinfo))
	{
		/* not the value cached under this OID: start again */
		cache_release(e);
		found = false;
	}
	if (!found)
	{
		e->rawsize = ptr.va_rawsize;
		e->extinfo = ptr.va_extinfo;
		e->compressed = VARATT_EXTERNAL_GET_EXTSIZE(ptr) <
			(uint32) (ptr.va_rawsize - VARHDRSZ);
		e->len = (Size) ptr.va_rawsize - VARHDRSZ;
		e->have = e->alloc = 0;
		e->data = NULL;
		dlist_push_head(&cache_lru, &e->lru);
	}
	else
		dlist_move_head(&cache_lru, &e->lru);
	cache_current = e;
	cached_view(e, c);
	return true;
}

/* room for upto bytes at e->data, other entries evicted as needed */
static void
cache_grow(CacheEntry *e, Size upto)
{
	Size		want;
	char	   *p;

	if (upto <= e->alloc)
		return;
	want = Min(e->len, Max(upto, e->alloc * 2));
	cache_evict((Size) zh_text_cache_kb * 1024 - (want - e->alloc), e);
	p = e->data ? repalloc(e->data, want) : MemoryContextAlloc(cache_cxt, want);
	e->data = p;
	cache_bytes += want - e->alloc;
	e->alloc = want;
}

void
zh_text_cache_extend(Datum d, ZhTextCached *c, Size upto)
{
	CacheEntry *e = cache_current;
	struct varlena *part;
	Size		from,
				got;

	if (e == NULL)
		elog(ERROR, "zh_text_cache_extend without a lookup");
	upto = Min(upto, e->len);
	if (upto > e->have)
	{
		cache_grow(e, upto);
		/* a compressed text is decompressed from its start anyway */
		from = e->compressed ? 0 : e->have;
		part = PG_DETOAST_DATUM_SLICE(d, (int32) from, (int32) (upto - from));
		got = from + VARSIZE_ANY_EXHDR(part);
		if (got > e->have)
		{
			got = Min(got, upto);
			memcpy(e->data + e->have, VARDATA_ANY(part) + (e->have - from),
				   got - e->have);
			e->have = got;
		}
		pfree(part);
	}
	cached_view(e, c);
}
