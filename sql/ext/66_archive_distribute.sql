-- news_archive extension script: distribute_archive(), moving an existing
-- single-node archive onto Citus (the rest of the Citus path is in
-- 65_archive_citus.sql).  An archive whose articles table is partitioned
-- (create_archive(name, n > 1), 61_archive_create.sql) is refused: that shape
-- is not tried on Citus.
-- CREATE OR REPLACE: this piece is also a 0.3 -> 0.4 upgrade piece
-- (sql/update/0.3--0.4/61_distribute_archive.sql links here).

CREATE OR REPLACE FUNCTION @extschema@.distribute_archive(archive name DEFAULT NULL, shard_count int DEFAULT NULL)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    arch name := @extschema@.archive_schema(archive);
    n bigint;
BEGIN
    PERFORM @extschema@._require_citus();
    IF @extschema@.is_distributed_archive(arch) THEN
        RAISE NOTICE 'archive "%" is distributed already; nothing to do', arch;
        RETURN 0;
    END IF;
    -- an archive made with create_archive(name, n > 1): not tried on Citus
    IF EXISTS (SELECT FROM pg_catalog.pg_class
                WHERE oid = pg_catalog.to_regclass(pg_catalog.quote_ident(arch) || '.articles') AND relkind = 'p') THEN
        RAISE EXCEPTION 'archive "%" has a partitioned articles table; only archives made with one can be distributed', arch
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'Create a new archive with create_archive(name, distributed => true) and load it again.';
    END IF;
    -- no ingest while the archive moves (released at commit)
    EXECUTE pg_catalog.format('LOCK TABLE %1$s.issues, %1$s.articles, %1$s.authors IN EXCLUSIVE MODE',
                              pg_catalog.quote_ident(arch));
    PERFORM @extschema@._citus_distribute(arch, shard_count);
    EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM %s.issues', pg_catalog.quote_ident(arch)) INTO n;
    RETURN n;
END
$fn$;
COMMENT ON FUNCTION @extschema@.distribute_archive(name, int) IS
    'Moves an existing single-node archive onto the Citus workers (issue ids become issue_key(content_hash)); returns the number of issues';
