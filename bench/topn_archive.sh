#!/usr/bin/env bash
# The archive's search() for the top 20, without and with the optional rank
# index (create_rank_index: zh_rank_ops on article_text(...), read through
# zh_top), in one session, interleaved (plain, by bound, plain, ...), serial,
# JIT off.  Per query: median wall ms and the backend's CPU ms per query
# (utime + stime from /proc/self/stat, 10 ms ticks summed over the rounds),
# and whether both give the same rows in the same order.  The archive: one
# article per document of bench/search_corpus.py (title = 4-18 characters
# of it), spread over 50 issues a week apart, one of them superseded.
#
# usage (private cluster running, PGHOST/PGPORT set):
#     BENCH_BYTES=100000000 ROUNDS=9 bash bench/topn_archive.sh
set -euo pipefail
. "$(dirname "$0")/lib.sh"
ROUNDS=${ROUNDS:-9}
DB=na_topn_archive
bench_db $DB
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
bench_archive bt "id <> 7" "${BENCH_BYTES:-40000000}"
P -c "SELECT format('archive: %s articles, %s MB of text; search index %s MiB', count(*),
        round(sum(octet_length(body)) / 1e6, 1), round(pg_relation_size('bt.articles_search_idx') / 1048576.0, 1)) FROM bt.articles"
t0=$(date +%s.%N)
P -c "SET maintenance_work_mem = '512MB'" -c "SELECT news_archive.create_rank_index('bt')" >/dev/null
P -c "SELECT format('rank index %s MiB, built in %s s', round(pg_relation_size('bt.articles_rank_idx') / 1048576.0, 1),
        round(($(date +%s.%N) - $t0)::numeric, 1))"
echo "| query | plain wall / by bound wall | plain CPU / by bound CPU | same rows and order |"
echo "|---|---|---|---|"
P <<SQL
SET max_parallel_workers_per_gather = 0;
SET jit = off;
$BENCH_CPU_SQL
-- the plain plan: search()'s own query without the rank index (what it
-- runs when the archive has none)
CREATE FUNCTION pg_temp.run(q text, f date, method text) RETURNS text LANGUAGE plpgsql AS \$\$
DECLARE r text;
BEGIN
  IF method = 'plain' THEN
    EXECUTE format('SELECT string_agg(format(''%%s/%%s/%%s'', rank, issue_id, ordinal), '' '') FROM (%s) s',
                   news_archive._search_sql('bt', 'SELECT x.*, news_archive.zh_rank(pg_catalog.concat_ws('' '', x.kicker, x.title, x.subtitle), x.body, \$1) AS rank
                      FROM bt.articles x WHERE news_archive.article_text(x.kicker, x.title, x.subtitle, x.body) OPERATOR(news_archive.&@?) \$1
                       AND (news_archive.zh_index_decides(\$1) OR news_archive.article_match(x.kicker, x.title, x.subtitle, x.body, \$1))'))
      INTO r USING q, f, NULL::date, 20;
  ELSE
    SELECT string_agg(format('%s/%s/%s', rank, issue_id, ordinal), ' ') INTO r FROM news_archive.search(q, f, NULL, 20, 'bt');
  END IF;
  RETURN r;
END \$\$;
CREATE TEMP TABLE qs (n serial, q text, f date);
INSERT INTO qs (q, f) VALUES ('经济', NULL), ('经济', '2025-06-01'), ('发展', NULL), ('中国', NULL), ('社会主义', NULL),
  ('中华人民共和国', NULL), ('经济 发展', NULL), ('经济 OR 改革', NULL), ('"人民代表大会"', NULL);
CREATE TEMP TABLE m (n int, method text, wall float8, cpu bigint, res text);
DO \$\$
DECLARE rec record; meth text; t0 timestamptz; c0 bigint; r text;
BEGIN
  FOR i IN 1..$ROUNDS LOOP
    FOR rec IN SELECT * FROM qs ORDER BY n LOOP
      FOREACH meth IN ARRAY ARRAY['plain', 'bound'] LOOP
        c0 := pg_temp.cpu(); t0 := clock_timestamp();
        r := pg_temp.run(rec.q, rec.f, meth);
        INSERT INTO m VALUES (rec.n, meth, extract(epoch FROM clock_timestamp() - t0) * 1000, pg_temp.cpu() - c0, r);
      END LOOP;
    END LOOP;
  END LOOP;
END \$\$;
SELECT format('| %s%s | %s / %s | %s / %s | %s |', qs.q, coalesce(' from ' || qs.f, ''),
  round(percentile_cont(0.5) WITHIN GROUP (ORDER BY wall) FILTER (WHERE method = 'plain')::numeric, 1),
  round(percentile_cont(0.5) WITHIN GROUP (ORDER BY wall) FILTER (WHERE method = 'bound')::numeric, 1),
  round(sum(cpu) FILTER (WHERE method = 'plain') * 10.0 / $ROUNDS, 1),
  round(sum(cpu) FILTER (WHERE method = 'bound') * 10.0 / $ROUNDS, 1),
  count(DISTINCT res) = 1)
FROM qs JOIN m USING (n) GROUP BY qs.n, qs.q, qs.f ORDER BY qs.n;
SQL
psql -Xq -d postgres -c "DROP DATABASE $DB" >/dev/null
