-- news_archive extension script: the zh_gin index access method.  It is
-- PostgreSQL's GIN, page for page (scans, inserts, the pending list, VACUUM
-- and WAL are GIN's), with a build that sorts the index's (key, row) pairs
-- instead of inserting them one at a time into a balanced tree
-- (src/pg/zh_gin_am.c): CREATE INDEX and the loader's bulk loads build a
-- search index in about half the time (bench/ingest.md).
--   CREATE INDEX ... USING zh_gin (col)        zh_search_ops, the default
--   CREATE INDEX ... USING zh_gin (col news_archive.zh_rank_ops)
-- New in 0.4: also the 0.3 -> 0.4 update piece
-- (sql/update/0.3--0.4/73_zh_gin.sql links here).
CREATE FUNCTION @extschema@.zh_gin_handler(internal) RETURNS index_am_handler
    AS 'MODULE_PATHNAME', 'zh_gin_handler' LANGUAGE C;
COMMENT ON FUNCTION @extschema@.zh_gin_handler(internal) IS
    'Handler of the zh_gin index access method (GIN with a sorted build)';
CREATE ACCESS METHOD zh_gin TYPE INDEX HANDLER @extschema@.zh_gin_handler;
COMMENT ON ACCESS METHOD zh_gin IS
    'GIN with a build that sorts its keys (news_archive): same pages, scans, pending list and options as gin; CREATE INDEX of zh_search_ops and zh_rank_ops about twice as fast';

CREATE OPERATOR CLASS @extschema@.zh_search_ops
    DEFAULT FOR TYPE text USING zh_gin AS
        OPERATOR 1 @extschema@.&@ (text, text),
        OPERATOR 2 @extschema@.&@? (text, text),
        FUNCTION 1 pg_catalog.btint4cmp(int4, int4),
        FUNCTION 2 @extschema@.zh_gin_extract_value(text, internal),
        FUNCTION 3 @extschema@.zh_gin_extract_query(text, internal, int2, internal, internal, internal, internal),
        FUNCTION 4 @extschema@.zh_gin_consistent(internal, int2, text, int4, internal, internal, internal, internal),
        FUNCTION 5 @extschema@.zh_gin_compare_partial(int4, int4, int2, internal),
        FUNCTION 6 @extschema@.zh_gin_triconsistent(internal, int2, text, int4, internal, internal, internal),
        STORAGE int4;
COMMENT ON OPERATOR CLASS @extschema@.zh_search_ops USING zh_gin IS
    'zh_gin index of a text column for &@: normalised bigrams and characters (exact, no position limits)';

CREATE OPERATOR CLASS @extschema@.zh_rank_ops
    FOR TYPE text USING zh_gin AS
        OPERATOR 1 @extschema@.&@# (text, text),
        FUNCTION 1 pg_catalog.btint4cmp(int4, int4),
        FUNCTION 2 @extschema@.zh_rank_gin_extract_value(text, internal),
        FUNCTION 3 @extschema@.zh_rank_gin_extract_query(text, internal, int2, internal, internal, internal, internal),
        FUNCTION 4 @extschema@.zh_rank_gin_consistent(internal, int2, text, int4, internal, internal, internal, internal),
        FUNCTION 6 @extschema@.zh_rank_gin_triconsistent(internal, int2, text, int4, internal, internal, internal),
        STORAGE int4;
COMMENT ON OPERATOR CLASS @extschema@.zh_rank_ops USING zh_gin IS
    'Optional zh_gin index for zh_top: frequency levels of the normalised text''s characters and bigrams';

CREATE FUNCTION @extschema@.zh_gin_clean_pending_list(index regclass) RETURNS bigint
    AS 'MODULE_PATHNAME', 'zh_gin_clean_pending_list' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.zh_gin_clean_pending_list(regclass) IS
    'gin_clean_pending_list() for zh_gin indexes (and GIN ones): moves the pending list into the index; the pages deleted';

CREATE FUNCTION @extschema@.zh_gin_pending(index regclass, OUT pending_pages bigint, OUT pending_tuples bigint)
    AS 'MODULE_PATHNAME', 'zh_gin_pending' LANGUAGE C VOLATILE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.zh_gin_pending(regclass) IS
    'The pending list of a zh_gin (or GIN) index: pages and heap rows not yet merged into it (pgstatginindex() for GIN only)';
