-- Saved web pages (issue 14): pages of the project's own making in several
-- charsets (test/fixtures/web, see make_fixtures.py there), read from bytes.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS news_archive;
RESET client_min_messages;
SET search_path = news_archive, public;
SET DateStyle = ISO;
\set utf8 `base64 -w0 test/fixtures/web/article_utf8.html`
\set bom `base64 -w0 test/fixtures/web/article_utf8_bom.html`
\set utf8_gb `base64 -w0 test/fixtures/web/article_utf8_declared_gb2312.html`
\set gbk `base64 -w0 test/fixtures/web/article_gbk.html`
\set gbk_nodecl `base64 -w0 test/fixtures/web/article_gbk_undeclared.html`
\set gbk_utf8 `base64 -w0 test/fixtures/web/article_gbk_declared_utf8.html`
\set gbk_stray `base64 -w0 test/fixtures/web/article_gbk_stray_byte.html`
\set gb18030 `base64 -w0 test/fixtures/web/article_gb18030.html`
\set big5 `base64 -w0 test/fixtures/web/article_big5.html`
\set big5_nodecl `base64 -w0 test/fixtures/web/article_big5_undeclared.html`
\set list `base64 -w0 test/fixtures/web/list_page.html`
\set binary `base64 -w0 test/fixtures/web/not_text.bin`

CREATE TEMP TABLE page AS
SELECT name, news_issue_from_bytes(decode(b64, 'base64')) AS issue
FROM (VALUES ('utf8', :'utf8'), ('bom', :'bom'), ('utf8 declared gb2312', :'utf8_gb'),
             ('gbk', :'gbk'), ('gbk undeclared', :'gbk_nodecl'), ('gbk declared utf-8', :'gbk_utf8'),
             ('gbk stray byte', :'gbk_stray'), ('gb18030', :'gb18030'), ('big5', :'big5'),
             ('big5 undeclared', :'big5_nodecl'), ('list', :'list')) AS v(name, b64);

-- the charset read, the replacements counted, the front matter
SELECT name, (i).charset, (i).replaced, (i).site, (i).issue_date, (i).source, (i).editor,
       (i).section_path, (i).tags
FROM (SELECT name, news_issue_info(issue) AS i FROM page) s ORDER BY name;

-- the article of the UTF-8 page: headline, byline, date, paragraphs, the photo
SELECT ordinal, kind, title, byline, authors, author_roles, reported_on, section, caption, body
FROM news_articles((SELECT issue FROM page WHERE name = 'utf8')) \gx

-- every simplified-Chinese variant reads to the same articles as the UTF-8 page
-- (all but the raw offsets, which move with the declaration's length)
SELECT p.name, array_agg((a.ordinal, a.kind, a.title, a.byline, a.authors, a.author_roles, a.reported_on, a.body, a.caption)
                         ORDER BY a.ordinal)
             = (SELECT array_agg((b.ordinal, b.kind, b.title, b.byline, b.authors, b.author_roles, b.reported_on, b.body, b.caption)
                                 ORDER BY b.ordinal)
                  FROM news_articles((SELECT issue FROM page WHERE name = 'utf8')) b)
       AS same_articles
FROM page p, LATERAL news_articles(p.issue) a
WHERE p.name IN ('bom', 'utf8 declared gb2312', 'gbk', 'gbk undeclared', 'gbk declared utf-8')
GROUP BY p.name ORDER BY p.name;

-- the stray byte is one U+FFFD in the body, counted above; GB18030's
-- four-byte character and the Big5 pages' traditional text survive
SELECT name, title, strpos(body, U&'\FFFD') > 0 AS has_replacement,
       strpos(body, U&'\+020BB7先生') > 0 AS has_4byte_char, left(body, 12) AS body_start
FROM page, LATERAL news_articles(issue)
WHERE kind = 'article' AND name IN ('gbk stray byte', 'gb18030', 'big5', 'big5 undeclared') ORDER BY name;

-- a list page gives no article (not a wall of links)
SELECT count(*) AS list_rows FROM news_articles((SELECT issue FROM page WHERE name = 'list'));

-- the segments tile the page (kept in UTF-8, losslessly) without gaps: markup
-- has a role of its own, nothing is dropped
SELECT name,
       bool_and(raw_start = prev_end) AS contiguous,
       max(raw_end) = char_length(issue::text) AS covers_all,
       string_agg(DISTINCT role, ',' ORDER BY role) AS roles
FROM (SELECT name, issue, s.*, coalesce(lag(raw_end) OVER (PARTITION BY name ORDER BY raw_start), 0) AS prev_end
      FROM page, LATERAL news_segments(issue) s) x
GROUP BY name, issue ORDER BY name;
SELECT string_agg(substr(issue::text, raw_start + 1, raw_end - raw_start), '' ORDER BY raw_start) = issue::text AS reassembles
FROM page, LATERAL news_segments(issue) WHERE name = 'gbk' GROUP BY issue;
SELECT role, ordinal, substr(issue::text, raw_start + 1, least(raw_end - raw_start, 16)) AS starts
FROM page, LATERAL news_segments(issue) WHERE name = 'utf8' AND role IN ('title', 'body', 'caption') ORDER BY raw_start;
-- each row's span runs from its first to its last segment
SELECT ordinal, kind, substr(issue::text, raw_start + 1, 9) AS span_starts
FROM page, LATERAL news_articles(issue) WHERE name = 'utf8' ORDER BY ordinal;

-- the page as text goes through the same HTML path
SELECT news_issue_json(convert_from(decode(:'utf8', 'base64'), 'UTF8')::news_issue)
     = news_issue_json((SELECT issue FROM page WHERE name = 'utf8')) AS same_json_from_text;
SELECT (news_issue_info(convert_from(decode(:'utf8', 'base64'), 'UTF8')::news_issue)).charset AS charset_of_text;
SELECT jsonb_path_query(news_issue_json((SELECT issue FROM page WHERE name = 'gbk')), '$.articles[0].title') AS json_title;

-- bytes no charset decodes are refused, saying why
SELECT news_issue_from_bytes(decode(:'binary', 'base64'));
SELECT news_issue_from_bytes('\x2020200a'::bytea);
-- UTF-16 with its byte-order mark: <p>你好</p>
SELECT (news_issue_info(i)).charset, i::text AS text
FROM news_issue_from_bytes('\xfffe3c0070003e00604f7d593c002f0070003e00'::bytea) i;
