#!/usr/bin/env bash
# build-postgres.sh TARBALL: builds a private PostgreSQL from a source tarball
# once and prints the prefix it is installed in.
#
# The build is cached outside the project, in
#     ${NA_CACHE:-/var/cache/news_archive}/<tarball name>-<first 16 hex digits
#                                          of the tarball's SHA-256>
# (without NA_CACHE, a user who cannot write /var/cache uses
# ~/.cache/news_archive)
# so a second run (or another clone on the same machine) reuses it; a new
# tarball gets a new directory.  The installation is relocatable (PostgreSQL
# finds its files relative to its programs), so callers copy it to a private
# place before installing anything into it; the cache itself stays pristine.
#
# Lean on purpose, because a fresh CI machine builds it inside the test run:
# only the server, the client programs and pg_regress (no contrib, no docs),
# and none of readline, ICU, zlib (news_archive needs none of them in the
# server; its ICU use is build-time only).  Needs gcc, make, bison, flex,
# perl (scripts/packages-test.txt).  Build output goes to <prefix>.log.
set -euo pipefail

tarball=$1
if [ -n "${NA_CACHE:-}" ]; then
	cache=$NA_CACHE
else
	cache=/var/cache/news_archive
	{ mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; } || cache=${XDG_CACHE_HOME:-$HOME/.cache}/news_archive
fi
name=$(basename "$tarball")
name=${name%.tar.*}
sha=$(sha256sum "$tarball" | cut -c1-16)
prefix=$cache/$name-$sha

if [ -x "$prefix/bin/pg_config" ]; then
	echo "$prefix"
	exit 0
fi

mkdir -p "$cache"
# one build at a time per cache (a second caller waits, then finds it built)
exec 9>"$cache/.$name.lock"
flock 9
if [ -x "$prefix/bin/pg_config" ]; then
	echo "$prefix"
	exit 0
fi

work=$(mktemp -d "$cache/.build-$name.XXXXXX")
trap 'rm -rf "$work"' EXIT
log=$prefix.log
echo "building $name into $prefix (log: $log)" >&2
{
	tar -xf "$tarball" -C "$work"
	src=$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -n 1)
	cd "$src"
	# installed under a temporary name first: the cache entry appears whole
	./configure --prefix="$prefix" --without-readline --without-icu \
		--without-zlib --disable-nls CFLAGS="-O2"
	make -j"${NA_BUILD_JOBS:-2}"
	make install DESTDIR="$work/dest"
} >"$log" 2>&1 || { tail -n 30 "$log" >&2; exit 1; }
mv "$work/dest$prefix" "$prefix"
echo "$prefix"
