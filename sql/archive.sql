-- archives: create_archive, ingest (idempotent, versions), views, search, trend
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS news_archive;
RESET client_min_messages;
SET DateStyle = ISO;
\set daily `cat test/fixtures/issues/demo_daily.txt`
\set web `cat test/fixtures/issues/demo_web.txt`

-- no archive yet: a clear error
SELECT news_archive.ingest('x', :'daily'::news_archive.news_issue);

SELECT news_archive.create_archive('arc');
SELECT news_archive.create_archive('arc');          -- again: nothing to do
SELECT * FROM news_archive.archives();
-- the raw issues compress with lz4 where the server has it; the bodies are
-- stored uncompressed (e: external), for the search rechecks
SELECT a.attrelid::regclass AS rel, a.attname,
       a.attcompression = CASE news_archive._toast_compression() WHEN 'lz4' THEN 'l' ELSE 'p' END AS as_chosen,
       news_archive._toast_compression() IN ('lz4', 'pglz') AS known, a.attstorage
  FROM pg_attribute a
 WHERE a.attrelid IN ('arc.issues'::regclass, 'arc.articles'::regclass) AND a.attname IN ('raw', 'body')
 ORDER BY 1, 2;
-- bad names
SELECT news_archive.create_archive('');
CREATE SCHEMA notarc;
CREATE TABLE notarc.issues (id int);
SELECT news_archive.create_archive('notarc');

-- the same content twice: stored once, same id
SELECT news_archive.ingest('daily.txt', :'daily'::news_archive.news_issue) AS first_id \gset
SELECT news_archive.ingest('daily.txt', :'daily'::news_archive.news_issue) = :first_id AS same_id;
SELECT news_archive.ingest('copy-of-daily.txt', :'daily'::news_archive.news_issue) = :first_id AS same_id_other_source;
SELECT * FROM news_archive.ingest_status('web.html', :'web'::news_archive.news_issue);
SELECT count(*) AS issues FROM arc.issues;

-- a corrected version of the same source: new version, the old one kept
SELECT status FROM news_archive.ingest_status('web.html', (:'web' || E'\n（更正）')::news_archive.news_issue);
SELECT source, version, supersedes IS NOT NULL AS has_prev, superseded_by IS NOT NULL AS replaced, paper, issue_date
  FROM arc.issues_v ORDER BY issue_id;
SELECT count(*) AS current_web_issues FROM arc.issues WHERE source = 'web.html' AND is_current;
SELECT raw::text = :'web' AS old_version_intact FROM arc.issues WHERE source = 'web.html' AND version = 1;

-- articles and authors went in with the issue
SELECT count(*) > 0 AS has_articles FROM arc.articles_v WHERE issue_id = :first_id;
SELECT bool_and(paper = '临江日报' AND issue_date = '2022-03-08') AS front_matter_copied
  FROM arc.articles_v WHERE issue_id = :first_id;
SELECT count(*) = (SELECT count(*) FROM arc.articles WHERE issue_id IN (SELECT id FROM arc.issues WHERE is_current))
       AS articles_v_current_only FROM arc.articles_v;
-- a photo's credit is kept as printed in notes, its person in authors
SELECT ordinal, kind, authors, notes FROM arc.articles_v
 WHERE issue_id = :first_id AND notes IS NOT NULL ORDER BY ordinal;

-- bad input
SELECT news_archive.ingest('', :'daily'::news_archive.news_issue);
SELECT news_archive.ingest('x', NULL);
SELECT news_archive.ingest('x', :'daily'::news_archive.news_issue, 'nosuch');
SELECT * FROM news_archive.ingest_table('pg_class');

-- a staging table: a bad row is reported, the others go in (in a session
-- that keeps the memory it frees, as the loader's do: glibc takes the setting)
SELECT news_archive._ingest_memory() AS keeps_freed_memory;
CREATE TEMP TABLE staging (source text, raw text);
INSERT INTO staging VALUES ('a.txt', :'daily'), ('b.txt', '   '), ('c.txt', '某某报' || E'\n## 标题\n正文');
SELECT source, status, message FROM news_archive.ingest_table('staging') ORDER BY source;

-- the views have plain types only, and comments everywhere
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type,
       col_description(c.oid, a.attnum) IS NOT NULL AS commented
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
 WHERE c.relnamespace = 'arc'::regnamespace AND c.relkind = 'v'
 ORDER BY c.relname, a.attnum;
SELECT relname, obj_description(oid, 'pg_class') IS NOT NULL AS commented
  FROM pg_class WHERE relnamespace = 'arc'::regnamespace AND relkind IN ('r', 'p', 'v') ORDER BY 1;

-- search: highlighted snippets, ranked, date range
SELECT count(*) >= 1 AS found, bool_and(snippet LIKE '%<b>产业园</b>%') AS highlighted,
       string_agg(DISTINCT paper, ',' ORDER BY paper) AS papers
  FROM news_archive.search('产业园');
-- exact search through the archive's own index (no stored tsvector): the
-- traditional spelling finds the same articles (zh_gin's default class is
-- zh_search_ops)
SELECT indexname, indexdef FROM pg_indexes
 WHERE schemaname = 'arc' AND tablename = 'articles' AND indexname <> 'articles_pkey' ORDER BY 1;
SELECT (SELECT count(*) FROM news_archive.search('產業園')) = (SELECT count(*) FROM news_archive.search('产业园')) AS same_traditional;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT 1 FROM arc.articles a
 WHERE news_archive.article_text(a.kicker, a.title, a.subtitle, a.body) OPERATOR(news_archive.&@) '产业园';
RESET enable_seqscan;
-- article_match(): article_text(...) &@ q without building article_text();
-- the index through the candidate clause beside it (search() and trend()
-- query this way), the rows exactly those of the expression, and the same
-- row estimate
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT 1 FROM arc.articles a
 WHERE news_archive.article_text(a.kicker, a.title, a.subtitle, a.body) OPERATOR(news_archive.&@?) '产业园'
   AND news_archive.article_match(a.kicker, a.title, a.subtitle, a.body, '产业园');
-- as search() and trend() write it: a query of one- and two-character terms
-- is decided by the index alone (&@? is &@ there), no text read
EXPLAIN (COSTS OFF) SELECT 1 FROM arc.articles a
 WHERE news_archive.article_text(a.kicker, a.title, a.subtitle, a.body) OPERATOR(news_archive.&@?) '产业 园区'
   AND (news_archive.zh_index_decides('产业 园区') OR news_archive.article_match(a.kicker, a.title, a.subtitle, a.body, '产业 园区'));
SELECT q, news_archive.zh_index_decides(q) FROM (VALUES ('产业 园区'), ('产业园'), ('"产 业"'), ('-园'), ('产业 OR 园区园')) v(q);
SELECT count(*) = (SELECT count(*) FROM arc.articles a
                    WHERE news_archive.article_text(a.kicker, a.title, a.subtitle, a.body) OPERATOR(news_archive.&@) '产业 园区') AS same_rows
  FROM arc.articles a
 WHERE news_archive.article_text(a.kicker, a.title, a.subtitle, a.body) OPERATOR(news_archive.&@?) '产业 园区';
RESET enable_seqscan;
CREATE FUNCTION pg_temp.plan_rows(sql text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE j json;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) ' || sql INTO j;
    RETURN (j -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
END $$;
SELECT pg_temp.plan_rows($$SELECT 1 FROM arc.articles a WHERE news_archive.article_text(a.kicker, a.title, a.subtitle, a.body) OPERATOR(news_archive.&@) '产业园'$$)
     = pg_temp.plan_rows($$SELECT 1 FROM arc.articles a WHERE news_archive.article_text(a.kicker, a.title, a.subtitle, a.body) OPERATOR(news_archive.&@?) '产业园'
                             AND news_archive.article_match(a.kicker, a.title, a.subtitle, a.body, '产业园')$$) AS same_estimate,
       pg_temp.plan_rows($$SELECT 1 FROM arc.articles a WHERE news_archive.article_text(a.kicker, a.title, a.subtitle, a.body) OPERATOR(news_archive.&@) '产业园'$$)
     = pg_temp.plan_rows($$SELECT 1 FROM arc.articles a WHERE news_archive.article_match(a.kicker, a.title, a.subtitle, a.body, '产业园')$$) AS same_estimate_alone;
-- every article (and its fields shuffled, some NULL) against queries within
-- a field, across the line breaks that join them, negated, OR, and the
-- article's own title to end of first body line as one quoted term
WITH q(q) AS (VALUES ('产业园'), ('產業園'), ('临江'), ('-临江'), ('临江 OR 产业园'), ('产业园 -临江'),
                     ('"' || E'\n' || '"'), ('的'), ('没有这个词')),
     f AS (SELECT a.kicker, a.title, a.subtitle, a.body FROM arc.articles a
           UNION ALL SELECT NULL, a.body, a.kicker, a.title FROM arc.articles a
           UNION ALL SELECT a.title, NULL, NULL, NULL FROM arc.articles a),
     t AS (SELECT f.*, q.q FROM f, q
           UNION ALL
           SELECT f.*, '"' || right(COALESCE(f.title, ''), 2) || E'\n' || left(COALESCE(f.subtitle, ''), 2) || '"' FROM f
           UNION ALL
           SELECT f.*, '"' || right(COALESCE(f.subtitle, ''), 1) || E'\n' || left(COALESCE(f.body, ''), 3) || '"' FROM f
           UNION ALL
           SELECT f.*, '"' || right(COALESCE(f.subtitle, ''), 1) || E'\n' || left(COALESCE(f.body, ''), 3) || 'x"' FROM f)
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE news_archive.article_text(kicker, title, subtitle, body) OPERATOR(news_archive.&@) q) AS matches,
       bool_and((news_archive.article_text(kicker, title, subtitle, body) OPERATOR(news_archive.&@) q)
                IS NOT DISTINCT FROM news_archive.article_match(kicker, title, subtitle, body, q)) AS same
  FROM t;
SELECT news_archive.article_match(NULL, NULL, NULL, NULL, 'a') AS all_null,
       news_archive.article_match('a', 'b', NULL, NULL, NULL) AS null_query,
       news_archive.article_match('人民', NULL, NULL, '日报', E'"人民\n\n\n日报"') AS across_nulls;
SELECT count(*) AS none_before FROM news_archive.search('产业园', to_date => '2021-12-31');
SELECT count(*) >= 1 AS found_in_range FROM news_archive.search('产业园', '2022-03-01', '2022-03-31');
SELECT count(*) <= 1 AS limited FROM news_archive.search('临江', lim => 1);
SELECT * FROM news_archive.search('');
SELECT * FROM news_archive.search('临江', '2022-04-01', '2022-03-01');
SELECT * FROM news_archive.search('临江', lim => 0);
-- the optional rank index: search() reads the top N by their rank bound
-- (zh_top) and gives the same rows in the same order
CREATE TEMP TABLE plain_hits AS
SELECT q, f, s.* FROM unnest(ARRAY['产业园', '临江', '的', '发展 OR 临江', '"产业园" -临江']) q,
       unnest(ARRAY[NULL, '2022-03-09']::date[]) f, LATERAL news_archive.search(q, f, NULL, 3) WITH ORDINALITY s;
SELECT news_archive._search_by_bound('arc') AS by_bound_before;
CREATE INDEX articles_body_rank ON arc.articles USING gin (body news_archive.zh_rank_ops);
SELECT news_archive._search_by_bound('arc') AS by_bound_other_expression;
DROP INDEX arc.articles_body_rank;
SELECT news_archive.create_rank_index();
SELECT news_archive._search_by_bound('arc') AS by_bound_after;
SELECT indexname, indexdef LIKE '%article_text(kicker, title, subtitle, body) news_archive.zh_rank_ops%' AS on_article_text
  FROM pg_indexes WHERE schemaname = 'arc' AND indexname = 'articles_rank_idx';
CREATE TEMP TABLE bound_hits AS
SELECT q, f, s.* FROM unnest(ARRAY['产业园', '临江', '的', '发展 OR 临江', '"产业园" -临江']) q,
       unnest(ARRAY[NULL, '2022-03-09']::date[]) f, LATERAL news_archive.search(q, f, NULL, 3) WITH ORDINALITY s;
SELECT count(*) AS hits, count(*) = (SELECT count(*) FROM bound_hits) AS same_count,
       NOT EXISTS (SELECT * FROM plain_hits EXCEPT SELECT * FROM bound_hits) AS same_rows_and_order
  FROM plain_hits;

-- trend: one row per month of the span
SELECT month, articles > 0 AS found FROM news_archive.trend('产业园');
SELECT month, articles > 0 AS found FROM news_archive.trend('产业园', '2022-01-01', '2022-04-30');
SELECT sum(articles) = (SELECT count(*) FROM news_archive.search('产业园', lim => 1000)) AS trend_adds_up
  FROM news_archive.trend('产业园');

-- top authors and words run
SELECT count(*) >= 0 AS ok FROM news_archive.top_authors();
SELECT count(*) > 0 AS ok FROM news_archive.top_words(min_chars => 1);

-- resplit: articles and authors made again from the stored raw issues
SELECT count(*) AS articles_before FROM arc.articles \gset
SELECT news_archive.resplit() = (SELECT count(*) FROM arc.issues) AS all_resplit;
SELECT count(*) = :articles_before AS same_articles FROM arc.articles;
SELECT news_archive.resplit(ARRAY[:first_id]::bigint[]) AS one_resplit;

-- which archive: argument, setting, or the only one
SELECT news_archive.create_archive('arc2');
SELECT count(*) FROM news_archive.search('产业园');
SET news_archive.archive = 'arc2';
SELECT count(*) FROM news_archive.search('产业园');
SELECT count(*) > 0 AS found FROM news_archive.search('产业园', archive => 'arc');
RESET news_archive.archive;

-- articles hash-partitioned by issue (create_archive(name, n)): a
-- partition, and a search index, per remainder; the same content is stored
-- once, and the views and search see every partition
SELECT news_archive.create_archive('arcp', 3);
SELECT c.relname, c.relkind, obj_description(c.oid, 'pg_class') AS comment
  FROM pg_class c WHERE c.relnamespace = 'arcp'::regnamespace AND c.relkind IN ('r', 'p') AND c.relname LIKE 'articles%'
 ORDER BY 1;
SELECT count(*) AS leaf_search_indexes FROM pg_partition_tree('arcp.articles_search_idx') WHERE isleaf;
SELECT news_archive.ingest('daily.txt', :'daily'::news_archive.news_issue, 'arcp') AS part_id \gset
SELECT news_archive.ingest('daily.txt', :'daily'::news_archive.news_issue, 'arcp') = :part_id AS same_id;
SELECT (SELECT count(*) FROM arcp.articles) = (SELECT count(*) FROM arc.articles a JOIN arc.issues i ON i.id = a.issue_id WHERE i.source = 'daily.txt' AND i.version = 1) AS same_articles,
       (SELECT count(*) FROM arcp.articles_v) = (SELECT count(*) FROM arcp.articles) AS view_sees_all;
SELECT count(*) > 0 AS found FROM news_archive.search('产业园', archive => 'arcp');
SELECT news_archive.create_archive('arcp2', 0);
SELECT news_archive.create_archive('arcp2', 65);

-- archived data is not the extension's: DROP EXTENSION refuses
\set VERBOSITY terse
DROP EXTENSION news_archive;
\set VERBOSITY default
SELECT count(*) AS issues_still_there FROM arc.issues;

-- clean up for the tests that follow (CASCADE: the stand-ins, if any)
SET client_min_messages = warning;
DROP SCHEMA arc, arc2, arcp, notarc CASCADE;
DROP EXTENSION news_archive CASCADE;
RESET client_min_messages;
