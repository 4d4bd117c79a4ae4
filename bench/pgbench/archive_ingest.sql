-- For when branch `archive` is merged: ingest through news_archive.ingest()
SELECT news_archive.ingest('pgbench-' || s.k, (f.d || E'\n第' || s.k || '号')::news_archive.news_issue)
  FROM rel_fixture f, (SELECT nextval('rel_seq') AS k) s;
