-- reliability (issue 7): bad input gives a clear error or a sensible result
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS news_archive;
RESET client_min_messages;
SET search_path = news_archive, public;

-- invalid UTF-8 never reaches the functions: convert_from refuses it
SELECT convert_from('\xe4b8ade5'::bytea, 'UTF8')::news_issue;
SELECT zh_segment(convert_from('\xff'::bytea, 'UTF8'));
SELECT to_tsvector('chinese', convert_from('\xc0af'::bytea, 'UTF8'));
-- a lone continuation byte through a LATIN1 detour is real text (Ã¤) once converted
SELECT zh_segment(convert_from('\xc3a4'::bytea, 'LATIN1'));

-- control characters (no NUL): accepted and kept byte for byte; to the search they are characters like any other
SELECT octet_length(E'\x01\x02\x03\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f'::news_issue::text);
SELECT count(*) FROM news_articles(E'\x01标题\x02\n\x1b记者 王\x07妍\n正文\x7f内容。\x0c'::news_issue);
SELECT to_tsvector('chinese', E'\x01北\x02京\x1b');
SELECT zh_segment(E'a\x01b\x1f中\x7f国');
SELECT zh_query(E'\x01北京\x02 OR \x1b上海');
SELECT count(*) FROM news_byline(E'记者\x01王妍\x1b 通讯员\x7f叶佳锋');
SELECT news_issue_json(E'\x1b\x1b\x1b'::news_issue) IS NOT NULL AS json_ok;
-- only white space and controls that are white space: refused as empty
SELECT E' \t\n\r\x0b\x0c　'::news_issue;

-- zh_query: hostile syntax is plain text
SELECT zh_query(repeat('(', 3000));
SELECT zh_query(repeat('"', 3000));
SELECT zh_query(repeat('-', 3000));
SELECT zh_query(repeat('|', 3000));
SELECT zh_query(repeat('OR ', 3000));
SELECT zh_query(repeat('--"北', 10));
SELECT numnode(zh_query(repeat('北 OR ', 1000) || '京'));
SELECT numnode(zh_query(repeat('"北京" ', 1000)));
SELECT numnode(zh_query(repeat('-北京 ', 1000)));
SELECT numnode(zh_query(repeat('中', 5461)));
SELECT numnode(zh_query(repeat('((北)) ', 1000)));
-- over the limit: a clear error
SELECT zh_query(repeat('中', 5462));
SELECT zh_query(repeat('a', 16385));
-- the results still search
SELECT to_tsvector('chinese', '北京上海') @@ zh_query(repeat('北京 OR ', 500) || '天津') AS or_chain;
SELECT to_tsvector('chinese', '北京上海') @@ zh_query(repeat('"北京" ', 500)) AS and_chain;

-- long runs without punctuation or newline (the 10-million-character run is in test/suites/bigvalues.sh)
SELECT cardinality(zh_segment(repeat('中国经济发展迅速', 20000))) > 0 AS segmented;
SELECT length(to_tsvector('chinese', repeat('中国经济发展迅速', 20000))) AS lexemes;
SELECT count(*) FROM news_articles(repeat('中国经济发展迅速', 20000)::news_issue);
SELECT count(*) FROM news_articles(('x' || repeat(E'\n', 100000))::news_issue);
SELECT count(*) FROM news_articles(repeat(E'■\n', 50000)::news_issue);
SELECT count(*) FROM news_byline(repeat('记者 王妍 ', 10000));
SELECT length(to_tsvector('chinese', repeat(' ', 100000) || '北京'));
SELECT length(to_tsvector('chinese', repeat('a', 100000)));
SELECT length(to_tsvector('chinese', repeat('1', 100000)));
SELECT length(to_tsvector('chinese', 'http://' || repeat('a', 100000)));
SELECT length(to_tsvector('chinese', repeat('a', 100000) || '@' || repeat('b', 100000) || '.cn'));
