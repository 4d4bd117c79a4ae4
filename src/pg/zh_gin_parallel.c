/*
 * zh_gin_parallel.c
 *	  The zh_gin build's table read by parallel workers beside the backend
 *	  that builds (PostgreSQL 15's GIN builds in one backend).
 *
 * Reading the table and taking each row's keys is most of a build (the
 * keys of Chinese text: about 230,000 (key, row) pairs a MB).  Every
 * participant (the building backend, number 0, and each worker) takes
 * blocks from one parallel scan, from the table's first block on, and
 * writes each row it reads, its TID and keys, to a file of its own in a
 * shared file set; so each file is in TID order.  When all are done, the
 * building backend merges the files by TID into the sorted accumulator
 * (src/pg/zh_gin_sorted.c), which writes the index as a serial build does:
 * the same pages.  (Sorting in each participant and merging sorted runs
 * instead was tried: the runs' files cost more than the sort it took off
 * the building backend; bench/ingest.md.)
 *
 * Used when the index's expressions are parallel safe, the table is not
 * temporary, the build is not CONCURRENTLY, and the table with its TOAST
 * (where Chinese bodies live) is at least min_parallel_table_scan_size;
 * workers as PostgreSQL plans them for a table scan (one more for every
 * three times that size), at most max_parallel_maintenance_workers.
 */
#include "postgres.h"

#include <math.h>

#include "access/parallel.h"
#include "access/relscan.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/index.h"
#include "catalog/pg_class.h"
#include "miscadmin.h"
#include "portability/instr_time.h"
#include "nodes/pathnodes.h"
#include "optimizer/clauses.h"
#include "optimizer/paths.h"
#include "storage/buffile.h"
#include "storage/sharedfileset.h"
#include "storage/spin.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"

#include "pg_zh_gin_build.h"

#define ZG_KEY_SHARED	UINT64CONST(0x7A68676900000001)

typedef struct ZgShared
{
	Oid			heaprelid;
	Oid			indexrelid;
	slock_t		mutex;
	double		reltuples;		/* the workers' rows, summed */
	SharedFileSet fileset;
	/* the parallel table scan follows, BUFFERALIGNed */
} ZgShared;

#define ZgSharedScan(s) \
	((ParallelTableScanDesc) ((char *) (s) + BUFFERALIGN(sizeof(ZgShared))))

/* a row in a participant's file, its keys after it */
typedef struct ZgRowHead
{
	ItemPointerData tid;
	uint8		specials;
	uint32		nkeys;
} ZgRowHead;

typedef struct ZgWriter
{
	ZgExtractor x;
	BufFile    *file;
} ZgWriter;

PGDLLEXPORT void zh_gin_build_worker(dsm_segment *seg, shm_toc *toc);

static void
write_row(Relation index, ItemPointer tid, Datum *values, bool *isnull,
		  bool tupleIsAlive, void *state)
{
	ZgWriter   *w = (ZgWriter *) state;
	ZgRowHead	h;

	zg_extract(&w->x, values[0], isnull[0]);
	memset(&h, 0, sizeof(h));	/* no padding bytes left undefined */
	h.tid = *tid;
	h.specials = w->x.specials;
	h.nkeys = (uint32) w->x.nkeys;
	BufFileWrite(w->file, &h, sizeof(h));
	if (h.nkeys > 0)
		BufFileWrite(w->file, w->x.keys, sizeof(int32) * h.nkeys);
}

static void
file_name(char *name, size_t size, int participant)
{
	snprintf(name, size, "zh_gin.%d", participant);
}

/* one participant's share of the table, into its file */
static double
scan_to_file(Relation heap, Relation index, IndexInfo *indexInfo,
			 ZgShared *shared, int participant)
{
	GinState	ginstate;
	ZgWriter	w;
	char		name[MAXPGPATH];
	TableScanDesc scan;
	double		reltuples;

	initGinState(&ginstate, index);
	zg_extractor_init(&w.x, &ginstate, CurrentMemoryContext);
	file_name(name, sizeof(name), participant);
	w.file = BufFileCreateFileSet(&shared->fileset.fs, name);
	scan = table_beginscan_parallel(heap, ZgSharedScan(shared));
	reltuples = table_index_build_scan(heap, index, indexInfo, true,
									   participant == 0, write_row, &w, scan);
	BufFileClose(w.file);
	MemoryContextDelete(w.x.funcCtx);
	return reltuples;
}

void
zh_gin_build_worker(dsm_segment *seg, shm_toc *toc)
{
	ZgShared   *shared = shm_toc_lookup(toc, ZG_KEY_SHARED, false);
	/* the locks of a CREATE INDEX (the leader's lock group holds them) */
	Relation	heap = table_open(shared->heaprelid, ShareLock);
	Relation	index = index_open(shared->indexrelid, AccessExclusiveLock);
	IndexInfo  *indexInfo = BuildIndexInfo(index);
	double		reltuples;

	SharedFileSetAttach(&shared->fileset, seg);
	reltuples = scan_to_file(heap, index, indexInfo, shared,
							 ParallelWorkerNumber + 1);
	SpinLockAcquire(&shared->mutex);
	shared->reltuples += reltuples;
	SpinLockRelease(&shared->mutex);
	index_close(index, AccessExclusiveLock);
	table_close(heap, ShareLock);
}

/* one participant's file while it is merged */
typedef struct ZgStream
{
	BufFile    *file;
	ZgRowHead	head;
	bool		live;
} ZgStream;

static void
next_head(ZgStream *s)
{
	s->live = zg_read_head(s->file, &s->head, sizeof(s->head),
						   "a worker's rows");
}

/* the participants' files, merged by TID, into b */
static void
merge_files(ZgShared *shared, int nparticipants, SortedBuild *b)
{
	ZgStream   *s = palloc0(sizeof(ZgStream) * nparticipants);
	int32	   *keys = NULL;
	size_t		cap = 0;
	uint64		nread = 0;
	int			i;
	double		bytes = 0;

	for (i = 0; i < nparticipants; i++)
	{
		char		name[MAXPGPATH];

		file_name(name, sizeof(name), i);
		s[i].file = BufFileOpenFileSet(&shared->fileset.fs, name, O_RDONLY, true);
		s[i].live = s[i].file != NULL;
		if (s[i].live)
		{
			bytes += BufFileSize(s[i].file);
			next_head(&s[i]);
		}
	}
	/* the files hold 4 bytes a key and a little more a row */
	zg_sorted_reserve(b, bytes / sizeof(int32));
	for (;;)
	{
		ZgStream   *min = NULL;

		for (i = 0; i < nparticipants; i++)
			if (s[i].live &&
				(min == NULL || ItemPointerCompare(&s[i].head.tid, &min->head.tid) < 0))
				min = &s[i];
		if (min == NULL)
			break;
		if (min->head.nkeys > cap)
		{
			cap = Max((size_t) min->head.nkeys, cap * 2);
			keys = keys ? repalloc_huge(keys, cap * sizeof(int32))
				: MemoryContextAllocHuge(CurrentMemoryContext, cap * sizeof(int32));
		}
		if (min->head.nkeys > 0)
			zg_read_exact(min->file, keys, sizeof(int32) * min->head.nkeys,
						  "a worker's rows");
		zg_sorted_add(b, &min->head.tid, keys, min->head.nkeys, min->head.specials);
		next_head(min);
		if ((++nread & 1023) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	for (i = 0; i < nparticipants; i++)
		if (s[i].file)
			BufFileClose(s[i].file);
	if (keys)
		pfree(keys);
	pfree(s);
}

/* the building backend alone, through the parallel scan: rows into b */
static double
scan_alone(Relation heap, Relation index, IndexInfo *indexInfo,
		   ZgShared *shared, SortedBuild *b, GinState *ginstate)
{
	ZgRowSink	sink;
	double		reltuples;

	zg_sink_init(&sink, ginstate, b);
	reltuples = table_index_build_scan(heap, index, indexInfo, true, true,
									   zg_sink_row, &sink,
									   table_beginscan_parallel(heap, ZgSharedScan(shared)));
	zg_sink_done(&sink);
	return reltuples;
}

double
zg_parallel_scan(Relation heap, Relation index, IndexInfo *indexInfo,
				 SortedBuild *b, GinState *ginstate, int nworkers)
{
	ParallelContext *pcxt;
	Size		size;
	ZgShared   *shared;
	ParallelTableScanDesc pscan;
	double		reltuples;

	EnterParallelMode();
	pcxt = CreateParallelContext("$libdir/news_archive", "zh_gin_build_worker",
								 nworkers);
	size = BUFFERALIGN(sizeof(ZgShared)) + table_parallelscan_estimate(heap, SnapshotAny);
	shm_toc_estimate_chunk(&pcxt->estimator, size);
	shm_toc_estimate_keys(&pcxt->estimator, 1);
	InitializeParallelDSM(pcxt);
	if (pcxt->seg == NULL)
	{
		/* no dynamic shared memory: read it alone */
		DestroyParallelContext(pcxt);
		ExitParallelMode();
		return -1;
	}
	shared = shm_toc_allocate(pcxt->toc, size);
	memset(shared, 0, sizeof(ZgShared));
	shared->heaprelid = RelationGetRelid(heap);
	shared->indexrelid = RelationGetRelid(index);
	SpinLockInit(&shared->mutex);
	SharedFileSetInit(&shared->fileset, pcxt->seg);
	pscan = ZgSharedScan(shared);
	/* not a CONCURRENTLY build: every tuple, as a serial build reads them */
	table_parallelscan_initialize(heap, pscan, SnapshotAny);
	/* from the first block: each participant's rows in TID order */
	pscan->phs_syncscan = false;
	shm_toc_insert(pcxt->toc, ZG_KEY_SHARED, shared);

	LaunchParallelWorkers(pcxt);
	if (pcxt->nworkers_launched == 0)
	{
		reltuples = scan_alone(heap, index, indexInfo, shared, b, ginstate);
		WaitForParallelWorkersToFinish(pcxt);
	}
	else
	{
		instr_time	start,
					read,
					merged;

		INSTR_TIME_SET_CURRENT(start);
		reltuples = scan_to_file(heap, index, indexInfo, shared, 0);
		WaitForParallelWorkersToFinish(pcxt);
		INSTR_TIME_SET_CURRENT(read);
		reltuples += shared->reltuples;
		merge_files(shared, pcxt->nworkers_launched + 1, b);
		INSTR_TIME_SET_CURRENT(merged);
		INSTR_TIME_SUBTRACT(merged, read);
		INSTR_TIME_SUBTRACT(read, start);
		ereport(DEBUG1,
				(errmsg_internal("zh_gin build of \"%s\": table read by %d workers and this backend in %.1f ms, merged in %.1f ms",
								 RelationGetRelationName(index), pcxt->nworkers_launched,
								 INSTR_TIME_GET_MILLISEC(read), INSTR_TIME_GET_MILLISEC(merged))));
	}
	DestroyParallelContext(pcxt);
	ExitParallelMode();
	return reltuples;
}

/* are the index's expressions and predicate safe in a parallel worker? */
static bool
parallel_safe_index(Relation index)
{
	PlannerInfo *root = makeNode(PlannerInfo);
	Query	   *query = makeNode(Query);

	query->commandType = CMD_SELECT;
	root->parse = query;
	root->glob = makeNode(PlannerGlobal);
	root->query_level = 1;
	root->planner_cxt = CurrentMemoryContext;
	root->wt_param_id = -1;
	return is_parallel_safe(root, (Node *) RelationGetIndexExpressions(index)) &&
		is_parallel_safe(root, (Node *) RelationGetIndexPredicate(index));
}

double
zg_table_blocks(Relation heap)
{
	double		blocks = RelationGetNumberOfBlocks(heap);

	if (OidIsValid(heap->rd_rel->reltoastrelid))
	{
		Relation	toast = table_open(heap->rd_rel->reltoastrelid, AccessShareLock);

		blocks += RelationGetNumberOfBlocks(toast);
		table_close(toast, AccessShareLock);
	}
	return blocks;
}

int
zg_parallel_workers(Relation heap, Relation index, IndexInfo *indexInfo,
					double blocks)
{
	double		threshold = Max(min_parallel_table_scan_size, 1);
	int			workers;

	if (!IsUnderPostmaster || max_parallel_maintenance_workers <= 0 ||
		indexInfo->ii_Concurrent || IsInParallelMode() ||
		heap->rd_rel->relpersistence == RELPERSISTENCE_TEMP ||
		!parallel_safe_index(index))
		return 0;
	if (blocks < threshold)
		return 0;
	/* as compute_parallel_worker: one more each time the size triples */
	workers = 1 + (int) floor(log(blocks / threshold) / log(3.0));
	return Min(workers, max_parallel_maintenance_workers);
}
