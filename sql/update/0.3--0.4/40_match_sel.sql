-- The planner's view of "&@" (issue 12): a selectivity from the query's
-- shape in place of contsel's constant 0.001, and costs that say zh_match
-- may read a text and zh_rank always does, so that a top-N by rank over a
-- frequent term can be planned with parallel workers (bench/search.md).
CREATE FUNCTION @extschema@.zh_match_sel(internal, oid, internal, int4) RETURNS float8
    AS 'MODULE_PATHNAME', 'zh_match_sel' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.zh_match_sel(internal, oid, internal, int4) IS
    'Selectivity of &@ from the query''s shape (RESTRICT estimator)';
ALTER OPERATOR @extschema@.&@ (text, text) SET (RESTRICT = @extschema@.zh_match_sel);
ALTER FUNCTION @extschema@.zh_match(text, text) COST 50;
ALTER FUNCTION @extschema@.zh_rank(text, text, text, float8, float8, float8) COST 1000;
