-- 0.2 -> 0.3, issue 11 (issue dates): news_issue_info() says where the
-- date came from, its precision and confidence; date_from_path();
-- resolve_issue_date(); ingest()/ingest_status() take a date from outside the
-- text; archives keep date_source, date_precision, date_confidence and
-- date_conflict.  (generated from sql/ext/00_base.sql, 60_archive.sql and
-- 65_archive_citus.sql; keep in step with them)

ALTER TYPE @extschema@.news_issue_info
    ADD ATTRIBUTE date_source text,
    ADD ATTRIBUTE date_precision text,
    ADD ATTRIBUTE date_confidence text;
COMMENT ON FUNCTION @extschema@.news_issue_info(@extschema@.news_issue) IS
    'The issue''s front matter: masthead, date, weekday, lunar date, issue number, pages, sponsor, publisher; for web pages site, section path, source, tags and editor; for values made from bytes the charset read and the count of invalid bytes replaced by U+FFFD; where the date came from (masthead, text, html meta), its precision (day, month, year: the date is then the first day) and confidence (low for a year far outside 1840..next year)';

-- The issue date a file's path names (20200504, 2020-05-04, 2020_05_04,
-- 2020/05/04/, 2020/0504/, 2020年5月4日): the loader's default for issues
-- whose text has no date.
CREATE FUNCTION @extschema@.date_from_path(path text) RETURNS date
    AS 'MODULE_PATHNAME', 'news_archive_date_from_path' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.date_from_path(text) IS
    'The date a file path names (20200504, 2020-05-04, 2020_05_04, 2020/05/04/page1.txt, 2020/0504/, 2020年5月4日), the last one in the path; NULL when none';

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

-- ingest() and ingest_status() take three more arguments: the old ones go
DROP FUNCTION @extschema@.ingest(text, @extschema@.news_issue, name);
DROP FUNCTION @extschema@.ingest_status(text, @extschema@.news_issue, name);

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

-- create_archive() builds the new columns
-- create_archive() (the date columns of new archives) is replaced in
-- 60_ingest_compression.sql, which holds its whole 0.3 body.

-- a distributed archive's issues_v shows them too
CREATE OR REPLACE FUNCTION @extschema@._citus_views(arch name) RETURNS void
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

-- existing archives: the new columns (dates stored by 0.2 came from the head
-- of the text, day-precision), and issues_v shows them
DO $up$
DECLARE
    arch name;
    s text;
BEGIN
    FOR arch IN SELECT * FROM @extschema@.archives() LOOP
        s := pg_catalog.quote_ident(arch);
        EXECUTE pg_catalog.format($q$
            ALTER TABLE %s.issues ADD COLUMN IF NOT EXISTS date_source text,
                                  ADD COLUMN IF NOT EXISTS date_precision text,
                                  ADD COLUMN IF NOT EXISTS date_confidence text,
                                  ADD COLUMN IF NOT EXISTS date_conflict text$q$, s);
        EXECUTE pg_catalog.format($q$
            UPDATE %s.issues SET date_source = CASE WHEN site IS NULL THEN 'masthead' ELSE 'text' END,
                                 date_precision = 'day',
                                 date_confidence = CASE WHEN pg_catalog.date_part('year', issue_date) < 1840
                                                        THEN 'low' ELSE 'high' END
             WHERE issue_date IS NOT NULL AND date_source IS NULL$q$, s);
        IF @extschema@.is_distributed_archive(arch) THEN
            PERFORM @extschema@._citus_views(arch);
        ELSE
            -- made anew (a view of an archive is no extension member: it leaves the extension again)
            EXECUTE pg_catalog.format('DROP VIEW %s.issues_v', s);
            EXECUTE pg_catalog.format($q$
        CREATE VIEW %1$s.issues_v AS
        SELECT i.id AS issue_id, i.source, i.version, i.supersedes,
               (SELECT n.id FROM %1$s.issues n WHERE n.supersedes = i.id ORDER BY n.version LIMIT 1) AS superseded_by,
               COALESCE(i.masthead, i.site, i.news_source)::text AS paper,
               i.issue_date, i.weekday, i.lunar_date, i.issue_no, i.pages, i.sponsor, i.publisher,
               i.site, i.section_path, i.news_source, i.tags, i.editor,
               (SELECT pg_catalog.count(*)::int FROM %1$s.articles a WHERE a.issue_id = i.id) AS articles,
               i.chars,
               pg_catalog.encode(i.content_hash, 'hex') AS content_sha256,
               i.loaded_at, i.date_source, i.date_precision, i.date_confidence, i.date_conflict
          FROM %1$s.issues i$q$, s);
            EXECUTE pg_catalog.format('ALTER EXTENSION news_archive DROP VIEW %s.issues_v', s);
            EXECUTE pg_catalog.format('COMMENT ON VIEW %s.issues_v IS %L', s,
                'Issues with their front matter, every version (superseded_by is NULL for the current one)');
        END IF;
        PERFORM @extschema@._comment_columns(s || '.issues', ARRAY[
            'issue_date', 'Issue date: from the front matter, the file name or given (see date_source); the first day of the month or year when date_precision says so',
            'date_source', 'Where issue_date came from: masthead, text, html meta, file name or given',
            'date_precision', 'What issue_date knows: day, month or year (then issue_date is its first day)',
            'date_confidence', 'low for a year far outside 1840..next year, else high',
            'date_conflict', 'The other date when the text and the file name or given date disagree (e.g. file name says 2020-05-05)']);
        PERFORM @extschema@._comment_columns(s || '.issues_v', ARRAY[
            'issue_id', 'Issue id',
            'source', 'Where the issue came from (file name, URL, ...)',
            'version', 'Version of this source, from 1',
            'supersedes', 'Id of the version this one corrects',
            'superseded_by', 'Id of the version that corrects this one; NULL for the current version',
            'paper', 'Name of the paper or site',
            'issue_date', 'Issue date',
            'weekday', 'Weekday as printed',
            'lunar_date', 'Lunar date as printed',
            'issue_no', 'Running issue number',
            'pages', 'Number of pages',
            'sponsor', 'Sponsor (主办)',
            'publisher', 'Publisher (出版)',
            'site', 'Web site name (web pages)',
            'section_path', 'Breadcrumb of a web page',
            'news_source', 'Source line of a web page',
            'tags', 'Tags of a web page',
            'editor', 'Responsible editor of a web page',
            'articles', 'Number of articles',
            'chars', 'Characters in the raw issue',
            'content_sha256', 'SHA-256 of the raw issue, hex',
            'loaded_at', 'When this version was loaded',
            'date_source', 'Where issue_date came from: masthead, text, html meta, file name or given',
            'date_precision', 'day, month or year (issue_date is then its first day)',
            'date_confidence', 'low for a year far outside 1840..next year',
            'date_conflict', 'The other date when the text and the file name or given date disagree']);
    END LOOP;
END
$up$;
