-- news_archive extension script: archives in everyday use.
--
-- An archive is a set of plain tables (issues, articles, authors) and views
-- (issues_v, articles_v, authors_v) that create_archive() puts into a schema
-- the caller owns.  They are NOT members of the extension, so DROP EXTENSION
-- refuses while an archive exists (its raw column has type news_issue) and
-- never silently drops archived data; pg_dump dumps them like any user table.
--
-- Functions that work on an archive take an optional last argument "archive"
-- (a schema name).  When it is NULL the setting news_archive.archive is used
-- (SET news_archive.archive = 'myarchive', or ALTER DATABASE/ROLE ... SET),
-- and when that is empty too, the only archive in the database.
--
-- Needs from the splitter: news_articles(news_issue) RETURNS SETOF
-- news_article and news_byline(text); from the text search: the text-search
-- configuration "chinese", zh_query(text) and zh_segment(text).  plpgsql
-- resolves them when called, so this piece loads before or after those.

-- ---------------------------------------------------------------------------
-- Finding archives

-- Is this schema an archive?  (an "issues" table whose "raw" is a news_issue
-- and an "articles" table next to it)
CREATE FUNCTION @extschema@.is_archive(archive name) RETURNS boolean
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT EXISTS (
        SELECT 1
          FROM pg_catalog.pg_namespace n
          JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = 'issues' AND c.relkind IN ('r', 'p')
          JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = 'raw' AND NOT a.attisdropped
         WHERE n.nspname = archive
           AND a.atttypid = '@extschema@.news_issue'::pg_catalog.regtype
           AND pg_catalog.to_regclass(pg_catalog.quote_ident(archive) || '.articles') IS NOT NULL)
$$;
COMMENT ON FUNCTION @extschema@.is_archive(name) IS
    'True when the schema holds a news_archive archive (made by create_archive)';

-- Every archive in the database the current user can use.
CREATE FUNCTION @extschema@.archives() RETURNS SETOF name
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT n.nspname
      FROM pg_catalog.pg_namespace n
     WHERE @extschema@.is_archive(n.nspname)
       AND pg_catalog.has_schema_privilege(n.oid, 'USAGE')
     ORDER BY 1
$$;
COMMENT ON FUNCTION @extschema@.archives() IS
    'The archives (schemas made by create_archive) the current user can use';

-- Which archive a function works on: the argument, else the setting
-- news_archive.archive, else the only archive there is.
CREATE FUNCTION @extschema@.archive_schema(archive name DEFAULT NULL) RETURNS name
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    chosen name := archive;
    found name[];
BEGIN
    IF chosen IS NULL OR chosen = '' THEN
        chosen := NULLIF(pg_catalog.current_setting('news_archive.archive', true), '');
    END IF;
    IF chosen IS NULL THEN
        found := ARRAY(SELECT @extschema@.archives());
        IF pg_catalog.cardinality(found) = 1 THEN
            RETURN found[1];
        ELSIF pg_catalog.cardinality(found) = 0 THEN
            RAISE EXCEPTION 'there is no news archive in this database'
                USING ERRCODE = 'invalid_schema_name',
                      HINT = 'Create one with SELECT news_archive.create_archive(''archive'').';
        ELSE
            RAISE EXCEPTION 'there are % news archives (%); say which one', pg_catalog.cardinality(found),
                    pg_catalog.array_to_string(found, ', ')
                USING ERRCODE = 'ambiguous_parameter',
                      HINT = 'Pass the archive argument or SET news_archive.archive = ''name''.';
        END IF;
    END IF;
    IF NOT @extschema@.is_archive(chosen) THEN
        RAISE EXCEPTION 'schema "%" is not a news archive', chosen
            USING ERRCODE = 'invalid_schema_name',
                  HINT = 'Create it with SELECT news_archive.create_archive(...), or check news_archive.archive.';
    END IF;
    RETURN chosen;
END
$$;
COMMENT ON FUNCTION @extschema@.archive_schema(name) IS
    'The archive a call works on: the argument, else the setting news_archive.archive, else the only archive';

-- ---------------------------------------------------------------------------
-- Creating an archive

-- COMMENT ON COLUMN for a list of (column, comment) pairs.
CREATE FUNCTION @extschema@._comment_columns(rel text, pairs text[]) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    FOR i IN 1 .. pg_catalog.array_length(pairs, 1) / 2 LOOP
        EXECUTE pg_catalog.format('COMMENT ON COLUMN %s.%I IS %L', rel, pairs[2 * i - 1], pairs[2 * i]);
    END LOOP;
END
$$;

-- The searchable text of an article: kicker, title, subtitle and body, one
-- line each.  The archive's search index is on this expression, and search()
-- and trend() query the same expression so the planner uses it.
CREATE FUNCTION @extschema@.article_text(kicker text, title text, subtitle text, body text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT COALESCE(kicker, '') OPERATOR(pg_catalog.||) E'\n' OPERATOR(pg_catalog.||) COALESCE(title, '')
           OPERATOR(pg_catalog.||) E'\n' OPERATOR(pg_catalog.||) COALESCE(subtitle, '')
           OPERATOR(pg_catalog.||) E'\n' OPERATOR(pg_catalog.||) COALESCE(body, '')
$$;
COMMENT ON FUNCTION @extschema@.article_text(text, text, text, text) IS
    'Kicker, title, subtitle and body of an article, one per line: what an archive''s search index holds';

-- The search index of an archive's articles (exact substring search,
-- zh_search_ops), and the bodies stored the way
-- its rechecks read them fastest: out of line but uncompressed (STORAGE
-- EXTERNAL).  Chinese text gains about a tenth from lz4, and decompressing
-- every candidate body made rechecks, ranking and snippets about 35% more
-- CPU (bench/search.md); rows stored before keep their compression until
-- rewritten.
CREATE FUNCTION @extschema@._create_search_index(archive name) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    EXECUTE pg_catalog.format('ALTER TABLE %s.articles ALTER COLUMN body SET STORAGE EXTERNAL',
                              pg_catalog.quote_ident(archive));
    EXECUTE pg_catalog.format(
        'CREATE INDEX IF NOT EXISTS articles_search_idx ON %s.articles USING zh_gin '
        '(@extschema@.article_text(kicker, title, subtitle, body) @extschema@.zh_search_ops)',
        pg_catalog.quote_ident(archive));
END
$$;

-- How an archive compresses its raw issues: lz4 where the server is built
-- with it (compressing a 250 kB issue with lz4 takes a small part of pglz's
-- time, and it was 8% of an ingest), else pglz.  (Article bodies are stored
-- uncompressed: _create_search_index.)
CREATE FUNCTION @extschema@._toast_compression() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN 'lz4' = ANY (enumvals) THEN 'lz4' ELSE 'pglz' END
      FROM pg_catalog.pg_settings WHERE name = 'default_toast_compression'
$$;

-- ---------------------------------------------------------------------------
-- Ingest

-- _store_articles(): 64_store_articles.sql

-- The issue date to store: the text's (news_issue_info) or one from outside
-- the text (the file name, or given by the user).  The text's date wins;
-- the outside date wins when the text has none, when it only refines the
-- text's year or month (a coarse date it falls in), or when forced.  When
-- the two disagree, date_conflict names the losing date and its source.
CREATE FUNCTION @extschema@._date_text(d date, prec text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT pg_catalog.lpad(pg_catalog.date_part('year', d)::int::text, 4, '0')
           || CASE WHEN prec = 'year' THEN ''
                   ELSE '-' || pg_catalog.lpad(pg_catalog.date_part('month', d)::int::text, 2, '0') END
           || CASE WHEN prec IN ('year', 'month') THEN ''
                   ELSE '-' || pg_catalog.lpad(pg_catalog.date_part('day', d)::int::text, 2, '0') END
$$;

CREATE FUNCTION @extschema@.resolve_issue_date(raw @extschema@.news_issue, given_date date DEFAULT NULL,
                                               given_source text DEFAULT 'given', force boolean DEFAULT false,
                                               OUT issue_date date, OUT date_source text, OUT date_precision text,
                                               OUT date_confidence text, OUT date_conflict text)
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    info @extschema@.news_issue_info := @extschema@.news_issue_info(raw);
    agrees boolean;
BEGIN
    issue_date := info.issue_date;
    date_source := info.date_source;
    date_precision := info.date_precision;
    date_confidence := info.date_confidence;
    IF given_date IS NULL THEN
        RETURN;
    END IF;
    IF given_source IS NULL OR given_source NOT IN ('given', 'file name') THEN
        RAISE EXCEPTION 'date source must be ''given'' or ''file name'', not %', pg_catalog.quote_nullable(given_source)
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    agrees := info.issue_date IS NOT NULL AND
              pg_catalog.date_trunc(COALESCE(info.date_precision, 'day'), given_date::timestamp)::date = info.issue_date;
    IF info.issue_date IS NOT NULL AND NOT agrees THEN
        IF force THEN
            date_conflict := pg_catalog.format('%s says %s', info.date_source,
                                               @extschema@._date_text(info.issue_date, info.date_precision));
        ELSE
            date_conflict := pg_catalog.format('%s says %s', given_source, @extschema@._date_text(given_date, 'day'));
            RETURN;
        END IF;
    ELSIF agrees AND info.date_precision = 'day' AND NOT force THEN
        RETURN;
    END IF;
    issue_date := given_date;
    date_source := given_source;
    date_precision := 'day';
    date_confidence := CASE WHEN pg_catalog.date_part('year', given_date) < 1840 OR
                                 pg_catalog.date_part('year', given_date) > pg_catalog.date_part('year', pg_catalog.now()) + 1
                            THEN 'low' ELSE 'high' END;
END
$fn$;
COMMENT ON FUNCTION @extschema@.resolve_issue_date(@extschema@.news_issue, date, text, boolean) IS
    'The issue date to store: the text''s, or a date from outside the text (given_source ''given'' or ''file name'') when the text has none, only a year or month it falls in, or force; date_conflict names the other date when they disagree';

-- Stores one issue: returns its id and what happened ('new', 'version' for a
-- corrected version of a known source, 'duplicate' for content stored
-- before), and the date conflict when the text's date and the one given
-- disagree.  issue_date/date_source/force_date: a date from outside the text
-- (see resolve_issue_date).
CREATE FUNCTION @extschema@.ingest_status(source text, raw @extschema@.news_issue, archive name DEFAULT NULL,
                                          issue_date date DEFAULT NULL, date_source text DEFAULT 'given',
                                          force_date boolean DEFAULT false,
                                          OUT issue_id bigint, OUT status text, OUT date_conflict text)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    arch name := @extschema@.archive_schema(archive);
    s text := pg_catalog.quote_ident(arch);
    h bytea;
    prev_id bigint;
    prev_version int;
    info @extschema@.news_issue_info;
    dt record;
BEGIN
    IF source IS NULL OR pg_catalog.btrim(source) = '' THEN
        RAISE EXCEPTION 'source must not be empty' USING ERRCODE = 'invalid_parameter_value',
            HINT = 'Pass where the issue came from, e.g. its file name.';
    END IF;
    IF raw IS NULL THEN
        RAISE EXCEPTION 'raw issue must not be NULL' USING ERRCODE = 'null_value_not_allowed';
    END IF;
    dt := @extschema@.resolve_issue_date(raw, issue_date, date_source, COALESCE(force_date, false));
    IF @extschema@.is_distributed_archive(arch) THEN    -- Citus: 65_archive_citus.sql
        SELECT d.issue_id, d.status INTO issue_id, status FROM @extschema@._citus_ingest(arch, source, raw) d;
        IF status IN ('new', 'version') THEN
            EXECUTE pg_catalog.format($q$
                UPDATE %s.issues SET issue_date = $2, date_source = $3, date_precision = $4,
                                     date_confidence = $5, date_conflict = $6 WHERE id = $1$q$, s)
                USING issue_id, dt.issue_date, dt.date_source, dt.date_precision, dt.date_confidence, dt.date_conflict;
            PERFORM @extschema@._report_date_conflict(source, dt.issue_date, dt.date_source, dt.date_conflict);
            date_conflict := dt.date_conflict;
        END IF;
        RETURN;
    END IF;
    h := @extschema@.news_issue_hash(raw);

    -- one ingest per source at a time (versions are numbered per source);
    -- the same content from two sessions meets at the unique content_hash
    PERFORM pg_catalog.pg_advisory_xact_lock((s || '.issues')::regclass::oid::int, pg_catalog.hashtext(source));

    EXECUTE pg_catalog.format('SELECT id FROM %s.issues WHERE content_hash = $1', s) INTO issue_id USING h;
    IF issue_id IS NOT NULL THEN
        status := 'duplicate';
        RETURN;
    END IF;

    EXECUTE pg_catalog.format('SELECT id, version FROM %s.issues WHERE source = $1 ORDER BY version DESC LIMIT 1', s)
        INTO prev_id, prev_version USING source;
    info := @extschema@.news_issue_info(raw);
    EXECUTE pg_catalog.format($q$
        INSERT INTO %s.issues (source, version, supersedes, is_current, raw, chars, masthead, issue_date, weekday,
                               lunar_date, issue_no, pages, sponsor, publisher, site, section_path, news_source,
                               tags, editor, date_source, date_precision, date_confidence, date_conflict)
        VALUES ($1, $2, $3, false, $4, pg_catalog.char_length($4::text), $5.masthead, $6, $5.weekday,
                $5.lunar_date, $5.issue_no, $5.pages, $5.sponsor, $5.publisher, $5.site, $5.section_path,
                $5.source, $5.tags, $5.editor, $7, $8, $9, $10)
        ON CONFLICT (content_hash) DO NOTHING
        RETURNING id$q$, s)
        INTO issue_id USING source, COALESCE(prev_version + 1, 1), prev_id, raw, info,
                            dt.issue_date, dt.date_source, dt.date_precision, dt.date_confidence, dt.date_conflict;
    IF issue_id IS NULL THEN
        -- the same content was committed meanwhile under another source
        EXECUTE pg_catalog.format('SELECT id FROM %s.issues WHERE content_hash = $1', s) INTO issue_id USING h;
        status := 'duplicate';
        RETURN;
    END IF;
    -- the new row becomes the current version of its source
    EXECUTE pg_catalog.format('UPDATE %s.issues SET is_current = false WHERE source = $1 AND is_current', s)
        USING source;
    EXECUTE pg_catalog.format('UPDATE %s.issues SET is_current = true WHERE id = $1', s) USING issue_id;
    status := CASE WHEN prev_id IS NULL THEN 'new' ELSE 'version' END;
    date_conflict := dt.date_conflict;
    PERFORM @extschema@._report_date_conflict(source, dt.issue_date, dt.date_source, dt.date_conflict);

    PERFORM @extschema@._store_articles(arch, issue_id, raw);
END
$fn$;
COMMENT ON FUNCTION @extschema@.ingest_status(text, @extschema@.news_issue, name, date, text, boolean) IS
    'Stores one issue with its articles and authors; returns the issue id, new, version or duplicate, and the date conflict (text and given or file-name date disagree), if any';

-- a conflict between the dates is never silent: a notice, and the row's date_conflict
CREATE FUNCTION @extschema@._report_date_conflict(source text, issue_date date, date_source text, conflict text)
    RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    IF conflict IS NOT NULL THEN
        RAISE NOTICE 'issue "%": dates disagree: kept % from the %, but the %', source, issue_date, date_source, conflict
            USING HINT = 'The issue''s date_conflict column keeps the other date.';
    END IF;
END
$fn$;

CREATE FUNCTION @extschema@.ingest(source text, raw @extschema@.news_issue, archive name DEFAULT NULL,
                                   issue_date date DEFAULT NULL, date_source text DEFAULT 'given',
                                   force_date boolean DEFAULT false)
    RETURNS bigint
    LANGUAGE sql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT (@extschema@.ingest_status(source, raw, archive, issue_date, date_source, force_date)).issue_id
$$;
COMMENT ON FUNCTION @extschema@.ingest(text, @extschema@.news_issue, name, date, text, boolean) IS
    'Stores one issue with its articles and authors in an archive and returns its id; the same content twice is stored once, a changed content of the same source becomes a new version; issue_date: a date from outside the text (date_source ''given'' or ''file name''), used when the text has none or force_date';

-- Splits stored issues again (after an upgrade of the splitter): their
-- articles and authors are replaced, the raw issues are not touched.
CREATE FUNCTION @extschema@.resplit(issue_ids bigint[] DEFAULT NULL, archive name DEFAULT NULL)
    RETURNS bigint
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    arch name := @extschema@.archive_schema(archive);
    s text := pg_catalog.quote_ident(arch);
    r record;
    n bigint := 0;
BEGIN
    IF @extschema@.is_distributed_archive(arch) THEN    -- Citus: 65_archive_citus.sql
        RETURN @extschema@._citus_resplit(arch, issue_ids);
    END IF;
    FOR r IN EXECUTE pg_catalog.format(
            'SELECT id, raw FROM %s.issues WHERE $1 IS NULL OR id = ANY ($1) ORDER BY id FOR UPDATE', s)
            USING issue_ids LOOP
        EXECUTE pg_catalog.format('DELETE FROM %s.articles WHERE issue_id = $1', s) USING r.id;
        PERFORM @extschema@._store_articles(arch, r.id, r.raw);
        n := n + 1;
    END LOOP;
    RETURN n;
END
$fn$;
COMMENT ON FUNCTION @extschema@.resplit(bigint[], name) IS
    'Splits stored issues again (all, or the ids given), replacing their articles and authors; returns how many issues';

-- Ingests every row (source, raw) of a table, one subtransaction per row so
-- that a bad row is reported and the rest still goes in.  raw may be text,
-- bytea is not accepted: convert with convert_from(raw, 'UTF8').
CREATE FUNCTION @extschema@.ingest_table(staging regclass, archive name DEFAULT NULL)
    RETURNS TABLE (source text, issue_id bigint, status text, message text)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_variable
DECLARE
    arch name := @extschema@.archive_schema(archive);
    r record;
    res record; has_bytes boolean;
    date_cols text := '';
    col text;
    kept_date text;
    kept_source text;
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
    -- optional columns issue_date, date_source, force_date: a date from outside the text
    FOREACH col IN ARRAY ARRAY['issue_date:pg_catalog.date:NULL', 'date_source:pg_catalog.text:''given''',
                               'force_date:pg_catalog.bool:false'] LOOP
        date_cols := date_cols || pg_catalog.format(', (%s)::%s AS %I',
            CASE WHEN EXISTS (SELECT FROM pg_catalog.pg_attribute
                               WHERE attrelid = staging AND attname = pg_catalog.split_part(col, ':', 1)
                                 AND attnum > 0 AND NOT attisdropped)
                 THEN pg_catalog.format('COALESCE(%I::%s, %s)', pg_catalog.split_part(col, ':', 1),
                                        pg_catalog.split_part(col, ':', 2), pg_catalog.split_part(col, ':', 3))
                 ELSE pg_catalog.split_part(col, ':', 3) END,
            pg_catalog.split_part(col, ':', 2), pg_catalog.split_part(col, ':', 1));
    END LOOP;
    FOR r IN EXECUTE pg_catalog.format('SELECT source::text AS source, raw::text AS raw, %s AS raw_bytes%s FROM %s',
                                       CASE WHEN has_bytes THEN 'raw_bytes' ELSE 'NULL::pg_catalog.bytea' END,
                                       date_cols, staging) LOOP
        source := r.source;
        -- loaders running side by side can deadlock on the same content in
        -- two files; the loser's row is rolled back and tried again
        FOR attempt IN 1 .. 3 LOOP
            BEGIN
                IF r.raw IS NULL AND r.raw_bytes IS NOT NULL THEN
                    res := @extschema@.ingest_status(r.source, @extschema@.news_issue_from_bytes(r.raw_bytes), arch,
                                                     r.issue_date, r.date_source, r.force_date);
                ELSE
                    res := @extschema@.ingest_status(r.source, r.raw::@extschema@.news_issue, arch,
                                                     r.issue_date, r.date_source, r.force_date);
                END IF;
                issue_id := res.issue_id;
                status := res.status;
                message := NULL;
                IF res.date_conflict IS NOT NULL THEN
                    EXECUTE pg_catalog.format($q$
                        SELECT @extschema@._date_text(issue_date, date_precision), date_source
                          FROM %s.issues WHERE id = $1$q$, pg_catalog.quote_ident(arch))
                        INTO kept_date, kept_source USING res.issue_id;
                    message := pg_catalog.format('dates disagree: kept %s from the %s; the %s', kept_date,
                                                 kept_source, res.date_conflict);
                END IF;
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
    'Ingests every row (source text, raw text) of a staging table, or (source, raw NULL, raw_bytes bytea) for pages in any charset, with optional columns issue_date, date_source, force_date (a date from outside the text, see ingest); a failing row is reported (status failed, message) and skipped; message also reports a date conflict';

-- ---------------------------------------------------------------------------
-- Reading: search, trend, top authors, top words.  They read the archive's
-- tables through dynamic SQL and call the text-search functions, so they are
-- STABLE and kept out of parallel workers (PARALLEL RESTRICTED).

CREATE FUNCTION @extschema@._check_range(from_date date, to_date date, lim int) RETURNS void
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
    IF from_date IS NOT NULL AND to_date IS NOT NULL AND from_date > to_date THEN
        RAISE EXCEPTION 'from_date % is after to_date %', from_date, to_date
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF lim IS NOT NULL AND lim < 1 THEN
        RAISE EXCEPTION 'limit must be at least 1 (got %)', lim USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;

CREATE FUNCTION @extschema@._check_query(q text) RETURNS tsquery
    LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    tq tsquery;
BEGIN
    IF q IS NULL OR pg_catalog.btrim(q) = '' THEN
        RAISE EXCEPTION 'search query must not be empty' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    tq := @extschema@.zh_query(q);
    IF tq IS NULL OR pg_catalog.numnode(tq) = 0 THEN
        RAISE EXCEPTION 'search query "%" has no words to search for', q
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN tq;
END
$$;

-- A search text must have something to search for (see &@).
CREATE FUNCTION @extschema@._check_search(q text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF q IS NULL OR pg_catalog.btrim(q, E' \t\n\r\u3000"|-') = '' THEN
        RAISE EXCEPTION 'search query must not be empty' USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;

-- search(): 62_archive_search.sql

CREATE FUNCTION @extschema@.trend(q text, from_date date DEFAULT NULL, to_date date DEFAULT NULL,
                                  archive name DEFAULT NULL)
    RETURNS TABLE (month date, articles bigint)
    LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    s text := pg_catalog.quote_ident(@extschema@.archive_schema(archive));
BEGIN
    PERFORM @extschema@._check_range(from_date, to_date, NULL);
    PERFORM @extschema@._check_search(q);
    -- every month from the first to the last (or the range asked for), zeros included
    RETURN QUERY EXECUTE pg_catalog.format($q$
        WITH hits AS (
            SELECT pg_catalog.date_trunc('month', i.issue_date)::date AS month, pg_catalog.count(*) AS n
              FROM %1$s.articles a
              JOIN %1$s.issues i ON i.id = a.issue_id
             WHERE @extschema@.article_text(a.kicker, a.title, a.subtitle, a.body) OPERATOR(@extschema@.&@?) $1
               AND (@extschema@.zh_index_decides($1) OR @extschema@.article_match(a.kicker, a.title, a.subtitle, a.body, $1))
               AND i.is_current AND i.issue_date IS NOT NULL
               AND ($2 IS NULL OR i.issue_date >= $2)
               AND ($3 IS NULL OR i.issue_date <= $3)
             GROUP BY 1),
        span AS (
            SELECT COALESCE(pg_catalog.date_trunc('month', $2)::date, min(month)) AS first,
                   COALESCE(pg_catalog.date_trunc('month', $3)::date, max(month)) AS last
              FROM hits)
        SELECT m::date, COALESCE(h.n, 0)
          FROM span, pg_catalog.generate_series(span.first, span.last, interval '1 month') AS m
          LEFT JOIN hits h ON h.month = m::date
         ORDER BY 1$q$, s)
        USING q, from_date, to_date;
END
$fn$;
COMMENT ON FUNCTION @extschema@.trend(text, date, date, name) IS
    'Number of current articles matching a query per month (every month of the span, zeros included)';

CREATE FUNCTION @extschema@.top_authors(from_date date DEFAULT NULL, to_date date DEFAULT NULL,
                                        lim int DEFAULT 20, archive name DEFAULT NULL)
    RETURNS TABLE (name text, articles bigint, issues bigint, first_date date, last_date date)
    LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    s text := pg_catalog.quote_ident(@extschema@.archive_schema(archive));
BEGIN
    PERFORM @extschema@._check_range(from_date, to_date, COALESCE(lim, 20));
    RETURN QUERY EXECUTE pg_catalog.format($q$
        SELECT p.name, pg_catalog.count(DISTINCT (p.issue_id, p.article_ordinal)), pg_catalog.count(DISTINCT p.issue_id),
               min(i.issue_date), max(i.issue_date)
          FROM %1$s.authors p
          JOIN %1$s.issues i ON i.id = p.issue_id
         WHERE i.is_current
           AND ($1 IS NULL OR i.issue_date >= $1)
           AND ($2 IS NULL OR i.issue_date <= $2)
         GROUP BY p.name
         ORDER BY 2 DESC, 1
         LIMIT $3$q$, s)
        USING from_date, to_date, COALESCE(lim, 20);
END
$fn$;
COMMENT ON FUNCTION @extschema@.top_authors(date, date, int, name) IS
    'The people with the most articles in a date range (current versions)';

CREATE FUNCTION @extschema@.top_words(from_date date DEFAULT NULL, to_date date DEFAULT NULL,
                                      lim int DEFAULT 50, min_chars int DEFAULT 2, archive name DEFAULT NULL)
    RETURNS TABLE (word text, occurrences bigint, articles bigint)
    LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    s text := pg_catalog.quote_ident(@extschema@.archive_schema(archive));
BEGIN
    PERFORM @extschema@._check_range(from_date, to_date, COALESCE(lim, 50));
    IF min_chars IS NOT NULL AND min_chars < 1 THEN
        RAISE EXCEPTION 'min_chars must be at least 1 (got %)', min_chars USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- words as the segmenter cuts them (not stemmed lexemes); a word counts
    -- when it has at least one Han character or Latin letter
    RETURN QUERY EXECUTE pg_catalog.format($q$
        SELECT w.word, pg_catalog.count(*), pg_catalog.count(DISTINCT (a.issue_id, a.ordinal))
          FROM %1$s.articles a
          JOIN %1$s.issues i ON i.id = a.issue_id
         CROSS JOIN LATERAL pg_catalog.unnest(@extschema@.zh_segment(
                   pg_catalog.concat_ws(E'\n', a.kicker, a.title, a.subtitle, a.body))) AS w(word)
         WHERE i.is_current
           AND ($1 IS NULL OR i.issue_date >= $1)
           AND ($2 IS NULL OR i.issue_date <= $2)
           AND pg_catalog.char_length(w.word) >= $4
           AND w.word ~ '[A-Za-z\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]'
         GROUP BY w.word
         ORDER BY 2 DESC, 1
         LIMIT $3$q$, s)
        USING from_date, to_date, COALESCE(lim, 50), COALESCE(min_chars, 2);
END
$fn$;
COMMENT ON FUNCTION @extschema@.top_words(date, date, int, int, name) IS
    'The most frequent words (as zh_segment cuts them) of the current articles in a date range';
