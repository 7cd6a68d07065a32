#!/usr/bin/env bash
# The whole-process cost of one small run: CPU seconds (user + system) and peak memory of
# `gantry run experiments/x2.ini --seed 1 --rerun`, on the Eigen backend and with
# --set model.plugin=torch-mlp, five times each, in a scratch directory (GNU time, Debian's
# `time` package, or bash's own when it is missing: then CPU only). Run after scripts/build.sh:
#   bench/startup.sh [BUILD_DIR=build]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
measure() {
  local label=$1
  shift
  for attempt in 1 2 3 4 5; do
    if [[ -x /usr/bin/time ]]; then
      /usr/bin/time -f "%U %S %M" -o time.txt "$build/bin/gantry" "$@" > /dev/null 2>&1
      read -r user sys peak < time.txt
      awk -v l="$label" -v u="$user" -v s="$sys" -v p="$peak" \
        'BEGIN { printf "%-10s %.2f s CPU  %5.0f MB peak\n", l, u + s, p / 1024 }'
    else
      TIMEFORMAT="$label %U s user %S s sys"
      time "$build/bin/gantry" "$@" > /dev/null 2>&1
    fi
  done
}
measure eigen run "$root/experiments/x2.ini" --seed 1 --rerun
measure torch-mlp run "$root/experiments/x2.ini" --seed 1 --rerun --set model.plugin=torch-mlp
