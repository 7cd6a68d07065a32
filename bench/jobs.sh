#!/usr/bin/env bash
# How much faster a sweep finishes on two workers: 16 runs of experiments/tanh.ini (seeds 1-16)
# with --jobs 1 and with --jobs 2, each into a fresh scratch database, alternating, PAIRS times
# (default 3); prints each pair's wall times and the median of their ratios. As a control, each
# round also runs the two halves of the sweep as two separate processes at once (--shard 1/2
# and 2/2, one database each): nothing is shared between them but the machine, so their ratio
# is what two cores give two independent runs here. Run on a quiet machine after
# scripts/build.sh:
#   bench/jobs.sh [BUILD_DIR=build]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
pairs="${PAIRS:-3}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
sweep() {
  "$build/bin/gantry" sweep "$root/experiments/tanh.ini" --seeds 1-16 "$@" > /dev/null 2>&1
}
elapsed() {
  awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.3f", e - s }'
}
sweep_seconds() {
  local jobs=$1 dir="$scratch/jobs$1"
  rm -rf "$dir" && mkdir -p "$dir"
  local start
  start=$(date +%s.%N)
  (cd "$dir" && sweep --jobs "$jobs")
  elapsed "$start"
}
two_processes_seconds() {
  local dir="$scratch/shards"
  rm -rf "$dir" && mkdir -p "$dir"
  local start
  start=$(date +%s.%N)
  (cd "$dir" && sweep --jobs 1 --shard 1/2 --db one.sqlite &
    cd "$dir" && sweep --jobs 1 --shard 2/2 --db two.sqlite & wait)
  elapsed "$start"
}
median() {
  sort -n | awk '{ r[NR] = $1 } END { printf "%.2f", (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }'
}
ratios=()
controls=()
for pair in $(seq "$pairs"); do
  one=$(sweep_seconds 1)
  two=$(sweep_seconds 2)
  apart=$(two_processes_seconds)
  ratio=$(awk -v a="$one" -v b="$two" 'BEGIN { printf "%.3f", a / b }')
  control=$(awk -v a="$one" -v b="$apart" 'BEGIN { printf "%.3f", a / b }')
  ratios+=("$ratio")
  controls+=("$control")
  echo "round $pair: --jobs 1 ${one} s, --jobs 2 ${two} s (ratio ${ratio}), two processes ${apart} s (ratio ${control})"
done
echo "median --jobs 1 / --jobs 2: $(printf '%s\n' "${ratios[@]}" | median)"
echo "median --jobs 1 / two separate processes: $(printf '%s\n' "${controls[@]}" | median)"
