SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS news_archive;
RESET client_min_messages;
SET search_path = public, news_archive;
-- zh_gin: GIN with a sorted build.  Rows of random text over 400 characters
-- (many bigrams), NULLs, empty texts, and HOT-updated rows (a HOT chain's
-- row is indexed under its root's TID, out of scan order)
CREATE TABLE zg (id int PRIMARY KEY, n int, body text) WITH (fillfactor = 50);
INSERT INTO zg
SELECT i, 0, CASE WHEN i % 97 = 0 THEN NULL WHEN i % 89 = 0 THEN '' ELSE
       (SELECT string_agg(substr(c.s, 1 + (hashint4(i * 1000 + j) & 1023) % length(c.s), 1), '')
          FROM generate_series(1, 5 + i % 150) j) END
FROM generate_series(1, 3000) i,
     (SELECT '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严'::text AS s) c;
UPDATE zg SET n = 1 WHERE id % 3 = 0;
-- a small maintenance_work_mem: the build sorts and writes in several rounds
SET maintenance_work_mem = '1MB';
CREATE INDEX zg_body ON zg USING zh_gin (body);
RESET maintenance_work_mem;
SELECT amname, opcname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
  JOIN pg_am a ON a.oid = c.relam JOIN pg_opclass o ON o.oid = i.indclass[0]
 WHERE c.relname = 'zg_body';
-- queries of 1 to 4 characters from the rows (and two found nowhere): the
-- index's rows are LIKE's on the normalised text, for every one
CREATE TEMP TABLE zq AS
SELECT DISTINCT substr(body, 1 + id % 7, 1 + id % 4) AS q FROM zg
 WHERE id % 11 = 0 AND length(body) > 10
UNION ALL SELECT '不存在的词' UNION ALL SELECT 'xyz';
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM zg WHERE body &@ '中国';
CREATE TEMP TABLE by_index AS
SELECT q, array(SELECT id FROM zg WHERE body &@ q ORDER BY id) AS ids FROM zq;
RESET enable_seqscan;
SET enable_bitmapscan = off;
SET enable_indexscan = off;
SELECT count(*) AS queries, sum(cardinality(ids)) AS rows_found,
       count(*) FILTER (WHERE ids <> array(SELECT id FROM zg
                          WHERE zh_normalize(body) LIKE '%' || zh_normalize(q) || '%'
                          ORDER BY id)) AS differ_from_like
FROM by_index;
RESET enable_bitmapscan;
RESET enable_indexscan;
-- GIN's own build of the same index finds the same rows
CREATE INDEX zg_gin ON zg USING gin (body zh_search_ops);
DROP INDEX zg_body;
SET enable_seqscan = off;
SELECT count(*) FILTER (WHERE ids <> array(SELECT id FROM zg WHERE body &@ q ORDER BY id)) AS differ_from_gin
FROM by_index;
RESET enable_seqscan;
-- in one round the whole entry tree is written bottom-up (leaves, then
-- the levels above, the root last): the same rows, with posting trees for
-- the common characters, and fewer pages than GIN's page splits leave
CREATE INDEX zg_one ON zg USING zh_gin (body);
SELECT pg_relation_size('zg_one') < pg_relation_size('zg_gin') AS smaller_than_gin;
DROP INDEX zg_gin;
SET enable_seqscan = off;
SELECT count(*) FILTER (WHERE ids <> array(SELECT id FROM zg WHERE body &@ q ORDER BY id)) AS differ_one_round
FROM by_index;
RESET enable_seqscan;
DROP INDEX zg_one;
-- parallel workers read the table beside the building backend (any size
-- here: min_parallel_table_scan_size 0), in several rounds: the same rows
SET min_parallel_table_scan_size = 0;
SET max_parallel_maintenance_workers = 2;
SET maintenance_work_mem = '1MB';
CREATE INDEX zg_par ON zg USING zh_gin (body);
RESET maintenance_work_mem;
RESET max_parallel_maintenance_workers;
RESET min_parallel_table_scan_size;
SET enable_seqscan = off;
SELECT count(*) FILTER (WHERE ids <> array(SELECT id FROM zg WHERE body &@ q ORDER BY id)) AS differ_parallel
FROM by_index;
RESET enable_seqscan;
DROP INDEX zg_par;
-- rows inserted into the tree written bottom-up (no pending list: each key
-- straight into its leaf, which splits when full), rows deleted and
-- vacuumed (VACUUM walks the leaves by their right links): every query
-- still finds LIKE's rows
CREATE INDEX zg_direct ON zg USING zh_gin (body) WITH (fastupdate = off);
INSERT INTO zg SELECT 20000 + id, 0, '插入' || body FROM zg WHERE id % 5 = 0;
DELETE FROM zg WHERE id % 7 = 0;
VACUUM zg;
SET enable_seqscan = off;
CREATE TEMP TABLE by_index2 AS
SELECT q, array(SELECT id FROM zg WHERE body &@ q ORDER BY id) AS ids FROM zq
UNION ALL SELECT '插入', array(SELECT id FROM zg WHERE body &@ '插入' ORDER BY id);
RESET enable_seqscan;
SET enable_bitmapscan = off;
SET enable_indexscan = off;
SELECT count(*) AS queries,
       count(*) FILTER (WHERE ids <> array(SELECT id FROM zg
                          WHERE zh_normalize(body) LIKE '%' || zh_normalize(q) || '%'
                          ORDER BY id)) AS differ_after_writes
FROM by_index2;
RESET enable_bitmapscan;
RESET enable_indexscan;
DROP INDEX zg_direct;
DELETE FROM zg WHERE id >= 20000;
-- inserts go through GIN's pending list; zh_gin_clean_pending_list moves it
CREATE INDEX zg_body ON zg USING zh_gin (body) WITH (fastupdate = on);
INSERT INTO zg SELECT 10000 + id, 0, body || '补充' FROM zg WHERE id <= 300;
SELECT * FROM zh_gin_pending('zg_body');
SELECT zh_gin_clean_pending_list('zg_body') > 0 AS cleaned;
SELECT * FROM zh_gin_pending('zg_body');
SELECT gin_clean_pending_list('zg_body');
SET enable_seqscan = off;
SELECT count(*) FROM zg WHERE body &@ '补充';
RESET enable_seqscan;
-- keys in most rows of 20,000: their rows go to posting trees (made beside
-- the entry tree as it is written); the index finds LIKE's rows
CREATE TABLE zg_many (id int, body text);
INSERT INTO zg_many SELECT i, '共同' || i FROM generate_series(1, 20000) i;
CREATE INDEX zg_many_body ON zg_many USING zh_gin (body);
SET enable_seqscan = off;
SELECT q, (SELECT count(*) FROM zg_many WHERE body &@ q) AS by_index
  FROM unnest(ARRAY['共同', '同1', '19', '共同20000']) q;
RESET enable_seqscan;
SELECT q, (SELECT count(*) FROM zg_many WHERE body LIKE '%' || q || '%') AS by_like
  FROM unnest(ARRAY['共同', '同1', '19', '共同20000']) q;
DROP TABLE zg_many;
-- more than one column: GIN's own build, the same operators
CREATE INDEX zg_two ON zg USING zh_gin (body, (body || '尾'));
SET enable_seqscan = off;
SELECT count(*) FROM zg WHERE (body || '尾') &@ '充尾';
RESET enable_seqscan;
-- texts stored out of line (2-24 kB) carry the trigrams of a common middle
-- character: still exactly LIKE's rows, and most rows that hold a term's
-- bigrams but not the term are left out before the recheck (three in four
-- characters of the texts are from the 40 most frequent, as in news text)
CREATE TABLE zmid (id int PRIMARY KEY, body text);
INSERT INTO zmid
SELECT i, (SELECT string_agg(substr(c.s, 1 + (h & 1023) % CASE WHEN (h >> 12) & 3 = 0 THEN length(c.s) ELSE 40 END, 1), '')
             FROM generate_series(1, 700 + (i * 37) % 2500) j, LATERAL (SELECT hashint4(i * 10000 + j) AS h) x)
FROM generate_series(1, 300) i,
     (SELECT '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严'::text AS s) c;
SELECT min(octet_length(body)) >= 2048 AND max(octet_length(body)) < 24576 AS middle_sizes FROM zmid;
CREATE INDEX zmid_body ON zmid USING zh_gin (body);
CREATE TEMP TABLE zmq AS
SELECT DISTINCT q FROM (
  SELECT substr(body, 1 + id * 7 % 500, 3 + id % 2) AS q FROM zmid WHERE id % 3 = 0
  UNION ALL SELECT substr(body, 1 + id % 300, 2) || substr(body, 1 + id * 13 % 600, 2) FROM zmid WHERE id % 3 = 1
  UNION ALL SELECT substr(body, 1 + id % 300, 2) || substr(body, 1 + id * 13 % 600, 1) FROM zmid WHERE id % 3 = 2) x;
CREATE FUNCTION pg_temp.removed(q text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  j json;
BEGIN
  EXECUTE format('EXPLAIN (ANALYZE, FORMAT JSON) SELECT id FROM zmid WHERE body &@ %L', q) INTO j;
  RETURN coalesce((j -> 0 -> 'Plan' ->> 'Rows Removed by Index Recheck')::int, 0);
END $$;
SET enable_seqscan = off;
CREATE TEMP TABLE zm AS
SELECT q, array(SELECT id FROM zmid WHERE body &@ q ORDER BY id) AS ids, pg_temp.removed(q) AS removed
FROM zmq;
RESET enable_seqscan;
SELECT count(*) AS queries,
       count(*) FILTER (WHERE ids <> array(SELECT id FROM zmid
                          WHERE zh_normalize(body) LIKE '%' || zh_normalize(q) || '%'
                          ORDER BY id)) AS differ_from_like,
       sum(removed) * 4 < sum(bigrams_only) AS trigrams_spare_most,
       sum(bigrams_only) > 200 AS many_bigram_only_rows
FROM zm, LATERAL (
  SELECT count(*) AS bigrams_only FROM zmid
   WHERE zh_normalize(body) NOT LIKE '%' || zh_normalize(q) || '%'
     AND (SELECT bool_and(strpos(zh_normalize(body), substr(zh_normalize(q), k, 2)) > 0)
            FROM generate_series(1, length(q) - 1) k)) b;
DROP TABLE zmid;
-- the rank operator class
CREATE INDEX zg_rank ON zg USING zh_gin (body zh_rank_ops);
SELECT zh_gin_clean_pending_list('zg');
DROP TABLE zg;
