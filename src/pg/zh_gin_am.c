/*
 * zh_gin_am.c
 *	  The zh_gin index access method: PostgreSQL's GIN, in GIN's page format,
 *	  with a build that sorts its (key, row) pairs instead of feeding them
 *	  one at a time to GIN's red-black tree.
 *
 * GIN's own build (ginbuild) collects every key of every row in a balanced
 * tree, one comparison through the function manager per level per pair.  A
 * search index keeps a few hundred keys a row (bigrams), so on 16,818
 * articles the tree took about two thirds of CREATE INDEX (bench/ingest.md).
 * Where the index has one column whose keys are int4 in btint4cmp order
 * (zh_search_ops, zh_rank_ops), this build appends each row's keys to an
 * array of 64-bit (key, row) pairs, radix-sorts it by key when it fills
 * maintenance_work_mem or the scan ends, and writes the entry tree
 * bottom-up from the sorted keys (zh_gin_tree.c; a later round, when the
 * pairs did not fit in memory at once, goes through ginEntryInsert, as
 * GIN's build does).  Every other index (more columns, other key types) is built by
 * ginbuild itself.  Scans, inserts, the pending list, VACUUM and WAL replay
 * are GIN's: the handler returns GIN's routine with ambuild replaced.
 *
 * This file holds the handler and the build's steps; the accumulator and
 * the keys of a row are in zh_gin_sorted.c, the tree written bottom-up in
 * zh_gin_tree.c, the table read by parallel workers in zh_gin_parallel.c.
 *
 * gin_clean_pending_list() and pgstattuple's pgstatginindex() accept GIN
 * indexes only (they test the access method's OID), so
 * zh_gin_clean_pending_list() and zh_gin_pending() do the same for both.
 */
#include "postgres.h"

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
#include "pg_zh_gin_build.h"
#include "pg_zh_search.h"

PG_FUNCTION_INFO_V1(zh_gin_handler);
PG_FUNCTION_INFO_V1(zh_gin_clean_pending_list);
PG_FUNCTION_INFO_V1(zh_gin_pending);

/* the table read by this backend alone */
static double
serial_scan(Relation heap, Relation index, IndexInfo *indexInfo,
			SortedBuild *b, GinState *ginstate)
{
	ZgRowSink	sink;
	double		reltuples;

	zg_sink_init(&sink, ginstate, b);
	/* no synchronized scan: rows come in TID order (as ginbuild) */
	reltuples = table_index_build_scan(heap, index, indexInfo, false, true,
									   zg_sink_row, &sink, NULL);
	zg_sink_done(&sink);
	return reltuples;
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
	GinState	ginstate;
	GinStatsData stats;
	SortedBuild *b;
	IndexBuildResult *result;
	double		reltuples = -1;
	double		blocks;
	int			nworkers;

	if (RelationGetNumberOfBlocks(index) != 0)
		elog(ERROR, "index \"%s\" already contains data",
			 RelationGetRelationName(index));
	initGinState(&ginstate, index);
	if (!zg_sortable_index(&ginstate))
		return ginbuild(heap, index, indexInfo);
	memset(&stats, 0, sizeof(stats));
	init_index_pages(index, &stats);

	b = zg_sorted_begin(index, &ginstate, &stats);
	blocks = zg_table_blocks(heap);
	nworkers = zg_parallel_workers(heap, index, indexInfo, blocks);
	/* Chinese text: about 0.23 pairs a byte (the table's blocks hold more) */
	if (nworkers == 0)
		zg_sorted_reserve(b, blocks * BLCKSZ * 0.3);
	if (nworkers > 0)
		reltuples = zg_parallel_scan(heap, index, indexInfo, b, &ginstate, nworkers);
	if (reltuples < 0)
		reltuples = serial_scan(heap, index, indexInfo, b, &ginstate);

	result = (IndexBuildResult *) palloc(sizeof(IndexBuildResult));
	result->heap_tuples = reltuples;
	result->index_tuples = zg_sorted_end(b);

	stats.nTotalPages = RelationGetNumberOfBlocks(index);
	ginUpdateStats(index, &stats, true);
	/* the pages were written without WAL: log them whole, as ginbuild */
	if (RelationNeedsWAL(index))
		log_newpage_range(index, MAIN_FORKNUM, 0,
						  RelationGetNumberOfBlocks(index), true);
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

/* a zh_gin or GIN index of this session or a permanent one, opened */
static Relation
open_gin_index(Oid indexoid, LOCKMODE lockmode)
{
	Relation	index = index_open(indexoid, lockmode);

	if (!zh_gin_family_index(index))
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("\"%s\" is not a zh_gin or GIN index",
						RelationGetRelationName(index))));
	if (RELATION_IS_OTHER_TEMP(index))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("cannot access temporary indexes of other sessions")));
	return index;
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
	Relation	index = open_gin_index(indexoid, RowExclusiveLock);
	IndexBulkDeleteResult stats;

	if (RecoveryInProgress())
		ereport(ERROR,
				(errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
				 errmsg("recovery is in progress"),
				 errhint("A pending list cannot be cleaned up during recovery.")));
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
	Relation	index = open_gin_index(indexoid, AccessShareLock);
	TupleDesc	tupdesc;
	Datum		values[2];
	bool		nulls[2] = {false, false};
	Buffer		buffer;
	GinMetaPageData *meta;
	AclResult	acl;

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
