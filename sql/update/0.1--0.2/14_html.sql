-- issue 14: saved web pages (HTML in any Chinese charset) as issues
ALTER TYPE @extschema@.news_issue_info ADD ATTRIBUTE charset text;
ALTER TYPE @extschema@.news_issue_info ADD ATTRIBUTE replaced int;
COMMENT ON FUNCTION @extschema@.news_issue_info(@extschema@.news_issue) IS
    'The issue''s front matter: masthead, date, weekday, lunar date, issue number, pages, sponsor, publisher; for web pages site, section path, source, tags and editor; for values made from bytes the charset read and the count of invalid bytes replaced by U+FFFD';
CREATE FUNCTION @extschema@.news_issue_from_bytes(bytea) RETURNS @extschema@.news_issue
    AS 'MODULE_PATHNAME', 'news_issue_from_bytes' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.news_issue_from_bytes(bytea) IS
    'An issue from bytes in any charset (byte-order mark, the page''s declaration checked against the bytes, else detected); kept as UTF-8, with the charset read and the count of invalid bytes replaced by U+FFFD in news_issue_info';

-- the loader stages saved web pages as bytes (raw_bytes), decoded per row
CREATE OR REPLACE FUNCTION @extschema@.ingest_table(staging regclass, archive name DEFAULT NULL)
    RETURNS TABLE (source text, issue_id bigint, status text, message text)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_variable
DECLARE
    arch name := @extschema@.archive_schema(archive);
    r record;
    res record; has_bytes boolean;
BEGIN
    IF (SELECT pg_catalog.count(*) FROM pg_catalog.pg_attribute
         WHERE attrelid = staging AND attname IN ('source', 'raw') AND attnum > 0 AND NOT attisdropped) <> 2 THEN
        RAISE EXCEPTION 'table % has no columns "source" and "raw"', staging
            USING ERRCODE = 'undefined_column',
                  HINT = 'Stage issues in a table (source text, raw text), one row per issue.';
    END IF;
    -- an optional column raw_bytes bytea holds pages in any charset (rows whose raw is NULL)
    has_bytes := EXISTS (SELECT FROM pg_catalog.pg_attribute
                          WHERE attrelid = staging AND attname = 'raw_bytes' AND attnum > 0 AND NOT attisdropped
                            AND atttypid = 'pg_catalog.bytea'::pg_catalog.regtype);
    FOR r IN EXECUTE pg_catalog.format('SELECT source::text AS source, raw::text AS raw, %s AS raw_bytes FROM %s',
                                       CASE WHEN has_bytes THEN 'raw_bytes' ELSE 'NULL::pg_catalog.bytea' END, staging) LOOP
        source := r.source;
        -- loaders running side by side can deadlock on the same content in
        -- two files; the loser's row is rolled back and tried again
        FOR attempt IN 1 .. 3 LOOP
            BEGIN
                IF r.raw IS NULL AND r.raw_bytes IS NOT NULL THEN
                    res := @extschema@.ingest_status(r.source, @extschema@.news_issue_from_bytes(r.raw_bytes), arch);
                ELSE
                    res := @extschema@.ingest_status(r.source, r.raw::@extschema@.news_issue, arch);
                END IF;
                issue_id := res.issue_id;
                status := res.status;
                message := NULL;
                EXIT;
            EXCEPTION
                WHEN deadlock_detected THEN
                    issue_id := NULL;
                    status := 'failed';
                    message := SQLERRM;
                WHEN OTHERS THEN
                    issue_id := NULL;
                    status := 'failed';
                    message := SQLERRM;
                    EXIT;
            END;
        END LOOP;
        RETURN NEXT;
    END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.ingest_table(regclass, name) IS
    'Ingests every row (source text, raw text) of a staging table, or (source, raw NULL, raw_bytes bytea) for pages in any charset; a failing row is reported (status failed, message) and skipped';
