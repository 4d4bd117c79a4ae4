# Shared by test/suites/citus.sh and bench/citus.sh (source it, do not run
# it): builds Citus from ../shared/vendor once, caches the build outside the
# clone, installs it into the PostgreSQL that PG_CONFIG names, and runs a
# private Citus cluster (a coordinator and two workers) with news_archive on
# every node.
#
# Environment knobs:
#   PG_CONFIG        the PostgreSQL to build for and run (as scripts/common.sh)
#   NA_CACHE         where built third-party software is kept
#                    (default /var/cache/news_archive, else ~/.cache/news_archive)
#   NA_CITUS_PORT    the coordinator's port; the workers use the next two
#                    (default 54344)
#   NA_CITUS_TMP     where the three data directories live (default .tmp/citus)

NA_ROOT=${NA_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
NA_VENDOR=${NA_VENDOR:-$NA_ROOT/../shared/vendor}
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
NA_CITUS_VERSION=13.2.2
NA_CITUS_PORT=${NA_CITUS_PORT:-54344}
NA_CITUS_TMP=${NA_CITUS_TMP:-$NA_ROOT/.tmp/citus}
NA_CITUS_NODES=(coord worker1 worker2)

na_citus_log() { printf '==> %s\n' "$*" >&2; }

# Where built software is cached: outside the clone, so a new clone (or
# "git clean") does not build again.
na_cache_dir() {
	if [ -n "${NA_CACHE:-}" ]; then
		echo "$NA_CACHE"
	elif mkdir -p /var/cache/news_archive 2>/dev/null && [ -w /var/cache/news_archive ]; then
		echo /var/cache/news_archive
	else
		echo "${XDG_CACHE_HOME:-$HOME/.cache}/news_archive"
	fi
}

# The cache key: the sources, the patch, and the PostgreSQL built against
# (its version and where it installs), so another PostgreSQL never gets a
# build made for a different one.
na_citus_key() {
	{
		sha256sum "$NA_VENDOR/citus-$NA_CITUS_VERSION.tar.gz" "$NA_VENDOR/citus-$NA_CITUS_VERSION-pg15-compat.patch" | cut -d' ' -f1
		"$PG_CONFIG" --version
		"$PG_CONFIG" --pkglibdir
		"$PG_CONFIG" --sharedir
		"$PG_CONFIG" --includedir-server
	} | sha256sum | cut -c1-16
}

# Build Citus (once per key) into $cache/citus-<key>/stage, a DESTDIR tree.
# Prints the cache directory.
na_citus_build() {
	local cache key dir src log
	cache=$(na_cache_dir)
	key=$(na_citus_key)
	dir=$cache/citus-$NA_CITUS_VERSION-$key
	if [ -f "$dir/done" ]; then
		na_citus_log "Citus $NA_CITUS_VERSION: cached build in $dir"
		echo "$dir"
		return 0
	fi
	na_citus_log "building Citus $NA_CITUS_VERSION into $dir (once; about 3 minutes on 2 cores)"
	rm -rf "$dir"
	mkdir -p "$dir"
	src=$dir/src
	log=$dir/build.log
	mkdir -p "$src"
	tar xzf "$NA_VENDOR/citus-$NA_CITUS_VERSION.tar.gz" -C "$src" --strip-components=1 || return 1
	if ! {
		(cd "$src" && patch -p1 <"$NA_VENDOR/citus-$NA_CITUS_VERSION-pg15-compat.patch") &&
			(cd "$src" && ./configure --without-libcurl PG_CONFIG="$PG_CONFIG") &&
			make -C "$src" -j"$(nproc)" with_llvm=no &&
			make -C "$src" install with_llvm=no DESTDIR="$dir/stage"
	} >"$log" 2>&1; then
		tail -n 30 "$log" >&2
		na_citus_log "Citus build failed; full log in $log"
		return 1
	fi
	rm -rf "$src"
	touch "$dir/done"
	echo "$dir"
}

# Copy the cached build into the PostgreSQL that PG_CONFIG names (skipped
# when the same files are there already).
na_citus_install() {
	local dir=$1 sudo=()
	if cmp -s "$dir/stage$("$PG_CONFIG" --pkglibdir)/citus.so" "$("$PG_CONFIG" --pkglibdir)/citus.so"; then
		return 0
	fi
	[ "$(id -u)" -eq 0 ] || [ -w "$("$PG_CONFIG" --pkglibdir)" ] || sudo=(sudo)
	na_citus_log "installing Citus into $("$PG_CONFIG" --pkglibdir)"
	"${sudo[@]}" cp -a "$dir/stage/." /
}

na_citus_as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# port of node i (0 = coordinator)
na_citus_port() { echo $((NA_CITUS_PORT + $1)); }

# Start the three nodes (fresh data directories) and join the workers to the
# coordinator.  Sets PGHOST/PGPORT/PGUSER to the coordinator.  Stopped again
# by na_citus_stop (the caller's EXIT trap).
na_citus_start() {
	local bin i dir port
	bin=$("$PG_CONFIG" --bindir)
	na_citus_stop
	rm -rf "$NA_CITUS_TMP"
	mkdir -p "$NA_CITUS_TMP/sock"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$NA_CITUS_TMP" "$NA_CITUS_TMP/sock"
	for i in 0 1 2; do
		dir=$NA_CITUS_TMP/${NA_CITUS_NODES[i]}
		port=$(na_citus_port "$i")
		na_citus_as_owner "$bin/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
			>"$NA_CITUS_TMP/initdb.$i.log" 2>&1 || { cat "$NA_CITUS_TMP/initdb.$i.log" >&2; return 1; }
		cat >>"$dir/postgresql.conf" <<-CONF
			shared_preload_libraries = 'citus'
			port = $port
			unix_socket_directories = '$NA_CITUS_TMP/sock'
			listen_addresses = '127.0.0.1'
			fsync = off
			max_connections = 100
			max_prepared_transactions = 100
			citus.max_background_task_executors_per_node = 1
			${NA_CITUS_CONF:-}
		CONF
		na_citus_node_start "$i" || return 1
	done
	export PGHOST=$NA_CITUS_TMP/sock PGPORT=$NA_CITUS_PORT PGUSER=postgres
	export PATH="$bin:$PATH"
}

na_citus_node_start() {
	local dir=$NA_CITUS_TMP/${NA_CITUS_NODES[$1]}
	na_citus_as_owner "$("$PG_CONFIG" --bindir)/pg_ctl" -D "$dir" -l "$dir.log" -w -s start ||
		{ tail -n 20 "$dir.log" >&2; return 1; }
}

na_citus_node_stop() {
	local dir=$NA_CITUS_TMP/${NA_CITUS_NODES[$1]}
	[ -f "$dir/postmaster.pid" ] || return 0
	na_citus_as_owner "$("$PG_CONFIG" --bindir)/pg_ctl" -D "$dir" -m "${2:-fast}" -w -s stop || true
}

na_citus_stop() {
	local i
	for i in 2 1 0; do
		na_citus_node_stop "$i"
	done
}

# psql on node i: na_citus_psql I [psql args...]
na_citus_psql() {
	local i=$1
	shift
	psql -X -q -h "$NA_CITUS_TMP/sock" -p "$(na_citus_port "$i")" -U postgres "$@"
}

# Create database DB on every node with citus and news_archive, and add the
# workers to the coordinator's metadata.
na_citus_createdb() {
	local db=$1 i
	for i in 0 1 2; do
		na_citus_psql "$i" -d postgres -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" \
			-c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null || return 1
		na_citus_psql "$i" -d "$db" -v ON_ERROR_STOP=1 -c "CREATE EXTENSION citus" -c "CREATE EXTENSION news_archive" >/dev/null || return 1
	done
	na_citus_psql 0 -d "$db" -v ON_ERROR_STOP=1 \
		-c "SELECT citus_set_coordinator_host('127.0.0.1', $(na_citus_port 0))" \
		-c "SELECT citus_add_node('127.0.0.1', $(na_citus_port 1))" \
		-c "SELECT citus_add_node('127.0.0.1', $(na_citus_port 2))" >/dev/null
}
