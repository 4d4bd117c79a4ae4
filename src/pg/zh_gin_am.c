/*
 * zh_gin_am.c
 *	  The zh_gin index access method: PostgreSQL's GIN, page for page, with a
 *	  build that sorts its (key, row) pairs instead of feeding them one at a
 *	  time to GIN's red-black tree.
 *
 * GIN's own build (ginbuild) collects every key of every row in a balanced
 * tree, one comparison through the function manager per level per pair.  A
 * search index keeps a few hundred keys a row (bigrams), so on 16,818
 * articles the tree took about two thirds of CREATE INDEX (bench/ingest.md).
 * Where the index has one column whose keys are int4 in btint4cmp order
 * (zh_search_ops, zh_rank_ops), this build appends each row's keys to an
 * array of 64-bit (key, row) pairs, radix-sorts it by key when it fills
 * maintenance_work_mem or the scan ends, and hands each key's rows to
 * ginEntryInsert, which writes the same entry and posting pages as GIN's
 * build.  Every other index (more columns, other key types) is built by
 * ginbuild itself.  Scans, inserts, the pending list, VACUUM and WAL replay
 * are GIN's: the handler returns GIN's routine with ambuild replaced.
 *
 * gin_clean_pending_list() and pgstattuple's pgstatginindex() accept GIN
 * indexes only (they test the access method's OID), so
 * zh_gin_clean_pending_list() and zh_gin_pending() do the same for both.
 */
#include "postgres.h"

#include <sys/mman.h>

#include "access/amapi.h"
#include "access/xlog.h"
#include "access/gin_private.h"
#include "access/tableam.h"
#include "access/xloginsert.h"
#include "catalog/index.h"
#include "catalog/pg_am.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/fmgrprotos.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "na_port.h"
#include "pg_zh_search.h"

PG_FUNCTION_INFO_V1(zh_gin_handler);
PG_FUNCTION_INFO_V1(zh_gin_clean_pending_list);
PG_FUNCTION_INFO_V1(zh_gin_pending);

/*
 * A pair is (key with its sign bit flipped) << 32 | row: unsigned order of
 * the high half is btint4cmp's order of the keys, and rows are numbered in
 * scan order, so a stable sort by the high half leaves each key's rows in
 * scan order.
 */
typedef struct SortedBuild
{
	GinState	ginstate;
	GinStatsData stats;
	MemoryContext buildCtx;		/* the arrays below */
	MemoryContext funcCtx;		/* ginExtractEntries' allocations, per row */
	MemoryContext insertCtx;	/* ginEntryInsert's, per key */
	uint64	   *pairs;
	size_t		npairs;
	size_t		maxpairs;
	ItemPointerData *rows;		/* row number -> heap TID */
	uint32		nrows;
	uint32		maxrows;
	bool		rows_sorted;	/* scan order is TID order (no HOT roots) */
	ItemPointerData *special[GIN_CAT_NULL_ITEM + 1];	/* rows by category */
	uint32		nspecial[GIN_CAT_NULL_ITEM + 1];
	uint32		maxspecial[GIN_CAT_NULL_ITEM + 1];
	Size		budget;			/* bytes of pairs, sort buffer and rows */
	Oid			direct_fn;		/* zh_gin_extract_value's OID, or invalid */
	double		indtuples;
} SortedBuild;

#define PAIR_BYTES	(2 * sizeof(uint64))	/* a pair and its sort buffer */

/* can this index be built by sorting int4 keys? */
static bool
sortable_index(GinState *ginstate)
{
	return ginstate->origTupdesc->natts == 1 &&
		ginstate->compareFn[0].fn_oid == F_BTINT4CMP &&
		TupleDescAttr(ginstate->origTupdesc, 0)->atttypid == INT4OID;
}

/*
 * Ask for transparent huge pages on a large array's whole 2 MB pages: the
 * build's arrays are written once, in full, and page faults of fresh 4 kB
 * pages were a seventh of a build.  Only advice: nothing changes where the
 * kernel does not do it.
 */
static void
advise_huge(void *p, size_t bytes)
{
#if defined(MADV_HUGEPAGE)
	const uintptr_t huge = 2 * 1024 * 1024;
	uintptr_t	start = TYPEALIGN(huge, (uintptr_t) p);
	uintptr_t	end = ((uintptr_t) p + bytes) & ~(huge - 1);

	if (end > start)
		(void) madvise((void *) start, end - start, MADV_HUGEPAGE);
#endif
}

static void *
alloc_big(size_t bytes)
{
	void	   *p = MemoryContextAllocHuge(CurrentMemoryContext, bytes);

	advise_huge(p, bytes);
	return p;
}

static void *
grow(void *p, size_t *cap, size_t elem, size_t need)
{
	size_t		n = Max(*cap * 2, Max(need, (size_t) 1024));

	if (p)
	{
		p = repalloc_huge(p, n * elem);
		advise_huge(p, n * elem);
	}
	else
		p = alloc_big(n * elem);
	*cap = n;
	return p;
}

/*
 * Stable LSD radix sort of n pairs by their high 32 bits, in three passes of
 * 11 bits (histograms that fit the cache; one pass fewer than bytes);
 * returns the buffer that holds the result (a or tmp).
 */
#define RADIX_BITS	11
#define RADIX_SIZE	(1 << RADIX_BITS)
#define RADIX_MASK	(RADIX_SIZE - 1)

static uint64 *
sort_pairs(uint64 *a, uint64 *tmp, size_t n)
{
	size_t	   *count = palloc0(3 * RADIX_SIZE * sizeof(size_t));
	size_t		i;
	int			pass;

	for (i = 0; i < n; i++)
	{
		uint32		k = (uint32) (a[i] >> 32);

		count[k & RADIX_MASK]++;
		count[RADIX_SIZE + ((k >> RADIX_BITS) & RADIX_MASK)]++;
		count[2 * RADIX_SIZE + (k >> (2 * RADIX_BITS))]++;
	}
	for (pass = 0; pass < 3 && n > 0; pass++)
	{
		size_t	   *c = count + pass * RADIX_SIZE;
		size_t		sum = 0;
		int			shift = 32 + RADIX_BITS * pass;
		uint64	   *swap;
		int			b;

		/* a digit that is the same in every pair orders nothing */
		if (c[(a[0] >> shift) & RADIX_MASK] == n)
			continue;
		for (b = 0; b < RADIX_SIZE; b++)
		{
			size_t		t = c[b];

			c[b] = sum;
			sum += t;
		}
		for (i = 0; i < n; i++)
			tmp[c[(a[i] >> shift) & RADIX_MASK]++] = a[i];
		swap = a;
		a = tmp;
		tmp = swap;
		CHECK_FOR_INTERRUPTS();
	}
	pfree(count);
	return a;
}

static int
tid_cmp(const void *a, const void *b)
{
	return ItemPointerCompare((ItemPointer) a, (ItemPointer) b);
}

/* the rows of one key or category, in TID order, into the index */
static void
insert_rows(SortedBuild *b, Datum key, GinNullCategory category,
			ItemPointerData *list, uint32 n)
{
	MemoryContext old;

	if (n == 0)
		return;
	if (!b->rows_sorted && n > 1)
		qsort(list, n, sizeof(ItemPointerData), tid_cmp);
	CHECK_FOR_INTERRUPTS();
	old = MemoryContextSwitchTo(b->insertCtx);
	ginEntryInsert(&b->ginstate, 1, key, category, list, n, &b->stats);
	MemoryContextSwitchTo(old);
	MemoryContextReset(b->insertCtx);
}

/* sort what has been collected, write it into the index, start again */
static void
flush_pairs(SortedBuild *b)
{
	MemoryContext old = MemoryContextSwitchTo(b->buildCtx);
	uint64	   *tmp = alloc_big(Max(b->npairs, 1) * sizeof(uint64));
	uint64	   *sorted = sort_pairs(b->pairs, tmp, b->npairs);
	ItemPointerData *list = MemoryContextAllocHuge(CurrentMemoryContext,
												   Max(b->nrows, 1) * sizeof(ItemPointerData));
	size_t		i,
				j;
	int			cat;

	for (i = 0; i < b->npairs; i = j)
	{
		uint32		high = (uint32) (sorted[i] >> 32);
		uint32		n = 0;

		/* a row has a key once (ginExtractEntries), so n <= nrows */
		for (j = i; j < b->npairs && (uint32) (sorted[j] >> 32) == high; j++)
			list[n++] = b->rows[(uint32) sorted[j]];
		insert_rows(b, Int32GetDatum((int32) (high ^ 0x80000000U)),
					GIN_CAT_NORM_KEY, list, n);
	}
	for (cat = GIN_CAT_NULL_KEY; cat <= GIN_CAT_NULL_ITEM; cat++)
	{
		insert_rows(b, (Datum) 0, (GinNullCategory) cat,
					b->special[cat], b->nspecial[cat]);
		b->nspecial[cat] = 0;
	}
	pfree(tmp);
	pfree(list);
	b->npairs = 0;
	b->nrows = 0;
	b->rows_sorted = true;
	MemoryContextSwitchTo(old);
}

/* room for one more row with n normal keys */
static void
reserve(SortedBuild *b, int32 n)
{
	if (b->npairs + n > b->maxpairs)
		b->pairs = grow(b->pairs, &b->maxpairs, sizeof(uint64), b->npairs + n);
	if (b->nrows + 1 > b->maxrows)
	{
		size_t		cap = b->maxrows;

		b->rows = grow(b->rows, &cap, sizeof(ItemPointerData), b->nrows + 1);
		b->maxrows = (uint32) Min(cap, (size_t) PG_UINT32_MAX);
	}
}

static void
add_special(SortedBuild *b, GinNullCategory cat, ItemPointer tid)
{
	if (b->nspecial[cat] == b->maxspecial[cat])
	{
		size_t		cap = b->maxspecial[cat];

		b->special[cat] = grow(b->special[cat], &cap, sizeof(ItemPointerData),
							   b->nspecial[cat] + 1);
		b->maxspecial[cat] = (uint32) Min(cap, (size_t) PG_UINT32_MAX);
	}
	b->special[cat][b->nspecial[cat]++] = *tid;
}

/* a new row number for tid, room for n more pairs */
static uint64
new_row(SortedBuild *b, ItemPointer tid, size_t n)
{
	uint64		row;

	reserve(b, (int32) n);
	row = b->nrows;
	if (row > 0 && ItemPointerCompare(&b->rows[row - 1], tid) >= 0)
		b->rows_sorted = false;
	b->rows[b->nrows++] = *tid;
	return row;
}

static inline uint64
pair(int32 key, uint64 row)
{
	return ((uint64) ((uint32) key ^ 0x80000000U) << 32) | row;
}

/* a row's keys by the opclass's functions, through ginExtractEntries */
static void
add_row_generic(SortedBuild *b, ItemPointer tid, Datum value, bool isnull)
{
	MemoryContext old = MemoryContextSwitchTo(b->funcCtx);
	int32		nentries;
	GinNullCategory *cats;
	Datum	   *entries = ginExtractEntries(&b->ginstate, 1, value, isnull,
											&nentries, &cats);
	uint64		row;
	int32		i;

	MemoryContextSwitchTo(b->buildCtx);
	row = new_row(b, tid, nentries);
	for (i = 0; i < nentries; i++)
	{
		if (cats[i] == GIN_CAT_NORM_KEY)
			b->pairs[b->npairs++] = pair(DatumGetInt32(entries[i]), row);
		else
			add_special(b, cats[i], tid);
	}
	b->indtuples += nentries;
	MemoryContextSwitchTo(old);
}

/*
 * A row's keys straight from zh_search_ops's extraction: the keys
 * zh_gin_extract_value would return, already sorted and unique, so what
 * ginExtractEntries adds (Datums, a sort through the function manager, a
 * NULL's or an empty text's placeholder entry) is done here without it.
 */
static void
add_row_direct(SortedBuild *b, ItemPointer tid, Datum value, bool isnull)
{
	MemoryContext old = MemoryContextSwitchTo(b->funcCtx);
	int32_t    *keys = NULL;
	size_t		n = 0,
				i;
	uint64		row;

	if (!isnull)
		n = zh_gin_doc_keys(b->direct_fn, DatumGetTextPP(value), &keys);
	MemoryContextSwitchTo(b->buildCtx);
	row = new_row(b, tid, n);
	for (i = 0; i < n; i++)
		b->pairs[b->npairs++] = pair(keys[i], row);
	if (n == 0)
		add_special(b, isnull ? GIN_CAT_NULL_ITEM : GIN_CAT_EMPTY_ITEM, tid);
	b->indtuples += Max(n, 1);
	if (keys)
		na_free(keys);
	MemoryContextSwitchTo(old);
}

static void
sorted_build_callback(Relation index, ItemPointer tid, Datum *values,
					  bool *isnull, bool tupleIsAlive, void *state)
{
	SortedBuild *b = (SortedBuild *) state;

	if (OidIsValid(b->direct_fn))
		add_row_direct(b, tid, values[0], isnull[0]);
	else
		add_row_generic(b, tid, values[0], isnull[0]);
	MemoryContextReset(b->funcCtx);

	if (b->npairs * PAIR_BYTES + (Size) b->nrows * sizeof(ItemPointerData) >= b->budget ||
		b->nrows == PG_UINT32_MAX)
		flush_pairs(b);
}

/* the metapage and an empty root leaf, as GIN's build starts */
static void
init_index_pages(Relation index, GinStatsData *stats)
{
	Buffer		meta = GinNewBuffer(index);
	Buffer		root = GinNewBuffer(index);

	START_CRIT_SECTION();
	GinInitMetabuffer(meta);
	MarkBufferDirty(meta);
	GinInitBuffer(root, GIN_LEAF);
	MarkBufferDirty(root);
	UnlockReleaseBuffer(meta);
	UnlockReleaseBuffer(root);
	END_CRIT_SECTION();
	stats->nEntryPages++;
}

static IndexBuildResult *
zh_gin_build(Relation heap, Relation index, IndexInfo *indexInfo)
{
	SortedBuild *b;
	MemoryContext buildCtx,
				old;
	IndexBuildResult *result;
	double		reltuples;

	if (RelationGetNumberOfBlocks(index) != 0)
		elog(ERROR, "index \"%s\" already contains data",
			 RelationGetRelationName(index));
	buildCtx = AllocSetContextCreate(CurrentMemoryContext, "zh_gin build",
									 ALLOCSET_DEFAULT_SIZES);
	old = MemoryContextSwitchTo(buildCtx);
	b = palloc0(sizeof(SortedBuild));
	initGinState(&b->ginstate, index);
	if (!sortable_index(&b->ginstate))
	{
		MemoryContextSwitchTo(old);
		MemoryContextDelete(buildCtx);
		return ginbuild(heap, index, indexInfo);
	}
	init_index_pages(index, &b->stats);
	b->buildCtx = buildCtx;
	b->funcCtx = AllocSetContextCreate(buildCtx, "zh_gin build, one row",
									   ALLOCSET_DEFAULT_SIZES);
	b->insertCtx = AllocSetContextCreate(buildCtx, "zh_gin build, one key",
										 ALLOCSET_DEFAULT_SIZES);
	b->rows_sorted = true;
	b->budget = (Size) maintenance_work_mem * 1024;
	if (b->ginstate.extractValueFn[0].fn_addr == zh_gin_extract_value)
		b->direct_fn = b->ginstate.extractValueFn[0].fn_oid;

	/* no synchronized scan: rows come in TID order (as ginbuild) */
	reltuples = table_index_build_scan(heap, index, indexInfo, false, true,
									   sorted_build_callback, b, NULL);
	flush_pairs(b);

	b->stats.nTotalPages = RelationGetNumberOfBlocks(index);
	ginUpdateStats(index, &b->stats, true);
	/* the pages were written without WAL: log them whole, as ginbuild */
	if (RelationNeedsWAL(index))
		log_newpage_range(index, MAIN_FORKNUM, 0,
						  RelationGetNumberOfBlocks(index), true);

	MemoryContextSwitchTo(old);
	result = (IndexBuildResult *) palloc(sizeof(IndexBuildResult));
	result->heap_tuples = reltuples;
	result->index_tuples = b->indtuples;
	MemoryContextDelete(buildCtx);
	return result;
}

bool
zh_gin_family_index(Relation index)
{
	return index->rd_rel->relkind == RELKIND_INDEX &&
		(index->rd_rel->relam == GIN_AM_OID ||
		 index->rd_indam->ambuild == zh_gin_build);
}

Datum
zh_gin_handler(PG_FUNCTION_ARGS)
{
	IndexAmRoutine *routine = (IndexAmRoutine *)
		DatumGetPointer(DirectFunctionCall1(ginhandler, (Datum) 0));

	routine->ambuild = zh_gin_build;
#if PG_VERSION_NUM >= 170000
	/* the sorted build runs in one backend */
	routine->amcanbuildparallel = false;
#endif
	PG_RETURN_POINTER(routine);
}

/*
 * Move a zh_gin or GIN index's pending list into its main structure, as
 * gin_clean_pending_list() does for GIN: the owner only, not in recovery,
 * nothing done for an index that is not valid.  Returns the pending list's
 * pages deleted.
 */
Datum
zh_gin_clean_pending_list(PG_FUNCTION_ARGS)
{
	Oid			indexoid = PG_GETARG_OID(0);
	Relation	index = index_open(indexoid, RowExclusiveLock);
	IndexBulkDeleteResult stats;

	if (RecoveryInProgress())
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("recovery is in progress"),
				 errhint("A pending list cannot be cleaned up during recovery.")));
	if (!zh_gin_family_index(index))
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not a zh_gin or GIN index",
						RelationGetRelationName(index))));
	if (RELATION_IS_OTHER_TEMP(index))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("cannot access temporary indexes of other sessions")));
#if PG_VERSION_NUM >= 160000
	if (!object_ownercheck(RelationRelationId, indexoid, GetUserId()))
#else
	if (!pg_class_ownercheck(indexoid, GetUserId()))
#endif
		aclcheck_error(ACLCHECK_NOT_OWNER, OBJECT_INDEX,
					   RelationGetRelationName(index));

	memset(&stats, 0, sizeof(stats));
	if (index->rd_index->indisvalid)
	{
		GinState	ginstate;

		initGinState(&ginstate, index);
		ginInsertCleanup(&ginstate, true, true, true, &stats);
	}
	index_close(index, RowExclusiveLock);
	PG_RETURN_INT64((int64) stats.pages_deleted);
}

/*
 * The pending list of a zh_gin or GIN index, from its metapage: pages and
 * heap rows waiting to be merged (as pgstatginindex shows for GIN).  Readers
 * of the indexed table may ask.
 */
Datum
zh_gin_pending(PG_FUNCTION_ARGS)
{
	Oid			indexoid = PG_GETARG_OID(0);
	Relation	index = index_open(indexoid, AccessShareLock);
	TupleDesc	tupdesc;
	Datum		values[2];
	bool		nulls[2] = {false, false};
	Buffer		buffer;
	GinMetaPageData *meta;
	AclResult	acl;

	if (!zh_gin_family_index(index))
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not a zh_gin or GIN index",
						RelationGetRelationName(index))));
	if (RELATION_IS_OTHER_TEMP(index))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("cannot access temporary indexes of other sessions")));
	acl = pg_class_aclcheck(index->rd_index->indrelid, GetUserId(), ACL_SELECT);
	if (acl != ACLCHECK_OK)
		aclcheck_error(acl, OBJECT_TABLE, get_rel_name(index->rd_index->indrelid));
	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");

	buffer = ReadBuffer(index, GIN_METAPAGE_BLKNO);
	LockBuffer(buffer, GIN_SHARE);
	meta = GinPageGetMeta(BufferGetPage(buffer));
	values[0] = Int64GetDatum((int64) meta->nPendingPages);
	values[1] = Int64GetDatum(meta->nPendingHeapTuples);
	UnlockReleaseBuffer(buffer);
	index_close(index, AccessShareLock);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
