-- The search index (zh_search_ops) keeps a character's own key only where
-- the character starts no bigram; a one-character query also finds the
-- bigram keys it starts by a partial match (support function 5).
--
-- Indexes built by 0.3 hold every character's key as well as the bigrams:
-- the new query code finds the same rows in them (a character's key or any
-- bigram it starts means the character is there), so they stay correct and
-- are not rebuilt here.  REINDEX makes them about a quarter smaller.
CREATE FUNCTION @extschema@.zh_gin_compare_partial(int4, int4, int2, internal) RETURNS int4
    AS 'MODULE_PATHNAME', 'zh_gin_compare_partial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
ALTER OPERATOR FAMILY @extschema@.zh_search_ops USING gin
    ADD FUNCTION 5 (text, text) @extschema@.zh_gin_compare_partial(int4, int4, int2, internal);
