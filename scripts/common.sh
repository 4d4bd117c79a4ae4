# Shared by scripts/demo.sh and scripts/test.sh (source it, do not run it):
# installs missing Debian packages, builds and installs the extension, and
# runs a throwaway PostgreSQL cluster of the project's own under .tmp/.
#
# Environment knobs:
#   PG_CONFIG   pg_config of the PostgreSQL to build for
#               (default /usr/lib/postgresql/15/bin/pg_config)
#   NA_PORT     port of the private cluster (default 54329)
#   NA_TMP      where the cluster lives (default .tmp in the project)

NA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
export NA_PORT=${NA_PORT:-54329}
export NA_TMP=${NA_TMP:-$NA_ROOT/.tmp}
NA_PGDATA=$NA_TMP/pgdata
NA_SOCK=$NA_TMP/sock

na_log() { printf '==> %s\n' "$*" >&2; }

# Install the packages listed in the given files that are not installed yet.
na_deps() {
	local missing=() p f
	for f in "$@"; do
		while read -r p; do
			p=${p%%#*}; p=${p// /}
			[ -n "$p" ] || continue
			dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
		done <"$f"
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	na_log "installing: ${missing[*]}"
	local sudo=()
	[ "$(id -u)" -eq 0 ] || sudo=(sudo)
	"${sudo[@]}" apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Build and install the extension, and build the standalone tools.
na_build() {
	local sudo=()
	[ "$(id -u)" -eq 0 ] || [ -w "$($PG_CONFIG --pkglibdir)" ] || sudo=(sudo)
	na_log "building"
	make -C "$NA_ROOT" -s -j"$(nproc)" PG_CONFIG="$PG_CONFIG" all standalone
	"${sudo[@]}" make -C "$NA_ROOT" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
}

# Run a command as the cluster's owner (initdb refuses root).
na_as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# Start a fresh private cluster; stopped again when the calling shell exits.
na_cluster_start() {
	local bin
	bin=$($PG_CONFIG --bindir)
	na_cluster_stop
	rm -rf "$NA_PGDATA" "$NA_SOCK"
	mkdir -p "$NA_TMP" "$NA_SOCK"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$NA_TMP" "$NA_SOCK"
	na_log "starting a private cluster in $NA_PGDATA (port $NA_PORT)"
	na_as_owner "$bin/initdb" -D "$NA_PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$NA_TMP/initdb.log" 2>&1 ||
		{ cat "$NA_TMP/initdb.log" >&2; return 1; }
	na_as_owner "$bin/pg_ctl" -D "$NA_PGDATA" -l "$NA_TMP/postgres.log" -w -s \
		-o "-p $NA_PORT -k $NA_SOCK -c listen_addresses=127.0.0.1 -c fsync=off ${NA_PG_OPTS:-}" start ||
		{ cat "$NA_TMP/postgres.log" >&2; return 1; }
	export PGHOST=$NA_SOCK PGPORT=$NA_PORT PGUSER=postgres
	export PATH="$bin:$PATH"
	trap na_cluster_stop EXIT
}

na_cluster_stop() {
	[ -f "$NA_PGDATA/postmaster.pid" ] || return 0
	na_as_owner "$($PG_CONFIG --bindir)/pg_ctl" -D "$NA_PGDATA" -m fast -w -s stop || true
}
