-- User words and stop words: plain tables the archive's owner edits with
-- INSERT/UPDATE/DELETE or COPY.  A committed change reaches every session's
-- next parse (see src/pg/user_words.c); documents indexed before the change
-- keep their old tokens until they are indexed again.

CREATE TABLE @extschema@.user_word (
    word   text PRIMARY KEY CHECK (pg_catalog.length(word) BETWEEN 1 AND 64),
    weight real NOT NULL DEFAULT 1 CHECK (weight > 0),
    kind   text,
    added  timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE @extschema@.user_word IS
    'Words the Chinese segmenter must know besides its dictionary; weight scales the word''s frequency (1 = a common word)';

CREATE TABLE @extschema@.stop_word (
    word    text PRIMARY KEY CHECK (pg_catalog.length(word) BETWEEN 1 AND 64),
    builtin boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.stop_word IS
    'Words the chinese_stop configuration drops; builtin rows come with the extension';

-- keep the users' rows in pg_dump output
SELECT pg_catalog.pg_extension_config_dump('@extschema@.user_word', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.stop_word', 'WHERE NOT builtin');

-- readers may read, only the owner (or roles it grants) may change them
REVOKE ALL ON @extschema@.user_word, @extschema@.stop_word FROM PUBLIC;
GRANT SELECT ON @extschema@.user_word, @extschema@.stop_word TO PUBLIC;

CREATE FUNCTION @extschema@.words_changed() RETURNS trigger
    AS 'MODULE_PATHNAME', 'news_archive_words_changed' LANGUAGE C;
CREATE TRIGGER user_word_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON @extschema@.user_word FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.words_changed();
CREATE TRIGGER stop_word_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON @extschema@.stop_word FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.words_changed();

CREATE FUNCTION @extschema@.words_status(OUT user_words bigint, OUT stop_words bigint, OUT loads int)
    AS 'MODULE_PATHNAME', 'news_archive_words_status' LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.words_status() IS
    'The user and stop words this session currently uses, and how often it has loaded them';
