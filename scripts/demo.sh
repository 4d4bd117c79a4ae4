#!/usr/bin/env bash
# The main job, end to end on a fresh machine: installs what is missing,
# builds and installs the extension, starts a throwaway PostgreSQL cluster of
# its own under .tmp/, loads the project's sample issues and shows what the
# extension makes of them, then stops the cluster.
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$NA_ROOT"

na_deps scripts/packages.txt
na_build
na_cluster_start

psql -qX -d postgres -c "CREATE DATABASE news_demo" >/dev/null
psql -qX -d news_demo -v ON_ERROR_STOP=1 -v fixtures="$NA_ROOT/test/fixtures/issues" -f scripts/demo.sql
na_log "done; the cluster is stopped again"
