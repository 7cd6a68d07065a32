#!/usr/bin/env bash
# What planning a big sweep costs, before any run (GNU time: wall seconds, user, system, peak):
#   dry-run     `gantry sweep experiments/x2.ini --seeds 1-500000 --grid trainer.k=1,2 --dry-run`
#               (1,000,000 runs) in an empty directory: no database
#   dry-resume  the same against a database holding 4 runs of the sweep (seeds 1 and 2): only
#               planned runs of a recorded seed have their identity worked out and looked up
#   dry-shard   the same with --shard 1/2: the shares' fingerprint covers every run's identity,
#               so this is what working out a million identities costs
#   first-run   a plain `--seeds 1-100000` sweep of 20-epoch runs, --jobs 1: seconds until the
#               first run has ended (its progress line), and the peak of the whole process,
#               stopped there with SIGTERM (it stops as at Ctrl-C)
# Five repetitions each, medians. With a second build directory (e.g. a baseline), every
# measurement alternates between the two, A B A B ..., and prints both medians and the ratio;
# the baseline's gantry has no local --dry-run, so only first-run is compared. Run after
# scripts/build.sh:
#   bench/plan.sh [BUILD_DIR=build] [BASELINE_BUILD_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
baseline="${2:+$(cd "$2" && pwd)}"
experiment="$root/experiments/x2.ini"
repetitions=5
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
[[ -x /usr/bin/time ]] || { echo "needs GNU time (Debian package 'time')" >&2; exit 1; }
tiny=(--set trainer.epochs=20 --set trainer.eval_every=10)

# measure_dry BUILD DIR [OPTION...]: one dry run of a million runs in DIR; prints
# "wall user sys peak_kb".
measure_dry() {
  local gantry=$1/bin/gantry dir=$2
  shift 2
  (cd "$dir" && /usr/bin/time -f '%e %U %S %M' -o time.txt "$gantry" sweep "$experiment" \
    --seeds 1-500000 --grid trainer.k=1,2 --dry-run "$@" > dry.out 2>&1)
  grep -q 'runs planned' "$dir/dry.out" || { cat "$dir/dry.out" >&2; exit 1; }
  cat "$dir/time.txt"
}

# measure_first_run BUILD DIR: prints "seconds_to_first_run wall user sys peak_kb".
measure_first_run() {
  local gantry=$1/bin/gantry dir=$2 start now
  rm -rf "$dir" && mkdir -p "$dir"
  start=$(date +%s%N)
  (cd "$dir" && exec /usr/bin/time -f '%e %U %S %M' -o time.txt "$gantry" sweep "$experiment" \
    --seeds 1-100000 --jobs 1 "${tiny[@]}" > sweep.out 2> sweep.err) &
  local timer=$!  # GNU time itself, which passes no signal on: gantry is its child
  until grep -q '^\[1/100000\]' "$dir/sweep.err" 2> /dev/null; do
    kill -0 "$timer" 2> /dev/null || { cat "$dir/sweep.err" >&2; exit 1; }
    sleep 0.01
  done
  now=$(date +%s%N)
  kill -TERM "$(pgrep -P "$timer")"
  wait "$timer" || true
  echo "$(( (now - start) / 1000000 ))e-3 $(tail -1 "$dir/time.txt")"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# column_median FILE COLUMN: the median of COLUMN of FILE's lines.
column_median() { awk -v c="$2" '{ print $c }' "$1" | median; }

summarise() {
  local label=$1 file=$2 wall_column=$3 peak_column=$4
  awk -v l="$label" -v w="$(column_median "$file" "$wall_column")" \
    -v p="$(column_median "$file" "$peak_column")" \
    'BEGIN { printf "%-28s %7.2f s  %7.0f MB peak\n", l, w, p / 1024 }'
}

builds=("$build")
[[ -n $baseline ]] && builds+=("$baseline")

mkdir -p "$scratch/resume"
(cd "$scratch/resume" && "$build/bin/gantry" sweep "$experiment" --seeds 1-2 \
  --grid trainer.k=1,2 "${tiny[@]}" > /dev/null 2>&1)
for attempt in $(seq "$repetitions"); do
  mkdir -p "$scratch/dry"
  measure_dry "$build" "$scratch/dry" >> "$scratch/dry.times"
  measure_dry "$build" "$scratch/resume" "${tiny[@]}" >> "$scratch/resume.times"
  measure_dry "$build" "$scratch/dry" --shard 1/2 >> "$scratch/shard.times"
  for index in "${!builds[@]}"; do
    measure_first_run "${builds[$index]}" "$scratch/first-$index" >> "$scratch/first-$index.times"
  done
done

echo "medians of $repetitions (wall seconds, peak resident memory)"
summarise "dry-run 1M (this build)" "$scratch/dry.times" 1 4
summarise "dry-resume 1M (this build)" "$scratch/resume.times" 1 4
summarise "dry-shard 1M (this build)" "$scratch/shard.times" 1 4
summarise "first-run 100k (this build)" "$scratch/first-0.times" 1 5
if [[ -n $baseline ]]; then
  summarise "first-run 100k (baseline)" "$scratch/first-1.times" 1 5
  awk -v a="$(column_median "$scratch/first-0.times" 1)" \
    -v b="$(column_median "$scratch/first-1.times" 1)" \
    -v pa="$(column_median "$scratch/first-0.times" 5)" \
    -v pb="$(column_median "$scratch/first-1.times" 5)" \
    'BEGIN { printf "first-run: baseline / this build: %.1fx time, %.1fx peak\n", b / a, pb / pa }'
fi
