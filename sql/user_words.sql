-- user_word / stop_word tables: edits reach the session's next parse
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS news_archive;
RESET client_min_messages;
SET search_path = news_archive, public;

-- a fresh session loads both tables once, then answers from cache
SELECT user_words FROM words_status();
SELECT loads AS loads_before FROM words_status() \gset
SELECT loads = :loads_before AS cached FROM words_status();

-- a committed change is picked up by the next call, with one reload each
INSERT INTO user_word (word, weight, kind) VALUES ('河庄街道', 5, 'place'), ('金承涛', 3, 'person');
SELECT user_words, loads > :loads_before AS reloaded FROM words_status();
SELECT loads AS loads_before FROM words_status() \gset
SELECT loads = :loads_before AS cached FROM words_status();
UPDATE user_word SET weight = 4 WHERE word = '金承涛';
DELETE FROM user_word WHERE word = '河庄街道';
SELECT user_words FROM words_status();

-- an aborted change is never seen
BEGIN;
INSERT INTO user_word (word) VALUES ('回滚词');
ROLLBACK;
SELECT user_words FROM words_status();
SELECT count(*) FROM user_word WHERE word = '回滚词';

-- bad rows are refused
\set VERBOSITY terse
INSERT INTO user_word (word) VALUES ('');
INSERT INTO user_word (word, weight) VALUES ('负权重', -1);

-- ordinary readers may read but not change how others' text is parsed
CREATE ROLE na_reader;
SET ROLE na_reader;
SELECT count(*) >= 0 AS can_read FROM news_archive.user_word;
INSERT INTO news_archive.user_word (word) VALUES ('篡改');
DELETE FROM news_archive.stop_word;
RESET ROLE;
\set VERBOSITY default
DROP ROLE na_reader;

TRUNCATE user_word;
SELECT user_words FROM words_status();
