#!/usr/bin/env bash
# The archive's search() and trend() on an archive with long bodies: the
# old query (article_text(...) &@ q: each candidate's whole text built,
# long bodies read whole) against the new (article_text(...) &@? q AND
# article_match(..., q): the body read by slices up to its first match and
# through the session's cache), and the new one with the cache off
# (news_archive.long_text_cache = 0).  One session, interleaved per query
# (old, new, new without cache, ...), serial, JIT off.  Per query: median
# wall ms and the backend's CPU ms per query (utime + stime of
# /proc/self/stat, 10 ms ticks summed over the rounds), and whether the
# three give the same rows (and snippets: the old query's are computed too).  The archive: one article per document of
# bench/search_corpus.py (BENCH_BYTES) over 50 issues, plus 50 long
# articles of 200 kB to 1 MB (documents of the corpus joined), bodies
# EXTERNAL as archives store them; no rank index (search()'s plain plan).
#
# usage (private cluster running, PGHOST/PGPORT set):
#     BENCH_BYTES=20000000 ROUNDS=5 bash bench/archive_match.sh
set -euo pipefail
. "$(dirname "$0")/lib.sh"
ROUNDS=${ROUNDS:-5}
DB=na_archive_match
bench_db $DB
bench_archive bm true "${BENCH_BYTES:-20000000}" \
  "INSERT INTO bm.articles (issue_id, ordinal, kind, title, body)
     SELECT 1 + g % 50, 900000 + g, 'article', '长文' || g, l.b
       FROM generate_series(1, 50) g,
            LATERAL (SELECT string_agg(body, E'\n' ORDER BY n) b
                       FROM (SELECT n, body, sum(octet_length(body) + 1) OVER (ORDER BY n) cs
                               FROM c WHERE n % 10 = g % 10) s
                      WHERE cs <= 200000 + (g - 1) * 16327) l"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
P -c "SELECT format('archive: %s articles, %s MB of text; %s bodies of 200 kB to 1 MB (%s MB, %s-%s kB)', count(*),
        round(sum(octet_length(body)) / 1e6, 1), count(*) FILTER (WHERE ordinal > 900000),
        round(sum(octet_length(body)) FILTER (WHERE ordinal > 900000) / 1e6, 1),
        min(octet_length(body)) FILTER (WHERE ordinal > 900000) / 1000, max(octet_length(body)) FILTER (WHERE ordinal > 900000) / 1000)
        FROM bm.articles"
echo "| query | rows (long) | search(): old / new / new no cache wall ms | CPU ms | trend(): old / new / new no cache wall ms | CPU ms | same |"
echo "|---|---|---|---|---|---|---|"
P <<SQL
CREATE TABLE qs (n serial, q text);
INSERT INTO qs (q) VALUES ('经济'), ('社会主义'), ('人民代表大会'), ('中华人民共和国'), ('经济 发展'),
  ('改革 -经济'), ('"新华社北京"'), ('量子纠缠'), ('长文');
CREATE TABLE m (n int, what text, method text, wall float8, cpu bigint, res text);
SQL
# one session per pass (setting the cache to 0 empties it): old and new
# interleaved with the cache at its default, then old and new with it off
pass() {
P <<SQL
SET max_parallel_workers_per_gather = 0;
SET jit = off;
$BENCH_CPU_SQL
-- old: search()'s and trend()'s queries before article_match
CREATE FUNCTION pg_temp.run(q text, what text, method text) RETURNS text LANGUAGE plpgsql AS \$\$
DECLARE r text;
BEGIN
  IF method = 'nocache' THEN
    PERFORM set_config('news_archive.long_text_cache', '0', false);
  END IF;
  IF what = 'search' AND method = 'old' THEN
    EXECUTE format('SELECT string_agg(format(''%%s/%%s/%%s/%%s'', rank, issue_id, ordinal, md5(snippet)), '' '') FROM (%s) s(rank, snippet, title, issue_date, paper, issue_id, ordinal)',
                   news_archive._search_sql('bm', 'SELECT x.*, news_archive.zh_rank(pg_catalog.concat_ws('' '', x.kicker, x.title, x.subtitle), x.body, \$1) AS rank
                      FROM bm.articles x WHERE news_archive.article_text(x.kicker, x.title, x.subtitle, x.body) OPERATOR(news_archive.&@) \$1'))
      INTO r USING q, NULL::date, NULL::date, 20;
  ELSIF what = 'search' THEN
    SELECT string_agg(format('%s/%s/%s/%s', rank, issue_id, ordinal, md5(snippet)), ' ') INTO r FROM news_archive.search(q, lim => 20, archive => 'bm');
  ELSIF method = 'old' THEN
    SELECT string_agg(month || ':' || n, ' ' ORDER BY month) INTO r
      FROM (SELECT date_trunc('month', i.issue_date)::date AS month, count(*) AS n
              FROM bm.articles a JOIN bm.issues i ON i.id = a.issue_id
             WHERE news_archive.article_text(a.kicker, a.title, a.subtitle, a.body) OPERATOR(news_archive.&@) q
               AND i.is_current AND i.issue_date IS NOT NULL GROUP BY 1) h;
  ELSE
    SELECT string_agg(month || ':' || articles, ' ' ORDER BY month) INTO r FROM news_archive.trend(q, archive => 'bm') WHERE articles > 0;
  END IF;
  PERFORM set_config('news_archive.long_text_cache', '32MB', false);
  RETURN r;
END \$\$;
DO \$\$
DECLARE rec record; w text; meth text; t0 timestamptz; c0 bigint; r text;
BEGIN
  FOR i IN 1..$ROUNDS LOOP
    FOR rec IN SELECT * FROM qs ORDER BY n LOOP
      FOREACH w IN ARRAY ARRAY['search', 'trend'] LOOP
        FOREACH meth IN ARRAY ARRAY[$1] LOOP
          c0 := pg_temp.cpu(); t0 := clock_timestamp();
          r := pg_temp.run(rec.q, w, replace(meth, 'old2', 'old'));
          INSERT INTO m VALUES (rec.n, w, meth, extract(epoch FROM clock_timestamp() - t0) * 1000, pg_temp.cpu() - c0, r);
        END LOOP;
      END LOOP;
    END LOOP;
  END LOOP;
END \$\$;
SQL
}
pass "'old', 'new'"
pass "'old2', 'nocache'"
P <<SQL
CREATE FUNCTION pg_temp.med(w text, meth text, k int) RETURNS numeric LANGUAGE sql AS
  \$\$ SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY wall)::numeric, 1) FROM m WHERE what = w AND method = meth AND n = k \$\$;
CREATE FUNCTION pg_temp.cpums(w text, meth text, k int) RETURNS numeric LANGUAGE sql AS
  \$\$ SELECT round(sum(cpu) * 10.0 / $ROUNDS, 0) FROM m WHERE what = w AND method = meth AND n = k \$\$;
SELECT format('| %s | %s (%s) | %s / %s / %s | %s / %s / %s | %s / %s / %s | %s / %s / %s | %s |', qs.q,
  (SELECT count(*) FROM bm.articles a WHERE news_archive.article_match(a.kicker, a.title, a.subtitle, a.body, qs.q)),
  (SELECT count(*) FROM bm.articles a WHERE a.ordinal > 900000 AND news_archive.article_match(a.kicker, a.title, a.subtitle, a.body, qs.q)),
  pg_temp.med('search', 'old', qs.n), pg_temp.med('search', 'new', qs.n), pg_temp.med('search', 'nocache', qs.n),
  pg_temp.cpums('search', 'old', qs.n), pg_temp.cpums('search', 'new', qs.n), pg_temp.cpums('search', 'nocache', qs.n),
  pg_temp.med('trend', 'old', qs.n), pg_temp.med('trend', 'new', qs.n), pg_temp.med('trend', 'nocache', qs.n),
  pg_temp.cpums('trend', 'old', qs.n), pg_temp.cpums('trend', 'new', qs.n), pg_temp.cpums('trend', 'nocache', qs.n),
  (SELECT count(DISTINCT COALESCE(res, '')) = 1 FROM m WHERE m.n = qs.n AND what = 'search')
  AND (SELECT count(DISTINCT COALESCE(res, '')) = 1 FROM m WHERE m.n = qs.n AND what = 'trend'))
FROM qs ORDER BY qs.n;
SELECT format('| total | | %s / %s / %s | %s / %s / %s | %s / %s / %s | %s / %s / %s | |',
  round(sum(wall) FILTER (WHERE what = 'search' AND method = 'old')::numeric / $ROUNDS, 0),
  round(sum(wall) FILTER (WHERE what = 'search' AND method = 'new')::numeric / $ROUNDS, 0),
  round(sum(wall) FILTER (WHERE what = 'search' AND method = 'nocache')::numeric / $ROUNDS, 0),
  round(sum(cpu) FILTER (WHERE what = 'search' AND method = 'old') * 10.0 / $ROUNDS, 0),
  round(sum(cpu) FILTER (WHERE what = 'search' AND method = 'new') * 10.0 / $ROUNDS, 0),
  round(sum(cpu) FILTER (WHERE what = 'search' AND method = 'nocache') * 10.0 / $ROUNDS, 0),
  round(sum(wall) FILTER (WHERE what = 'trend' AND method = 'old')::numeric / $ROUNDS, 0),
  round(sum(wall) FILTER (WHERE what = 'trend' AND method = 'new')::numeric / $ROUNDS, 0),
  round(sum(wall) FILTER (WHERE what = 'trend' AND method = 'nocache')::numeric / $ROUNDS, 0),
  round(sum(cpu) FILTER (WHERE what = 'trend' AND method = 'old') * 10.0 / $ROUNDS, 0),
  round(sum(cpu) FILTER (WHERE what = 'trend' AND method = 'new') * 10.0 / $ROUNDS, 0),
  round(sum(cpu) FILTER (WHERE what = 'trend' AND method = 'nocache') * 10.0 / $ROUNDS, 0)) FROM m;
SELECT format('old in the second session (beside no cache): search %s ms wall, %s ms CPU; trend %s ms wall, %s ms CPU',
  round(sum(wall) FILTER (WHERE what = 'search')::numeric / $ROUNDS, 0), round(sum(cpu) FILTER (WHERE what = 'search') * 10.0 / $ROUNDS, 0),
  round(sum(wall) FILTER (WHERE what = 'trend')::numeric / $ROUNDS, 0), round(sum(cpu) FILTER (WHERE what = 'trend') * 10.0 / $ROUNDS, 0))
  FROM m WHERE method = 'old2';
SQL
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
psql -Xq -d postgres -c "DROP DATABASE $DB" >/dev/null
