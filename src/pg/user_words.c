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
 * the table again with SPI.  The check on the hot path is a flag test, no
 * shared memory is needed, and it works with or without
 * shared_preload_libraries.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"

#include "pg_user_words.h"

NaWordNormalizer news_archive_word_normalizer = NULL;

typedef struct WordCache
{
	const char *table;			/* relation name in schema news_archive */
	const char *query;
	bool		valid;
	Oid			relid;			/* InvalidOid until found */
	MemoryContext cxt;
	ZhUserDict *dict;
} WordCache;

static WordCache user_cache = {
	"user_word",
	"SELECT word, weight FROM news_archive.user_word",
};
static WordCache stop_cache = {
	"stop_word",
	"SELECT word, 1.0::float8 FROM news_archive.stop_word",
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

static void
load(WordCache *c)
{
	MemoryContext newcxt,
				old;
	ZhUserDict *dict;
	Oid			nsp = get_namespace_oid("news_archive", true);
	uint64		i;

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
			if (SPI_connect() != SPI_OK_CONNECT)
				elog(ERROR, "SPI_connect failed");
			if (SPI_execute(c->query, true, 0) != SPI_OK_SELECT)
				elog(ERROR, "could not read news_archive.%s", c->table);
			old = MemoryContextSwitchTo(newcxt);
			for (i = 0; i < SPI_processed; i++)
			{
				HeapTuple	tup = SPI_tuptable->vals[i];
				TupleDesc	td = SPI_tuptable->tupdesc;
				bool		isnull;
				Datum		w = SPI_getbinval(tup, td, 1, &isnull);
				Datum		wt;
				text	   *t;
				const char *s;
				size_t		len;
				double		weight;

				if (isnull)
					continue;
				t = DatumGetTextPP(w);
				s = VARDATA_ANY(t);
				len = VARSIZE_ANY_EXHDR(t);
				wt = SPI_getbinval(tup, td, 2, &isnull);
				weight = isnull ? 1.0 : DatumGetFloat8(wt);
				if (news_archive_word_normalizer)
				{
					size_t		nlen;
					char	   *n = news_archive_word_normalizer(s, len, &nlen);

					zh_userdict_add(dict, n, nlen, weight);
					pfree(n);
				}
				else
					zh_userdict_add(dict, s, len, weight);
				CHECK_FOR_INTERRUPTS();
			}
			MemoryContextSwitchTo(old);
			SPI_finish();
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
