-- news_archive extension script: archives distributed with Citus.
--
-- A distributed archive has the same tables, views and functions as a
-- single-node one (60_archive.sql), spread over Citus workers:
--
--   issues, articles, authors   distributed by the issue id and co-located,
--                               so an issue, its articles and its authors
--                               live in one shard group on one worker: its
--                               ingest writes them to that worker only (its
--                               source's row may be on another), and every join of the views and of search(),
--                               trend(), top_authors(), top_words() runs on
--                               the workers shard by shard
--   sources                     one row per source (current version, its
--                               id), distributed by source: the per-source
--                               lock and version counter
--
-- Ids.  A unique constraint of a distributed table must contain its
-- distribution column, so "the same content is stored once" cannot be a
-- unique index on content_hash.  Instead the issue id IS derived from the
-- content: the first 63 bits of its SHA-256 (issue_key()).  The same content
-- always gets the same id, hence the same shard, and the primary key makes
-- ingest idempotent across all shards.  A CHECK keeps id and content_hash
-- tied; two different contents with the same 63-bit key (about 1 in 10^19
-- per pair) are refused with an error, never stored as a duplicate.
--
-- Everything here is plpgsql resolving Citus's functions and catalogs when
-- called, so the extension installs (and single-node archives work) without
-- Citus.

-- ---------------------------------------------------------------------------
-- Helpers

-- The issue id of a distributed archive: the first 63 bits of the SHA-256.
CREATE FUNCTION @extschema@.issue_key(content_hash bytea) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT (('x' || pg_catalog.encode(pg_catalog.substr(content_hash, 1, 8), 'hex'))::bit(64)::bigint)
           & 9223372036854775807
$$;
COMMENT ON FUNCTION @extschema@.issue_key(bytea) IS
    'Issue id of a distributed archive: the first 63 bits of the content''s SHA-256 (news_issue_hash)';

-- Is the schema's issues table a Citus distributed table?
CREATE FUNCTION @extschema@.is_distributed_archive(archive name) RETURNS boolean
    LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rel regclass := pg_catalog.to_regclass(pg_catalog.quote_ident(archive) || '.issues');
    found boolean;
BEGIN
    IF rel IS NULL OR pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
        RETURN false;
    END IF;
    EXECUTE 'SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = $1)'
        INTO found USING rel;
    RETURN found;
END
$$;
COMMENT ON FUNCTION @extschema@.is_distributed_archive(name) IS
    'True when the archive''s tables are distributed with Citus';

CREATE FUNCTION @extschema@._require_citus() RETURNS void
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
        RAISE EXCEPTION 'a distributed archive needs the Citus extension'
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'Add citus to shared_preload_libraries, CREATE EXTENSION citus, and add worker nodes.';
    END IF;
END
$$;

-- ---------------------------------------------------------------------------
-- Creating and moving

-- The views of a distributed archive.  articles_v and authors_v are the same
-- as on one node (their joins are on the issue id); issues_v reads
-- superseded_by from its column instead of looking the next version up by
-- supersedes, a join across shards.  Column comments are kept.
CREATE FUNCTION @extschema@._citus_views(arch name) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    EXECUTE pg_catalog.format($q$
        CREATE OR REPLACE VIEW %1$s.issues_v AS
        SELECT i.id AS issue_id, i.source, i.version, i.supersedes,
               i.superseded_by,
               COALESCE(i.masthead, i.site, i.news_source)::text AS paper,
               i.issue_date, i.weekday, i.lunar_date, i.issue_no, i.pages, i.sponsor, i.publisher,
               i.site, i.section_path, i.news_source, i.tags, i.editor,
               COALESCE(n.articles, 0)::int AS articles,
               i.chars,
               pg_catalog.encode(i.content_hash, 'hex') AS content_sha256,
               i.loaded_at, i.date_source, i.date_precision, i.date_confidence, i.date_conflict
          FROM %1$s.issues i
          LEFT JOIN (SELECT a.issue_id, pg_catalog.count(*) AS articles
                       FROM %1$s.articles a GROUP BY a.issue_id) n ON n.issue_id = i.id$q$,
        pg_catalog.quote_ident(arch));
END
$fn$;

-- Turns a single-node archive into a distributed one, in place: ids become
-- issue_key(content_hash), the constraints that cannot hold across shards
-- are replaced (see the top of this file), and create_distributed_table
-- moves the rows to the workers.
CREATE FUNCTION @extschema@._citus_distribute(arch name, shard_count int) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    s text := pg_catalog.quote_ident(arch);
    messages text := pg_catalog.current_setting('client_min_messages');
    fk record;
BEGIN
    -- the views are made again once the tables are distributed (so that
    -- Citus creates them on the workers too), with their comments
    CREATE TEMP TABLE news_archive_views ON COMMIT DROP AS
    SELECT c.relname, pg_catalog.pg_get_viewdef(c.oid) AS def,
           pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
           ARRAY(SELECT ARRAY[a.attname::text, d.description]
                   FROM pg_catalog.pg_attribute a
                   JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass
                                                   AND d.objsubid = a.attnum
                  WHERE a.attrelid = c.oid AND a.attnum > 0) AS columns
      FROM pg_catalog.pg_class c
     WHERE c.relnamespace = s::regnamespace AND c.relkind = 'v'
       AND c.relname IN ('issues_v', 'articles_v', 'authors_v');
    EXECUTE pg_catalog.format('DROP VIEW %1$s.issues_v, %1$s.articles_v, %1$s.authors_v', s);

    -- foreign keys are dropped while rows are re-keyed and distributed,
    -- then made again (co-located, on the distribution column)
    FOR fk IN SELECT conrelid::regclass AS rel, conname FROM pg_catalog.pg_constraint
               WHERE contype = 'f' AND connamespace = s::regnamespace
               ORDER BY conrelid = (s || '.issues')::regclass LOOP
        EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', fk.rel, fk.conname);
    END LOOP;
    EXECUTE pg_catalog.format('ALTER TABLE %s.issues ALTER COLUMN id DROP IDENTITY IF EXISTS', s);
    EXECUTE pg_catalog.format('ALTER TABLE %s.issues ADD COLUMN superseded_by bigint', s);
    EXECUTE pg_catalog.format('COMMENT ON COLUMN %s.issues.superseded_by IS %L', s,
        'The id of the version that corrects this one (NULL for the current version)');

    -- re-key: id := issue_key(content_hash) (nothing to do in a new archive)
    EXECUTE pg_catalog.format($q$
        CREATE TEMP TABLE news_archive_rekey ON COMMIT DROP AS
        SELECT id AS old_id, @extschema@.issue_key(content_hash) AS new_id FROM %s.issues$q$, s);
    IF EXISTS (SELECT 1 FROM pg_temp.news_archive_rekey) THEN
        EXECUTE pg_catalog.format($q$
            UPDATE %1$s.issues i SET superseded_by = n.id FROM %1$s.issues n WHERE n.supersedes = i.id$q$, s);
        EXECUTE pg_catalog.format('UPDATE %s.authors t SET issue_id = k.new_id FROM pg_temp.news_archive_rekey k WHERE t.issue_id = k.old_id', s);
        EXECUTE pg_catalog.format('UPDATE %s.articles t SET issue_id = k.new_id FROM pg_temp.news_archive_rekey k WHERE t.issue_id = k.old_id', s);
        EXECUTE pg_catalog.format($q$
            UPDATE %1$s.issues t SET id = k.new_id,
                   supersedes = (SELECT p.new_id FROM pg_temp.news_archive_rekey p WHERE p.old_id = t.supersedes),
                   superseded_by = (SELECT p.new_id FROM pg_temp.news_archive_rekey p WHERE p.old_id = t.superseded_by)
              FROM pg_temp.news_archive_rekey k WHERE t.id = k.old_id$q$, s);
    END IF;
    DROP TABLE pg_temp.news_archive_rekey;

    -- uniqueness across shards: content through the id, versions through sources
    EXECUTE pg_catalog.format('ALTER TABLE %s.issues DROP CONSTRAINT issues_content_hash_key', s);
    EXECUTE pg_catalog.format('ALTER TABLE %s.issues DROP CONSTRAINT issues_source_version_key', s);
    EXECUTE pg_catalog.format('DROP INDEX %s.issues_current_source_idx', s);
    EXECUTE pg_catalog.format('CREATE INDEX issues_source_idx ON %s.issues (source, version)', s);
    EXECUTE pg_catalog.format($q$
        ALTER TABLE %s.issues ADD CONSTRAINT issues_id_is_key CHECK (id = @extschema@.issue_key(content_hash))$q$, s);
    EXECUTE pg_catalog.format($q$
        CREATE TABLE %1$s.sources (
            source     text PRIMARY KEY,
            version    int NOT NULL CHECK (version >= 1),
            current_id bigint NOT NULL
        )$q$, s);
    EXECUTE pg_catalog.format('COMMENT ON TABLE %s.sources IS %L', s,
        'Every source of a distributed archive with its newest version: the per-source lock of ingest');
    EXECUTE pg_catalog.format($q$
        INSERT INTO %1$s.sources (source, version, current_id)
        SELECT DISTINCT ON (source) source, version, id FROM %1$s.issues ORDER BY source, version DESC$q$, s);

    -- distribute: the three tables co-located by issue, sources on its own
    -- (Citus's notices about the coordinator's copies are answered below)
    PERFORM pg_catalog.set_config('client_min_messages', 'warning', true)
      WHERE pg_catalog.current_setting('client_min_messages') NOT LIKE 'debug%';
    EXECUTE 'SELECT pg_catalog.create_distributed_table($1, ''id'', shard_count => $2)'
        USING s || '.issues', COALESCE(shard_count, pg_catalog.current_setting('citus.shard_count')::int);
    EXECUTE 'SELECT pg_catalog.create_distributed_table($1, ''issue_id'', colocate_with => $2)'
        USING s || '.articles', s || '.issues';
    EXECUTE 'SELECT pg_catalog.create_distributed_table($1, ''issue_id'', colocate_with => $2)'
        USING s || '.authors', s || '.issues';
    EXECUTE 'SELECT pg_catalog.create_distributed_table($1, ''source'', shard_count => $2, colocate_with => ''none'')'
        USING s || '.sources', COALESCE(shard_count, pg_catalog.current_setting('citus.shard_count')::int);
    -- create_distributed_table copied the rows to the shards; the coordinator's copies go
    FOR fk IN SELECT pg_catalog.unnest(ARRAY['authors', 'articles', 'issues', 'sources']) AS t LOOP
        EXECUTE 'SELECT pg_catalog.truncate_local_data_after_distributing_table($1)' USING (s || '.' || fk.t)::regclass;
    END LOOP;
    PERFORM pg_catalog.set_config('client_min_messages', messages, true);
    EXECUTE pg_catalog.format($q$
        ALTER TABLE %1$s.articles ADD CONSTRAINT articles_issue_id_fkey
            FOREIGN KEY (issue_id) REFERENCES %1$s.issues (id) ON DELETE CASCADE$q$, s);
    EXECUTE pg_catalog.format($q$
        ALTER TABLE %1$s.authors ADD CONSTRAINT authors_issue_id_article_ordinal_fkey
            FOREIGN KEY (issue_id, article_ordinal) REFERENCES %1$s.articles (issue_id, ordinal) ON DELETE CASCADE$q$, s);
    PERFORM @extschema@._citus_views(arch);
    FOR fk IN SELECT * FROM pg_temp.news_archive_views ORDER BY relname LOOP
        IF fk.relname <> 'issues_v' THEN
            EXECUTE pg_catalog.format('CREATE VIEW %s.%I AS %s', s, fk.relname, fk.def);
        END IF;
        EXECUTE pg_catalog.format('COMMENT ON VIEW %s.%I IS %L', s, fk.relname, fk.comment);
        FOR i IN 1 .. COALESCE(pg_catalog.array_length(fk.columns, 1), 0) LOOP
            EXECUTE pg_catalog.format('COMMENT ON COLUMN %s.%I.%I IS %L', s, fk.relname, fk.columns[i][1], fk.columns[i][2]);
        END LOOP;
    END LOOP;
    DROP TABLE pg_temp.news_archive_views;
END
$fn$;

CREATE FUNCTION @extschema@.create_archive(archive name, distributed boolean, shard_count int DEFAULT NULL)
    RETURNS name
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    ddl text := pg_catalog.current_setting('citus.enable_ddl_propagation', true);
BEGIN
    IF NOT COALESCE(distributed, false) THEN
        RETURN @extschema@.create_archive(archive);
    END IF;
    PERFORM @extschema@._require_citus();
    IF shard_count IS NOT NULL AND shard_count < 1 THEN
        RAISE EXCEPTION 'shard_count must be at least 1 (got %)', shard_count USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF @extschema@.is_archive(archive) THEN
        IF @extschema@.is_distributed_archive(archive) THEN
            RAISE NOTICE 'schema "%" already holds a distributed news archive; nothing to do', archive;
            RETURN archive;
        END IF;
        RAISE EXCEPTION 'schema "%" holds a news archive on this node only', archive
            USING ERRCODE = 'duplicate_schema',
                  HINT = 'Distribute it with SELECT news_archive.distribute_archive(...).';
    END IF;
    -- the single-node archive first, made on this node only (its views are
    -- made again, on every node, once the tables are distributed)
    PERFORM pg_catalog.set_config('citus.enable_ddl_propagation', 'off', true);
    PERFORM @extschema@.create_archive(archive);
    PERFORM pg_catalog.set_config('citus.enable_ddl_propagation', ddl, true);
    PERFORM @extschema@._citus_distribute(archive, shard_count);
    RETURN archive;
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_archive(name, boolean, int) IS
    'Creates an archive; with distributed => true its tables are Citus distributed tables (issues, articles, authors co-located by issue)';

-- ---------------------------------------------------------------------------
-- Ingest into a distributed archive (called by ingest_status)

-- _citus_store_articles(): 64_store_articles.sql

-- ingest_status for a distributed archive: every statement is a router query
-- (one shard): the id is known before the insert, and the source's row in
-- sources is the lock that numbers its versions.
CREATE FUNCTION @extschema@._citus_ingest(arch name, source text, raw @extschema@.news_issue,
                                          OUT issue_id bigint, OUT status text)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    s text := pg_catalog.quote_ident(arch);
    h bytea := @extschema@.news_issue_hash(raw);
    key bigint := @extschema@.issue_key(h);
    stored bytea;
    prev_id bigint;
    prev_version int;
    made boolean;
    info @extschema@.news_issue_info;
BEGIN
    EXECUTE pg_catalog.format('SELECT content_hash FROM %s.issues WHERE id = $1', s) INTO stored USING key;
    IF stored IS NULL THEN
        -- lock the source (its row is made on first sight), then store
        -- (a row another session removes between the two statements: try again)
        FOR attempt IN 1 .. 5 LOOP
            EXECUTE pg_catalog.format($q$
                INSERT INTO %s.sources (source, version, current_id) VALUES ($1, 1, $2)
                ON CONFLICT (source) DO NOTHING RETURNING true$q$, s) INTO made USING source, key;
            EXIT WHEN made;
            -- a known source: lock it, the issue is a new version
            EXECUTE pg_catalog.format('SELECT version, current_id FROM %s.sources WHERE source = $1 FOR UPDATE', s)
                INTO prev_version, prev_id USING source;
            EXIT WHEN prev_id IS NOT NULL;
        END LOOP;
        IF made IS NULL AND prev_id IS NULL THEN
            RAISE EXCEPTION 'could not lock source "%"', source USING ERRCODE = 'lock_not_available';
        END IF;
        info := @extschema@.news_issue_info(raw);
        EXECUTE pg_catalog.format($q$
            INSERT INTO %s.issues (id, source, version, supersedes, is_current, raw, chars, masthead, issue_date,
                                   weekday, lunar_date, issue_no, pages, sponsor, publisher, site, section_path,
                                   news_source, tags, editor)
            VALUES ($1, $2, $3, $4, true, $5, pg_catalog.char_length($5::text), $6.masthead, $6.issue_date,
                    $6.weekday, $6.lunar_date, $6.issue_no, $6.pages, $6.sponsor, $6.publisher, $6.site,
                    $6.section_path, $6.source, $6.tags, $6.editor)
            ON CONFLICT (id) DO NOTHING
            RETURNING id$q$, s)
            INTO issue_id USING key, source, COALESCE(prev_version + 1, 1), prev_id, raw, info;
        IF issue_id IS NOT NULL THEN
            IF prev_id IS NOT NULL THEN
                EXECUTE pg_catalog.format($q$
                    UPDATE %s.issues SET is_current = false, superseded_by = $2 WHERE id = $1$q$, s)
                    USING prev_id, key;
                EXECUTE pg_catalog.format('UPDATE %s.sources SET version = $2, current_id = $3 WHERE source = $1', s)
                    USING source, prev_version + 1, key;
            END IF;
            status := CASE WHEN prev_id IS NULL THEN 'new' ELSE 'version' END;
            PERFORM @extschema@._citus_store_articles(arch, key, raw);
            RETURN;
        END IF;
        -- the same content was committed meanwhile under another source
        EXECUTE pg_catalog.format('SELECT content_hash FROM %s.issues WHERE id = $1', s) INTO stored USING key;
        IF made THEN
            -- undo the source row made for nothing (it names no stored issue)
            EXECUTE pg_catalog.format('DELETE FROM %s.sources WHERE source = $1 AND current_id = $2', s)
                USING source, key;
        END IF;
    END IF;
    IF stored IS DISTINCT FROM h THEN
        RAISE EXCEPTION 'issue key % of source "%" is taken by a different content', key, source
            USING ERRCODE = 'unique_violation',
                  DETAIL = pg_catalog.format('SHA-256 %s; stored %s', pg_catalog.encode(h, 'hex'),
                                             pg_catalog.encode(stored, 'hex')),
                  HINT = 'Two contents share the first 63 bits of their SHA-256; report it, it should not happen.';
    END IF;
    issue_id := key;
    status := 'duplicate';
END
$fn$;

-- resplit() for a distributed archive: the ids are read first (a multi-shard
-- SELECT cannot lock), then each issue is locked and split on its shard.
CREATE FUNCTION @extschema@._citus_resplit(arch name, issue_ids bigint[]) RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    s text := pg_catalog.quote_ident(arch);
    ids bigint[];
    r record;
    n bigint := 0;
BEGIN
    EXECUTE pg_catalog.format('SELECT pg_catalog.array_agg(id ORDER BY id) FROM %s.issues WHERE $1 IS NULL OR id = ANY ($1)', s)
        INTO ids USING issue_ids;
    FOR i IN 1 .. COALESCE(pg_catalog.cardinality(ids), 0) LOOP
        EXECUTE pg_catalog.format('SELECT id, raw FROM %s.issues WHERE id = $1 FOR UPDATE', s) INTO r USING ids[i];
        CONTINUE WHEN r.id IS NULL;
        EXECUTE pg_catalog.format('DELETE FROM %s.articles WHERE issue_id = $1', s) USING r.id;
        PERFORM @extschema@._citus_store_articles(arch, r.id, r.raw);
        n := n + 1;
    END LOOP;
    RETURN n;
END
$fn$;
