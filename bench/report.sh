#!/usr/bin/env bash
# Times `gantry report` on a synthetic database of 200 runs x 10,000 logged steps x 5 metrics
# (made once, about 10 million metric rows). Run after scripts/build.sh:
#   bench/report.sh [BUILD_DIR=build]
set -euo pipefail
build=${1:-build}
db=${GANTRY_BENCH_DB:-$build/bench-report.sqlite}
if [[ ! -f $db ]]; then
  echo "making $db (once; takes a minute)"
  "$build/bin/make_report_db" "$db" 200 10000
fi
time_it() {
  local start milliseconds
  start=$(date +%s%N)
  "$build/bin/gantry" report --db "$db" "$@" > /dev/null
  milliseconds=$(( ($(date +%s%N) - start) / 1000000 ))
  printf '%d.%03d s  gantry report %s\n' $((milliseconds / 1000)) $((milliseconds % 1000)) "$*"
}
for attempt in 1 2 3; do
  time_it
  time_it --curve g_loss eval.d_acc_real --curves-csv /dev/null
done
