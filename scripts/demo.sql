-- What scripts/demo.sh shows: run against a fresh database.
\pset footer off
CREATE EXTENSION news_archive;
SET search_path = public, news_archive;

-- load the sample issues, each file one news_issue value
CREATE TABLE issue (id serial PRIMARY KEY, file text, raw news_issue);
SELECT format('INSERT INTO issue (file, raw) VALUES (%L, pg_read_file(%L)::news_issue)',
              f, :'fixtures' || '/' || f)
  FROM pg_ls_dir(:'fixtures') AS f WHERE f LIKE '%.txt' ORDER BY f \gexec
\echo loaded :ROW_COUNT sample issues

\echo
\echo '== Issues and their front matter'
SELECT i.id, i.file, m.masthead, m.issue_date, m.weekday, m.lunar_date, m.issue_no, m.pages,
       m.sponsor, m.publisher, m.site, m.source, m.editor, length(raw::text) AS chars
  FROM issue i, news_issue_info(i.raw) m ORDER BY i.id;
