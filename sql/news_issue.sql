-- news_issue: the raw-issue type
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS news_archive;
RESET client_min_messages;
SET search_path = news_archive, public;
SET DateStyle = ISO;
\set daily `cat test/fixtures/issues/demo_daily.txt`
\set web `cat test/fixtures/issues/demo_web.txt`

-- lossless round trip through the type, byte for byte
SELECT :'daily'::news_issue::text = :'daily' AS text_round_trip,
       length(:'daily'::news_issue::text) = length(:'daily') AS same_length,
       octet_length(:'web'::news_issue::text) = octet_length(:'web') AS same_bytes;
SELECT 'a  b'::news_issue::text = 'a  b' AS spaces_kept,
       E'\n\n行一\r\n行二\t\n'::news_issue::text = E'\n\n行一\r\n行二\t\n' AS line_ends_kept;

-- the front matter of a printed issue
SELECT (i).* FROM (SELECT news_issue_info(:'daily') AS i) s \gx
-- and of a saved web page
SELECT (i).* FROM (SELECT news_issue_info(:'web') AS i) s \gx

-- a text that is not a newspaper: accepted, every field NULL
SELECT (i).* FROM (SELECT news_issue_info('Hello, world. 这不是报纸。') AS i) s \gx

-- field rules: impossible dates are NULL, digits may be full-width
SELECT (news_issue_info(E'某某报\n2021年2月30日 星期二\n今日４版 总第１２期')).issue_date,
       (news_issue_info(E'某某报\n2021年2月30日 星期二\n今日４版 总第１２期')).pages,
       (news_issue_info(E'某某报\n2021年2月30日 星期二\n今日４版 总第１２期')).issue_no;
SELECT (news_issue_info(E'人民日报 2021年5月14日 星期五\n第01版：要闻')).issue_date;

-- bad input: empty and white-space-only issues are rejected
SELECT ''::news_issue;
SELECT E' \n\t '::news_issue;
SELECT E'\u3000\u3000\n'::news_issue;
SELECT news_issue(''::text);

-- a 10 MB issue
SELECT octet_length(repeat('测试文本。', 700000)::news_issue::text) AS bytes,
       (news_issue_info(repeat('测试文本。', 700000)::news_issue)).masthead AS masthead;

-- casts, equality, hashing and de-duplication
CREATE TABLE issues (id serial, raw news_issue);
INSERT INTO issues (raw) VALUES (:'daily'), (:'web'), (:'daily');
SELECT count(*) AS rows, count(DISTINCT raw) AS distinct_issues FROM issues;
SELECT a.id, b.id FROM issues a JOIN issues b ON a.raw = b.raw AND a.id < b.id;
SELECT encode(news_issue_hash(raw), 'hex') = encode(sha256(convert_to(raw::text, 'UTF8')), 'hex') AS sha256_of_raw
  FROM issues LIMIT 1;
SELECT count(DISTINCT news_issue_hash(raw)) FROM issues;
SELECT raw::text = :'daily' FROM issues ORDER BY raw LIMIT 1;
SET enable_hashagg = off;
SELECT count(*) FROM (SELECT raw FROM issues GROUP BY raw) g;
RESET enable_hashagg;
CREATE INDEX ON issues USING hash (raw);
CREATE UNIQUE INDEX issues_raw_uniq ON issues (news_issue_hash(raw)) WHERE id < 3;

-- binary COPY round trip
\copy issues TO 'results/news_issue.bin' WITH (FORMAT binary)
CREATE TABLE issues2 (LIKE issues);
\copy issues2 FROM 'results/news_issue.bin' WITH (FORMAT binary)
SELECT count(*) AS copied, bool_and(a.raw = b.raw AND a.raw::text = b.raw::text) AS identical,
       bool_and(news_issue_info(a.raw) IS NOT DISTINCT FROM news_issue_info(b.raw)) AS same_info
  FROM issues a JOIN issues2 b USING (id);

-- tampered binary values: a bytea column copied out in binary format gives
-- arbitrary field bytes, which news_issue_recv must validate
CREATE TABLE forged (b bytea);
INSERT INTO forged VALUES ('\x02e4b8ad'::bytea);          -- unknown format version
\copy forged TO 'results/forged1.bin' WITH (FORMAT binary)
\copy issues2 (raw) FROM 'results/forged1.bin' WITH (FORMAT binary)
TRUNCATE forged;
INSERT INTO forged VALUES ('\x01e4b8ffad'::bytea);        -- invalid UTF-8
\copy forged TO 'results/forged2.bin' WITH (FORMAT binary)
\copy issues2 (raw) FROM 'results/forged2.bin' WITH (FORMAT binary)
TRUNCATE forged;
INSERT INTO forged VALUES ('\x0161006200'::bytea);        -- NUL bytes
\copy forged TO 'results/forged3.bin' WITH (FORMAT binary)
\copy issues2 (raw) FROM 'results/forged3.bin' WITH (FORMAT binary)
TRUNCATE forged;
INSERT INTO forged VALUES ('\x01'::bytea), ('\x'::bytea); -- empty text, nothing at all
\copy forged TO 'results/forged4.bin' WITH (FORMAT binary)
\copy issues2 (raw) FROM 'results/forged4.bin' WITH (FORMAT binary)
SELECT count(*) AS rows_after_forgeries FROM issues2;

-- metadata of a TOASTed (out-of-line) value is read from a slice
CREATE TABLE big (raw news_issue);
ALTER TABLE big ALTER raw SET STORAGE external;
INSERT INTO big SELECT (:'daily' || repeat(E'\n正文段落。', 100000))::news_issue;
SELECT (news_issue_info(raw)).masthead, (news_issue_info(raw)).issue_no FROM big;

-- a database in another encoding refuses the extension
\set regdb :DBNAME
CREATE DATABASE na_latin1 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c na_latin1
SET client_min_messages = warning;
-- (no CONTEXT lines: PostgreSQL 18 adds the script's text and line to them)
\set SHOW_CONTEXT never
CREATE EXTENSION IF NOT EXISTS news_archive;
\set SHOW_CONTEXT errors
RESET client_min_messages;
\c :regdb
DROP DATABASE na_latin1;
