# Private PostgreSQL installations and clusters for the suites that must not
# touch the installation the other suites use (test/suites/pg18.sh,
# upgrade.sh, package.sh).  Source it, do not run it.
#
#   na_pg_copy PG_CONFIG DEST     relocated copy of that PostgreSQL's server
#                                 programs, libraries, share and headers under
#                                 DEST; prints the copy's pg_config
#   na_pg_start BINDIR DIR PORT   initdb + start a cluster in DIR/data
#                                 (socket in DIR/sock, log DIR/postgres.log)
#   na_pg_stop BINDIR DIR         stop it (no-op when not running)
#
# PostgreSQL finds its share and library directories relative to its
# programs, so a copy keeps working wherever it is put as long as the
# directories keep their places relative to each other (the way /opt/mkpg.sh
# copies Debian's /usr/lib/postgresql/15, /usr/share/postgresql/15 and
# /usr/include/postgresql).  Run as root, the cluster belongs to postgres.

# the longest leading directory path shared by all the arguments
na_common_dir() {
	local c=$1 d
	shift
	for d in "$@"; do
		while [ "${d#"$c"/}" = "$d" ] && [ "$d" != "$c" ]; do
			c=$(dirname "$c")
		done
	done
	printf '%s\n' "$c"
}

na_pg_copy() {
	local pgc=$1 dest=$2 dirs=() d base bindir
	bindir=$("$pgc" --bindir)
	dirs=("$bindir" "$("$pgc" --pkglibdir)" "$("$pgc" --sharedir)"
		"$("$pgc" --includedir-server)" "$("$pgc" --pkgincludedir)")
	base=$(na_common_dir "${dirs[@]}")
	[ "$base" != / ] || { echo "na_pg_copy: $pgc has no common installation root" >&2; return 1; }
	for d in "${dirs[@]}"; do
		[ -d "$dest${d#"$base"}" ] && continue
		mkdir -p "$(dirname "$dest${d#"$base"}")"
		cp -a "$d" "$dest${d#"$base"}"
	done
	chmod -R a+rX "$dest"
	printf '%s\n' "$dest${bindir#"$base"}/pg_config"
}

na_pg_as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

na_pg_start() {
	local bin=$1 dir=$2 port=$3
	mkdir -p "$dir/sock"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$dir" "$dir/sock"
	na_pg_as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
		>"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
	na_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -s \
		-o "-p $port -k $dir/sock -c listen_addresses='' -c fsync=off" start ||
		{ cat "$dir/postgres.log" >&2; return 1; }
}

na_pg_stop() {
	local bin=$1 dir=$2
	[ -f "$dir/data/postmaster.pid" ] || return 0
	na_pg_as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -s stop || true
}
