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

CREATE FUNCTION @extschema@.zh_known_word(text) RETURNS boolean
    AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.zh_known_word(text) IS
    'Whether the segmenter''s dictionary or news_archive.user_word lists the word';

-- Words the dictionary lacks, learnt from an archive: runs of two to four
-- characters that the segmenter could only cut into single characters (new
-- names of people, places, companies and projects), counted over a text
-- column of any table, leaving out known words, user words and runs with a
-- stop word in them.  For the owner to review and accept into user_word.
CREATE FUNCTION @extschema@.suggest_words(tbl regclass, col name,
        min_count int DEFAULT 3, lim int DEFAULT 50)
    RETURNS TABLE (word text, count bigint)
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN QUERY EXECUTE format($q$
        WITH seg AS (
            SELECT d.id, s.w, s.i,
                   (length(s.w) = 1 AND s.w >= '一' AND s.w <= '鿿') AS single
              FROM (SELECT row_number() OVER () AS id, t.%1$I AS doc
                      FROM %2$s t WHERE t.%1$I IS NOT NULL) d,
                   unnest(@extschema@.zh_segment(d.doc)) WITH ORDINALITY AS s(w, i)
        ), marked AS (
            -- runs of single Han characters: a new run starts at every other token
            SELECT id, w, i, single,
                   sum(CASE WHEN single THEN 0 ELSE 1 END) OVER (PARTITION BY id ORDER BY i) AS grp
              FROM seg
        ), runs AS (
            SELECT string_agg(w, '' ORDER BY i) AS run
              FROM marked WHERE single
             GROUP BY id, grp
            HAVING count(*) BETWEEN 2 AND 4
        )
        SELECT run, count(*)::bigint
          FROM runs r
         WHERE NOT EXISTS (SELECT 1 FROM @extschema@.stop_word sw WHERE strpos(r.run, sw.word) > 0)
         GROUP BY run
        HAVING count(*) >= %3$s AND NOT @extschema@.zh_known_word(run)
         ORDER BY count(*) DESC, run
         LIMIT %4$s $q$, col, tbl, min_count, lim);
END
$$;
COMMENT ON FUNCTION @extschema@.suggest_words(regclass, name, int, int) IS
    'Propose words the dictionary lacks from a text column: runs the segmenter could only cut into single characters, with their counts';
