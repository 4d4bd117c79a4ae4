#!/usr/bin/env bash
# Issue 5 bench: what a brand-new connection pays for the Chinese parser.
#
# Opens N fresh connections (default 50) for each of three cases, taken in
# turn so that a change in the machine's load hits all three alike:
#   simple        to_tsvector('simple', s) first and second call: what
#                 PostgreSQL itself pays for the first use of a configuration
#   chinese       the same with to_tsvector('chinese', s)
#   chinese-warm  the connection first runs to_tsvector('simple', 'x'), so the
#                 generic text-search warm-up (catalog caches, the function
#                 lookups of the statement) is paid before the timed calls:
#                 what is left is news_archive's own first-call cost
# Each call is timed in the backend (clock_timestamp() before and after, in
# the statements around it).  For chinese it also reads the backend's private
# memory (RssAnon) and the memory contexts before and after the calls.
# "our share" pairs the k-th simple and the k-th chinese connection:
# chinese (first - second) minus simple (first - second).
#
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
load0=$(cut -d' ' -f1-3 /proc/loadavg)

# one fresh connection: case name, configuration, warm-up statement
session() {
	psql -qXAt -d na_bench -v text="$text" -v cfg="$2" -v case="$1" <<SQL >>"$out"
SELECT pg_backend_pid() AS pid \gset
\set QUIET on
$3
SELECT (SELECT sum(total_bytes) FROM pg_backend_memory_contexts) AS ctx0 \gset
\setenv PID :pid
\! awk '/RssAnon/ {printf "anon0=%s ", \$2}' /proc/\$PID/status
SELECT clock_timestamp() AS t0 \gset
SELECT length(to_tsvector(:'cfg', :'text')::text) > 0 AS ok \gset
SELECT extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000 AS first_ms \gset
SELECT clock_timestamp() AS t1 \gset
SELECT length(to_tsvector(:'cfg', :'text')::text) > 0 AS ok \gset
SELECT extract(epoch FROM clock_timestamp() - :'t1'::timestamptz) * 1000 AS second_ms \gset
SELECT (SELECT sum(total_bytes) FROM pg_backend_memory_contexts) AS ctx1 \gset
\! awk '/RssAnon/ {printf "anon1=%s ", \$2}' /proc/\$PID/status
\echo case=:case first_ms=:first_ms second_ms=:second_ms ctx0=:ctx0 ctx1=:ctx1
SQL
}

for i in $(seq "$n"); do
	session simple simple ''
	session chinese chinese ''
	session chinese-warm chinese "SELECT length(to_tsvector('simple', 'x')::text) > 0 AS ok \gset"
done
load1=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$out" "$load0" "$load1" "${NA_PG_OPTS:-}" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.search(r'case=(\S+)', line)
    kv = dict(re.findall(r'(\w+)=([0-9.]+)', line))
    if m and 'first_ms' in kv:
        rows.setdefault(m.group(1), []).append({k: float(v) for k, v in kv.items()})
def show(name, vals, unit):
    vals = sorted(vals)
    print(f"{name:<52} median {statistics.median(vals):7.2f} {unit}   max {vals[-1]:7.2f} {unit}")
def extra(r):
    return r['first_ms'] - r['second_ms']
s, c, w = rows['simple'], rows['chinese'], rows['chinese-warm']
print(f"{len(c)} fresh connections per case; {sys.argv[4] or 'library not preloaded'}")
print(f"load average {sys.argv[2]} (start), {sys.argv[3]} (end)")
show("simple: first call - second call", [extra(r) for r in s], "ms")
show("chinese: first call - second call", [extra(r) for r in c], "ms")
show("our share: chinese minus simple (paired)", [extra(a) - extra(b) for a, b in zip(c, s)], "ms")
print(f"{'our share: difference of the two medians':<52} {statistics.median(map(extra, c)) - statistics.median(map(extra, s)):14.2f} ms")
show("chinese after a simple warm-up: first - second", [extra(r) for r in w], "ms")
show("chinese: first call", [r['first_ms'] for r in c], "ms")
show("chinese: second call", [r['second_ms'] for r in c], "ms")
show("chinese: RssAnon before the calls", [r['anon0'] / 1024 for r in c], "MB")
show("chinese: RssAnon growth", [(r['anon1'] - r['anon0']) / 1024 for r in c], "MB")
show("chinese: memory contexts growth", [(r['ctx1'] - r['ctx0']) / 1048576 for r in c], "MB")
PY
rm -f "$out"
