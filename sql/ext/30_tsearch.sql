-- Chinese full-text search (issue 4): normaliser, segmenter, text-search
-- parser, dictionary template, the configurations pg_catalog.chinese and
-- pg_catalog.chinese_stop, and zh_query().

CREATE FUNCTION @extschema@.zh_normalize(text) RETURNS text
    AS 'MODULE_PATHNAME', 'zh_normalize_text'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.zh_normalize(text) IS
    'Chinese search normalisation: full-width to half-width, traditional to simplified, lower case, OCR spaces between Han characters removed';

CREATE FUNCTION @extschema@.zh_segment(text) RETURNS text[]
    AS 'MODULE_PATHNAME', 'zh_segment_text'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.zh_segment(text) IS
    'Words of the text as the Chinese segmenter cuts them (original spelling), spaces left out';

CREATE FUNCTION @extschema@.zh_query(text) RETURNS tsquery
    AS 'MODULE_PATHNAME', 'zh_query'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.zh_query(text) IS
    'Web-search syntax for the chinese configuration: words, "phrases", OR, -excluded; Chinese needs no spaces';

-- the parser
CREATE FUNCTION @extschema@.zh_prs_start(internal, integer) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.zh_prs_gettoken(internal, internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.zh_prs_end(internal) RETURNS void
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.zh_prs_lextype(internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.zh_prs_headline(internal, internal, tsquery) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;

CREATE TEXT SEARCH PARSER @extschema@.zh_parser (
    START    = @extschema@.zh_prs_start,
    GETTOKEN = @extschema@.zh_prs_gettoken,
    END      = @extschema@.zh_prs_end,
    LEXTYPES = @extschema@.zh_prs_lextype,
    HEADLINE = @extschema@.zh_prs_headline
);
COMMENT ON TEXT SEARCH PARSER @extschema@.zh_parser IS
    'Chinese: runs of characters with bigrams, single characters, punctuation, space (positions are characters)';

-- the dictionary template and its two dictionaries
CREATE FUNCTION @extschema@.zh_dict_init(internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.zh_dict_lexize(internal, internal, internal, internal) RETURNS internal
    AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;

CREATE TEXT SEARCH TEMPLATE @extschema@.zh_chars (
    INIT    = @extschema@.zh_dict_init,
    LEXIZE  = @extschema@.zh_dict_lexize
);
COMMENT ON TEXT SEARCH TEMPLATE @extschema@.zh_chars IS
    'Chinese: one lexeme per character (bigram with the next, else unigram) and dictionary words; option StopWords';

CREATE TEXT SEARCH DICTIONARY @extschema@.zh_chars (
    TEMPLATE = @extschema@.zh_chars
);
COMMENT ON TEXT SEARCH DICTIONARY @extschema@.zh_chars IS
    'Chinese unigrams, bigrams and words, no stop words';

CREATE TEXT SEARCH DICTIONARY @extschema@.zh_chars_stop (
    TEMPLATE = @extschema@.zh_chars,
    StopTable = true
);
COMMENT ON TEXT SEARCH DICTIONARY @extschema@.zh_chars_stop IS
    'Chinese bigrams, unigrams and words; unigrams and words listed in news_archive.stop_word dropped';

-- The configurations live in pg_catalog so that to_tsvector('chinese', ...)
-- works without news_archive on the search_path.  Every token type is mapped:
-- punctuation and space must take a position so that no phrase matches across
-- them (unmapping a type breaks exact phrase matching).
CREATE TEXT SEARCH CONFIGURATION pg_catalog.chinese (PARSER = @extschema@.zh_parser);
ALTER TEXT SEARCH CONFIGURATION pg_catalog.chinese
    ADD MAPPING FOR word, latin, number, numunit, email, url, punct, space, other
    WITH @extschema@.zh_chars;
COMMENT ON TEXT SEARCH CONFIGURATION pg_catalog.chinese IS
    'Chinese (news_archive): exact substring recall with zh_query()';

CREATE TEXT SEARCH CONFIGURATION pg_catalog.chinese_stop (PARSER = @extschema@.zh_parser);
ALTER TEXT SEARCH CONFIGURATION pg_catalog.chinese_stop
    ADD MAPPING FOR word, latin, number, numunit, email, url, punct, space, other
    WITH @extschema@.zh_chars_stop;
COMMENT ON TEXT SEARCH CONFIGURATION pg_catalog.chinese_stop IS
    'Chinese (news_archive) without common function words';

CREATE FUNCTION @extschema@.zh_tsvector(text) RETURNS tsvector
    AS 'MODULE_PATHNAME', 'zh_tsvector'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.zh_tsvector(text) IS
    'The same tsvector as to_tsvector(''chinese'', text), built several times faster (for indexes and stored columns)';
