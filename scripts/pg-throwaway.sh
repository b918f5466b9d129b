#!/usr/bin/env bash
# A throwaway PostgreSQL cluster in a folder, for the contract tests (.ci/run)
# and the gate benchmarks:
#   scripts/pg-throwaway.sh start DIR   → initdb + start; prints the URL on stdout
#   scripts/pg-throwaway.sh stop DIR    → stop the server and delete DIR
# The server listens on 127.0.0.1 at a free port and on a unix socket in DIR,
# trusts local connections (user postgres, no password) and keeps fsync on.
# Root cannot run PostgreSQL: as root the cluster belongs to the `postgres`
# user (Debian's package makes it). PG_BIN overrides the binaries' folder,
# PG_OPTIONS adds server options (e.g. "-c max_connections=200").
set -euo pipefail
usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1
dir=$2
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
[ -x "$bin/initdb" ] || { echo "$0: no PostgreSQL binaries in $bin (apt-get install postgresql, or set PG_BIN)" >&2; exit 1; }

owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case $cmd in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" = 0 ]; then
      id postgres >/dev/null 2>&1 || { echo "$0: as root, a 'postgres' user must own the cluster (install Debian's postgresql package)" >&2; exit 1; }
      chown postgres: "$dir"
      runuser -u postgres -- test -w "$dir" ||
        { echo "$0: user postgres cannot reach $dir (a parent folder is private to root): use a folder under /tmp" >&2; exit 1; }
    fi
    owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    # A free port: the kernel picks one for a socket bound to port 0.
    port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 ${PG_OPTIONS:-}" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$dir/data" ]; then owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *) usage ;;
esac
