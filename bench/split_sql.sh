#!/usr/bin/env bash
# news_articles() throughput inside the server (issue 3's speed bar): loads
# generated issues into a table, then times splitting all of them with
# news_articles() in one backend (no JSON, no client transfer: count(*)).
# Run: bash bench/split_sql.sh [COUNT]   (builds, installs, private cluster)
set -euo pipefail
. "$(dirname "$0")/../scripts/common.sh"
cd "$NA_ROOT"
count=${1:-2000}
na_build
na_cluster_start
gen=$(mktemp -d)
chmod 755 "$gen"	# the server (user postgres) reads the files
build/na_gen_issues --seed 11 --count "$count" --out "$gen" >/dev/null
psql -qX -d postgres -c "DROP DATABASE IF EXISTS na_bench" -c "CREATE DATABASE na_bench" >/dev/null
psql -qX -d na_bench -v ON_ERROR_STOP=1 -v dir="$gen" <<'SQL'
CREATE EXTENSION news_archive;
SET search_path = public, news_archive;
CREATE TABLE issue (raw news_issue);
ALTER TABLE issue ALTER raw SET STORAGE external;   -- no decompression in the timing
INSERT INTO issue SELECT pg_read_file(:'dir' || '/' || f)::news_issue
  FROM pg_ls_dir(:'dir') f WHERE f LIKE '%.txt';
VACUUM ANALYZE issue;
SELECT count(*) AS issues, round(sum(octet_length(raw::text)) / 1e6, 1) AS mb FROM issue \gset
\echo :issues issues, :mb MB of raw text
SET max_parallel_workers_per_gather = 0;
\timing on
SELECT count(*) AS articles FROM issue, news_articles(raw);
SELECT count(*) AS articles FROM issue, news_articles(raw);
SELECT count(*) AS articles FROM issue, news_articles(raw);
-- every issue through the line-role model (the OCR ones too)
SELECT count(*) AS articles_model FROM issue, news_articles(raw, 'epaper');
SELECT count(*) AS articles_model FROM issue, news_articles(raw, 'epaper');
SELECT count(*) AS issues_read FROM issue WHERE octet_length(raw::text) > 0;
SQL
rm -rf "$gen"
