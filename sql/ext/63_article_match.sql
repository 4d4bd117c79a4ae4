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
