-- DEVELOPMENT ONLY, not part of the extension: crude stand-ins for the
-- functions the split branch provides (news_articles, news_byline), with
-- their signatures,
-- so the archive code can be exercised before those branches are merged.
-- Load into a database after CREATE EXTENSION (as superuser).  Delete once
-- split and tsearch are merged.
DO $$ BEGIN
IF to_regtype('news_archive.news_article') IS NULL THEN
    CREATE TYPE news_archive.news_article AS (
        ordinal int, kind text, section text, kicker text, title text, subtitle text, byline text,
        authors text[], dateline text, reported_on date, body text, caption text,
        continued_to int, continued_from int, raw_start int, raw_end int);
END IF;
END $$;

DO $do$ BEGIN
IF to_regprocedure('news_archive.news_byline(text)') IS NULL THEN
EXECUTE $x$
CREATE FUNCTION news_archive.news_byline(text)
    RETURNS TABLE (name text, role text, organization text)
    LANGUAGE sql IMMUTABLE AS $f$
    SELECT m[2], m[1], NULL::text
      FROM regexp_matches($1, '(记者|通讯员|见习记者)\s*([一-鿿]{2,3})', 'g') AS m
$f$
$x$;
END IF;
END $do$;

DO $do$ BEGIN
IF to_regprocedure('news_archive.news_articles(news_archive.news_issue)') IS NULL THEN
EXECUTE $x$
CREATE FUNCTION news_archive.news_articles(news_archive.news_issue)
    RETURNS SETOF news_archive.news_article
    LANGUAGE sql IMMUTABLE AS $f$
    WITH parts AS (
        SELECT p, o FROM unnest(regexp_split_to_array($1::text, '\n##+ ')) WITH ORDINALITY AS u(p, o)
    ), arts AS (
        SELECT row_number() OVER (ORDER BY o)::int AS ordinal,
               split_part(p, E'\n', 1) AS title,
               substr(p, length(split_part(p, E'\n', 1)) + 2) AS rest
          FROM parts WHERE o > 1
    )
    SELECT a.ordinal, 'article', NULL, NULL, a.title, NULL::text,
           b.byline, (SELECT array_agg(n ORDER BY n) FROM news_archive.news_byline(b.byline) x(n, r, g)),
           NULL, NULL::date,
           btrim(regexp_replace(a.rest, '■[^\n]*\n([^\n]*通讯员[^\n]*\n)?', ''), E' \n'),
           NULL, NULL::int, NULL::int, NULL::int, NULL::int
      FROM arts a
      LEFT JOIN LATERAL (SELECT substring(a.rest FROM '■[^\n]*(\n[^\n]*通讯员[^\n]*)?') AS byline) b ON true
$f$
$x$;
END IF;
END $do$;

