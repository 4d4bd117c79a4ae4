-- article_match(kicker, title, subtitle, body, query): exactly
-- article_text(kicker, title, subtitle, body) &@ query, without building
-- article_text(): a long body is read slice by slice up to the first match
-- and through the session's cache (news_archive.long_text_cache), as
-- "body &@ query" reads it.  The archive's index is on article_text(...),
-- and PostgreSQL asks a function's support function for an index condition
-- only when one of its arguments is the indexed expression, so search(),
-- trend() and zh_top write the index's candidate clause beside it:
--   article_text(k, t, s, b) &@? q
--     AND (zh_index_decides(q) OR article_match(k, t, s, b, q))
-- (&@? is answered by the index without reading the text; for a query of
-- one- and two-character terms it is &@ itself, and the planner folds
-- zh_index_decides of a constant query away).
CREATE FUNCTION @extschema@.zh_index_decides(query text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'zh_index_decides' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.zh_index_decides(text) IS
    'Do the zh_search_ops keys alone decide text &@ query (every term one or two BMP characters)?  Then &@? is &@ itself and no text need be read';
CREATE FUNCTION @extschema@.article_match_support(internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'article_match_support' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.article_match_support(internal) IS
    'Planner support of article_match: selectivity as &@ (1 beside its &@? candidate clause), cost';
CREATE FUNCTION @extschema@.article_match(kicker text, title text, subtitle text, body text, query text)
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'article_match' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 59
    SUPPORT @extschema@.article_match_support;
COMMENT ON FUNCTION @extschema@.article_match(text, text, text, text, text) IS
    'article_text(kicker, title, subtitle, body) &@ query without building article_text(): a long body is read slice by slice and from the session''s cache; for the index, write article_text(...) &@? query beside it';

-- trend() confirms its rows with article_match (its index through &@?)
CREATE OR REPLACE FUNCTION @extschema@.trend(q text, from_date date DEFAULT NULL, to_date date DEFAULT NULL,
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
