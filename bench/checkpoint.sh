#!/usr/bin/env bash
# What checkpoints cost and keep, on x2, tanh and a short Fashion-MNIST DCGAN (one thread each):
#   - one run with checkpoints off and one with a checkpoint every tenth of its steps, side by
#     side (A B A B ..., REPEAT times, default 3): the median wall-clock times and the cost of one
#     checkpoint, (with - without) / checkpoints written;
#   - a checkpoint's size on disk;
#   - a run killed with SIGKILL at 90 % of its uninterrupted time and run again: the step it
#     continued from, as a share of its steps.
# Run after scripts/build.sh: bench/checkpoint.sh [BUILD_DIR]; ONLY=tanh measures one experiment.
# The DCGAN (100 iterations of experiments/fashion_mnist.ini on Debian's dataset-fashion-mnist)
# takes about ten minutes of the total.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build=$(cd "${1:-$root/build}" && pwd)
gantry="$build/bin/gantry"
repeat=${REPEAT:-3}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

milliseconds() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# One uninterrupted run in a fresh directory; prints its wall-clock milliseconds.
timed_run() {
  local dir=$1
  shift
  rm -rf "$dir" && mkdir -p "$dir"
  local start
  start=$(milliseconds)
  (cd "$dir" && taskset -c 0 "$gantry" run "$@" > log 2>&1)
  echo $(($(milliseconds) - start))
}

# measure NAME STEPS EXPERIMENT [gantry run options...]
measure() {
  local name=$1 steps=$2 experiment=$3
  shift 3
  if [[ -n "${ONLY:-}" && "$ONLY" != "$name" ]]; then return; fi
  local every=$((steps / 10)) off=() on=()
  local base=("$experiment" "$@" --set resources.threads_per_run=1)
  for ((i = 0; i < repeat; i++)); do
    off+=("$(timed_run "$scratch/off" "${base[@]}" --set checkpoint.every_seconds=0)")
    on+=("$(timed_run "$scratch/on" "${base[@]}" --set checkpoint.every_seconds=0 \
      --set checkpoint.every_steps=$every)")
  done
  local t_off t_on
  t_off=$(printf '%s\n' "${off[@]}" | median)
  t_on=$(printf '%s\n' "${on[@]}" | median)
  # Killed at 90 % of its time, then run again to the end.
  local dir="$scratch/killed"
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && exec taskset -c 0 "$gantry" run "${base[@]}" --set checkpoint.every_seconds=0 \
    --set checkpoint.every_steps=$every > log 2>&1) &
  local pid=$!
  sleep "$(awk -v t="$t_on" 'BEGIN { printf "%.3f", 0.9 * t / 1000 }')"
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  local size
  size=$(find "$dir" -name '*.ckpt' -printf '%s\n' | head -n 1)
  (cd "$dir" && "$gantry" run "${base[@]}" --set checkpoint.every_seconds=0 \
    --set checkpoint.every_steps=$every > log2 2>&1)
  local from
  from=$(sqlite3 "$dir/gantry.sqlite" 'SELECT resumed_from_step FROM runs')
  awk -v name="$name" -v off="$t_off" -v on="$t_on" -v size="${size:-0}" -v from="$from" \
    -v steps="$steps" 'BEGIN {
      printf "%-8s %7.2f s without, %7.2f s with 10 checkpoints: %6.1f ms each, %8.1f KB each;", \
        name, off / 1000, on / 1000, (on - off) / 10, size / 1024
      printf " killed at 90%% of its time, it went on from step %d of %d (%.0f%%)\n", \
        from, steps, 100 * from / steps }'
}

# x2 at ten times its notebook's length: its 10,000 steps take less than the start of a run.
measure x2 100000 "$root/experiments/x2.ini" --set trainer.epochs=100000 \
  --set trainer.eval_every=20000
measure tanh 1500 "$root/experiments/tanh.ini"
if [[ -d /usr/share/datasets/fashion-mnist ]]; then  # Debian's dataset-fashion-mnist
  measure dcgan 100 "$root/experiments/fashion_mnist.ini" --set trainer.epochs=100 \
    --set trainer.eval_every=50
fi
