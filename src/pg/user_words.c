/*
 * user_words.c
 *	  User words and stop words kept in tables, seen by every session's next
 *	  parse without reconnecting.
 *
 * A statement-level trigger on each table sends a relcache invalidation for
 * it.  PostgreSQL delivers invalidations to every backend when the writing
 * transaction commits (never before, never if it aborts), and a backend
 * processes them at its next transaction start or lock acquisition.  Our
 * relcache callback only sets a flag; the next parse sees the flag and loads
 * the table again (a plain heap scan, skipped when the table has no pages).  The check on the hot path is a flag test, no
 * shared memory is needed, and it works with or without
 * shared_preload_libraries.
 */
#include "postgres.h"
#include "na_pg_compat.h"

#include "access/heapam.h"
#include "access/htup_details.h"
#include "access/table.h"
#include "access/tableam.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "storage/smgr.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

#include "pg_user_words.h"

NaWordNormalizer news_archive_word_normalizer = NULL;

typedef struct WordCache
{
	const char *table;			/* relation name in schema news_archive */
	bool		valid;
	Oid			relid;			/* InvalidOid until found */
	MemoryContext cxt;
	ZhUserDict *dict;
} WordCache;

static WordCache user_cache = {
	"user_word",
};
static WordCache stop_cache = {
	"stop_word",
};
static bool callback_registered = false;
static int	loads = 0;

static void
invalidate_cb(Datum arg, Oid relid)
{
	/* InvalidOid means "everything" (e.g. after an invalidation overflow) */
	if (relid == InvalidOid || relid == user_cache.relid)
		user_cache.valid = false;
	if (relid == InvalidOid || relid == stop_cache.relid)
		stop_cache.valid = false;
}

/*
 * Read (word, weight) from the table with a plain heap scan: no parsing or
 * planning, so the first parse of a new session stays cheap.  The weight
 * column is optional (stop_word has none).
 */
static void
read_words(WordCache *c, ZhUserDict *dict, MemoryContext cxt)
{
	Relation	rel = table_open(c->relid, AccessShareLock);
	TupleDesc	td = RelationGetDescr(rel);
	int			word_att = SPI_fnumber(td, "word");
	int			weight_att = SPI_fnumber(td, "weight");
	/* the statement's snapshot: also valid inside parallel workers */
	Snapshot	snap = RegisterSnapshot(ActiveSnapshotSet() ? GetActiveSnapshot() :
										GetTransactionSnapshot());
	TableScanDesc scan = table_beginscan(rel, snap, 0, NULL);
	HeapTuple	tup;
	MemoryContext old;

	if (word_att <= 0 || TupleDescAttr(td, word_att - 1)->atttypid != TEXTOID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("news_archive.%s must have a text column \"word\"", c->table)));
	if (weight_att > 0 && TupleDescAttr(td, weight_att - 1)->atttypid != FLOAT4OID)
		weight_att = 0;
	while ((tup = heap_getnext(scan, ForwardScanDirection)) != NULL)
	{
		bool		isnull;
		Datum		w = heap_getattr(tup, word_att, td, &isnull);
		text	   *t;
		double		weight = 1.0;

		CHECK_FOR_INTERRUPTS();
		if (isnull)
			continue;
		if (weight_att > 0)
		{
			Datum		wt = heap_getattr(tup, weight_att, td, &isnull);

			if (!isnull)
				weight = DatumGetFloat4(wt);
		}
		t = DatumGetTextPP(w);
		old = MemoryContextSwitchTo(cxt);
		if (news_archive_word_normalizer)
		{
			size_t		nlen;
			char	   *n = news_archive_word_normalizer(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &nlen);

			zh_userdict_add(dict, n, nlen, weight);
			pfree(n);
		}
		else
			zh_userdict_add(dict, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), weight);
		MemoryContextSwitchTo(old);
		if ((Pointer) t != DatumGetPointer(w))
			pfree(t);
	}
	table_endscan(scan);
	UnregisterSnapshot(snap);
	table_close(rel, AccessShareLock);
}

/* Does the relation file exist with no block in it? */
static bool
main_fork_is_empty(Oid tablespace, Oid relfilenode)
{
	SMgrRelation smgr;

	/* 16 renamed RelFileNode to RelFileLocator; 17 numbers backends by ProcNumber */
#if PG_VERSION_NUM >= 160000
	RelFileLocator loc;

	loc.spcOid = tablespace;
	loc.dbOid = MyDatabaseId;
	loc.relNumber = relfilenode;
#if PG_VERSION_NUM >= 170000
	smgr = smgropen(loc, INVALID_PROC_NUMBER);
#else
	smgr = smgropen(loc, InvalidBackendId);
#endif
#else
	RelFileNode loc;

	loc.spcNode = tablespace;
	loc.dbNode = MyDatabaseId;
	loc.relNode = relfilenode;
	smgr = smgropen(loc, InvalidBackendId);
#endif
	return smgrexists(smgr, MAIN_FORKNUM) && smgrnblocks(smgr, MAIN_FORKNUM) == 0;
}

/*
 * Has the table no pages at all?  Then no snapshot can see a row in it, and
 * the relcache entry that table_open would build (catalog reads for the
 * table, its columns and its triggers: about half a millisecond in a new
 * connection) is not needed.  That is the state of a table never written to
 * or emptied by TRUNCATE; any other table is scanned.  The caller holds a
 * lock on the table, so pg_class shows its current file.  A writer extends
 * the file before it commits, so rows committed before our snapshot always
 * show as pages here.
 */
static bool
table_has_no_pages(Oid relid)
{
	HeapTuple	tup;
	Form_pg_class cls;
	bool		empty = false;

	tup = SearchSysCache1(RELOID, ObjectIdGetDatum(relid));
	if (!HeapTupleIsValid(tup))
		return false;
	cls = (Form_pg_class) GETSTRUCT(tup);
	if (cls->relkind == RELKIND_RELATION &&
		cls->relpersistence == RELPERSISTENCE_PERMANENT &&
		OidIsValid(cls->relfilenode))
		empty = main_fork_is_empty(OidIsValid(cls->reltablespace) ?
								   cls->reltablespace : MyDatabaseTableSpace,
								   cls->relfilenode);
	ReleaseSysCache(tup);
	return empty;
}

static void
load(WordCache *c)
{
	MemoryContext newcxt,
				old;
	ZhUserDict *dict;
	Oid			nsp = get_namespace_oid("news_archive", true);

	if (!callback_registered)
	{
		CacheRegisterRelcacheCallback(invalidate_cb, (Datum) 0);
		callback_registered = true;
	}

	newcxt = AllocSetContextCreate(TopMemoryContext, "news_archive words",
								   ALLOCSET_SMALL_SIZES);
	old = MemoryContextSwitchTo(newcxt);
	dict = zh_userdict_create();
	MemoryContextSwitchTo(old);

	c->relid = OidIsValid(nsp) ? get_relname_relid(c->table, nsp) : InvalidOid;
	if (OidIsValid(c->relid))
	{
		PG_TRY();
		{
			LockRelationOid(c->relid, AccessShareLock);
			if (!table_has_no_pages(c->relid))
				read_words(c, dict, newcxt);
			UnlockRelationOid(c->relid, AccessShareLock);
		}
		PG_CATCH();
		{
			MemoryContextDelete(newcxt);
			PG_RE_THROW();
		}
		PG_END_TRY();
	}

	if (c->cxt)
		MemoryContextDelete(c->cxt);
	c->cxt = newcxt;
	c->dict = dict;
	c->valid = true;
	loads++;
}

const ZhUserDict *
news_archive_user_words(void)
{
	if (!user_cache.valid)
		load(&user_cache);
	return user_cache.dict;
}

const ZhUserDict *
news_archive_stop_words(void)
{
	if (!stop_cache.valid)
		load(&stop_cache);
	return stop_cache.dict;
}

int
news_archive_user_words_loads(void)
{
	return loads;
}

/*
 * Statement-level trigger on the word tables: tell every backend, at commit,
 * that the table changed.
 */
PG_FUNCTION_INFO_V1(news_archive_words_changed);
Datum
news_archive_words_changed(PG_FUNCTION_ARGS)
{
	TriggerData *trigdata = (TriggerData *) fcinfo->context;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("news_archive_words_changed() must be called as a trigger")));
	CacheInvalidateRelcacheByRelid(RelationGetRelid(trigdata->tg_relation));
	return PointerGetDatum(NULL);
}

/* what this backend currently holds: for tests and monitoring */
PG_FUNCTION_INFO_V1(news_archive_words_status);
Datum
news_archive_words_status(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Datum		values[3];
	bool		nulls[3] = {false, false, false};

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);
	values[0] = Int64GetDatum((int64) zh_userdict_count(news_archive_user_words()));
	values[1] = Int64GetDatum((int64) zh_userdict_count(news_archive_stop_words()));
	values[2] = Int32GetDatum(loads);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls)));
}
