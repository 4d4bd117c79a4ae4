-- news_archive extension script: creating an archive (see 60_archive.sql).
--
-- Written with CREATE OR REPLACE so that this piece is also the 0.3 -> 0.4
-- update piece (sql/update/0.3--0.4/60_partitions.sql links here): archives
-- made before keep their plain articles table.

-- How many hash partitions create_archive(name) gives the articles table:
-- one, a plain table.  Two sessions loading into one GIN index merge its
-- pending list one at a time (half of an ingest's server CPU); a partition
-- per session lets them merge side by side, but in the measurement
-- (bench/ingest.md, 2026-12-03) two partitions balanced the sessions
-- (replayed efficiency 0.81 -> 0.98) for about 10 % more server CPU: +11 %
-- projected on two idle cores, not shown in the wall on a shared machine.
-- create_archive(name, n) makes n.  (create_archive(name, distributed =>
-- true) builds on create_archive(name): Citus archives stay unpartitioned.)
CREATE OR REPLACE FUNCTION @extschema@._default_partitions() RETURNS int
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT 1
$$;

-- The plain-typed view of an archive's current articles (made by
-- create_archive(); made again when a release adds a column at its end).
CREATE OR REPLACE FUNCTION @extschema@._articles_view(archive name) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    s text := pg_catalog.quote_ident(archive);
BEGIN
    EXECUTE pg_catalog.format($q$
        CREATE OR REPLACE VIEW %1$s.articles_v AS
        SELECT a.issue_id, a.ordinal,
               COALESCE(i.masthead, i.site, i.news_source)::text AS paper,
               i.issue_date, a.page, a.kind, a.section, a.kicker, a.title, a.subtitle,
               COALESCE(a.authors, '{}'::text[]) AS authors,
               a.byline, a.dateline, a.reported_on, a.body, a.caption, a.char_count,
               i.source, a.notes
          FROM %1$s.articles a
          JOIN %1$s.issues i ON i.id = a.issue_id
         WHERE i.is_current$q$, s);
    EXECUTE pg_catalog.format('COMMENT ON VIEW %s.articles_v IS %L', s,
        'Articles of the current version of every issue');
    PERFORM @extschema@._comment_columns(s || '.articles_v', ARRAY[
        'issue_id', 'Issue id',
        'ordinal', 'Position of the article in its issue, from 1',
        'paper', 'Name of the paper or site',
        'issue_date', 'Issue date',
        'page', 'Page when known',
        'kind', 'Kind of item (article, photo, brief, ...)',
        'section', 'Column or section label',
        'kicker', 'Kicker printed above the title',
        'title', 'Title',
        'subtitle', 'Subtitle',
        'authors', 'Names of the authors, in byline order',
        'byline', 'Byline as printed',
        'dateline', 'Dateline',
        'reported_on', 'Date given in the dateline',
        'body', 'Clean body text',
        'caption', 'Photo caption',
        'char_count', 'Characters in the body',
        'source', 'Where the issue came from',
        'notes', 'Closing credits and notes as printed (责编, 摄, 资料来源), one a line']);
END
$fn$;

CREATE OR REPLACE FUNCTION @extschema@.create_archive(archive name, partitions int) RETURNS name
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    parts int := COALESCE(partitions, @extschema@._default_partitions());
    s text := pg_catalog.quote_ident(archive);
    ns oid;
    comp text := COALESCE(@extschema@._toast_compression(), 'pglz');
BEGIN
    IF archive IS NULL OR archive = '' THEN
        RAISE EXCEPTION 'archive schema name must not be empty' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF parts < 1 OR parts > 64 THEN
        RAISE EXCEPTION 'partitions must be between 1 and 64 (got %)', parts USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF pg_catalog.current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'news archives need a UTF8 database' USING ERRCODE = 'feature_not_supported';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_ts_config
                    WHERE cfgname = 'chinese' AND pg_catalog.pg_ts_config_is_visible(oid)) THEN
        RAISE EXCEPTION 'text search configuration "chinese" is missing'
            USING ERRCODE = 'undefined_object',
                  HINT = 'It comes with the news_archive extension; reinstall the extension.';
    END IF;
    SELECT oid INTO ns FROM pg_catalog.pg_namespace WHERE nspname = archive;
    IF ns IS NULL THEN
        EXECUTE pg_catalog.format('CREATE SCHEMA %s', s);
    ELSIF @extschema@.is_archive(archive) THEN
        RAISE NOTICE 'schema "%" already holds a news archive; nothing to do', archive;
        RETURN archive;
    ELSIF NOT pg_catalog.has_schema_privilege(ns, 'CREATE') THEN
        RAISE EXCEPTION 'no permission to create tables in schema "%"', archive
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Use a schema you own, or a new schema name.';
    ELSIF EXISTS (SELECT 1 FROM pg_catalog.pg_class
                   WHERE relnamespace = ns
                     AND relname IN ('issues', 'articles', 'authors', 'issues_v', 'articles_v', 'authors_v')) THEN
        RAISE EXCEPTION 'schema "%" already has tables named like an archive''s, but is not an archive', archive
            USING ERRCODE = 'duplicate_table';
    END IF;

    -- issues: one row per distinct raw issue; corrected versions of the same
    -- source are new rows (version + 1, supersedes = the previous one)
    EXECUTE pg_catalog.format($q$
        CREATE TABLE %1$s.issues (
            id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            source       text NOT NULL CHECK (source <> ''),
            version      int NOT NULL DEFAULT 1 CHECK (version >= 1),
            supersedes   bigint REFERENCES %1$s.issues (id),
            is_current   boolean NOT NULL DEFAULT true,
            raw          @extschema@.news_issue COMPRESSION %2$s NOT NULL,
            content_hash bytea NOT NULL GENERATED ALWAYS AS (@extschema@.news_issue_hash(raw)) STORED,
            chars        int,
            masthead     text,
            issue_date   date,
            weekday      text,
            lunar_date   text,
            issue_no     int,
            pages        int,
            sponsor      text,
            publisher    text,
            site         text,
            section_path text[],
            news_source  text,
            tags         text[],
            editor       text,
            loaded_at    timestamptz NOT NULL DEFAULT pg_catalog.now(),
            date_source  text,
            date_precision text,
            date_confidence text,
            date_conflict text,
            CONSTRAINT issues_content_hash_key UNIQUE (content_hash),
            CONSTRAINT issues_source_version_key UNIQUE (source, version)
        )$q$, s, comp);
    EXECUTE pg_catalog.format('CREATE INDEX issues_issue_date_idx ON %s.issues (issue_date)', s);
    EXECUTE pg_catalog.format('CREATE UNIQUE INDEX issues_current_source_idx ON %s.issues (source) WHERE is_current', s);
    EXECUTE pg_catalog.format('CREATE INDEX issues_supersedes_idx ON %s.issues (supersedes) WHERE supersedes IS NOT NULL', s);
    EXECUTE pg_catalog.format('COMMENT ON TABLE %s.issues IS %L', s,
        'Raw issues as loaded (news_archive.ingest); every version of a corrected issue is kept');
    PERFORM @extschema@._comment_columns(s || '.issues', ARRAY[
        'id', 'Issue id (returned by news_archive.ingest)',
        'source', 'Where the issue came from (file name, URL, ...); versions are counted per source',
        'version', 'Version of this source: 1, then 2 for the first correction, ...',
        'supersedes', 'The id of the version this one corrects',
        'is_current', 'True for the newest version of its source',
        'raw', 'The raw issue, byte for byte',
        'content_hash', 'SHA-256 of the raw text; the same content is stored once',
        'chars', 'Characters in the raw text',
        'masthead', 'Masthead (name of the paper) from the front matter',
        'issue_date', 'Issue date: from the front matter, the file name or given (see date_source); the first day of the month or year when date_precision says so',
        'weekday', 'Weekday as printed',
        'lunar_date', 'Lunar date as printed',
        'issue_no', 'Running issue number (总第N期)',
        'pages', 'Number of pages (今日N版)',
        'sponsor', 'Sponsor (主办)',
        'publisher', 'Publisher (出版)',
        'site', 'Web site name (web pages)',
        'section_path', 'Breadcrumb of a web page',
        'news_source', 'Source line of a web page (来源)',
        'tags', 'Tags of a web page',
        'editor', 'Responsible editor of a web page',
        'loaded_at', 'When this version was loaded',
        'date_source', 'Where issue_date came from: masthead, text, html meta, file name or given',
        'date_precision', 'What issue_date knows: day, month or year (then issue_date is its first day)',
        'date_confidence', 'low for a year far outside 1840..next year, else high',
        'date_conflict', 'The other date when the text and the file name or given date disagree (e.g. file name says 2020-05-05)']);

    -- articles: the issue split by news_articles().  Search is exact
    -- substring search (&@) through a GIN index on the article's own text
    -- (article_text(): kicker, title, subtitle, body), no stored copy
    -- with partitions > 1 the table is hash-partitioned by issue: every
    -- partition has its own search index and so its own pending list, and
    -- sessions loading side by side merge them at the same time (one GIN
    -- index merges its pending list in one session at a time)
    EXECUTE pg_catalog.format($q$
        CREATE TABLE %1$s.articles (
            issue_id       bigint NOT NULL REFERENCES %1$s.issues (id) ON DELETE CASCADE,
            ordinal        int NOT NULL,
            kind           text,
            section        text,
            page           int,
            kicker         text,
            title          text,
            subtitle       text,
            byline         text,
            authors        text[],
            dateline       text,
            reported_on    date,
            body           text COMPRESSION %2$s,
            caption        text,
            continued_to   text,
            continued_from text,
            raw_start      int,
            raw_end        int,
            char_count     int NOT NULL GENERATED ALWAYS AS (pg_catalog.char_length(COALESCE(body, ''))) STORED,
            notes          text,
            PRIMARY KEY (issue_id, ordinal)
        )%3$s$q$, s, comp, CASE WHEN parts > 1 THEN ' PARTITION BY HASH (issue_id)' ELSE '' END);
    FOR i IN 0 .. parts - 1 LOOP
        EXIT WHEN parts = 1;
        EXECUTE pg_catalog.format('CREATE TABLE %1$s.%2$I PARTITION OF %1$s.articles FOR VALUES WITH (MODULUS %3$s, REMAINDER %4$s)',
                                  s, 'articles_' || i, parts, i);
        EXECUTE pg_catalog.format('COMMENT ON TABLE %s.%I IS %L', s, 'articles_' || i,
            pg_catalog.format('Partition %s of %s of articles (by issue_id); query articles', i + 1, parts));
    END LOOP;
    PERFORM @extschema@._create_search_index(archive);
    EXECUTE pg_catalog.format('COMMENT ON TABLE %s.articles IS %L', s,
        'Articles of each issue, as split by news_archive.news_articles()');
    PERFORM @extschema@._comment_columns(s || '.articles', ARRAY[
        'issue_id', 'The issue (issues.id)',
        'ordinal', 'Position of the article in its issue, from 1',
        'kind', 'Kind of item (article, photo, brief, ...)',
        'section', 'Column or section label',
        'page', 'Page (版) when known',
        'kicker', 'Kicker (引题) printed above the title',
        'title', 'Title',
        'subtitle', 'Subtitle (副题)',
        'byline', 'Byline as printed',
        'authors', 'Names of the authors, in byline order',
        'dateline', 'Dateline (本报讯, 新华社北京3月7日电, ...)',
        'reported_on', 'Date given in the dateline',
        'body', 'Clean body text',
        'caption', 'Photo caption',
        'continued_to', 'Where the article continues (下转第N版)',
        'continued_from', 'Where the article is continued from (上接第N版)',
        'raw_start', 'Start offset of the article in the raw issue',
        'raw_end', 'End offset of the article in the raw issue',
        'char_count', 'Characters in the body',
        'notes', 'Closing credits and notes as printed (责编, 摄, 资料来源), one a line; their persons are in authors too']);

    -- authors: one row per person and article
    EXECUTE pg_catalog.format($q$
        CREATE TABLE %1$s.authors (
            issue_id        bigint NOT NULL,
            article_ordinal int NOT NULL,
            position        int NOT NULL,
            name            text NOT NULL,
            role            text,
            organization    text,
            PRIMARY KEY (issue_id, article_ordinal, position),
            FOREIGN KEY (issue_id, article_ordinal) REFERENCES %1$s.articles (issue_id, ordinal) ON DELETE CASCADE
        )$q$, s);
    EXECUTE pg_catalog.format('CREATE INDEX authors_name_idx ON %s.authors (name)', s);
    EXECUTE pg_catalog.format('COMMENT ON TABLE %s.authors IS %L', s,
        'Authors of each article, one row per person and article');
    PERFORM @extschema@._comment_columns(s || '.authors', ARRAY[
        'issue_id', 'The issue (issues.id)',
        'article_ordinal', 'The article (articles.ordinal)',
        'position', 'Position of the person in the byline, from 1',
        'name', 'Name of the person',
        'role', 'Role (记者, 通讯员, 摄, ...)',
        'organization', 'Organization named in the byline']);

    -- views: plain types only, current versions only for articles and authors
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
    EXECUTE pg_catalog.format('COMMENT ON VIEW %s.issues_v IS %L', s,
        'Issues with their front matter, every version (superseded_by is NULL for the current one)');
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

    PERFORM @extschema@._articles_view(archive);

    EXECUTE pg_catalog.format($q$
        CREATE VIEW %1$s.authors_v AS
        SELECT p.name, p.role, p.organization, p.position,
               COALESCE(i.masthead, i.site, i.news_source)::text AS paper,
               i.issue_date, a.title, a.kind, p.issue_id, p.article_ordinal AS ordinal
          FROM %1$s.authors p
          JOIN %1$s.articles a ON a.issue_id = p.issue_id AND a.ordinal = p.article_ordinal
          JOIN %1$s.issues i ON i.id = p.issue_id
         WHERE i.is_current$q$, s);
    EXECUTE pg_catalog.format('COMMENT ON VIEW %s.authors_v IS %L', s,
        'One row per person and article (current versions)');
    PERFORM @extschema@._comment_columns(s || '.authors_v', ARRAY[
        'name', 'Name of the person',
        'role', 'Role (记者, 通讯员, 摄, ...)',
        'organization', 'Organization named in the byline',
        'position', 'Position in the byline, from 1',
        'paper', 'Name of the paper or site',
        'issue_date', 'Issue date',
        'title', 'Title of the article',
        'kind', 'Kind of item',
        'issue_id', 'Issue id',
        'ordinal', 'Position of the article in its issue']);

    EXECUTE pg_catalog.format('COMMENT ON SCHEMA %s IS %L', s,
        'news_archive archive: tables issues, articles, authors; views issues_v, articles_v, authors_v');
    RETURN archive;
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_archive(name, int) IS
    'Creates an archive (tables issues, articles, authors and views issues_v, articles_v, authors_v) in a schema the caller owns, articles hash-partitioned by issue into the given number of partitions (1: one plain table); does nothing when it exists';

CREATE OR REPLACE FUNCTION @extschema@.create_archive(archive name) RETURNS name
    LANGUAGE sql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT @extschema@.create_archive(archive, @extschema@._default_partitions())
$$;
COMMENT ON FUNCTION @extschema@.create_archive(name) IS
    'Creates an archive (tables issues, articles, authors and views issues_v, articles_v, authors_v) in a schema the caller owns; does nothing when it exists';

