-- news_archive extension script: an archive's search() and its optional
-- rank index (issue 12).
--
--   create_rank_index(archive)   adds a zh_rank_ops index on the articles'
--                                article_text(...) (the expression the
--                                search index is on): search() then reads
--                                the rows of the top N by their rank bound
--                                (zh_top) instead of ranking every match
--   search(q, from, to, lim, archive)
--                                best matches first; the same rows and
--                                order with or without the rank index
--
-- The rank index is not made by create_archive(): it adds about 38% of the
-- search index's (key, row) pairs to every ingest.  Add it when queries
-- for frequent terms (matching thousands of articles) must be fast.
-- CREATE OR REPLACE: this piece is also the 0.3 -> 0.4 upgrade piece.

CREATE OR REPLACE FUNCTION @extschema@.create_rank_index(archive name DEFAULT NULL) RETURNS void
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    EXECUTE pg_catalog.format(
        'CREATE INDEX IF NOT EXISTS articles_rank_idx ON %s.articles USING zh_gin '
        '(@extschema@.article_text(kicker, title, subtitle, body) @extschema@.zh_rank_ops)',
        pg_catalog.quote_ident(@extschema@.archive_schema(archive)));
END
$$;
COMMENT ON FUNCTION @extschema@.create_rank_index(name) IS
    'Adds the optional zh_rank_ops index to an archive''s articles: search() then finds the top N of frequent terms without ranking every match (about 38% more index entries to write on ingest)';

-- Can search() take the top-N path: a local (not partitioned, not
-- distributed) articles table with a rank index on the expression its
-- search index is on (article_text(...))?
CREATE OR REPLACE FUNCTION @extschema@._search_by_bound(arch name) RETURNS boolean
    LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    rel regclass := pg_catalog.format('%I.articles', arch)::regclass;
BEGIN
    IF (SELECT relkind FROM pg_class WHERE oid = rel) <> 'r' THEN
        RETURN false;
    END IF;
    IF @extschema@.is_distributed_archive(arch) THEN    -- Citus: 65_archive_citus.sql
        RETURN false;
    END IF;
    RETURN EXISTS (
        SELECT FROM pg_index r, pg_index x, pg_opclass ro, pg_opclass xo
         WHERE r.indrelid = rel AND x.indrelid = rel AND r.indisvalid AND x.indisvalid
           AND ro.oid = r.indclass[0] AND xo.oid = x.indclass[0]
           AND ro.opcname = 'zh_rank_ops' AND xo.opcname = 'zh_search_ops'
           AND ro.opcnamespace = xo.opcnamespace
           AND xo.opcnamespace = (SELECT oid FROM pg_namespace WHERE nspname = '@extschema@')
           AND pg_get_expr(r.indexprs, rel) = pg_get_expr(x.indexprs, rel)
           AND pg_get_expr(x.indexprs, rel) LIKE '%article_text(kicker, title, subtitle, body)');
END
$$;

-- The articles search() may return: current issues in the date range (an
-- SQL condition over articles for zh_top's filter).  Up to 1,000 issues the
-- condition lists their ids (a hashed = ANY of a constant array, cheaper per
-- candidate row than a semi-join with issues); beyond, the semi-join.
CREATE OR REPLACE FUNCTION @extschema@._search_filter(s text, from_date date, to_date date) RETURNS text
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    cond text := pg_catalog.format('SELECT i.id FROM %s.issues i WHERE i.is_current', s)
                 OPERATOR(pg_catalog.||) CASE WHEN from_date IS NOT NULL
                                              THEN pg_catalog.format(' AND i.issue_date >= %L::date', from_date) ELSE '' END
                 OPERATOR(pg_catalog.||) CASE WHEN to_date IS NOT NULL
                                              THEN pg_catalog.format(' AND i.issue_date <= %L::date', to_date) ELSE '' END;
    ids bigint[];
BEGIN
    EXECUTE pg_catalog.format('SELECT pg_catalog.array_agg(id ORDER BY id) FROM (%s LIMIT 1001) x', cond) INTO ids;
    IF COALESCE(pg_catalog.array_length(ids, 1), 0) <= 1000 THEN
        RETURN pg_catalog.format('issue_id OPERATOR(pg_catalog.=) ANY (%L::pg_catalog.int8[])', COALESCE(ids, '{}'));
    END IF;
    RETURN pg_catalog.format('issue_id IN (%s)', cond);
END
$$;

-- The page of hits: rank, snippet and the article's issue.  rows is the
-- FROM item giving the rows ranked (a.*, rank): every match of the plain
-- plan, or zh_top's rows (with the ones tied with the last) joined back.
CREATE OR REPLACE FUNCTION @extschema@._search_sql(s text, hits text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT pg_catalog.format($q$
        SELECT h.rank,
               pg_catalog.regexp_replace(@extschema@.zh_highlight(
                   CASE WHEN COALESCE(h.body, '') = '' THEN COALESCE(h.title, '') ELSE h.body END, $1,
                   'StartSel=<b>, StopSel=</b>, MaxFragments=2, MaxChars=48, FragmentDelimiter=" … "'),
                   '\s*\n\s*', ' ', 'g'),
               h.title, h.issue_date, h.paper, h.issue_id, h.ordinal
          FROM (SELECT a.rank, a.body, a.title, i.issue_date,
                       COALESCE(i.masthead, i.site, i.news_source)::text AS paper, a.issue_id, a.ordinal
                  FROM (%2$s) a
                  JOIN %1$s.issues i ON i.id = a.issue_id
                 WHERE i.is_current
                   AND ($2 IS NULL OR i.issue_date >= $2)
                   AND ($3 IS NULL OR i.issue_date <= $3)
                 ORDER BY 1 DESC, i.issue_date DESC NULLS LAST, a.issue_id, a.ordinal
                 LIMIT $4) h
         ORDER BY h.rank DESC, h.issue_date DESC NULLS LAST, h.issue_id, h.ordinal$q$, s, hits)
$$;

CREATE OR REPLACE FUNCTION @extschema@.search(q text, from_date date DEFAULT NULL, to_date date DEFAULT NULL,
                                              lim int DEFAULT 20, archive name DEFAULT NULL)
    RETURNS TABLE (rank real, snippet text, title text, issue_date date, paper text, issue_id bigint, ordinal int)
    LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    arch name := @extschema@.archive_schema(archive);
    s text := pg_catalog.quote_ident(arch);
    hits text;
BEGIN
    PERFORM @extschema@._check_range(from_date, to_date, COALESCE(lim, 20));
    PERFORM @extschema@._check_search(q);
    IF @extschema@._search_by_bound(arch) THEN
        -- the top lim by rank bound (zh_top), ties with the last kept so
        -- that the order below picks the same rows as the plain plan
        hits := pg_catalog.format($h$
            WITH t AS MATERIALIZED (
                SELECT * FROM @extschema@.zh_top(%2$L, %3$L, $1, $4, %4$L, body => 'body', filter => %5$L,
                                                 with_ties => true, exact => %6$L))
            SELECT x.*, t.rank
              FROM %1$s.articles x JOIN t ON x.ctid = t.row_id
             WHERE x.ctid = ANY (ARRAY(SELECT row_id FROM t))$h$,
            s, s || '.articles', '@extschema@.article_text(kicker, title, subtitle, body)',
            $t$pg_catalog.concat_ws(' ', kicker, title, subtitle)$t$,
            @extschema@._search_filter(s, from_date, to_date),
            '@extschema@.zh_index_decides($3) OR @extschema@.article_match(kicker, title, subtitle, body, $3)');
    ELSE
        hits := pg_catalog.format($h$
            SELECT x.*, @extschema@.zh_rank(pg_catalog.concat_ws(' ', x.kicker, x.title, x.subtitle), x.body, $1) AS rank
              FROM %1$s.articles x
             WHERE @extschema@.article_text(x.kicker, x.title, x.subtitle, x.body) OPERATOR(@extschema@.&@?) $1
               AND (@extschema@.zh_index_decides($1)
                    OR @extschema@.article_match(x.kicker, x.title, x.subtitle, x.body, $1))$h$, s);
    END IF;
    RETURN QUERY EXECUTE @extschema@._search_sql(s, hits)
        USING q, from_date, to_date, COALESCE(lim, 20);
END
$fn$;
COMMENT ON FUNCTION @extschema@.search(text, date, date, int, name) IS
    'Exact search of the current articles (web-search syntax, see zh_query; &@): rank (zh_rank), highlighted snippet (<b>...</b>), title, date, paper, ids; best first; with create_rank_index() it ranks only the rows that can reach the top';
