#!/usr/bin/env bash
# Top 20 by rank: zh_top (zh_rank_ops frequency levels) against the plain
# "WHERE body &@ q ORDER BY zh_rank(NULL, body, q) DESC LIMIT 20", in one
# session, interleaved (plain, zh_top, plain, zh_top, ...), serial
# (max_parallel_workers_per_gather 0), JIT off.  Per query: rows matched,
# rows zh_top read (bound at or above the 20th score), median wall ms, and
# the backend's CPU ms per query (utime + stime from /proc/self/stat, 10 ms
# ticks summed over the rounds), and whether both give the same scores.
#
# usage (private cluster running, PGHOST/PGPORT set; a table with a text
# column body, indexed with zh_search_ops and zh_rank_ops):
#     TABLE=t ROUNDS=9 bash bench/topn.sh
set -euo pipefail
TABLE=${TABLE:-t}
ROUNDS=${ROUNDS:-9}
. "$(dirname "$0")/lib.sh"
P <<SQL
SET max_parallel_workers_per_gather = 0;
SET jit = off;
$BENCH_CPU_SQL
CREATE FUNCTION pg_temp.run(q text, method text) RETURNS real[] LANGUAGE plpgsql AS \$\$
DECLARE r real[];
BEGIN
  IF method = 'plain' THEN
    SELECT array_agg(x ORDER BY x DESC) INTO r FROM (
      SELECT news_archive.zh_rank(NULL, body, q) x FROM $TABLE
       WHERE body OPERATOR(news_archive.&@) q ORDER BY 1 DESC LIMIT 20) s;
  ELSE
    SELECT array_agg(rank ORDER BY rank DESC) INTO r FROM news_archive.zh_top('$TABLE', 'body', q, 20);
  END IF;
  RETURN r;
END \$\$;
CREATE TEMP TABLE qs (n serial, q text);
INSERT INTO qs (q) VALUES ('国'), ('经济'), ('发展'), ('中国'), ('代表大'), ('社会主义'), ('中华人民共和国'),
  ('经济 发展'), ('经济 OR 改革'), ('经济 -发展'), ('"人民代表大会"');
CREATE TEMP TABLE m (q text, method text, wall float8, cpu bigint, ranks real[]);
DO \$\$
DECLARE rec record; meth text; t0 timestamptz; c0 bigint; r real[];
BEGIN
  FOR i IN 1..$ROUNDS LOOP
    FOR rec IN SELECT q FROM qs ORDER BY n LOOP
      FOREACH meth IN ARRAY ARRAY['plain', 'zh_top'] LOOP
        c0 := pg_temp.cpu(); t0 := clock_timestamp();
        r := pg_temp.run(rec.q, meth);
        INSERT INTO m VALUES (rec.q, meth, extract(epoch FROM clock_timestamp() - t0) * 1000, pg_temp.cpu() - c0, r);
      END LOOP;
    END LOOP;
  END LOOP;
END \$\$;
SELECT format('| %s | %s / %s | %s / %s | %s |', qs.q,
  round(percentile_cont(0.5) WITHIN GROUP (ORDER BY wall) FILTER (WHERE method = 'plain')::numeric, 1),
  round(percentile_cont(0.5) WITHIN GROUP (ORDER BY wall) FILTER (WHERE method = 'zh_top')::numeric, 1),
  round(sum(cpu) FILTER (WHERE method = 'plain') * 10.0 / $ROUNDS, 1),
  round(sum(cpu) FILTER (WHERE method = 'zh_top') * 10.0 / $ROUNDS, 1),
  bool_and((SELECT ranks FROM m m2 WHERE m2.q = qs.q AND m2.method = 'plain' LIMIT 1) = ranks))
FROM qs JOIN m USING (q) GROUP BY qs.n, qs.q ORDER BY qs.n;
SQL
echo "candidate rows / rows read by zh_top:"
for q in '国' '经济' '发展' '中国' '代表大' '社会主义' '中华人民共和国' '经济 发展' '经济 OR 改革' '经济 -发展' '"人民代表大会"'; do
	printf '%s: ' "$q"
	P -c "SET client_min_messages = debug1" -c "SELECT count(*) FROM news_archive.zh_top('$TABLE', 'body', '$q', 20)" 2>&1 |
		grep -o '[0-9]* candidate rows, [0-9]* read' || echo
done
