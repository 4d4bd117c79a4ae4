SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS news_archive;
RESET client_min_messages;
-- zh_tsvector(text) is to_tsvector('chinese', text), built without
-- PostgreSQL's generic sort: the same value on every kind of input
CREATE TEMP TABLE zt (id int, body text);
INSERT INTO zt VALUES
  (1, '杭州医药港，ECMO 5G 钱塘新区报记者金承涛报道'),
  (2, '醫藥港５Ｇ，2021年 ab@x.cn https://example.org/a?b=1 37.8% 536.5亿元'),
  (3, ''),
  (4, '。，！'),
  (5, '中'),
  (6, repeat('中国经济发展迅速。', 300)),       -- positions past 16383, 255 per lexeme
  (7, E'\x01北\x02京\x1b  多  个　空格\n换行'),
  (8, '𠀀𠀁𠀀 扩展B 𠀀'),
  (9, repeat('a', 3000) || ' ' || repeat('长', 40)),
  (10, '的的的的的 是是 了');
SELECT id, news_archive.zh_tsvector(body) = to_tsvector('chinese', body) AS same,
       length(news_archive.zh_tsvector(body)) AS lexemes
FROM zt ORDER BY id;
SELECT news_archive.zh_tsvector('医药港项目医药');
SELECT news_archive.zh_tsvector(NULL) IS NULL AS strict;

-- the configuration altered: zh_tsvector follows it (through to_tsvector)
ALTER TEXT SEARCH CONFIGURATION chinese ALTER MAPPING FOR punct WITH simple;
SELECT id, news_archive.zh_tsvector(body) = to_tsvector('chinese', body) AS same FROM zt WHERE id IN (1, 4) ORDER BY id;
SELECT news_archive.zh_tsvector('医，药');
ALTER TEXT SEARCH CONFIGURATION chinese ALTER MAPPING FOR punct WITH news_archive.zh_chars;
ALTER TEXT SEARCH DICTIONARY news_archive.zh_chars (StopTable = true);
SELECT id, news_archive.zh_tsvector(body) = to_tsvector('chinese', body) AS same FROM zt WHERE id = 10;
ALTER TEXT SEARCH DICTIONARY news_archive.zh_chars (StopTable = false);
SELECT news_archive.zh_tsvector('我们的项目') = to_tsvector('chinese', '我们的项目') AS same,
       news_archive.zh_tsvector('我们的项目');

-- an index on zh_tsvector answers zh_query like one on to_tsvector
CREATE INDEX zt_zh ON zt USING gin (news_archive.zh_tsvector(body));
SET enable_seqscan = off;
SELECT id FROM zt WHERE news_archive.zh_tsvector(body) @@ news_archive.zh_query('医药') ORDER BY id;
SELECT id FROM zt WHERE news_archive.zh_tsvector(body) @@ news_archive.zh_query('医') ORDER BY id;
SELECT id FROM zt WHERE news_archive.zh_tsvector(body) @@ news_archive.zh_query('济发展') ORDER BY id;
RESET enable_seqscan;
-- one Han character alone is its unigram; inside a phrase, a prefix
SELECT news_archive.zh_query('港'), news_archive.zh_query('"港 5g"'), news_archive.zh_query('-港');
SELECT ts_headline('chinese', '香港医药港口，港', news_archive.zh_query('港'), 'HighlightAll=true');
