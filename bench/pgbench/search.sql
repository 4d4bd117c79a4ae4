-- one client's search: Chinese full-text search and article splitting over what is loaded
SELECT count(*) FROM rel_issue WHERE to_tsvector('chinese', raw::text) @@ news_archive.zh_query('临江 发布') AND k % 50 = :client_id;
SELECT count(*) FROM (SELECT k FROM rel_issue ORDER BY k DESC LIMIT 3) s, LATERAL news_archive.news_articles((SELECT raw FROM rel_issue r WHERE r.k = s.k)) a;
