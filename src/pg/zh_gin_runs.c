/*
 * zh_gin_runs.c
 *	  Sorted runs of a zh_gin build too large for maintenance_work_mem: each
 *	  time the (key, row) pairs fill it, they are sorted and written, key by
 *	  key with each key's rows in TID order, to a temporary file; at the end
 *	  the runs are merged by key, each key's rows merged by TID, into the
 *	  entry tree written bottom-up (zh_gin_tree.c).
 *
 * So a build of any size writes its tree in one pass, where inserting the
 * later rounds key by key with ginEntryInsert (as GIN's build does) cost a
 * descent from the root and a search of a leaf a key, and split pages
 * (bench/ingest.md).
 *
 * A run is a temporary file of records: a ZgRunHead (key, category,
 * number of rows), then the rows' TIDs.  Records come in GIN's entry order:
 * normal keys by btint4cmp, then the null categories.  Rows of different
 * runs are different rows, so a TID is in one run only.
 */
#include "postgres.h"

#include "lib/binaryheap.h"
#include "miscadmin.h"
#include "storage/buffile.h"
#include "utils/memutils.h"

#include "pg_zh_gin_build.h"

typedef struct ZgRunHead
{
	int32		key;
	uint32		n;
	uint8		category;
	uint8		pad[3];
} ZgRunHead;

/* one run while it is merged */
typedef struct ZgRun
{
	BufFile    *file;
	ZgRunHead	head;
	bool		live;
} ZgRun;

struct ZgRuns
{
	MemoryContext ctx;
	ZgRun	   *runs;
	int			nruns;
	int			maxruns;
	BufFile    *writing;		/* the run being written */
};

ZgRuns *
zg_runs_create(void)
{
	ZgRuns	   *r = palloc0(sizeof(ZgRuns));

	r->ctx = CurrentMemoryContext;
	return r;
}

void
zg_run_begin(ZgRuns *r)
{
	MemoryContext old = MemoryContextSwitchTo(r->ctx);

	Assert(r->writing == NULL);
	if (r->nruns == r->maxruns)
	{
		r->maxruns = Max(r->maxruns * 2, 8);
		r->runs = r->runs ? repalloc(r->runs, sizeof(ZgRun) * r->maxruns)
			: palloc(sizeof(ZgRun) * r->maxruns);
	}
	r->writing = BufFileCreateTemp(false);
	MemoryContextSwitchTo(old);
}

void
zg_run_write(ZgRuns *r, int32 key, GinNullCategory category,
			 ItemPointerData *list, uint32 n)
{
	ZgRunHead	h;

	memset(&h, 0, sizeof(h));	/* no padding bytes left undefined */
	h.key = key;
	h.n = n;
	h.category = (uint8) category;
	BufFileWrite(r->writing, &h, sizeof(h));
	BufFileWrite(r->writing, list, sizeof(ItemPointerData) * n);
}

void
zg_run_end(ZgRuns *r)
{
	ZgRun	   *run = &r->runs[r->nruns++];

	run->file = r->writing;
	run->live = false;
	r->writing = NULL;
}

/* a read of a build's file that stopped short: the file is damaged */
static void
short_read(const char *what, size_t got, size_t size)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATA_CORRUPTED),
			 errmsg("zh_gin build: short read of %s (%zu of %zu bytes)",
					what, got, size)));
}

/* size bytes of a build's file (what: what it holds, for the error) */
void
zg_read_exact(BufFile *file, void *p, size_t size, const char *what)
{
	size_t		got = BufFileRead(file, p, size);

	if (got != size)
		short_read(what, got, size);
}

/* the next record's head of a build's file; false at its end */
bool
zg_read_head(BufFile *file, void *head, size_t size, const char *what)
{
	size_t		got = BufFileRead(file, head, size);

	if (got == 0)
		return false;
	if (got != size)
		short_read(what, got, size);
	return true;
}

static void
next_head(ZgRun *run)
{
	run->live = zg_read_head(run->file, &run->head, sizeof(run->head),
							 "a sorted run");
	if (run->live && run->head.category > GIN_CAT_NULL_ITEM)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("zh_gin build: a sorted run's record is damaged")));
}

/* GIN's entry order: categories (normal keys first), then btint4cmp */
static int
head_cmp(const ZgRunHead *a, const ZgRunHead *b)
{
	if (a->category != b->category)
		return a->category < b->category ? -1 : 1;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return 0;
}

/* a buffer of TIDs with room for at least n */
static ItemPointerData *
room(ItemPointerData *p, size_t *cap, size_t n)
{
	if (n <= *cap)
		return p;
	*cap = Max(n, *cap * 2);
	if (p == NULL)
		return MemoryContextAllocHuge(CurrentMemoryContext,
									  *cap * sizeof(ItemPointerData));
	return repalloc_huge(p, *cap * sizeof(ItemPointerData));
}

/* a and b, each in TID order (no TID in both), into out */
static void
merge_tids(const ItemPointerData *a, size_t na, const ItemPointerData *b,
		   size_t nb, ItemPointerData *out)
{
	size_t		i = 0,
				j = 0,
				k = 0;

	while (i < na && j < nb)
		out[k++] = ItemPointerCompare((ItemPointer) &a[i], (ItemPointer) &b[j]) < 0 ? a[i++] : b[j++];
	while (i < na)
		out[k++] = a[i++];
	while (j < nb)
		out[k++] = b[j++];
}

/* the merge's buffers: one key's rows so far, a run's rows, the merged */
typedef struct ZgMergeBufs
{
	ItemPointerData *list,
			   *in,
			   *tmp;
	size_t		list_cap,
				in_cap,
				tmp_cap;
} ZgMergeBufs;

/* this run's rows of the key, merged into the n rows in m->list */
static size_t
take_rows(ZgRun *run, ZgMergeBufs *m, size_t n)
{
	size_t		k = run->head.n;
	ItemPointerData *swap;
	size_t		cap;

	if (n == 0)
	{
		m->list = room(m->list, &m->list_cap, k);
		zg_read_exact(run->file, m->list, k * sizeof(ItemPointerData), "a sorted run");
		return k;
	}
	m->in = room(m->in, &m->in_cap, k);
	zg_read_exact(run->file, m->in, k * sizeof(ItemPointerData), "a sorted run");
	m->tmp = room(m->tmp, &m->tmp_cap, n + k);
	merge_tids(m->list, n, m->in, k, m->tmp);
	swap = m->list;
	m->list = m->tmp;
	m->tmp = swap;
	cap = m->list_cap;
	m->list_cap = m->tmp_cap;
	m->tmp_cap = cap;
	return n + k;
}

/* the heap of runs by their next record: the smallest key first */
static int
run_cmp(Datum a, Datum b, void *arg)
{
	ZgRuns	   *r = (ZgRuns *) arg;

	return -head_cmp(&r->runs[DatumGetInt32(a)].head,
					 &r->runs[DatumGetInt32(b)].head);
}

/*
 * Every run, merged by key, into the tree; the runs' files are closed and
 * the runs freed.  The runs wait in a heap by their next key, so a key
 * costs a few comparisons however many runs the build wrote.
 */
void
zg_runs_merge(ZgRuns *r, ZgTree *tree)
{
	ZgMergeBufs m;
	binaryheap *heap = binaryheap_allocate(Max(r->nruns, 1), run_cmp, r);
	uint64		nkeys = 0;
	int			i;

	memset(&m, 0, sizeof(m));
	for (i = 0; i < r->nruns; i++)
	{
		if (BufFileSeek(r->runs[i].file, 0, 0, SEEK_SET) != 0)
			ereport(ERROR,
					(errcode_for_file_access(),
					 errmsg("zh_gin build: could not rewind a sorted run")));
		next_head(&r->runs[i]);
		if (r->runs[i].live)
			binaryheap_add_unordered(heap, Int32GetDatum(i));
	}
	binaryheap_build(heap);
	while (!binaryheap_empty(heap))
	{
		ZgRunHead	min = r->runs[DatumGetInt32(binaryheap_first(heap))].head;
		size_t		n = 0;

		/* every run whose next key is this one */
		do
		{
			int			first = DatumGetInt32(binaryheap_first(heap));

			n = take_rows(&r->runs[first], &m, n);
			next_head(&r->runs[first]);
			if (r->runs[first].live)
				binaryheap_replace_first(heap, Int32GetDatum(first));
			else
				(void) binaryheap_remove_first(heap);
		} while (!binaryheap_empty(heap) &&
				 head_cmp(&r->runs[DatumGetInt32(binaryheap_first(heap))].head,
						  &min) == 0);
		zg_tree_add(tree, Int32GetDatum(min.key), (GinNullCategory) min.category,
					m.list, (uint32) n);
		if ((++nkeys & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	binaryheap_free(heap);
	for (i = 0; i < r->nruns; i++)
		BufFileClose(r->runs[i].file);
	r->nruns = 0;
	if (m.list)
		pfree(m.list);
	if (m.in)
		pfree(m.in);
	if (m.tmp)
		pfree(m.tmp);
}
