#!/usr/bin/env bash
# Times `gantry report` on a synthetic database of 200 runs x 10,000 logged steps x 5 metrics
# (made once, about 10 million metric rows, ~345 MB): the default report and the per-step curves
# of two metrics written as CSV, REPEAT times each (default 5), printing every wall-clock time,
# their median and the median CPU time (user + system, by GNU time when installed: on a shared
# machine it moves less than the wall clock). Run after scripts/build.sh:
#   bench/report.sh [BUILD_DIR=build]
# GANTRY_BENCH_DB=FILE reuses a database made before (it is made there when missing).
# GANTRY_BASELINE=BIN also times another gantry executable (e.g. an older build), interleaved
# with this one (A B A B ...) so that a busy machine slows both alike, and prints the ratio.
set -euo pipefail
build=${1:-build}
db=${GANTRY_BENCH_DB:-$build/bench-report.sqlite}
repeat=${REPEAT:-5}
baseline=${GANTRY_BASELINE:-}
if [[ ! -f $db ]]; then
  echo "making $db (once; takes a minute or more)"
  "$build/bin/make_report_db" "$db" 200 10000
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# Wall-clock milliseconds of one report by executable $1, appended to file $2, and its CPU
# milliseconds to $2.cpu.
time_once() {
  local executable=$1 record=$2 start
  shift 2
  start=$(date +%s%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f "%U %S" -o "$scratch/cpu" "$executable" report --db "$db" "$@" > /dev/null 2>&1
    awk '{ print ($1 + $2) * 1000 }' "$scratch/cpu" >> "$record.cpu"
  else
    "$executable" report --db "$db" "$@" > /dev/null 2>&1
  fi
  echo $((($(date +%s%N) - start) / 1000000)) >> "$record"
}

median() {
  [[ -s $1 ]] || { printf 'n/a'; return; }
  sort -n "$1" | awk '{ v[NR] = $1 } END {
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.3f", m / 1000 }'
}

# Times one report shape; $1 names it, the rest are gantry report's arguments.
measure() {
  local label=$1
  shift
  : > "$scratch/new" && : > "$scratch/old" && : > "$scratch/new.cpu" && : > "$scratch/old.cpu"
  for ((attempt = 1; attempt <= repeat; attempt++)); do
    time_once "$build/bin/gantry" "$scratch/new" "$@"
    if [[ -n $baseline ]]; then time_once "$baseline" "$scratch/old" "$@"; fi
  done
  local times new
  times=$(awk '{ printf "%s%.3f", (NR > 1 ? " " : ""), $1 / 1000 }' "$scratch/new")
  new=$(median "$scratch/new")
  printf '%-8s median %s s, CPU %s s  (%s)  gantry report %s\n' "$label" "$new" \
    "$(median "$scratch/new.cpu")" "$times" "$*"
  if [[ -n $baseline ]]; then
    local old
    old=$(median "$scratch/old")
    times=$(awk '{ printf "%s%.3f", (NR > 1 ? " " : ""), $1 / 1000 }' "$scratch/old")
    printf '%-8s median %s s, CPU %s s  (%s)  baseline %s\n' "" "$old" \
      "$(median "$scratch/old.cpu")" "$times" "$baseline"
    awk -v o="$old" -v n="$new" -v oc="$(median "$scratch/old.cpu")" \
      -v nc="$(median "$scratch/new.cpu")" 'BEGIN {
      printf "%-8s %.2fx faster (wall clock)", "", o / n
      if (nc > 0) printf ", %.2fx (CPU)", oc / nc
      printf "\n" }'
  fi
}

measure default
measure curves --curve g_loss eval.d_acc_real --curves-csv /dev/null
