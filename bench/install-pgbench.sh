#!/usr/bin/env bash
# pgbench for ./tsunagu bench write-path, where none is on this machine: Debian's postgresql-client
# has only psql; pgbench comes with the server package (the database itself stays the project's own).
set -euo pipefail
if command -v pgbench >/dev/null || ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1; then
  echo "pgbench is here: $(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | head -1)"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
$sudo apt-get update -q
# the server package brings pgbench; its cluster is not created (no postgresql-common auto-creation wanted)
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql-15
