#!/usr/bin/env bash
# Issue 5 behaviour across sessions:
#  1. session B, already connected and already parsing, segments a word whole
#     on its very next call after session A inserts it and commits;
#  2. concurrency: 8 pgbench clients parse while a ninth updates user words in
#     a loop (NA_CONCURRENCY_SECONDS, default 20): no error, and every parse
#     sees either the old or the new dictionary.
set -uo pipefail
db=na_user_words
passed=0
failed=0
check() {	# check NAME CONDITION-RESULT(0/1) DETAIL
	if [ "$2" -eq 0 ]; then
		passed=$((passed + 1)); echo "ok: $1"
	else
		failed=$((failed + 1)); echo "FAILED: $1 ($3)"
	fi
}
psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
psql -qX -d $db -c "CREATE EXTENSION news_archive" >/dev/null

# a made-up term of common words, which no dictionary has as one word
word='星澜数港'
sentence="今年星澜数港的建设全面提速。"

# session B: a psql coprocess that stays connected
coproc B { psql -qXAt -d $db 2>&1; }
# bash unsets B_PID as soon as the coprocess has exited: keep a copy
b_pid=$B_PID
ask() {	# ask SQL: send to session B, print its answer
	printf '%s\n\\echo __done__\n' "$1" >&"${B[1]}"
	local line out=""
	while IFS= read -r -t 30 line <&"${B[0]}"; do
		[ "$line" = "__done__" ] && break
		out+="$line"
	done
	printf '%s' "$out"
}
before=$(ask "SELECT array_to_string(news_archive.zh_segment('$sentence'), '|');")
case "|$before|" in *"|$word|"*) whole=0 ;; *) whole=1 ;; esac
check "before the insert session B does not know $word" $((1 - whole)) "$before"

psql -qX -d $db -c "INSERT INTO news_archive.user_word (word, weight) VALUES ('$word', 10)" >/dev/null
after=$(ask "SELECT array_to_string(news_archive.zh_segment('$sentence'), '|');")
case "|$after|" in *"|$word|"*) whole=0 ;; *) whole=1 ;; esac
check "session B segments $word whole on its next call" $whole "$after"

tsv=$(ask "SELECT to_tsvector('chinese', '$sentence') @@ news_archive.zh_query('$word');")
check "session B's to_tsvector finds the new word" "$([ "$tsv" = t ] && echo 0 || echo 1)" "$tsv"

psql -qX -d $db -c "DELETE FROM news_archive.user_word WHERE word = '$word'" >/dev/null
gone=$(ask "SELECT array_to_string(news_archive.zh_segment('$sentence'), '|');")
check "after the delete session B is back to the old dictionary" "$([ "$gone" = "$before" ] && echo 0 || echo 1)" "$gone"
printf '\\q\n' >&"${B[1]}"
wait "$b_pid" 2>/dev/null || true

# concurrency: parsers see the old or the new segmentation, nothing else
secs=${NA_CONCURRENCY_SECONDS:-20}
old=$(psql -qXAt -d $db -c "SELECT array_to_string(news_archive.zh_segment('$sentence'), '|')")
psql -qX -d $db -c "INSERT INTO news_archive.user_word (word, weight) VALUES ('$word', 10)" >/dev/null
new=$(psql -qXAt -d $db -c "SELECT array_to_string(news_archive.zh_segment('$sentence'), '|')")
psql -qX -d $db -c "DELETE FROM news_archive.user_word" >/dev/null
tmp=$(mktemp -d)
cat >"$tmp/parse.sql" <<SQL
SELECT CASE WHEN s IN ('$old', '$new') THEN 1
            ELSE 1 / (length(s) * 0) END	-- any other segmentation fails (not constant-folded)
  FROM (SELECT array_to_string(news_archive.zh_segment('$sentence'), '|') AS s) x;
SELECT to_tsvector('chinese', repeat('$sentence', 20)) IS NOT NULL;
SQL
cat >"$tmp/update.sql" <<SQL
INSERT INTO news_archive.user_word (word, weight) VALUES ('$word', 10) ON CONFLICT (word) DO NOTHING;
DELETE FROM news_archive.user_word WHERE word = '$word';
SQL
pgbench -n -c 8 -j 2 -T "$secs" -f "$tmp/parse.sql" $db >"$tmp/parse.log" 2>&1 &
p1=$!
pgbench -n -c 1 -T "$secs" -f "$tmp/update.sql" $db >"$tmp/update.log" 2>&1
u=$?
wait $p1
p=$?
grep -E 'number of (transactions actually processed|failed)|tps' "$tmp/parse.log" | sed 's/^/  parse: /'
grep -E 'number of transactions actually processed' "$tmp/update.log" | sed 's/^/  update: /'
errs=$(grep -ciE 'error|abort' "$tmp/parse.log" "$tmp/update.log" | awk -F: '{s+=$2} END {print s+0}')
check "8 parsers and 1 updater for ${secs}s: no error, only old or new segmentations" \
	$([ $p -eq 0 ] && [ $u -eq 0 ] && [ "$errs" -eq 0 ] && echo 0 || echo 1) "parse rc=$p update rc=$u errors=$errs"
psql -qX -d postgres -c "SELECT 1" >/dev/null
check "the server is still up" $? "psql failed"
[ "$failed" -eq 0 ] && rm -rf "$tmp" || echo "logs kept in $tmp"
psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null 2>&1
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
