#!/usr/bin/env bash
# Issue 5 bench: what a brand-new connection pays for the Chinese parser.
# Opens N fresh connections (default 50); in each, times the first and the
# second to_tsvector('chinese', ...) call and reads the backend's private
# memory (RssAnon, and Private_* of smaps_rollup) before and after.
# Run: bash bench/dict_sessions.sh   (builds, installs, private cluster)
# NA_PG_OPTS="-c shared_preload_libraries=news_archive" for the preload case.
set -euo pipefail
. "$(dirname "$0")/../scripts/common.sh"
cd "$NA_ROOT"
na_build
na_cluster_start
n=${N:-50}
psql -qX -d postgres -c "DROP DATABASE IF EXISTS na_bench" -c "CREATE DATABASE na_bench" >/dev/null
psql -qX -d na_bench -c "CREATE EXTENSION news_archive" >/dev/null
text='临江港新材料产业园举行集中开工仪式，首批12个项目正式动工，计划总投资86.4亿元。'
out=$(mktemp)
for cfg in simple chinese; do
for i in $(seq "$n"); do
	psql -qXAt -d na_bench -v text="$text" -v cfg="$cfg" <<'SQL' >>"$out"
SELECT pg_backend_pid() AS pid \gset
\set QUIET on
SELECT (SELECT sum(total_bytes) FROM pg_backend_memory_contexts) AS ctx0 \gset
\setenv PID :pid
\! awk '/RssAnon/ {printf "anon0=%s ", $2}' /proc/$PID/status
SELECT clock_timestamp() AS t0 \gset
SELECT length(to_tsvector(:'cfg', :'text')::text) > 0 AS ok \gset
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000 AS first_ms \gset
SELECT clock_timestamp() AS t1 \gset
SELECT length(to_tsvector(:'cfg', :'text')::text) > 0 AS ok \gset
SELECT extract(epoch FROM clock_timestamp() - :'t1'::timestamptz) * 1000 AS second_ms \gset
SELECT (SELECT sum(total_bytes) FROM pg_backend_memory_contexts) AS ctx1 \gset
\! awk '/RssAnon/ {printf "anon1=%s ", $2}' /proc/$PID/status
\echo cfg=:cfg first_ms=:first_ms second_ms=:second_ms ctx0=:ctx0 ctx1=:ctx1
SQL
done
done
python3 - "$out" <<'PY'
import re, statistics, sys
rows, base = [], []
for line in open(sys.argv[1]):
    kv = dict(re.findall(r'(\w+)=([0-9.]+)', line))
    if 'first_ms' in kv:
        (base if 'cfg=simple' in line else rows).append({k: float(v) for k, v in kv.items()})
def show(name, vals, unit):
    vals = sorted(vals)
    print(f"{name:<34} median {statistics.median(vals):8.2f} {unit}   max {vals[-1]:8.2f} {unit}")
print(f"{len(rows)} fresh connections each for simple and chinese")
show("simple: first call - second call", [r['first_ms'] - r['second_ms'] for r in base], "ms")
show("chinese: first call - second call", [r['first_ms'] - r['second_ms'] for r in rows], "ms")
show("first call", [r['first_ms'] for r in rows], "ms")
show("second call", [r['second_ms'] for r in rows], "ms")
show("RssAnon growth", [(r['anon1'] - r['anon0']) / 1024 for r in rows], "MB")
show("memory contexts growth", [(r['ctx1'] - r['ctx0']) / 1048576 for r in rows], "MB")
PY
rm -f "$out"
