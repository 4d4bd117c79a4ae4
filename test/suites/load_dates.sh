#!/usr/bin/env bash
# Issue dates through the loader: the date a path names (20200504,
# 2020-05-04, 2020_05_04, 2020/05/04/page1.txt, 2020/0504/...) for issues
# whose text has none, the text's date winning over the path's, a conflict
# reported (on stderr and in date_conflict), --force-date, --date,
# --path-date and --no-path-date, and date_source/date_precision in the
# archive.  Runs inside the private cluster of scripts/test.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
load=$root/scripts/news-archive-load
db=na_load_dates
. "$root/test/lib/checks.sh"
sql() { psql -qXAt -d $db -v ON_ERROR_STOP=1 -c "$1"; }
# the stored date of a source as "date|source|precision|conflict"
row() { sql "SELECT concat_ws('|', coalesce(issue_date::text, '-'), coalesce(date_source, '-'), coalesce(date_precision, '-'), coalesce(date_conflict, '-')) FROM $1.issues WHERE source = '$2'"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dir=$work/issues
# issues of the project's own making: no date in the text, except where said;
# each text differs (the same content is stored once, whatever its name)
issue() {	# issue PATH TEXT-OF-MASTHEAD-LINES
	mkdir -p "$(dirname "$dir/$1")"
	printf '%s\n\n## 本地新闻标题\n　　本报讯 这是一篇为测试写的短文，它说的是城里的一件小事（%s）。\n' "$2" "$1" >"$dir/$1"
}
issue 2020/05/04/page1.txt '某某晚报'
issue 2021/0607/page2.txt '某某晚报'
issue flat/20190102.txt '某某晚报'
issue flat/paper_2018-03-04_p1.txt '某某晚报'
issue flat/paper_2017_08_09.txt '某某晚报'
issue flat/2016.10.11.txt '某某晚报'
issue flat/nodate.txt '某某晚报'
issue flat/12345678.txt '某某晚报'
issue flat/20200230.txt '某某晚报'
# dates in the text: the masthead wins, a disagreeing path is reported
issue text/20200505.txt $'新民日报\n二〇二〇年五月四日 星期一'
issue text/20200504.txt $'新民日报\n2020年5月4日 星期一 农历四月十二'
# a year-only masthead: the path's day inside it refines it, one outside conflicts
issue text/1939-05-10.txt $'大公報\n中華民國貳拾捌年'
issue text/1940-05-10.txt $'大公報二\n中華民國貳拾捌年'
issue text/19300403.txt $'申報\n民國十九年四月三號 禮拜四'
[ "$(id -u)" -eq 0 ] && chown -R postgres: "$work"

psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
sql "CREATE EXTENSION news_archive" >/dev/null
sql "SELECT news_archive.create_archive('arc')" >/dev/null

rc=0
"$load" -d $db -a arc "$dir" >"$work/out1" 2>"$work/err1" || rc=$?
cat "$work/err1"
check "default load succeeds" [ "$rc" -eq 0 ]
check "2020/05/04/page1.txt: directories name the day" [ "$(row arc 2020/05/04/page1.txt)" = "2020-05-04|file name|day|-" ]
check "2021/0607/page2.txt: year/monthday" [ "$(row arc 2021/0607/page2.txt)" = "2021-06-07|file name|day|-" ]
check "flat/20190102.txt" [ "$(row arc flat/20190102.txt)" = "2019-01-02|file name|day|-" ]
check "flat/paper_2018-03-04_p1.txt" [ "$(row arc flat/paper_2018-03-04_p1.txt)" = "2018-03-04|file name|day|-" ]
check "flat/paper_2017_08_09.txt" [ "$(row arc flat/paper_2017_08_09.txt)" = "2017-08-09|file name|day|-" ]
check "flat/2016.10.11.txt" [ "$(row arc flat/2016.10.11.txt)" = "2016-10-11|file name|day|-" ]
check "no date anywhere: NULL" [ "$(row arc flat/nodate.txt)" = "-|-|-|-" ]
check "an id is no date" [ "$(row arc flat/12345678.txt)" = "-|-|-|-" ]
check "an impossible day is no date" [ "$(row arc flat/20200230.txt)" = "-|-|-|-" ]
check "the masthead wins over a disagreeing file name, which is kept" \
	[ "$(row arc text/20200505.txt)" = "2020-05-04|masthead|day|file name says 2020-05-05" ]
check "an agreeing file name: the masthead's date, no conflict" [ "$(row arc text/20200504.txt)" = "2020-05-04|masthead|day|-" ]
check "a file name inside a year-only masthead refines it" [ "$(row arc text/1939-05-10.txt)" = "1939-05-10|file name|day|-" ]
check "a file name outside a year-only masthead: conflict" [ "$(row arc text/1940-05-10.txt)" = "1939-01-01|masthead|year|file name says 1940-05-10" ]
check "民國十九年四月三號 with the same file date" [ "$(row arc text/19300403.txt)" = "1930-04-03|masthead|day|-" ]
check "the conflicts are named on stderr" \
	bash -c "[ \$(grep -c 'dates disagree' '$work/err1') -eq 2 ] && grep -q 'note text/20200505.txt: dates disagree: kept 2020-05-04 from the masthead; the file name says 2020-05-05' '$work/err1'"
check "the summary counts them" grep -q '2 with dates that disagree' "$work/err1"
check "issues_v shows the date's source" \
	[ "$(sql "SELECT count(*) FROM arc.issues_v WHERE date_source = 'file name'")" -eq 7 ]

# --force-date: the path wins, the text's date is kept as the conflict
sql "SELECT news_archive.create_archive('arc_force')" >/dev/null
"$load" -q -d $db -a arc_force --force-date "$dir" 2>"$work/err2" || true
check "--force-date: the file name wins" [ "$(row arc_force text/20200505.txt)" = "2020-05-05|file name|day|masthead says 2020-05-04" ]
check "--force-date: over a year-only masthead" [ "$(row arc_force text/1940-05-10.txt)" = "1940-05-10|file name|day|masthead says 1939" ]
check "--force-date: an agreeing date is no conflict" [ "$(row arc_force text/20200504.txt)" = "2020-05-04|file name|day|-" ]

# --no-path-date: only the text's dates
sql "SELECT news_archive.create_archive('arc_off')" >/dev/null
"$load" -q -d $db -a arc_off --no-path-date "$dir" 2>/dev/null
check "--no-path-date: no date from the path" [ "$(row arc_off 2020/05/04/page1.txt)" = "-|-|-|-" ]
check "--no-path-date: the text's date stays, no conflict" [ "$(row arc_off text/20200505.txt)" = "2020-05-04|masthead|day|-" ]
check "--no-path-date: a year-only masthead stays a year" [ "$(row arc_off text/1939-05-10.txt)" = "1939-01-01|masthead|year|-" ]

# --date: one date for every issue
sql "SELECT news_archive.create_archive('arc_given')" >/dev/null
"$load" -q -d $db -a arc_given --date 2001-02-03 "$dir" 2>/dev/null || true
check "--date: given to an issue without a date" [ "$(row arc_given flat/nodate.txt)" = "2001-02-03|given|day|-" ]
check "--date: replaces the path's date" [ "$(row arc_given flat/20190102.txt)" = "2001-02-03|given|day|-" ]
check "--date: the text's date wins, conflict kept" [ "$(row arc_given text/19300403.txt)" = "1930-04-03|masthead|day|given says 2001-02-03" ]
rc=0
"$load" -q -d $db -a arc_given --date 2001-02-30 "$dir" 2>"$work/err3" || rc=$?
check "--date with an impossible day: exit 1 with the reason" bash -c "[ $rc -eq 1 ] && grep -q 'wants a real day' '$work/err3'"

# --path-date REGEX: the user's own pattern (here page names dYYMMDD-less: y m d groups)
mkdir -p "$work/custom"
printf '某某晚报\n\n## 标题\n正文。\n' >"$work/custom/issue-04.05.2020.txt"
printf '某某晚报\n\n## 标题\n另一篇正文。\n' >"$work/custom/issue-31.02.2020.txt"
[ "$(id -u)" -eq 0 ] && chown -R postgres: "$work/custom"
sql "SELECT news_archive.create_archive('arc_re')" >/dev/null
"$load" -q -d $db -a arc_re --path-date '(?<d>\d\d)\.(?<m>\d\d)\.(?<y>\d{4})' "$work/custom" 2>/dev/null
check "--path-date: named groups" [ "$(row arc_re issue-04.05.2020.txt)" = "2020-05-04|file name|day|-" ]
check "--path-date: an impossible day is no date" [ "$(row arc_re issue-31.02.2020.txt)" = "-|-|-|-" ]
rc=0
"$load" -q -d $db -a arc_re --path-date '(' "$work/custom" 2>"$work/err4" || rc=$?
check "--path-date with a bad regex: exit 1" bash -c "[ $rc -eq 1 ] && grep -q 'not a valid Perl regex' '$work/err4'"

psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null
checks_summary load_dates
