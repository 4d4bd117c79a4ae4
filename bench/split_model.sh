#!/usr/bin/env bash
# news_articles() through the line-role model on real-size issues, in CPU
# time of the backend (the machine is shared, wall time says little).
# tools/split_render.py renders 120 issues of 70-100 articles each (about
# 200-300 kB: epaper, masthead and web layouts, adverts between articles)
# from the project's articles and ../shared; they are stored uncompressed
# and split three times with news_articles(raw) (layout auto: these issues
# all go through the model) in one backend, no parallel workers, count(*)
# only.  The backend's user + system CPU is read from /proc before and after.
# Run: bash bench/split_model.sh   (builds, installs, private cluster)
set -euo pipefail
. "$(dirname "$0")/../scripts/common.sh"
cd "$NA_ROOT"
na_build
na_cluster_start
gen=$(mktemp -d)
chmod 755 "$gen"
python3 tools/split_render.py "$gen" --seed 5 --issues "${ISSUES:-40}" --layouts epaper,masthead,web \
	--articles 70,100 >/dev/null
chmod 644 "$gen"/*
psql -qX -d postgres -c "DROP DATABASE IF EXISTS na_bench" -c "CREATE DATABASE na_bench" >/dev/null
psql -qX -d na_bench -v ON_ERROR_STOP=1 -v dir="$gen" <<'SQL'
CREATE EXTENSION news_archive;
SET search_path = public, news_archive;
CREATE TABLE issue (raw news_issue);
ALTER TABLE issue ALTER raw SET STORAGE external;
INSERT INTO issue SELECT pg_read_file(:'dir' || '/' || f)::news_issue
  FROM pg_ls_dir(:'dir') f WHERE f LIKE '%.txt';
VACUUM ANALYZE issue;
SELECT count(*) AS issues, round(sum(octet_length(raw::text)) / 1e6, 2) AS mb,
       round(avg(octet_length(raw::text)) / 1e3) AS avg_kb FROM issue \gset
\echo :issues issues, :mb MB, :avg_kb kB each
SET max_parallel_workers_per_gather = 0;
SELECT count(*) FROM issue WHERE octet_length(raw::text) > 0;  -- warm the cache
CREATE TEMP TABLE cpu (run int, ticks bigint);
CREATE FUNCTION pg_temp.ticks() RETURNS bigint LANGUAGE sql AS $$
  SELECT split_part(s, ' ', 14)::bigint + split_part(s, ' ', 15)::bigint
  FROM pg_read_file('/proc/' || pg_backend_pid() || '/stat') s $$;
INSERT INTO cpu VALUES (0, pg_temp.ticks());
SELECT count(*) AS rows_1 FROM issue, news_articles(raw);
INSERT INTO cpu VALUES (1, pg_temp.ticks());
SELECT count(*) AS rows_2 FROM issue, news_articles(raw);
INSERT INTO cpu VALUES (2, pg_temp.ticks());
SELECT count(*) AS rows_3 FROM issue, news_articles(raw);
INSERT INTO cpu VALUES (3, pg_temp.ticks());
-- CPU seconds (clock ticks of 1/100 s) and MB per CPU second of each run
SELECT run, (ticks - lag(ticks) OVER w) / 100.0 AS cpu_s,
       round(:mb / nullif((ticks - lag(ticks) OVER w) / 100.0, 0), 1) AS mb_per_cpu_s
  FROM cpu WINDOW w AS (ORDER BY run) ORDER BY run OFFSET 1;
SQL
rm -rf "$gen"
