#!/usr/bin/env bash
# The whole jest suite as `npm test` runs it (build, typecheck, then jest with the test script's
# environment), timed, with jest's per-file and per-test report kept. BENCHMARKS.md ("Test suite")
# quotes it. PostgreSQL: set YANGTZE_TEST_PG_URL (and CI=true) first, as .ci/run does, or the
# PostgreSQL ledger specs say they are skipped.
#   bash bench/test-suite.sh [OUT_DIR]      (default bench/results/latest/test-suite)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench/results/latest/test-suite}"
mkdir -p "$out"
npm run build >/dev/null
npm run typecheck >/dev/null
rm -rf .test-home/cache
{ echo "date: $(date -u +%FT%TZ)"; echo "commit: $(git rev-parse --short HEAD)"; echo "node: $(node --version)";
  echo "cpus: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"; echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"; } > "$out/machine.txt"
status=0
/usr/bin/time -v -o "$out/time.txt" env TZ=Asia/Shanghai XDG_CACHE_HOME="$PWD/.test-home/cache" \
  NODE_OPTIONS='--experimental-vm-modules --disable-warning=ExperimentalWarning' \
  npx jest --json --outputFile="$out/jest.json" > "$out/jest.log" 2>&1 || status=$?
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
node bench/test-suite-report.mjs "$out/jest.json" "$out/time.txt" | tee "$out/report.md"
exit "$status"
