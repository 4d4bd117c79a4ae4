-- What scripts/demo.sh shows, after it has created the archive "archive" and
-- loaded the sample issues with scripts/news-archive-load.
\pset footer off
SET search_path = archive, news_archive, public;

\echo
\echo '== Issues and their front matter (view issues_v)'
SELECT issue_id, source, version, paper, issue_date, weekday, lunar_date, issue_no, pages, sponsor,
       publisher, news_source, editor, articles, chars
  FROM issues_v ORDER BY issue_id;

\echo
\echo '== Articles (view articles_v)'
SELECT issue_id, ordinal, paper, issue_date, kind, kicker, title, subtitle, authors, dateline, char_count,
       left(regexp_replace(body, '\s+', ' ', 'g'), 40) AS body_start
  FROM articles_v ORDER BY issue_id, ordinal;

\echo
\echo '== Authors (view authors_v)'
SELECT name, role, organization, paper, issue_date, title FROM authors_v ORDER BY issue_date, issue_id, ordinal, position;

\echo
\echo '== Search: news_archive.search(''产业园'') with highlighted snippets'
SELECT round(rank::numeric, 3) AS rank, issue_date, paper, title, snippet FROM search('产业园');

\echo
\echo '== Search: news_archive.search(''数字经济 OR 社区食堂'')'
SELECT round(rank::numeric, 3) AS rank, issue_date, paper, title, snippet FROM search('数字经济 OR 社区食堂');

\echo
\echo '== Articles per month: news_archive.trend(''临江'')'
SELECT to_char(month, 'YYYY-MM') AS month, articles FROM trend('临江');

\echo
\echo '== Top authors and words'
SELECT * FROM top_authors(lim => 5);
SELECT * FROM top_words(lim => 10);
