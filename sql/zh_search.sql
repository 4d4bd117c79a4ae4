SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS news_archive;
RESET client_min_messages;
SET search_path = public, news_archive;
-- text &@ query: exact search of the normalised text, zh_query syntax
CREATE TEMP TABLE zs (id int, title text, body text);
INSERT INTO zs VALUES
  (1, '人民共和国', '中华人民共和国成立了。人民万岁，人民。'),
  (2, '中華', '中華人民共和國'),
  (3, NULL, 'ＡＢＣ公司 與 中 国 合作'),
  (4, '京沪', E'北京\t上海　广州'),
  (5, '报纸', '人民日报'),
  (6, '长文', repeat('填充文字', 5000) || '尾部的关键词组合' || repeat('再填', 10)),
  (7, '扩展', '𠀀𠀁汉字 𠀀'),
  (8, '空', '');
SELECT id,
       body &@ '中国' AS zhongguo, body &@ '人民' AS renmin, body &@ '"abc公司与中国"' AS phrase,
       body &@ '北京 -上海' AS excl, body &@ '日报 OR 共和国' AS alt, body &@ '关键词组' AS tail,
       body &@ '𠀀𠀁' AS supp, body &@ '"上海 广州"' AS spaced
FROM zs ORDER BY id;
-- nothing to search for matches nothing; NULL is NULL
SELECT count(*) FROM zs WHERE body &@ '' OR body &@ '  ';
SELECT 'x' &@ NULL IS NULL AS strict;
-- the GIN index: used by the planner, same rows as without it
CREATE INDEX zs_body ON zs USING gin (body zh_search_ops);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM zs WHERE body &@ '共和国';
SELECT id FROM zs WHERE body &@ '共和国' ORDER BY id;
SELECT id FROM zs WHERE body &@ '人民 -日报' ORDER BY id;
SELECT id FROM zs WHERE body &@ '国' ORDER BY id;
SELECT id FROM zs WHERE body &@ '-人民' ORDER BY id;
SELECT id FROM zs WHERE body &@ '尾部的关键词组合' ORDER BY id;
SELECT id FROM zs WHERE body &@ '𠀁汉' ORDER BY id;
SELECT id FROM zs WHERE body &@ 'abc OR 广州' ORDER BY id;
-- one character: its own key (last character, next to a supplementary one)
-- or a partial match over the bigrams it starts; same rows as LIKE
SELECT q, (SELECT array_agg(id ORDER BY id) FROM zs WHERE body &@ q) AS by_index,
       (SELECT array_agg(id ORDER BY id) FROM zs
         WHERE zh_normalize(body) LIKE '%' || zh_normalize(q) || '%') AS by_like
FROM unnest(ARRAY['。', '了', '民', '報', '字', '汉', '𠀀', '𠀁', '再', '填', '州', 'c', '与']) q;
RESET enable_seqscan;
-- ranking: title weighted above body, term frequency, length
SELECT id, round(zh_rank(title, body, '人民')::numeric, 3) AS rank
FROM zs WHERE body &@ '人民' ORDER BY rank DESC, id;
SELECT zh_rank('标题', '正文里有一次关键', '关键') < zh_rank('关键', '正文里有一次关键', '关键') AS title_counts;
SELECT zh_rank(NULL, '关键关键关键', '关键') > zh_rank(NULL, '关键', '关键') AS tf_counts;
SELECT zh_rank(NULL, '无关', '关键 -无关') AS nothing;
SELECT zh_rank(NULL, 'x', 'x', -1);
-- highlighting: exactly the matched spans of the raw text
SELECT id, zh_highlight(body, '人民 共和国') FROM zs WHERE id <= 5 ORDER BY id;
SELECT zh_highlight(body, '中国 abc', 'StartSel=[, StopSel=]') FROM zs WHERE id = 3;
SELECT zh_highlight(body, '关键词', 'MaxChars=12') FROM zs WHERE id = 6;
SELECT zh_highlight('甲乙丙丁关键戊己庚辛壬癸一二三四五六七八九十关键子丑寅卯', '关键',
                    'MaxChars=8, MaxFragments=2, FragmentDelimiter=" | "');
SELECT zh_highlight('没有匹配的文字', '关键');
SELECT zh_highlight('关键 词', '关键', 'HighlightAll=true, StartSel="<em class=k>", StopSel=</em>');
SELECT zh_highlight('x', 'x', 'Bogus=1');
SELECT zh_highlight('x', 'x', 'MaxChars=0');
SELECT body &@ repeat('长', 20000) FROM zs WHERE id = 1;
-- top N by rank from frequency levels (zh_rank_ops, &@#, zh_top)
SELECT '关键关键关键关键' &@# '2:关键' AS four_times, '关键关键关键' &@# '2:关键' AS three_times,
       '关键关键' &@# '1:关键 OR 无关' AS either, '关键关键' &@# '1:-关键' AS negated_only;
SELECT '关键关键 无关' &@# '1/1:关键 无关' AS first_term, '关键关键 无关' &@# '1/2:关键 无关' AS second_term,
       '关键关键 无关' &@# '1/2:关键 -无关 键' AS second_positive;
SELECT zh_rank_bound(NULL, 100, 1 | (12 << 4), '关键 无关') > zh_rank_bound(NULL, 100, 1, '关键 无关') AS per_term;
SELECT '关键' &@# 'x:关键';
SELECT '关键' &@# '13:关键';
SELECT zh_rank_bound(NULL, octet_length('一次关键'), 0, '关键') >= zh_rank(NULL, '一次关键', '关键') AS bounds_level0,
       abs(zh_rank_bound(NULL, 30, 12, '关键') - 2.2 * ln(3.0::float8)) < 1e-12 AS top_level_saturates;
SELECT '关健词' &@? '关键词' AS no_key, '关键 键词' &@? '关键词' AS keys_not_term, '关键 键词' &@ '关键词' AS not_a_match;
CREATE TABLE zt (id int, body text);
INSERT INTO zt SELECT g, repeat('人民', g % 7) || repeat('填充文字', g % 13) || CASE WHEN g % 3 = 0 THEN '中国人民' ELSE '' END
FROM generate_series(1, 300) g;
CREATE INDEX ON zt USING gin (body zh_search_ops);
SELECT array_agg(rank) AS plain_no_rank_index FROM zh_top('zt', 'body', '人民', 5);
CREATE INDEX ON zt USING gin (body zh_rank_ops);
SET enable_seqscan = off;
SELECT q, (SELECT array_agg(rank ORDER BY rank DESC) FROM zh_top('zt', 'body', q, 5)) =
          (SELECT array_agg(r ORDER BY r DESC) FROM (SELECT zh_rank(NULL, body, q) r FROM zt
            WHERE body &@ q ORDER BY r DESC LIMIT 5) s) AS same,
       (SELECT array_agg(rank ORDER BY rank DESC) FROM zh_top('zt', 'body', q, 5, 'left(body, 4)')) =
          (SELECT array_agg(r ORDER BY r DESC) FROM (SELECT zh_rank(left(body, 4), body, q) r FROM zt
            WHERE body &@ q ORDER BY r DESC LIMIT 5) s) AS same_with_title
FROM unnest(ARRAY['人民', '民', '中国人民', '人民 填充', '中国 OR 填充', '填充 -中国']) q;
SELECT count(*) FROM zh_top('zt', 'body', '人民', 0);
-- doc an indexed expression, body the ranked part of it, a filter, ties
CREATE INDEX ON zt USING gin ((left(body, 30) || body) zh_search_ops);
CREATE INDEX ON zt USING gin ((left(body, 30) || body) zh_rank_ops);
-- zh_top reads the levels from the rank index on exactly doc
SELECT zh_rank_index('zt', 'body', 'news_archive')::text AS on_body,
       zh_rank_index('zt', '(left(body, 30) || body)', 'news_archive')::text AS on_expression,
       zh_rank_index('zt', 'left(body, 30)', 'news_archive') AS on_another;
-- zh_rank_bounds: every row's bound, best first, never below its rank; only
-- on a zh_rank_ops index
WITH r AS (SELECT * FROM zh_rank_bounds('zt_body_idx1', '人民', (SELECT array_agg(ctid ORDER BY id) FROM zt),
                                        (SELECT array_agg(octet_length(body)::int8 ORDER BY id) FROM zt),
                                        (SELECT array_agg(NULL::text) FROM zt), 3, 20, 1500))
SELECT cardinality(row_ids) AS n, bounds = (SELECT array_agg(b ORDER BY b DESC) FROM unnest(bounds) b) AS best_first,
       (SELECT bool_and(u.b * (1 + 1e-6) >= zh_rank(NULL, z.body, '人民'))
          FROM unnest(row_ids, bounds) u(id, b) JOIN zt z ON z.ctid = u.id) AS bounds_hold
FROM r;
SELECT * FROM zh_rank_bounds('zt_body_idx', '人民', ARRAY['(0,1)'::tid], ARRAY[10::int8], ARRAY[NULL::text], 3, 20, 1500);
SELECT q, (SELECT array_agg(row(row_id, rank)::text ORDER BY rank DESC, row_id)
             FROM zh_top('zt', '(left(body, 30) || body)', q, 5, 'left(body, 4)', body => 'body',
                         filter => 'id % 2 = 0', with_ties => true)) =
          (SELECT array_agg(row(ctid, r)::text ORDER BY r DESC, ctid) FROM (SELECT ctid, zh_rank(left(body, 4), body, q) r
             FROM zt WHERE (left(body, 30) || body) &@ q AND id % 2 = 0 ORDER BY r DESC FETCH FIRST 5 ROWS WITH TIES) s)
          AS same_rows_and_ties,
       (SELECT count(*) FROM zh_top('zt', '(left(body, 30) || body)', q, 5, body => 'body', with_ties => true)) AS with_ties,
       (SELECT count(*) FROM zh_top('zt', '(left(body, 30) || body)', q, 5, body => 'body')) AS without
FROM unnest(ARRAY['人民', '中国人民', '填充 -中国']) q;
RESET enable_seqscan;
-- a ctid names no row of a partitioned table: a clear error
CREATE TABLE zp (id int, body text) PARTITION BY HASH (id);
CREATE TABLE zp0 PARTITION OF zp FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE zp1 PARTITION OF zp FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO zp SELECT id, body FROM zt;
SELECT * FROM zh_top('zp', 'body', '人民', 5);
SELECT count(*) FROM zh_top('zp0', 'body', '人民', 5);
