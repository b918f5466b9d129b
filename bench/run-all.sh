#!/usr/bin/env bash
# Runs every benchmark one after the other (never two at once: the machine has 2 cores)
# and leaves the raw outputs in bench/results/latest/. BENCHMARKS.md quotes them.
#   bash bench/run-all.sh            everything (about 15 minutes)
#   bash bench/run-all.sh planner    only the orienteering benchmarks
#   YANGTZE_BENCH_CLOCK=cpu bash bench/run-all.sh planner
#                                    the 1 s per instance counted in CPU time (a shared machine)
#   YANGTZE_BENCH_SEEDS="1 2 3" bash bench/run-all.sh planner
#                                    the Cordeau pr* runs once per seed (their gap varies by seed;
#                                    the summary's mean is then over every seed's run)
set -euo pipefail
cd "$(dirname "$0")/.."
only="${1:-all}"
out=bench/results/latest
mkdir -p "$out"
npx tsc -p tsconfig.json
B="${YANGTZE_BENCH_DIR:-../shared/bench}"
{ echo "date: $(date -u +%FT%TZ)"; echo "node: $(node --version)"; echo "cpus: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)";
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"; } > "$out/machine.txt"
run() { echo "== $*" >&2; "$@"; }
clock="${YANGTZE_BENCH_CLOCK:-wall}"
if [ "$only" = all ] || [ "$only" = planner ]; then
  for M in 1 2 3 4; do
    run node dist/bench/toptw.js --tours $M --seed 1 --clock "$clock" --time-limit 1000 "$B"/toptw/solomon100/*.txt > "$out/s100-m$M.ndjson"
    run node dist/bench/toptw.js --tours $M --seed 1 --clock "$clock" --time-limit 1000 "$B"/toptw/solomon200/*.txt > "$out/s200-m$M.ndjson"
  done
  # The Cordeau pr* files are not part of the shared set: the repository keeps them (bench/data/cordeau-pr/README.md).
  PR="$B/toptw/cordeau-pr"
  [ -f "$PR/pr01.txt" ] || PR="bench/data/cordeau-pr"
  pr_out=()
  if [ -f "$PR/pr01.txt" ]; then
    rm -f "$out"/pr-m*.ndjson
    for M in 1 2 3 4; do
      for S in ${YANGTZE_BENCH_SEEDS:-1}; do
        f="$out/pr-m$M.ndjson"
        [ "${YANGTZE_BENCH_SEEDS:-1}" = 1 ] || f="$out/pr-m$M-seed$S.ndjson"
        run node dist/bench/toptw.js --tours $M --seed "$S" --clock "$clock" --time-limit 1000 "$PR"/pr*.txt > "$f"
        pr_out+=("$f")
      done
    done
  else
    echo "skipping the Cordeau pr* TOPTW runs: no $PR/pr01.txt (fetch them as $PR/README.md says)" >&2
  fi
  run node dist/bench/ophs.js --seed 1 --clock "$clock" --time-limit 1000 "$B"/ophs/*/*.ophs > "$out/ophs.ndjson"
  bks=(--bks "$B/bks.csv")
  [ -f "$PR/bks.csv" ] && bks+=(--bks "$PR/bks.csv")
  run node dist/bench/summary.js "${bks[@]}" "$out"/s100-m*.ndjson "$out"/s200-m*.ndjson "${pr_out[@]}" "$out/ophs.ndjson" > "$out/planner-summary.md"
fi
if [ "$only" = all ]; then
  run node dist/bench/startup.js --runs 20 --warmup 3 > "$out/startup.md"
  run node dist/bench/catalogue-load.js --runs 30 > "$out/catalogue-load.md"
  run node dist/bench/plan.js > "$out/plan.md"
  run node dist/bench/verify.js 20000 5 > "$out/verify.md"
  run node dist/bench/ledger.js 100000 1 > "$out/ledger-with-ids.md"
  run node dist/bench/ledger.js 100000 0 > "$out/ledger-no-ids.md"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
