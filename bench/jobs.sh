#!/usr/bin/env bash
# How much faster a sweep finishes on two workers: 16 runs of experiments/tanh.ini (seeds 1-16)
# with --jobs 1 and with --jobs 2, each into a fresh scratch database, alternating, PAIRS times
# (default 3); prints each pair's wall times and the median of their ratios. Run on a quiet
# machine after scripts/build.sh:
#   bench/jobs.sh [BUILD_DIR=build]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
pairs="${PAIRS:-3}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
sweep_seconds() {
  local jobs=$1 dir="$scratch/jobs$1"
  rm -rf "$dir" && mkdir -p "$dir"
  local start end
  start=$(date +%s.%N)
  (cd "$dir" && "$build/bin/gantry" sweep "$root/experiments/tanh.ini" --seeds 1-16 \
    --jobs "$jobs" > /dev/null)
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}
ratios=()
for pair in $(seq "$pairs"); do
  one=$(sweep_seconds 1)
  two=$(sweep_seconds 2)
  ratio=$(awk -v a="$one" -v b="$two" 'BEGIN { printf "%.3f", a / b }')
  ratios+=("$ratio")
  echo "pair $pair: --jobs 1 ${one} s, --jobs 2 ${two} s, ratio ${ratio}"
done
printf '%s\n' "${ratios[@]}" | sort -n |
  awk '{ r[NR] = $1 } END { printf "median --jobs 1 / --jobs 2: %.2f\n", (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }'
