#!/usr/bin/env bash
# Speed of saved web pages through the whole path (issue 14), per core:
#   1. standalone: build/na_web (charset layer, libxml2 reader, metadata,
#      article scorer, segments, JSON) over the pages of DIR, ROUNDS times;
#   2. server: news_issue_json(news_issue_from_bytes(bytes)) over the same
#      pages in one backend, timed by the backend's own CPU time
#      (/proc/PID/stat utime + stime), so that other work on a shared machine
#      does not count.
# usage: bench/web.sh [DIR] [ROUNDS]   (default ../shared/dev/web, 5)
# Needs a running server (PGHOST etc.) with the extension installable.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$(cd "${1:-$ROOT/../shared/dev/web}" && pwd)
ROUNDS=${2:-5}
make -C "$ROOT" -s build/na_web >/dev/null
echo "== standalone (wall clock, one core)"
"$ROOT/build/na_web" "$DIR"/*.html --bench "$ROUNDS"
echo "== server (backend CPU time)"
db=na_web_bench
psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
psql -qX -d $db -v dir="$DIR" -v rounds="$ROUNDS" <<'SQL'
CREATE EXTENSION news_archive;
CREATE TEMP TABLE pages AS SELECT f AS name, pg_read_binary_file(:'dir' || '/' || f) AS b
  FROM pg_ls_dir(:'dir') f WHERE f LIKE '%.html';
CREATE FUNCTION pg_temp.cpu_ms() RETURNS bigint LANGUAGE sql AS
$$ SELECT ((s[12])::bigint + (s[13])::bigint) * 1000 / 100
     FROM (SELECT regexp_split_to_array(split_part(pg_read_file('/proc/' || pg_backend_pid() || '/stat'), ') ', 2), ' ') AS s) x $$;
SELECT pg_temp.cpu_ms() AS c0 \gset
SELECT sum(length(news_archive.news_issue_json(news_archive.news_issue_from_bytes(b))::text)) AS out
  FROM pages, generate_series(1, :rounds) \gset
SELECT pg_temp.cpu_ms() AS c1 \gset
SELECT count(*) AS pages, sum(octet_length(b)) * :rounds AS bytes, :c1 - :c0 AS cpu_ms,
       round(sum(octet_length(b)) * :rounds / 1e6 / ((:c1 - :c0) / 1000.0), 1) AS mb_per_cpu_second
  FROM pages;
SQL
psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null
