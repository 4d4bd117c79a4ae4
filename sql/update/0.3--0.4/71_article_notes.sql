-- 0.4: an article's closing credits and notes as printed ((责编：X),
-- (资料来源：...), X 摄) are kept in news_article.notes, articles.notes and
-- articles_v.notes (0.3 kept only their persons, in authors).  Archives made
-- before get the column and their view made again with it at its end; rows
-- stored before have NULL notes until news_archive.resplit() splits them again.
ALTER TYPE @extschema@.news_article ADD ATTRIBUTE notes text;
COMMENT ON TYPE @extschema@.news_article IS
    'One article or photo of an issue: headline parts, byline and authors (author_roles parallel to authors), dateline, the day reported on, cleaned body, photo caption, continuations, the character span [raw_start, raw_end) in the raw issue, and the closing credits and notes as printed (责编, 摄, 资料来源; one a line), whose persons are in authors too';

DO $up$
DECLARE
    arch name;
BEGIN
    FOR arch IN SELECT * FROM @extschema@.archives() LOOP
        EXECUTE pg_catalog.format('ALTER TABLE %s.articles ADD COLUMN IF NOT EXISTS notes text',
                                  pg_catalog.quote_ident(arch));
        EXECUTE pg_catalog.format('COMMENT ON COLUMN %s.articles.notes IS %L', pg_catalog.quote_ident(arch),
            'Closing credits and notes as printed (责编, 摄, 资料来源), one a line; their persons are in authors too');
        -- a script may not replace what the extension does not own: the
        -- view is made again, then left out of the extension; a view of the
        -- user's own built on it keeps it as it is (articles.notes has them)
        BEGIN
            EXECUTE pg_catalog.format('DROP VIEW %s.articles_v', pg_catalog.quote_ident(arch));
            PERFORM @extschema@._articles_view(arch);
            EXECUTE pg_catalog.format('ALTER EXTENSION news_archive DROP VIEW %s.articles_v',
                                      pg_catalog.quote_ident(arch));
        EXCEPTION WHEN dependent_objects_still_exist THEN
            RAISE NOTICE 'archive %: articles_v kept without notes, other views depend on it (articles.notes has them)', arch;
        END;
    END LOOP;
END
$up$;
