/*
 * pg_zh_gin_build.h
 *	  The zh_gin access method's sorted build, shared by its files:
 *	  src/pg/zh_gin_am.c (the handler, the build's steps),
 *	  src/pg/zh_gin_sorted.c (keys of a row; the sorted (key, row) pairs
 *	  written into the index), src/pg/zh_gin_tree.c (the entry tree written
 *	  bottom-up), src/pg/zh_gin_runs.c (sorted runs of a build larger than
 *	  maintenance_work_mem) and src/pg/zh_gin_parallel.c (the table read by
 *	  parallel workers).
 */
#ifndef PG_ZH_GIN_BUILD_H
#define PG_ZH_GIN_BUILD_H

#include "postgres.h"

#include "access/gin_private.h"
#include "nodes/execnodes.h"
#include "utils/rel.h"

/* what a row gives the index besides its normal keys (bits) */
#define ZG_NULL_KEY		(1 << GIN_CAT_NULL_KEY)
#define ZG_EMPTY_ITEM	(1 << GIN_CAT_EMPTY_ITEM)
#define ZG_NULL_ITEM	(1 << GIN_CAT_NULL_ITEM)

/* how a participant of a build gets a row's keys */
typedef struct ZgExtractor
{
	GinState   *ginstate;
	Oid			direct_fn;		/* zh_gin_extract_value's OID, or invalid */
	MemoryContext funcCtx;		/* the keys' memory, reset per row */
	int32	   *keys;			/* the last row's normal keys, in funcCtx */
	size_t		nkeys;
	uint8		specials;		/* ZG_* bits */
} ZgExtractor;

extern void zg_extractor_init(ZgExtractor *x, GinState *ginstate,
							  MemoryContext parent);
/* the keys of one column value (sorted and unique only on the direct path) */
extern void zg_extract(ZgExtractor *x, Datum value, bool isnull);

/* the sorted build's accumulator */
typedef struct SortedBuild SortedBuild;

extern SortedBuild *zg_sorted_begin(Relation index, GinState *ginstate,
									GinStatsData *stats);
extern void zg_sorted_add(SortedBuild *b, ItemPointer tid, const int32 *keys,
						  size_t n, uint8 specials);
/* room for about this many (key, row) pairs */
extern void zg_sorted_reserve(SortedBuild *b, double pairs);
/* writes what is left, frees; the index entries written */
extern double zg_sorted_end(SortedBuild *b);

/* a table_index_build_scan callback's state: each row's keys into b */
typedef struct ZgRowSink
{
	ZgExtractor x;
	SortedBuild *b;
} ZgRowSink;

extern void zg_sink_init(ZgRowSink *s, GinState *ginstate, SortedBuild *b);
extern void zg_sink_row(Relation index, ItemPointer tid, Datum *values,
						bool *isnull, bool tupleIsAlive, void *state);
extern void zg_sink_done(ZgRowSink *s);

/* the entry tree written bottom-up, keys in entry order (zh_gin_tree.c) */
typedef struct ZgTree ZgTree;

extern ZgTree *zg_tree_begin(Relation index, GinState *ginstate,
							 GinStatsData *stats);
extern void zg_tree_add(ZgTree *t, Datum key, GinNullCategory category,
						ItemPointerData *list, uint32 n);
extern void zg_tree_end(ZgTree *t);

/* sorted runs in temporary files, merged into a tree (zh_gin_runs.c) */
typedef struct ZgRuns ZgRuns;

extern ZgRuns *zg_runs_create(void);
extern void zg_run_begin(ZgRuns *r);
extern void zg_run_write(ZgRuns *r, int32 key, GinNullCategory category,
						 ItemPointerData *list, uint32 n);
extern void zg_run_end(ZgRuns *r);
extern void zg_runs_merge(ZgRuns *r, ZgTree *tree);
/* reading a build's files: the bytes asked for, or an error naming what */
struct BufFile;
extern void zg_read_exact(struct BufFile *file, void *p, size_t size,
						  const char *what);
/* a record's head; false at the file's end */
extern bool zg_read_head(struct BufFile *file, void *head, size_t size,
						 const char *what);

/* can this index be built by sorting int4 keys? */
extern bool zg_sortable_index(GinState *ginstate);

/*
 * Read the table with parallel workers, each row's keys into b in TID
 * order; returns the heap's tuples, or -1 when no worker could start (the
 * caller then reads it alone).
 */
extern double zg_parallel_scan(Relation heap, Relation index,
							   IndexInfo *indexInfo, SortedBuild *b,
							   GinState *ginstate, int nworkers);
/*
 * How many workers a build of index on heap (blocks: its own and its
 * TOAST's) may use (0: read it alone)
 */
extern int	zg_parallel_workers(Relation heap, Relation index,
								IndexInfo *indexInfo, double blocks);
/* blocks of the table and its TOAST table */
extern double zg_table_blocks(Relation heap);

#endif							/* PG_ZH_GIN_BUILD_H */
