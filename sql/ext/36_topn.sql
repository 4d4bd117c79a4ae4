-- news_archive extension script: top N by rank without reading every
-- matching text (issue 12).
--
--   CREATE INDEX ... USING gin (col news_archive.zh_rank_ops)
--                      optional second index beside zh_search_ops: keys say
--                      "this character / bigram occurs at least 2^l times
--                      in the row" (l = 1 .. 12)
--   text &@# 'l:query' true when some positive term of the query may occur
--                      2^l times or more (answered by zh_rank_ops exactly);
--                      'l/t:query': the t-th positive term
--   zh_rank_bound(title, body_bytes, levels, query, ...)
--                      an upper bound of zh_rank for a body of that size
--                      whose levels (4 bits per positive term) are at most
--                      those
--   zh_rank_bounds(rank_index, query, row_ids, body_bytes, titles, ...)
--                      those bounds for many rows at once, best first, the
--                      levels read from the index alone (zh_top's first step)
--   zh_top(table, doc, query, n, title, ..., body, filter, with_ties)
--                      the N rows of highest zh_rank(title, body, query, ...)
--                      among those where doc &@ query and filter, reading
--                      the texts in the order of their bound and stopping
--                      when no unread row can beat the N-th score; doc may
--                      be any indexed expression (an archive's
--                      article_text(...)), body a part of it

-- text &@? query: the text has the index keys the query needs (a superset
-- of &@ that zh_search_ops answers without reading the text)
CREATE FUNCTION @extschema@.zh_match_candidate(text, text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'zh_match_candidate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.zh_match_candidate(text, text) IS
    'text &@? query: does the text have the zh_search_ops keys the query needs (a superset of &@, no text read through the index)?';
CREATE OPERATOR @extschema@.&@? (
    LEFTARG = text, RIGHTARG = text,
    FUNCTION = @extschema@.zh_match_candidate,
    RESTRICT = @extschema@.zh_match_sel, JOIN = contjoinsel
);
COMMENT ON OPERATOR @extschema@.&@? (text, text) IS
    'text &@? query: the candidates of &@ (the index keys the query needs are there); indexable with zh_search_ops';
ALTER OPERATOR FAMILY @extschema@.zh_search_ops USING gin ADD OPERATOR 2 @extschema@.&@? (text, text);

CREATE FUNCTION @extschema@.zh_rank_level_match(text, text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'zh_rank_level_match' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.zh_rank_level_match(text, text) IS
    'text &@# ''l:query'': may some positive term of the query occur 2^l times or more (every character or bigram of it does)?';

CREATE OPERATOR @extschema@.&@# (
    LEFTARG = text, RIGHTARG = text,
    FUNCTION = @extschema@.zh_rank_level_match,
    RESTRICT = contsel, JOIN = contjoinsel
);
COMMENT ON OPERATOR @extschema@.&@# (text, text) IS
    'text &@# ''l:query'': frequency level of the query''s terms in the text (zh_top); indexable with zh_rank_ops';

CREATE FUNCTION @extschema@.zh_rank_gin_extract_value(text, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'zh_rank_gin_extract_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.zh_rank_gin_extract_query(text, internal, int2, internal, internal, internal, internal)
    RETURNS internal
    AS 'MODULE_PATHNAME', 'zh_rank_gin_extract_query' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.zh_rank_gin_consistent(internal, int2, text, int4, internal, internal, internal, internal)
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'zh_rank_gin_consistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.zh_rank_gin_triconsistent(internal, int2, text, int4, internal, internal, internal)
    RETURNS "char"
    AS 'MODULE_PATHNAME', 'zh_rank_gin_triconsistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR CLASS @extschema@.zh_rank_ops
    FOR TYPE text USING gin AS
        OPERATOR 1 @extschema@.&@# (text, text),
        FUNCTION 1 pg_catalog.btint4cmp(int4, int4),
        FUNCTION 2 @extschema@.zh_rank_gin_extract_value(text, internal),
        FUNCTION 3 @extschema@.zh_rank_gin_extract_query(text, internal, int2, internal, internal, internal, internal),
        FUNCTION 4 @extschema@.zh_rank_gin_consistent(internal, int2, text, int4, internal, internal, internal, internal),
        FUNCTION 6 @extschema@.zh_rank_gin_triconsistent(internal, int2, text, int4, internal, internal, internal),
        STORAGE int4;
COMMENT ON OPERATOR CLASS @extschema@.zh_rank_ops USING gin IS
    'Optional GIN index for zh_top: frequency levels (2, 4, .. 4096 times and more) of the normalised text''s characters and bigrams';

CREATE FUNCTION @extschema@.zh_rank_bound(title text, body_bytes int8, levels int8, query text,
                                          title_weight float8 DEFAULT 3,
                                          avg_title_chars float8 DEFAULT 20,
                                          avg_body_chars float8 DEFAULT 1500)
    RETURNS float8
    AS 'MODULE_PATHNAME', 'zh_rank_bound_sql' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.zh_rank_bound(text, int8, int8, text, float8, float8, float8) IS
    'Upper bound of zh_rank(title, body, query, ...) for a body of body_bytes bytes whose &@# level for the i-th positive term is at most (levels >> 4(i-1)) & 15 (12: any)';

CREATE FUNCTION @extschema@.zh_rank_terms(query text) RETURNS int4
    AS 'MODULE_PATHNAME', 'zh_rank_terms' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.zh_rank_terms(text) IS
    'The number of positive terms of a &@ query (zh_top reads a level per term)';

CREATE FUNCTION @extschema@.zh_rank_index(tbl regclass, doc text, opclass_schema text) RETURNS regclass
    AS 'MODULE_PATHNAME', 'zh_rank_index' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.zh_rank_index(regclass, text, text) IS
    'The valid, non-partial zh_rank_ops index (the opclass of that schema) whose key is exactly the SQL expression doc over the table''s columns, or NULL (zh_top)';

CREATE FUNCTION @extschema@.zh_rank_bounds(rank_index regclass, query text, row_ids tid[], body_bytes int8[],
                                           titles text[], title_weight float8, avg_title_chars float8,
                                           avg_body_chars float8, OUT row_ids tid[], OUT bounds float8[])
    AS 'MODULE_PATHNAME', 'zh_rank_bounds' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.zh_rank_bounds(regclass, text, tid[], int8[], text[], float8, float8, float8) IS
    'zh_top''s bounds: the rows'' upper bounds of zh_rank (zh_rank_bound, levels read from the zh_rank_ops index without visiting the table), highest first; row_ids, body_bytes, titles parallel';

-- Has the table both a zh_search_ops and a zh_rank_ops index (zh_top's fast
-- path: candidates from the first, levels from the second)?
CREATE FUNCTION @extschema@._has_rank_index(tbl regclass) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT count(DISTINCT o.opcname) = 2
      FROM pg_index i JOIN pg_opclass o ON o.oid = ANY (i.indclass::oid[])
     WHERE i.indrelid = tbl AND i.indisvalid
       AND o.opcname IN ('zh_rank_ops', 'zh_search_ops')
       AND o.opcnamespace = (SELECT oid FROM pg_namespace WHERE nspname = '@extschema@')
$$;

-- zh_top's arguments are SQL text put into its queries: doc, title, body
-- and filter are expressions over the table's columns (unqualified).
CREATE FUNCTION @extschema@._top_args(tbl regclass, n int) RETURNS void
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF n IS NULL OR n < 1 THEN
        RAISE EXCEPTION 'zh_top: n must be at least 1' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- a ctid names a row of one table only
    IF (SELECT relkind FROM pg_class WHERE oid = tbl) = 'p' THEN
        RAISE EXCEPTION 'zh_top: % is a partitioned table (a ctid names no row of it)', tbl
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'Call zh_top on each partition and merge the results by rank.';
    END IF;
END
$$;

CREATE FUNCTION @extschema@.zh_top(tbl regclass, doc text, query text, n int DEFAULT 20,
                                   title text DEFAULT NULL,
                                   title_weight float8 DEFAULT 3,
                                   avg_title_chars float8 DEFAULT 20,
                                   avg_body_chars float8 DEFAULT 1500,
                                   body text DEFAULT NULL,
                                   filter text DEFAULT NULL,
                                   with_ties boolean DEFAULT false,
                                   exact text DEFAULT NULL)
    RETURNS TABLE (row_id tid, rank real)
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    bd text := COALESCE(body, doc);
    rank_sql text := pg_catalog.format('@extschema@.zh_rank(%s, %s, $3, $4, $5, $6)',
                                       COALESCE(title, 'NULL::text'), bd);
    cond text := COALESCE(' AND (' || filter || ')', '');
    -- the rows of doc &@ query: exact (an SQL condition, $3 the query) decides,
    -- doc serving only the index through &@? (an archive's article_match)
    matches text := CASE WHEN exact IS NULL THEN pg_catalog.format('%s OPERATOR(@extschema@.&@) $3', doc)
                         ELSE pg_catalog.format('%s OPERATOR(@extschema@.&@?) $3 AND (%s)', doc, exact) END;
    confirm text := COALESCE('(' || exact || ')', pg_catalog.format('@extschema@.zh_match(%s, $3)', doc));
    lim text := CASE WHEN with_ties THEN 'FETCH FIRST $8 ROWS WITH TIES' ELSE 'LIMIT $8' END;
    ids tid[];
    bnds float8[];
    top_ids tid[];
    top_r real[];
    kth float8;
    i int := 1;
    j int;
    total int;
    batch int := GREATEST(2 * n, 32);
    nterms int := @extschema@.zh_rank_terms(query);
    ridx regclass;
BEGIN
    PERFORM @extschema@._top_args(tbl, n);
    IF nterms > 0 AND @extschema@._has_rank_index(tbl) THEN
        ridx := @extschema@.zh_rank_index(tbl, doc, '@extschema@');
    END IF;
    IF ridx IS NULL THEN
        -- no candidates or no frequency levels from an index on doc (or no
        -- positive term, nothing to rank): the plain plan, which reads every
        -- match
        RETURN QUERY EXECUTE pg_catalog.format(
            'SELECT ctid, %3$s AS r FROM %1$s WHERE %2$s%4$s ORDER BY r DESC %5$s',
            tbl, matches, rank_sql, cond, lim)
            USING NULL::tid[], NULL::real[], query, title_weight, avg_title_chars, avg_body_chars, NULL::tid[], n;
        RETURN;
    END IF;
    -- every candidate row's bound, from its body's size and doc's levels
    -- (no text read: &@? is &@ before the recheck; rows read are confirmed
    -- by &@; the levels come from the rank index alone).  A term occurs in
    -- doc at least as often as in body (body is doc or a part of it), so
    -- the bound holds.
    EXECUTE pg_catalog.format($q$
        SELECT r.row_ids, r.bounds
          FROM (SELECT pg_catalog.array_agg(ctid) AS i, pg_catalog.array_agg(COALESCE(pg_catalog.octet_length(%4$s), 0)) AS nb,
                       pg_catalog.array_agg(%3$s) AS ti
                  FROM %1$s WHERE %2$s OPERATOR(@extschema@.&@?) $1%5$s) b,
               @extschema@.zh_rank_bounds($5, $1, b.i, b.nb::int8[], b.ti, $2, $3, $4) r$q$,
        tbl, doc, COALESCE(title, 'NULL::text'), bd, cond)
        INTO ids, bnds USING query, title_weight, avg_title_chars, avg_body_chars, ridx;
    total := COALESCE(pg_catalog.array_length(ids, 1), 0);
    -- read the rows best bound first, in growing batches, until no unread
    -- row can beat the n-th score (or tie with it); zh_match() (or exact)
    -- rather than &@ there, so that the planner keeps to the TID scan
    WHILE i <= total AND (kth IS NULL OR bnds[i] * (1 + 1e-9) >= kth) LOOP
        j := LEAST(total, i + batch - 1);
        WHILE kth IS NOT NULL AND j > i AND bnds[j] * (1 + 1e-9) < kth LOOP
            j := j - 1;
        END LOOP;
        EXECUTE pg_catalog.format($q$
            SELECT pg_catalog.array_agg(id ORDER BY r DESC), pg_catalog.array_agg(r ORDER BY r DESC)
              FROM (SELECT id, r FROM (SELECT u.id, u.r FROM ROWS FROM (pg_catalog.unnest($1::tid[]), pg_catalog.unnest($2::real[])) AS u(id, r)
                                       UNION ALL
                                       SELECT ctid, %2$s FROM %1$s
                                        WHERE ctid = ANY ($7) AND %3$s) a
                     ORDER BY r DESC %4$s) z$q$, tbl, rank_sql, confirm, lim)
            INTO top_ids, top_r
            USING top_ids, top_r, query, title_weight, avg_title_chars, avg_body_chars, ids[i:j], n;
        IF pg_catalog.array_length(top_r, 1) >= n THEN
            kth := top_r[n];
        END IF;
        i := j + 1;
        batch := LEAST(batch * 2, 1024);
    END LOOP;
    RAISE DEBUG 'zh_top: % candidate rows, % read', total, i - 1;
    RETURN QUERY SELECT u.id, u.r FROM ROWS FROM (pg_catalog.unnest(top_ids), pg_catalog.unnest(top_r)) AS u(id, r) ORDER BY u.r DESC;
END
$fn$;
COMMENT ON FUNCTION @extschema@.zh_top(regclass, text, text, int, text, float8, float8, float8, text, text, boolean, text) IS
    'The n rows (ctid, rank) of highest zh_rank(title, body, query, ...) among those where doc &@ query and filter; doc (the indexed expression), title, body (default doc; a part of doc) and filter are SQL expressions over the table; with_ties adds the rows tied with the n-th; fast with zh_search_ops and zh_rank_ops indexes on doc (reads rows by their bound), the plain plan without them; exact (an SQL condition, $3 the query) decides doc &@ query in its place, doc then only reaching the index through &@?; not for partitioned tables';
