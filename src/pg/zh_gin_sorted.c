/*
 * zh_gin_sorted.c
 *	  The zh_gin build's accumulator: every row's keys become 64-bit
 *	  (key, row) pairs, radix-sorted by key when they fill
 *	  maintenance_work_mem or the table is read, and each key's rows are
 *	  written into the entry tree written bottom-up (zh_gin_tree.c), or,
 *	  when the pairs do not fit in memory at once, into sorted runs merged
 *	  at the end (zh_gin_runs.c).  And how a row's keys are taken: straight
 *	  from zh_search_ops's extraction, or through ginExtractEntries for any
 *	  other operator class with int4 keys.
 */
#include "postgres.h"

#include <sys/mman.h>

#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/fmgroids.h"
#include "utils/memutils.h"

#include "na_port.h"
#include "pg_zh_gin_build.h"
#include "pg_zh_search.h"

/*
 * A pair is (key with its sign bit flipped) << 32 | row: unsigned order of
 * the high half is btint4cmp's order of the keys, and rows are numbered in
 * the order they come, which is TID order (the table read from its first
 * block; parallel participants' rows merged by TID), so a stable sort by
 * the high half leaves each key's rows in TID order.  A HOT chain's row
 * comes under its root's TID, which can be out of that order: then each
 * key's rows are sorted before they are written.
 */
struct SortedBuild
{
	GinState   *ginstate;
	GinStatsData *stats;
	MemoryContext buildCtx;		/* the arrays below */
	uint64	   *pairs;
	size_t		npairs;
	size_t		maxpairs;
	ItemPointerData *rows;		/* row number -> heap TID */
	uint32		nrows;
	uint32		maxrows;
	bool		rows_sorted;	/* rows came in TID order */
	ZgRuns	   *runs;			/* sorted runs, when the pairs did not fit */
	ItemPointerData *special[GIN_CAT_NULL_ITEM + 1];	/* rows by category */
	uint32		nspecial[GIN_CAT_NULL_ITEM + 1];
	uint32		maxspecial[GIN_CAT_NULL_ITEM + 1];
	Size		budget;			/* bytes of pairs, sort buffer and rows */
	double		indtuples;
};

#define PAIR_BYTES	(2 * sizeof(uint64))	/* a pair and its sort buffer */

bool
zg_sortable_index(GinState *ginstate)
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

/*
 * The rows of one key or category, put in TID order, into the tree or a
 * sorted run
 */
static void
emit_rows(SortedBuild *b, ZgTree *tree, Datum key, GinNullCategory category,
		  ItemPointerData *list, uint32 n)
{
	if (n == 0)
		return;
	if (!b->rows_sorted && n > 1)
		qsort(list, n, sizeof(ItemPointerData), tid_cmp);
	if (tree)
		zg_tree_add(tree, key, category, list, n);
	else
		zg_run_write(b->runs, DatumGetInt32(key), category, list, n);
}

/*
 * Sort what has been collected and write it: the whole index when it is the
 * last round and no run was written before, else a sorted run; start again
 */
static void
flush_pairs(SortedBuild *b, bool last)
{
	MemoryContext old = MemoryContextSwitchTo(b->buildCtx);
	uint64	   *tmp = alloc_big(Max(b->npairs, 1) * sizeof(uint64));
	uint64	   *sorted = sort_pairs(b->pairs, tmp, b->npairs);
	ItemPointerData *list = MemoryContextAllocHuge(CurrentMemoryContext,
												   Max(b->nrows, 1) * sizeof(ItemPointerData));
	size_t		i,
				j;
	int			cat;
	ZgTree	   *tree = NULL;

	if (last && b->runs == NULL)
		tree = zg_tree_begin(b->ginstate->index, b->ginstate, b->stats);
	else
	{
		if (b->runs == NULL)
			b->runs = zg_runs_create();
		zg_run_begin(b->runs);
	}
	for (i = 0; i < b->npairs; i = j)
	{
		uint32		high = (uint32) (sorted[i] >> 32);
		uint32		n = 0;

		/* a row has a key once (ginExtractEntries), so n <= nrows */
		for (j = i; j < b->npairs && (uint32) (sorted[j] >> 32) == high; j++)
			list[n++] = b->rows[(uint32) sorted[j]];
		emit_rows(b, tree, Int32GetDatum((int32) (high ^ 0x80000000U)),
				  GIN_CAT_NORM_KEY, list, n);
	}
	for (cat = GIN_CAT_NULL_KEY; cat <= GIN_CAT_NULL_ITEM; cat++)
	{
		emit_rows(b, tree, (Datum) 0, (GinNullCategory) cat,
				  b->special[cat], b->nspecial[cat]);
		b->nspecial[cat] = 0;
	}
	if (tree)
		zg_tree_end(tree);
	else
		zg_run_end(b->runs);
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

void
zg_sorted_add(SortedBuild *b, ItemPointer tid, const int32 *keys, size_t n,
			  uint8 specials)
{
	MemoryContext old = MemoryContextSwitchTo(b->buildCtx);
	uint64		row = new_row(b, tid, n);
	size_t		i;
	int			cat;

	for (i = 0; i < n; i++)
		b->pairs[b->npairs++] = pair(keys[i], row);
	for (cat = GIN_CAT_NULL_KEY; cat <= GIN_CAT_NULL_ITEM; cat++)
		if (specials & (1 << cat))
		{
			add_special(b, (GinNullCategory) cat, tid);
			b->indtuples++;
		}
	b->indtuples += n;
	MemoryContextSwitchTo(old);

	if (b->npairs * PAIR_BYTES + (Size) b->nrows * sizeof(ItemPointerData) >= b->budget ||
		b->nrows == PG_UINT32_MAX)
		flush_pairs(b, false);
}

SortedBuild *
zg_sorted_begin(Relation index, GinState *ginstate, GinStatsData *stats)
{
	MemoryContext ctx = AllocSetContextCreate(CurrentMemoryContext, "zh_gin build",
											  ALLOCSET_DEFAULT_SIZES);
	SortedBuild *b = MemoryContextAllocZero(ctx, sizeof(SortedBuild));

	b->ginstate = ginstate;
	b->stats = stats;
	b->buildCtx = ctx;
	b->rows_sorted = true;
	b->budget = (Size) maintenance_work_mem * 1024;
	return b;
}

/*
 * Room for about this many pairs at once, within maintenance_work_mem: an
 * array doubled as it fills was copied (glibc moves a chunk below its mmap
 * threshold) into fresh pages every time, a tenth of a build.
 */
void
zg_sorted_reserve(SortedBuild *b, double pairs)
{
	size_t		n = (size_t) Min(pairs, (double) (b->budget / PAIR_BYTES));
	MemoryContext old;

	if (n <= b->maxpairs)
		return;
	old = MemoryContextSwitchTo(b->buildCtx);
	if (b->pairs)
	{
		b->pairs = repalloc_huge(b->pairs, n * sizeof(uint64));
		advise_huge(b->pairs, n * sizeof(uint64));
	}
	else
		b->pairs = alloc_big(n * sizeof(uint64));
	b->maxpairs = n;
	MemoryContextSwitchTo(old);
}

double
zg_sorted_end(SortedBuild *b)
{
	double		indtuples;
	MemoryContext old;

	flush_pairs(b, true);
	if (b->runs)
	{
		ZgTree	   *tree;

		/* the pairs' memory first: the merge needs little */
		pfree(b->pairs);
		b->pairs = NULL;
		old = MemoryContextSwitchTo(b->buildCtx);
		tree = zg_tree_begin(b->ginstate->index, b->ginstate, b->stats);
		zg_runs_merge(b->runs, tree);
		zg_tree_end(tree);
		MemoryContextSwitchTo(old);
	}
	indtuples = b->indtuples;
	MemoryContextDelete(b->buildCtx);
	return indtuples;
}

void
zg_extractor_init(ZgExtractor *x, GinState *ginstate, MemoryContext parent)
{
	memset(x, 0, sizeof(*x));
	x->ginstate = ginstate;
	x->funcCtx = AllocSetContextCreate(parent, "zh_gin build, one row",
									   ALLOCSET_DEFAULT_SIZES);
	if (ginstate->extractValueFn[0].fn_addr == zh_gin_extract_value)
		x->direct_fn = ginstate->extractValueFn[0].fn_oid;
}

/*
 * On the direct path the keys are zh_gin_extract_value's, already sorted
 * and unique, and a NULL or an empty text gets the placeholder entry that
 * ginExtractEntries would give it; otherwise ginExtractEntries does it all.
 */
void
zg_extract(ZgExtractor *x, Datum value, bool isnull)
{
	MemoryContext old;

	MemoryContextReset(x->funcCtx);
	old = MemoryContextSwitchTo(x->funcCtx);
	x->keys = NULL;
	x->nkeys = 0;
	x->specials = 0;
	if (OidIsValid(x->direct_fn))
	{
		int32_t    *keys = NULL;

		if (!isnull)
			x->nkeys = zh_gin_doc_keys(x->direct_fn, DatumGetTextPP(value), &keys);
		x->keys = (int32 *) keys;
		if (x->nkeys == 0)
			x->specials = isnull ? ZG_NULL_ITEM : ZG_EMPTY_ITEM;
	}
	else
	{
		int32		nentries,
					i;
		GinNullCategory *cats;
		Datum	   *entries = ginExtractEntries(x->ginstate, 1, value, isnull,
												&nentries, &cats);

		x->keys = palloc(sizeof(int32) * Max(nentries, 1));
		for (i = 0; i < nentries; i++)
		{
			if (cats[i] == GIN_CAT_NORM_KEY)
				x->keys[x->nkeys++] = DatumGetInt32(entries[i]);
			else
				x->specials |= 1 << cats[i];
		}
	}
	MemoryContextSwitchTo(old);
}

void
zg_sink_init(ZgRowSink *s, GinState *ginstate, SortedBuild *b)
{
	zg_extractor_init(&s->x, ginstate, CurrentMemoryContext);
	s->b = b;
}

/* a table_index_build_scan callback: the row's keys into the accumulator */
void
zg_sink_row(Relation index, ItemPointer tid, Datum *values, bool *isnull,
			bool tupleIsAlive, void *state)
{
	ZgRowSink  *s = (ZgRowSink *) state;

	zg_extract(&s->x, values[0], isnull[0]);
	zg_sorted_add(s->b, tid, s->x.keys, s->x.nkeys, s->x.specials);
}

void
zg_sink_done(ZgRowSink *s)
{
	MemoryContextDelete(s->x.funcCtx);
}
