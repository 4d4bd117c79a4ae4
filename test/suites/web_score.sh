#!/usr/bin/env bash
# Saved web pages (issue 14): every page of ../shared/dev/web goes through the
# server's whole path, news_issue_json(news_issue_from_bytes(bytes)), and
# ../shared/eval/web_score.py scores the output against the gold; one check
# per bar (body F1 >= 0.90, title >= 90%, date >= 85%, authors >= 80%, every
# page read: no missing output).  Skipped, saying so, without ../shared or a
# server.
set -uo pipefail
NA_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$NA_ROOT"
SHARED="$NA_ROOT/../shared"
[ -d "$SHARED" ] || SHARED="$NA_ROOT/../../shared"
TMP=${NA_TMP:-$(mktemp -d)}
mkdir -p "$TMP"

if [ ! -f "$SHARED/eval/web_score.py" ] || [ ! -d "$SHARED/dev/web" ]; then
	echo "../shared/dev/web not found: web page scores skipped"
	echo "0 passed, 0 failed"
	exit 0
fi
if [ -z "${PGHOST:-}" ]; then
	echo "no server (PGHOST unset): web page scores skipped"
	echo "0 passed, 0 failed"
	exit 0
fi

passed=0
failed=0
out="$TMP/web_score"
db=na_web_score
rm -rf "$out"
mkdir -p "$out"
psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
psql -qX -d $db -c "CREATE EXTENSION news_archive" >/dev/null
errors=0
for f in "$SHARED"/dev/web/*.html; do
	f=$(cd "$(dirname "$f")" && pwd)/$(basename "$f")
	name=$(basename "$f" .html)
	if ! psql -qXAt -v ON_ERROR_STOP=1 -d $db -v f="$f" >"$out/$name.json" 2>"$out/$name.err" <<'SQL'
SELECT news_archive.news_issue_json(news_archive.news_issue_from_bytes(pg_read_binary_file(:'f')));
SQL
	then
		echo "  not read: $name: $(head -n1 "$out/$name.err")"
		rm -f "$out/$name.json"
		errors=$((errors + 1))
	fi
done
psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null 2>&1

report=$(python3 "$SHARED/eval/web_score.py" "$SHARED/dev/web" "$out" 2>&1)
echo "$report" | grep -v 'read (no gold)'
line=$(echo "$report" | grep '^web:')

bar() {
	local name=$1 got=$2 min=$3
	if [ -n "$got" ] && awk -v g="$got" -v m="$min" 'BEGIN{exit !(g >= m)}'; then
		echo "pass: $name $got >= $min"
		passed=$((passed + 1))
	else
		echo "FAIL: $name ${got:-?} < $min"
		failed=$((failed + 1))
	fi
}
bar "body F1" "$(echo "$line" | grep -Eo 'body F1 [0-9.]+' | grep -Eo '[0-9.]+$')" 0.90
bar "title %" "$(echo "$line" | grep -Eo 'title [0-9.]+%' | grep -Eo '[0-9.]+')" 90
bar "date %" "$(echo "$line" | grep -Eo 'date [0-9.]+%' | grep -Eo '[0-9.]+')" 85
bar "authors %" "$(echo "$line" | grep -Eo 'authors [0-9.]+%' | grep -Eo '[0-9.]+')" 80
missing=$(echo "$line" | grep -Eo 'missing outputs [0-9]+' | grep -Eo '[0-9]+$')
if [ "$errors" -eq 0 ] && [ "${missing:-1}" -eq 0 ]; then
	echo "pass: every page read ($(ls "$out"/*.json | wc -l) outputs)"
	passed=$((passed + 1))
else
	echo "FAIL: pages not read: $errors errors, ${missing:-?} missing outputs"
	failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
