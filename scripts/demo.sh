#!/usr/bin/env bash
# The main job, end to end on a fresh machine: installs what is missing,
# builds and installs the extension, starts a throwaway PostgreSQL cluster of
# its own under .tmp/, creates an archive, loads the project's sample issues
# through the documented loader (scripts/news-archive-load) and shows what the
# extension makes of them -- views, search with highlighted snippets, articles
# per month -- then stops the cluster.
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$NA_ROOT"

na_deps scripts/packages.txt
na_build
na_cluster_start

psql -qX -d postgres -c "CREATE DATABASE news_demo" >/dev/null
psql -qX -d news_demo -v ON_ERROR_STOP=1 -c "CREATE EXTENSION news_archive" >/dev/null
# (development only: stand-ins for the splitter's functions until it is merged)
psql -qX -d news_demo -v ON_ERROR_STOP=1 -c "SELECT news_archive.create_archive('archive')" >/dev/null
na_log "loading test/fixtures/issues with scripts/news-archive-load"
scripts/news-archive-load -d news_demo test/fixtures/issues
psql -qX -d news_demo -v ON_ERROR_STOP=1 -f scripts/demo.sql
na_log "done; the cluster is stopped again"
