-- news_archive extension script: a loading session keeps the memory it frees
-- (src/pg/ingest_memory.c).  New in 0.4: also the 0.3 -> 0.4 update piece
-- (sql/update/0.3--0.4/72_ingest_memory.sql links here).
CREATE FUNCTION @extschema@._ingest_memory() RETURNS boolean
    AS 'MODULE_PATHNAME', 'news_archive_ingest_memory' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@._ingest_memory() IS
    'For the rest of this session, freed memory stays with the process for reuse (glibc: chunks up to 4 MB from the heap, up to 32 MB of free heap kept) instead of coming back as fresh pages for every issue; the loader''s batch sessions call it; false where it cannot (not glibc)';
