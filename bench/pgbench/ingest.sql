-- one client's ingest: a distinct issue built from the fixture and a unique key
INSERT INTO rel_issue (k, raw)
  SELECT s.k, (f.d || E'\n第' || s.k || '号')::news_archive.news_issue
  FROM rel_fixture f, (SELECT nextval('rel_seq') AS k) s;
