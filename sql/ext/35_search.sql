-- news_archive extension script: exact substring search over raw text.
--
--   text &@ query      true when the normalised text contains every term of
--                      the query (zh_query syntax: terms separated by white
--                      space must all occur, "quoted text" is one term, OR or
--                      | gives alternatives, -term excludes).  Exact at any
--                      length: no tsvector, no position limits.
--   CREATE INDEX ... USING gin (col news_archive.zh_search_ops)
--                      bigrams of the normalised text (and characters
--                      that start none; one character is also found by a
--                      partial match); the planner uses it for &@.
--   zh_rank(title, body, query)   BM25F-like relevance, title weighted (COST
--                      1000: it reads every text it ranks, about 10 us each)
--   zh_highlight(text, query, options)   the matched spans marked

-- COST: a recheck reads the text (about 50 times a plain comparison; the
-- GIN index decides most queries without one).
CREATE FUNCTION @extschema@.zh_match(text, text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'zh_match' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 50;
COMMENT ON FUNCTION @extschema@.zh_match(text, text) IS
    'Does the normalised text contain the query''s terms (zh_query syntax)?  The function of the &@ operator';

-- The share of rows a query matches, from its shape (terms' lengths, AND,
-- OR, NOT): a frequent term is estimated as frequent, so a top-N by zh_rank
-- over half a table can be planned with parallel workers.
CREATE FUNCTION @extschema@.zh_match_sel(internal, oid, internal, int4) RETURNS float8
    AS 'MODULE_PATHNAME', 'zh_match_sel' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.zh_match_sel(internal, oid, internal, int4) IS
    'Selectivity of &@ from the query''s shape (RESTRICT estimator)';

CREATE OPERATOR @extschema@.&@ (
    LEFTARG = text, RIGHTARG = text,
    FUNCTION = @extschema@.zh_match,
    RESTRICT = @extschema@.zh_match_sel, JOIN = contjoinsel
);
COMMENT ON OPERATOR @extschema@.&@ (text, text) IS
    'text &@ query: exact search of the normalised text (zh_query syntax); indexable with zh_search_ops';

CREATE FUNCTION @extschema@.zh_gin_extract_value(text, internal) RETURNS internal
    AS 'MODULE_PATHNAME', 'zh_gin_extract_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.zh_gin_extract_query(text, internal, int2, internal, internal, internal, internal)
    RETURNS internal
    AS 'MODULE_PATHNAME', 'zh_gin_extract_query' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.zh_gin_consistent(internal, int2, text, int4, internal, internal, internal, internal)
    RETURNS boolean
    AS 'MODULE_PATHNAME', 'zh_gin_consistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.zh_gin_compare_partial(int4, int4, int2, internal) RETURNS int4
    AS 'MODULE_PATHNAME', 'zh_gin_compare_partial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.zh_gin_triconsistent(internal, int2, text, int4, internal, internal, internal)
    RETURNS "char"
    AS 'MODULE_PATHNAME', 'zh_gin_triconsistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR CLASS @extschema@.zh_search_ops
    FOR TYPE text USING gin AS
        OPERATOR 1 @extschema@.&@ (text, text),
        FUNCTION 1 pg_catalog.btint4cmp(int4, int4),
        FUNCTION 2 @extschema@.zh_gin_extract_value(text, internal),
        FUNCTION 3 @extschema@.zh_gin_extract_query(text, internal, int2, internal, internal, internal, internal),
        FUNCTION 4 @extschema@.zh_gin_consistent(internal, int2, text, int4, internal, internal, internal, internal),
        FUNCTION 5 @extschema@.zh_gin_compare_partial(int4, int4, int2, internal),
        FUNCTION 6 @extschema@.zh_gin_triconsistent(internal, int2, text, int4, internal, internal, internal),
        STORAGE int4;
COMMENT ON OPERATOR CLASS @extschema@.zh_search_ops USING gin IS
    'GIN index of a text column for &@: normalised bigrams and characters (exact, no position limits)';

CREATE FUNCTION @extschema@.zh_rank(title text, body text, query text,
                                    title_weight float8 DEFAULT 3,
                                    avg_title_chars float8 DEFAULT 20,
                                    avg_body_chars float8 DEFAULT 1500)
    RETURNS real
    AS 'MODULE_PATHNAME', 'zh_rank' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.zh_rank(text, text, text, float8, float8, float8) IS
    'BM25F-like relevance of a row for a &@ query: term frequency in title (weighted) and body, length-normalised';

CREATE FUNCTION @extschema@.zh_highlight(doc text, query text, options text DEFAULT '') RETURNS text
    AS 'MODULE_PATHNAME', 'zh_highlight' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.zh_highlight(text, text, text) IS
    'The text (or its best fragment) with every match of the &@ query marked; options as ts_headline: StartSel, StopSel, MaxChars, MaxFragments, FragmentDelimiter, HighlightAll';
