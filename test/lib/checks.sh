# Pass/fail counting shared by the suites in test/suites/ (source it; it is
# not a suite itself, so it lives outside that folder).
#
#   check NAME COMMAND...   run COMMAND: "ok   NAME" or "FAIL NAME", counted
#   ok TEXT, bad TEXT       count a pass or a failure decided by the caller
#   checks_summary LABEL    print "LABEL: N passed, N failed" (the line
#                           scripts/test.sh adds up); false if any failed
passed=0
failed=0
ok() {
	echo "ok   $*"
	passed=$((passed + 1))
}
bad() {
	echo "FAIL $*"
	failed=$((failed + 1))
}
check() {
	local name=$1
	shift
	if "$@"; then ok "$name"; else bad "$name"; fi
}
checks_summary() {
	echo "$1: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
