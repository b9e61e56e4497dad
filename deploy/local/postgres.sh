#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for local runs, tests and CI: its own data folder (git-ignored),
# its own port and unix socket, no system service. Usage: postgres.sh start|stop|status|url
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
state="${COACHBOT_LOCAL_DIR:-$root/.local}"
data="$state/pgdata"
sock="$state/pgsock"
port="${COACHBOT_PG_PORT:-55432}"
bin=/usr/lib/postgresql/15/bin

install_postgres() {
  [ -x "$bin/initdb" ] && return 0
  echo "PostgreSQL 15 is missing; installing it from the OS packages…" >&2
  if [ "$(id -u)" -ne 0 ]; then echo "Run as root (or install postgresql-15) to continue." >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # The package would create and start a system cluster; we only want the binaries.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  apt-get install -y -qq postgresql-15 >&2
  rm -f /usr/sbin/policy-rc.d
}

# initdb refuses to run as root, so root runs the cluster as the 'postgres' system user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() { [ -f "$data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

start() {
  install_postgres
  mkdir -p "$state" "$sock"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$state" "$sock"
    # A checkout in a private folder (mktemp -d is 0700) is not traversable by 'postgres': allow traversal only (o+x).
    dir="$state"
    while [ "$dir" != "/" ]; do
      dir="$(dirname "$dir")"
      runuser -u postgres -- test -x "$dir" 2>/dev/null || chmod o+x "$dir"
    done
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$data" -U coachbot --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
max_connections = 300
shared_buffers = 256MB
fsync = ${COACHBOT_PG_FSYNC:-on}
log_min_messages = warning
CONF
  fi
  if running; then echo "PostgreSQL already running on port $port" >&2; return 0; fi
  as_owner "$bin/pg_ctl" -D "$data" -l "$state/postgres.log" -w -t 60 start >/dev/null
  echo "PostgreSQL started on 127.0.0.1:$port (data in $data)" >&2
}

stop() {
  if running; then as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null; echo "PostgreSQL stopped" >&2; else echo "PostgreSQL not running" >&2; fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running on port $port"; else echo "stopped"; exit 3; fi ;;
  url) echo "Host=127.0.0.1;Port=$port;Username=coachbot;Database=${2:-coachbot}" ;;
  *) echo "usage: $0 start|stop|status|url [database]" >&2; exit 2 ;;
esac
