-- Chinese full-text search (issue 4)
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS news_archive;
RESET client_min_messages;
SET search_path = public;   -- the configuration works without news_archive on the path

-- token types: one token per character, typed by the segmenter
SELECT alias, token, lexemes FROM ts_debug('chinese', '醫藥港５Ｇ，2021年 ab@x.cn');
SELECT * FROM ts_token_type('news_archive.zh_parser');

-- normalisation: full-width, traditional, case, OCR spaces between Han only
SELECT news_archive.zh_normalize('醫藥港 ５Ｇ ＥＣＭＯ 医 药 港 A B　x');
SELECT to_tsvector('chinese', '醫藥港');
SELECT to_tsvector('chinese', '５Ｇ') @@ news_archive.zh_query('5g') AS fullwidth,
       to_tsvector('chinese', '醫藥港') @@ news_archive.zh_query('医药港') AS traditional,
       to_tsvector('chinese', '医 药 港') @@ news_archive.zh_query('医药港') AS ocr_spaces,
       to_tsvector('chinese', '医，药港') @@ news_archive.zh_query('医药港') AS across_punct;

-- zh_query syntax
SELECT news_archive.zh_query('杭州医药港');
SELECT news_archive.zh_query('医药港 项目');
SELECT news_archive.zh_query('"医药港 项目" OR 钱塘 -杭州');
SELECT news_archive.zh_query('5G智能 ECMO');
SELECT news_archive.zh_query('');
SELECT news_archive.zh_query('，。！ ""  - OR |');
SELECT news_archive.zh_query('''\"x''');
SELECT news_archive.zh_query(repeat('医', 20000));
SELECT numnode(news_archive.zh_query(repeat('医药港 ', 1500)));

-- substring semantics, across word boundaries
CREATE TABLE zh_docs (id int, body text);
INSERT INTO zh_docs VALUES
  (1, '杭州醫藥港项目今天开工。'),
  (2, '钱塘新区的生物医药产业发展迅速，5G网络全覆盖。'),
  (3, '医药，港口和物流'),
  (4, 'ECMO设备到位，COVID-19疫情防控'),
  (5, '本报讯（记者 张三）医药港二期 项目签约');
CREATE INDEX zh_docs_tsv ON zh_docs USING gin (to_tsvector('chinese', body));
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM zh_docs WHERE to_tsvector('chinese', body) @@ news_archive.zh_query('医药港');
SELECT q, array(SELECT id FROM zh_docs WHERE to_tsvector('chinese', body) @@ news_archive.zh_query(q) ORDER BY id) AS found,
          array(SELECT id FROM zh_docs WHERE news_archive.zh_normalize(body) LIKE '%' || news_archive.zh_normalize(q) || '%' ORDER BY id) AS truth
FROM unnest(ARRAY['医药港', '药港', '州医', '医药', '港', '5g网', 'ecmo', 'covid-19', '二期', '物流']) q;
SELECT id FROM zh_docs WHERE to_tsvector('chinese', body) @@ news_archive.zh_query('医药 -港口') ORDER BY id;
SELECT id FROM zh_docs WHERE to_tsvector('chinese', body) @@ news_archive.zh_query('物流 OR 疫情') ORDER BY id;
RESET enable_seqscan;

-- headline: exactly the matched characters, fragments end at punctuation
SELECT id, ts_headline('chinese', body, news_archive.zh_query('医药港')) FROM zh_docs ORDER BY id;
SELECT ts_headline('chinese', body, news_archive.zh_query('医药 港口'), 'StartSel=[, StopSel=]') FROM zh_docs WHERE id = 3;
SELECT ts_headline('chinese', repeat('无关的内容在这里。', 10) || '杭州医药港项目开工了。' || repeat('其他的内容。', 10) || '医药港再次出现。',
                   news_archive.zh_query('医药港'), 'MaxFragments=2, MaxWords=20, MinWords=5');
SELECT ts_headline('chinese', '一二三四五六七八九十。医药在这里，港在那里。', news_archive.zh_query('医药港'));
SELECT ts_headline('chinese', '短文医药港', news_archive.zh_query('医药港'), 'HighlightAll=true');

-- rank
SELECT id, ts_rank(to_tsvector('chinese', body), news_archive.zh_query('医药')) > 0 AS ranked
FROM zh_docs ORDER BY id;

-- stop words: chinese keeps everything, chinese_stop drops function words
SELECT to_tsvector('chinese', '我们的项目') AS keep_all, to_tsvector('chinese_stop', '我们的项目') AS stopped;
SELECT to_tsvector('chinese_stop', '我们的项目') @@ news_archive.zh_query('们的项') AS phrase_still_exact;

-- segmentation and lexize without context
SELECT news_archive.zh_segment('杭州醫藥港，2021年');
SELECT ts_lexize('news_archive.zh_chars', '醫'), ts_lexize('news_archive.zh_chars', '，');
DROP TABLE zh_docs;
