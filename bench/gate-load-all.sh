#!/usr/bin/env bash
# The gate service's load and fault runs (issue 16), one after the other, on a throwaway
# PostgreSQL cluster (scripts/pg-throwaway.sh) and on SQLite; raw JSON in
# bench/results/gate-load/. BENCHMARKS.md ("Gate service") quotes them. About 10 minutes.
#   bash bench/gate-load-all.sh [SECONDS]      (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
out=bench/results/gate-load
mkdir -p "$out"
npx tsc -p tsconfig.json
pg_dir=$(mktemp -d /tmp/yangtze-gate-pg-XXXXXX)
trap 'bash scripts/pg-throwaway.sh stop "$pg_dir"' EXIT
# max_connections: the service's pool and the bench's own reads, with room to spare.
url=$(PG_OPTIONS="-c max_connections=100" bash scripts/pg-throwaway.sh start "$pg_dir")
port=${url##*:}; port=${port%%/*}
# Through the cluster's Unix socket (the service and the database share the machine): cheaper than TCP on loopback.
db() { local name="gate_$1"; psql -q "$url" -c "CREATE DATABASE $name" >/dev/null; echo "postgresql://postgres@localhost:$port/$name?host=$pg_dir"; }
{ echo "date: $(date -u +%FT%TZ)"; echo "node: $(node --version)"; echo "postgres: $(psql -Atc 'show server_version' "$url")";
  echo "cpus: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"; echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"; } > "$out/machine.txt"
passes=$((seconds * 2000 + 20000))
run() { echo "== $*" >&2; node dist/bench/gate-load.js "$@"; }
run --ledger "$(db load)" --seconds "$seconds" --passes "$passes" --pg-data "$pg_dir/data" > "$out/postgresql.json"
run --seconds "$seconds" --passes "$passes" > "$out/sqlite.json"
run --ledger "$(db kill_service)" --seconds 30 --passes 60000 --fault kill-service --fault-at 10 --pg-data "$pg_dir/data" > "$out/postgresql-kill-service.json"
run --ledger "$(db kill_db)" --seconds 30 --passes 60000 --fault kill-db --fault-at 10 --db-down 3 --pg-data "$pg_dir/data" > "$out/postgresql-kill-db.json"
run --seconds 30 --passes 20000 --fault kill-service --fault-at 10 > "$out/sqlite-kill-service.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
