-- article splitting through SQL: news_articles, news_segments, news_issue_json, news_byline
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS news_archive;
RESET client_min_messages;
SET search_path = news_archive, public;
SET DateStyle = ISO;

CREATE TEMP TABLE fx (name text, raw news_issue);
\set f `cat test/fixtures/issues/ocr_layout.txt`
INSERT INTO fx VALUES ('ocr_layout', :'f');
\set f `cat test/fixtures/issues/damaged_masthead.txt`
INSERT INTO fx VALUES ('damaged_masthead', :'f');
\set f `cat test/fixtures/issues/web_page.txt`
INSERT INTO fx VALUES ('web_page', :'f');
\set f `cat test/fixtures/issues/epaper.txt`
INSERT INTO fx VALUES ('epaper', :'f');
\set f `cat test/fixtures/issues/demo_daily.txt`
INSERT INTO fx VALUES ('demo_daily', :'f');

-- article rows of each layout: headline parts, people, dateline, day, continuations
SELECT name, a.ordinal, a.kind, a.section, a.kicker, a.title, a.subtitle,
       a.authors, a.author_roles, a.dateline, a.reported_on, a.continued_to, a.continued_from
  FROM fx, news_articles(fx.raw) a ORDER BY name, a.ordinal;

-- bodies are clean: first and last characters, no marks, no OCR spaces between Han characters
SELECT name, a.ordinal, left(coalesce(a.body, a.caption), 16) AS starts,
       right(coalesce(a.body, a.caption), 8) AS ends,
       coalesce(a.body, '') !~ '[#■□]' AS no_marks,
       coalesce(a.body, '') !~ '[\u4e00-\u9fff] [\u4e00-\u9fff]' AS no_ocr_spaces
  FROM fx, news_articles(fx.raw) a ORDER BY name, a.ordinal;

-- spans point back into the raw text
SELECT name, a.ordinal,
       a.raw_start >= 0 AND a.raw_start < a.raw_end AND a.raw_end <= length(fx.raw::text) AS span_ok,
       strpos(substr(fx.raw::text, a.raw_start + 1, a.raw_end - a.raw_start),
              left(replace(coalesce(a.title, a.caption, ''), ' ', ''), 2)) > 0 OR a.title IS NULL AS title_in_span
  FROM fx, news_articles(fx.raw) a ORDER BY name, a.ordinal;

-- segments cover every character exactly once, in order, on every fixture
SELECT name,
       bool_and(s.raw_start = coalesce(s.prev_end, 0)) AS contiguous,
       max(s.raw_end) = length(fx.raw::text) AS reaches_end,
       bool_and(s.raw_end > s.raw_start) AS non_empty
  FROM fx, LATERAL (SELECT raw_start, raw_end, lag(raw_end) OVER (ORDER BY raw_start) AS prev_end
                      FROM news_segments(fx.raw)) s
 GROUP BY name, fx.raw ORDER BY name;
SELECT role, count(*) FROM fx, news_segments(fx.raw) WHERE name = 'ocr_layout' GROUP BY role ORDER BY role;

-- JSON in the evaluation shape
SELECT name, jsonb_typeof(j->'issue') AS issue, jsonb_array_length(j->'articles') AS articles,
       (SELECT count(*) FROM news_articles(fx.raw)) AS rows,
       j->'articles'->0->'authors'->0 AS first_author
  FROM fx, news_issue_json(fx.raw) j ORDER BY name;

-- bylines of many shapes
SELECT b, p.* FROM (VALUES
    ('杭州日报首席记者 齐航 本报记者 郁佳炜'),
    ('记者 王妍 实习生 张华颖 通讯员 叶佳锋'),
    ('■见习记者 竹滢艳'),
    ('首席记者 吴宇翔 通讯员 俞佳君'),
    ('本报记者 张三 通讯员 李四 王五'),
    ('（记者杜海涛）'),
    ('文/陈明 图/刘畅'),
    ('记者 方波 摄'),
    ('周红 供图'),
    ('特约评论员 林一'),
    ('浙江日报记者 何苗 摄影 吴越'),
    (''),
    ('这不是署名，而是一句普通的话。')
  ) v(b), LATERAL news_byline(b) p;

-- anything gets an answer, and no text is lost
-- (a one-line text is a brief: issue 11)
SELECT kind, body FROM news_articles('一行字'::news_issue);
SELECT count(*) AS articles FROM news_articles(E'。。。\n！！！\n———'::news_issue);
SELECT count(*) >= 1 AS has_rows, max(length(body)) AS body_chars
  FROM news_articles(repeat('没有标点的一大段文字', 100000)::news_issue);
SELECT max(raw_end) = 1000000 AS covered FROM news_segments(repeat('没有标点的一大段文字', 100000)::news_issue);
SELECT kind, body FROM news_articles('Mixed 文字 and ไทย and русский 123 ٤٥٦'::news_issue);

-- the layout hint: auto and epaper read the e-paper fixture with the
-- line-role model, ocr with the rules; an unknown layout is an error
SELECT layout, count(*) AS rows, count(title) AS titled, count(dateline) AS datelines
  FROM fx, unnest(ARRAY['auto', 'epaper', 'ocr', 'web']) layout,
       news_articles(fx.raw, layout => layout) a
 WHERE fx.name = 'epaper'
 GROUP BY layout ORDER BY layout;
SELECT count(*) FROM news_articles('一行字'::news_issue, 'newspaper');

-- news_segments(issue, layout): the model's score on the lines it labelled
SELECT role, count(*) AS spans, bool_and(score IS NOT NULL) AS scored
  FROM fx, news_segments(fx.raw, 'auto') s
 WHERE fx.name = 'epaper' AND role IN ('page_header', 'kicker', 'title', 'subtitle', 'body')
 GROUP BY role ORDER BY role;
SELECT count(score) AS scored FROM fx, news_segments(fx.raw, 'ocr') WHERE fx.name = 'epaper';

-- adverts and notices between articles (issue 11): items of their own kinds,
-- each line its own paragraph, never inside an article's body
\set f `cat test/fixtures/issues/adverts.txt`
SELECT ordinal, kind, title, replace(left(body, 16), E'\n', '/') AS body_starts
  FROM news_articles(:'f'::news_issue);
SELECT count(*) AS advert_text_in_articles
  FROM news_articles(:'f'::news_issue)
 WHERE kind NOT IN ('advert', 'notice') AND (body LIKE '%电话%' OR body LIKE '%作废%' OR body LIKE '%元%');
-- a role word between two names leads the second (issue 11)
SELECT p.* FROM news_byline('何苗 摄影 吴越') p;
-- an organization, a role and a name run together; a dateline's source is no name
SELECT p.* FROM news_byline('（中央人民广播电台记者刘程，新华社记者徐殿龙、奚启新）') p;
SELECT p.* FROM news_byline('本报讯（记者张三）') p;
-- web copies' credits: slash roles, names joined by &, a label that is no name
SELECT p.* FROM news_byline('执笔/林小舟、王大山&陈一鸣') p;
SELECT p.* FROM news_byline('【文/东方观察网专栏作者张明】') p;
SELECT count(*) AS persons FROM news_byline('原创：张明编译金融观察研究') p;
-- a note on the author is no person
SELECT count(*) AS persons FROM news_byline('（作者为某某大学公共管理学院教授）') p;
-- names run together and into their role word: split when they read one
-- way only as names; printed apart from the role, taken whole
SELECT p.* FROM news_byline('澎湃新闻记者段彦超廖艳') p;
SELECT p.* FROM news_byline('记者 阿卜杜拉') p;

-- historical issues (issue 11): text OCR'd from vertical columns is joined
-- into paragraphs before the model (auto on strong evidence, or the hint
-- historical); traditional datelines; offsets still point into the raw text
\set f `cat test/fixtures/historical_columns.txt`
SELECT ordinal, kind, title, dateline, reported_on, left(body, 12) AS body_starts
  FROM news_articles(:'f'::news_issue, layout => 'historical');
SELECT (SELECT count(*) FROM news_articles(:'f'::news_issue)) AS auto_rows,
       (SELECT count(*) FROM news_articles(:'f'::news_issue, 'historical')) AS historical_rows,
       (news_issue_info(:'f'::news_issue)).issue_date;
SELECT bool_and(raw_start = coalesce(prev_end, 0)) AS tiled, max(raw_end) = length(:'f') AS covered,
       count(*) FILTER (WHERE role = 'dateline') AS datelines
  FROM (SELECT raw_start, raw_end, role, lag(raw_end) OVER (ORDER BY raw_start) AS prev_end
          FROM news_segments(:'f'::news_issue, 'historical')) s;

-- closing credits and notes kept as printed (issue 11): the credit's persons
-- join the authors, the credit itself is in notes, never lost
SELECT ordinal, title, authors, author_roles, replace(notes, E'\n', '/') AS notes
  FROM news_articles((E'第03版：社会\n城东新建三座社区食堂\n'
                     || E'\u3000\u3000本报讯（记者 林晓）昨天上午，城东街道三座社区食堂同时开张，附近老人每餐只需十二元。\n'
                     || E'\u3000\u3000街道负责人介绍，食堂由社区提供场地，餐饮企业运营，菜单每周更换。\n'
                     || E'\u3000\u3000（责编：王平\u3000校对：李铭）\n'
                     || E'春季花展周末开幕\n'
                     || E'\u3000\u3000本报讯（通讯员 赵一）市植物园春季花展本周六开幕，展出郁金香等四十余种花卉。\n'
                     || E'\u3000\u3000门票价格与平日相同。\n')::news_issue);
