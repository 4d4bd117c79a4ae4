/*
 * zh_gin_tree.c
 *	  The zh_gin build's entry tree written bottom-up: keys come in GIN's
 *	  entry order, each with all its rows, so leaf pages are filled one
 *	  after the other, left to right, and each level above is made of the
 *	  downlinks of the level below, until one page holds a level: the root.
 *
 * GIN's build inserts every key with ginEntryInsert: a descent from the
 * root, a search of the leaf, and page splits that leave pages half full.
 * With the keys sorted, that was four fifths of the serial end of a build
 * (bench/ingest.md).  The pages written here are GIN's own format:
 *
 *	- a leaf tuple is GinFormTuple's, with the rows as a compressed posting
 *	  list, or, when they do not fit in one (GinMaxItemSize), a posting tree
 *	  made by GIN's createPostingTree;
 *	- the entry tree has no high keys: a page's last tuple bounds it, and a
 *	  parent's tuple for a child is the child's last tuple, its key only,
 *	  with the child's block as downlink (the rightmost tuple of a level's
 *	  rightmost page is read as infinity);
 *	- the root is block 1 (GIN_ROOT_BLKNO), so each level's first page is
 *	  kept in memory until the level has a second one: a level that fits in
 *	  one page is written into block 1.
 *
 * Leaf pages are filled to 90 % and inner pages to 70 % (nbtree's defaults):
 * a row added later to a key makes its tuple longer, and a full page would
 * then split at once.  The pages are written without WAL; the build logs
 * the whole index at its end, as GIN's does.
 */
#include "postgres.h"

#include "access/gin_private.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "utils/memutils.h"

#include "pg_zh_gin_build.h"

#define LEAF_FILL	90
#define INNER_FILL	70

/* one level of the tree while it is written */
typedef struct ZgLevel
{
	PGAlignedBlock page;		/* the page being filled */
	Buffer		prev;			/* the last page written, locked until its
								 * right sibling has a block */
	BlockNumber npages;			/* pages written (beside the one filled) */
	IndexTuple *downs;			/* downlinks of the pages written */
	int			ndowns;
	int			maxdowns;
} ZgLevel;

struct ZgTree
{
	Relation	index;
	GinState   *ginstate;
	GinStatsData *stats;
	Buffer		root;			/* pinned throughout */
	MemoryContext ctx;			/* levels and downlinks */
	MemoryContext keyCtx;		/* one key's tuple and posting tree */
	ZgLevel    *leaf;
};

static ZgLevel *
new_level(ZgTree *t, uint32 flags)
{
	ZgLevel    *lv = MemoryContextAllocZero(t->ctx, sizeof(ZgLevel));

	GinInitPage(lv->page.data, flags, BLCKSZ);
	lv->prev = InvalidBuffer;
	return lv;
}

ZgTree *
zg_tree_begin(Relation index, GinState *ginstate, GinStatsData *stats)
{
	MemoryContext ctx = AllocSetContextCreate(CurrentMemoryContext,
											  "zh_gin entry tree",
											  ALLOCSET_DEFAULT_SIZES);
	ZgTree	   *t = MemoryContextAllocZero(ctx, sizeof(ZgTree));

	t->index = index;
	t->ginstate = ginstate;
	t->stats = stats;
	t->ctx = ctx;
	t->keyCtx = AllocSetContextCreate(ctx, "zh_gin entry tree, one key",
									  ALLOCSET_DEFAULT_SIZES);
	t->root = ReadBuffer(index, GIN_ROOT_BLKNO);
	t->leaf = new_level(t, GIN_LEAF);
	return t;
}

/* the tuple that points at a written page: its last tuple's key */
static IndexTuple
downlink(Page page, BlockNumber blkno)
{
	IndexTuple	last = (IndexTuple) PageGetItem(page,
												PageGetItemId(page, PageGetMaxOffsetNumber(page)));
	Size		size = IndexTupleSize(last);
	IndexTuple	down;

	/* a leaf tuple's posting list is not part of the key */
	if (GinPageIsLeaf(page) && !GinIsPostingTree(last))
		size = MAXALIGN(GinGetPostingOffset(last));
	down = palloc(size);
	memcpy(down, last, size);
	down->t_info &= ~INDEX_SIZE_MASK;
	down->t_info |= size;
	GinSetDownlink(down, blkno);
	return down;
}

/* the page being filled into a new block; its downlink kept for the parent */
static void
write_page(ZgTree *t, ZgLevel *lv)
{
	Buffer		buf = GinNewBuffer(t->index);
	BlockNumber blkno = BufferGetBlockNumber(buf);
	MemoryContext old;

	if (BufferIsValid(lv->prev))
	{
		GinPageGetOpaque(BufferGetPage(lv->prev))->rightlink = blkno;
		MarkBufferDirty(lv->prev);
		UnlockReleaseBuffer(lv->prev);
	}
	memcpy(BufferGetPage(buf), lv->page.data, BLCKSZ);
	MarkBufferDirty(buf);
	lv->prev = buf;
	lv->npages++;
	t->stats->nEntryPages++;

	old = MemoryContextSwitchTo(t->ctx);
	if (lv->ndowns == lv->maxdowns)
	{
		lv->maxdowns = Max(lv->maxdowns * 2, 64);
		lv->downs = lv->downs ? repalloc_huge(lv->downs, sizeof(IndexTuple) * lv->maxdowns)
			: palloc(sizeof(IndexTuple) * lv->maxdowns);
	}
	lv->downs[lv->ndowns++] = downlink(lv->page.data, blkno);
	MemoryContextSwitchTo(old);
	GinInitPage(lv->page.data, GinPageIsLeaf(lv->page.data) ? GIN_LEAF : 0, BLCKSZ);
}

/* does a tuple of size bytes go on the page, filled to fill % at most? */
static bool
fits(Page page, Size size, int fill)
{
	Size		need = MAXALIGN(size) + sizeof(ItemIdData);
	Size		reserve = BLCKSZ * (100 - fill) / 100;

	if (PageGetMaxOffsetNumber(page) == InvalidOffsetNumber)
		return true;			/* a page holds at least one */
	return PageGetFreeSpace(page) >= need + reserve;
}

static void
add_tuple(ZgTree *t, ZgLevel *lv, IndexTuple itup, int fill)
{
	Size		size = IndexTupleSize(itup);

	if (!fits(lv->page.data, size, fill))
		write_page(t, lv);
	if (PageAddItem(lv->page.data, (Item) itup, size, InvalidOffsetNumber,
					false, false) == InvalidOffsetNumber)
		elog(ERROR, "zh_gin build: failed to add an entry of %zu bytes to a page of index \"%s\"",
			 size, RelationGetRelationName(t->index));
}

/* a key's leaf tuple: its rows inline, or in a posting tree */
static IndexTuple
leaf_tuple(ZgTree *t, Datum key, GinNullCategory category,
		   ItemPointerData *list, uint32 n)
{
	int			nwritten = 0;
	GinPostingList *posting = ginCompressPostingList(list, (int) n,
													 GinMaxItemSize, &nwritten);
	IndexTuple	itup = NULL;

	if (nwritten == (int) n)
		itup = GinFormTuple(t->ginstate, 1, key, category, (char *) posting,
							SizeOfGinPostingList(posting), (int) n, false);
	pfree(posting);
	if (itup == NULL)
	{
		/* the key alone first: an error for a key too big, before any page */
		itup = GinFormTuple(t->ginstate, 1, key, category, NULL, 0, 0, true);
		GinSetPostingTree(itup, createPostingTree(t->index, list, n, t->stats,
												  t->root));
	}
	return itup;
}

/* the next key in entry order, with all its rows in TID order */
void
zg_tree_add(ZgTree *t, Datum key, GinNullCategory category,
			ItemPointerData *list, uint32 n)
{
	MemoryContext old;

	if (n == 0)
		return;
	CHECK_FOR_INTERRUPTS();
	old = MemoryContextSwitchTo(t->keyCtx);
	add_tuple(t, t->leaf, leaf_tuple(t, key, category, list, n), LEAF_FILL);
	MemoryContextSwitchTo(old);
	MemoryContextReset(t->keyCtx);
	t->stats->nEntries++;
}

/*
 * The end of a level: one page, the root (block 1); else its last page
 * written and the parent level made of its downlinks.
 */
static void
end_level(ZgTree *t, ZgLevel *lv)
{
	while (lv->npages > 0)
	{
		ZgLevel    *parent;
		int			i;

		write_page(t, lv);
		UnlockReleaseBuffer(lv->prev);	/* the rightmost page */
		parent = new_level(t, 0);
		for (i = 0; i < lv->ndowns; i++)
			add_tuple(t, parent, lv->downs[i], INNER_FILL);
		lv = parent;
	}
	if (PageGetMaxOffsetNumber(lv->page.data) == InvalidOffsetNumber)
		return;					/* no keys: the empty root leaf stays */
	LockBuffer(t->root, GIN_EXCLUSIVE);
	memcpy(BufferGetPage(t->root), lv->page.data, BLCKSZ);
	MarkBufferDirty(t->root);
	LockBuffer(t->root, GIN_UNLOCK);
}

void
zg_tree_end(ZgTree *t)
{
	end_level(t, t->leaf);
	ReleaseBuffer(t->root);
	MemoryContextDelete(t->ctx);
}
