#!/usr/bin/env bash
# Side-by-side benchmark of exact Chinese search (issue 12).  Not part of the
# tests.  Needs a running cluster (PGHOST/PGPORT) with news_archive installed;
# pg_bigm and PGroonga are built from ../shared/vendor (README there) into a
# cache outside the project (NA_PEERS_CACHE, default ~/.cache/news_archive-
# peers) and installed into $PG_CONFIG's PostgreSQL when missing (PGroonga
# needs libgroonga-dev libmsgpack-dev libxxhash-dev).  Writes the report to
# stdout; bench/search.md keeps the figures.
#   BENCH_BYTES   corpus size (default 40 MB)   BENCH_TERMS   terms per class (10)
#   BENCH_REPS    runs of each query (3)      BENCH_TOP_ONLY=1  only the top-20
#                 part (no per-class latencies, no tsvector methods)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${NA_SHARED:-$ROOT/../shared}
PG_CONFIG=${PG_CONFIG:-pg_config}
CACHE=${NA_PEERS_CACHE:-$HOME/.cache/news_archive-peers}
LIB=$($PG_CONFIG --pkglibdir)

peer_build() {  # peer_build <tarball glob> <make args...>
	local tgz dir
	tgz=$(ls "$SHARED"/vendor/$1 2>/dev/null | head -1) || true
	[ -n "$tgz" ] || { echo "no $1 in $SHARED/vendor" >&2; return 1; }
	mkdir -p "$CACHE"
	dir=$CACHE/$(tar tzf "$tgz" | sed -n 1p | cut -d/ -f1)  # not head: SIGPIPE under pipefail
	[ -d "$dir" ] || tar xzf "$tgz" -C "$CACHE"
	shift
	nice make -C "$dir" -s -j2 PG_CONFIG="$PG_CONFIG" "$@" >/dev/null
	make -C "$dir" -s PG_CONFIG="$PG_CONFIG" "$@" install >/dev/null
}
[ -f "$LIB/pg_bigm.so" ] || peer_build 'pg_bigm-*.tar.gz' USE_PGXS=1
[ -f "$LIB/pgroonga.so" ] || peer_build 'pgroonga-*.tar.gz' HAVE_XXHASH=1 HAVE_MSGPACK=1

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "PostgreSQL: $(psql -XAt -d postgres -c 'SHOW server_version'), shared_buffers $(psql -XAt -d postgres -c 'SHOW shared_buffers')"
exec python3 "$ROOT/bench/search.py" --root "$ROOT" --shared "$SHARED" \
	--bytes "${BENCH_BYTES:-40000000}" --terms "${BENCH_TERMS:-10}" --reps "${BENCH_REPS:-3}" \
	${BENCH_TOP_ONLY:+--top-only}
