-- news_archive extension script: storing an issue's articles and authors in
-- an archive (called by ingest_status, locally and on Citus).
--
-- Written with CREATE OR REPLACE so that this piece is also the 0.3 -> 0.4
-- update piece (sql/update/0.3--0.4/70_store_articles.sql links here): 0.4
-- stores the articles' notes (closing credits and notes as printed).

-- The authors of an issue's stored articles: one row per name in authors,
-- with the role and organization news_byline() reads for it from the byline.
-- On Citus a router query on the issue's shard.
CREATE OR REPLACE FUNCTION @extschema@._store_authors(arch name, issue_id bigint) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    EXECUTE pg_catalog.format($q$
        INSERT INTO %1$s.authors (issue_id, article_ordinal, position, name, role, organization)
        SELECT a.issue_id, a.ordinal, u.pos, u.name, b.role, b.organization
          FROM %1$s.articles a
         CROSS JOIN LATERAL pg_catalog.unnest(a.authors) WITH ORDINALITY AS u(name, pos)
          LEFT JOIN LATERAL (SELECT b.role, b.organization
                               FROM @extschema@.news_byline(a.byline) b
                              WHERE b.name = u.name LIMIT 1) b ON true
         WHERE a.issue_id = $1 AND u.name IS NOT NULL AND u.name <> ''$q$, pg_catalog.quote_ident(arch))
        USING issue_id;
END
$fn$;

-- Splits an issue and stores its articles and authors (the issue row exists).
-- news_article has no page yet: articles.page stays NULL (it used to be read
-- through to_jsonb() of the whole article, a copy of every body).
CREATE OR REPLACE FUNCTION @extschema@._store_articles(arch name, issue_id bigint, raw @extschema@.news_issue) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
    EXECUTE pg_catalog.format($q$
        INSERT INTO %s.articles (issue_id, ordinal, kind, section, page, kicker, title, subtitle, byline, authors,
                                 dateline, reported_on, body, caption, continued_to, continued_from,
                                 raw_start, raw_end, notes)
        SELECT $1, a.ordinal, a.kind, a.section, NULL::int, a.kicker, a.title,
               a.subtitle, a.byline, a.authors, a.dateline, a.reported_on, a.body, a.caption,
               a.continued_to::text, a.continued_from::text, a.raw_start, a.raw_end, a.notes
          FROM @extschema@.news_articles($2) a$q$, pg_catalog.quote_ident(arch))
        USING issue_id, raw;
    PERFORM @extschema@._store_authors(arch, issue_id);
END
$fn$;

-- Where an issue of a distributed archive is split into articles (setting
-- news_archive.split_on): 'coordinator' (default), the coordinator splits it
-- and sends the rows to the shard, or 'worker', the worker that holds the
-- issue's shard splits it (INSERT ... SELECT pushed down to the shard).
-- Either way the worker maintains the shard's search index.  bench/citus.md
-- measured 'coordinator' faster, with less CPU on the coordinator too:
-- splitting is cheap next to Citus planning the pushed-down INSERT ... SELECT.
CREATE OR REPLACE FUNCTION @extschema@._citus_store_articles(arch name, key bigint, raw @extschema@.news_issue) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    split_on text := COALESCE(NULLIF(pg_catalog.current_setting('news_archive.split_on', true), ''), 'coordinator');
BEGIN
    IF split_on = 'coordinator' THEN
        PERFORM @extschema@._store_articles(arch, key, raw);
        RETURN;
    ELSIF split_on <> 'worker' THEN
        RAISE EXCEPTION 'news_archive.split_on must be ''coordinator'' or ''worker'' (got "%")', split_on
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE pg_catalog.format($q$
        INSERT INTO %1$s.articles (issue_id, ordinal, kind, section, page, kicker, title, subtitle, byline, authors,
                                   dateline, reported_on, body, caption, continued_to, continued_from,
                                   raw_start, raw_end, notes)
        SELECT i.id, a.ordinal, a.kind, a.section, NULL::int, a.kicker, a.title,
               a.subtitle, a.byline, a.authors, a.dateline, a.reported_on, a.body, a.caption,
               a.continued_to::text, a.continued_from::text, a.raw_start, a.raw_end, a.notes
          FROM %1$s.issues i
         CROSS JOIN LATERAL @extschema@.news_articles(i.raw) a
         WHERE i.id = $1$q$, pg_catalog.quote_ident(arch))
        USING key;
    PERFORM @extschema@._store_authors(arch, key);
END
$fn$;
