#!/usr/bin/env bash
# Installs what the build and the tests need and are not already here:
# Go modules, and PostgreSQL's server binaries (initdb, pg_ctl, postgres)
# from Debian's postgresql package. Safe to run again: it only installs
# what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v go >/dev/null || { echo "install-deps: Go is not installed (need go $(sed -n 's/^go //p' go.mod) or newer)" >&2; exit 1; }
go mod download

have_pg() {
	local dir
	if [ -n "${SCHEMA_LS_PG_BINDIR:-}" ] && [ -x "$SCHEMA_LS_PG_BINDIR/initdb" ]; then return 0; fi
	if command -v pg_config >/dev/null && dir=$(pg_config --bindir 2>/dev/null) && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then return 0; fi
	for dir in /usr/lib/postgresql/*/bin; do
		[ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && return 0
	done
	return 1
}

if ! have_pg; then
	echo "install-deps: PostgreSQL server binaries not found; installing Debian's postgresql package" >&2
	sudo=""
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null || { echo "install-deps: need root (or sudo) to apt-get install postgresql" >&2; exit 1; }
		sudo="sudo"
	fi
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
	have_pg || { echo "install-deps: postgresql installed but initdb/pg_ctl still not found" >&2; exit 1; }
fi
