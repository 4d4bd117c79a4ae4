#!/usr/bin/env bash
# Scores news_issue_info() on the real issues in ../shared/seeds against the
# issue fields of ../shared/gold (bar: every field right).  Runs inside the
# private cluster started by scripts/test.sh (PGHOST/PGPORT set).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=$root/../shared
if [ ! -d "$shared/seeds" ] || [ ! -d "$shared/gold" ]; then
	echo "issue fields: ../shared not present, nothing to score"
	echo "0 passed, 0 failed"
	exit 0
fi
shared=$(cd "$shared" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
db=na_issue_fields
psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
psql -qX -d $db -c "CREATE EXTENSION news_archive" >/dev/null
for f in "$shared"/seeds/*.txt; do
	name=$(basename "$f" .txt)
	# pg_read_file keeps the text byte for byte (the server validates UTF-8)
	psql -qXAt -d $db -v f="$f" >"$out/$name.json" <<'SQL'
SELECT jsonb_build_object('issue', to_jsonb(news_archive.news_issue_info(pg_read_file(:'f')::news_archive.news_issue)),
                          'articles', '[]'::jsonb);
SQL
done
psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null
report=$(python3 "$shared/eval/split_score.py" "$shared/gold" "$out" -v || true)
# only the issue-field part concerns this suite
echo "$report" | grep -E '^[0-9].*\.json$|issue\.' || true
echo "$report" | grep -Eo 'issue fields [0-9]+/[0-9]+' | sed 's/^/  /'
total=$(echo "$report" | grep -Eo 'issue fields [0-9.]+%' | tail -n 1)
echo "seed $total (bar: 100%)"
if [ "$total" = "issue fields 100.0%" ]; then
	echo "1 passed, 0 failed"
else
	echo "0 passed, 1 failed"
	exit 1
fi
