# bench/lib.sh: set-up shared by the search benches run on a private cluster
# (PGHOST/PGPORT set); sourced, not run.
#
#   bench_db NAME                 a fresh database NAME; P then runs psql in it
#   bench_archive SCHEMA CURRENT BYTES [SQL...]
#                                 in it, an archive SCHEMA of 50 issues a week
#                                 apart (is_current = the SQL expression
#                                 CURRENT over issues.id), one article per
#                                 document of bench/search_corpus.py (BYTES
#                                 of text; title = 4-18 characters of its
#                                 body), the documents also in the session's
#                                 table c (n, body) for the SQL statements
#                                 given, run before VACUUM ANALYZE
#   $BENCH_CPU_SQL                defines pg_temp.cpu(): the backend's CPU
#                                 (utime + stime of /proc/self/stat, 10 ms
#                                 ticks), for SQL that times queries
BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_SHARED=${NA_SHARED:-$BENCH_ROOT/../shared}
BENCH_DB=

bench_db() {
	BENCH_DB=$1
	psql -Xq -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB" -c "CREATE DATABASE $BENCH_DB" >/dev/null
}

P() { psql -X -v ON_ERROR_STOP=1 -q -At ${BENCH_DB:+-d "$BENCH_DB"} "$@"; }

bench_archive() {
	local schema=$1 current=$2 bytes=$3 sql
	local args=(-c "SET client_min_messages = warning" -c "CREATE EXTENSION news_archive"
		-c "SELECT news_archive.create_archive('$schema')"
		-c "SELECT count(news_archive.ingest('issue' || i, ('第' || i || '期')::news_archive.news_issue)) FROM generate_series(1, 50) i"
		-c "UPDATE $schema.issues SET issue_date = date '2025-01-01' + 7 * id::int, is_current = $current"
		-c "CREATE TEMP TABLE c (n serial, body text)"
		-c "COPY c (body) FROM STDIN"
		-c "INSERT INTO $schema.articles (issue_id, ordinal, kind, title, body)
		      SELECT 1 + n % 50, 1000 + n, 'article', substr(body, 1 + n % 11, 4 + n % 15), body FROM c")
	shift 3
	for sql in "$@"; do
		args+=(-c "$sql")
	done
	args+=(-c "VACUUM ANALYZE $schema.articles")
	P "${args[@]}" < <(python3 "$BENCH_ROOT/bench/search_corpus.py" --bytes "$bytes" \
		--shared "$BENCH_SHARED" 2>/dev/null) >/dev/null
}

BENCH_CPU_SQL='CREATE FUNCTION pg_temp.cpu() RETURNS bigint LANGUAGE sql AS
  $$ SELECT (split_part(s, '"' '"', 12)::bigint + split_part(s, '"' '"', 13)::bigint)
       FROM (SELECT split_part(pg_read_file('"'/proc/self/stat'"'), '"') '"', 2) s) x $$;'
