#!/usr/bin/env bash
# What a short Fashion-MNIST DCGAN run costs outside its training iterations. Each BUILD's
# `gantry run experiments/fashion_mnist.ini --seed 1 --rerun --set trainer.epochs=20` (20
# iterations, then the run's one evaluation: 1,000 generated images scored by the mnist
# classifier and a 5 x 5 grid, then the final 1,000 samples) is timed with GNU time in a scratch
# directory, the builds taking turns, REPEAT times (default 3). The overhead is the median run's
# wall time minus 20 iterations at the time that build's bench_torch measures for one
# (BM_DcganIteration). Then bench_dcgan_phases of the first build, if it has one, times each
# phase of such a run. Threads per run: THREADS (default 1).
# Run after scripts/build.sh:   bench/dcgan_overhead.sh [BUILD_DIR ...]   (default: build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
builds=()
# Absolute: each run happens in a scratch directory.
for build in "${@:-$root/build}"; do builds+=("$(cd "$build" && pwd)"); done
repeat="${REPEAT:-3}"
threads="${THREADS:-1}"
epochs=20
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

declare -A walls
for attempt in $(seq "$repeat"); do
  for build in "${builds[@]}"; do
    dir="$scratch/$(echo "$build" | tr '/' '_')"
    mkdir -p "$dir"
    (cd "$dir" && /usr/bin/time -f '%e %U %S %M' -o time.txt "$build/bin/gantry" run \
      "$root/experiments/fashion_mnist.ini" --seed 1 --rerun --threads-per-run "$threads" \
      --set trainer.epochs=$epochs > run.txt 2>&1)
    read -r wall user sys peak < "$dir/time.txt"
    walls[$build]+="$wall "
    printf '%-40s run %d: %6.2f s wall, %6.2f s CPU, %5.0f MB peak\n' "$build" "$attempt" \
      "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$peak / 1024" | bc)"
  done
done

for build in "${builds[@]}"; do
  iteration_ms=$("$build/bin/bench_torch" --benchmark_filter="^BM_DcganIteration/$threads/1/" \
    --benchmark_min_time=5 --benchmark_out="$scratch/iteration.json" \
    --benchmark_out_format=json > /dev/null 2>&1 &&
    /usr/bin/python3 -c 'import json, sys
print(json.load(open(sys.argv[1]))["benchmarks"][0]["real_time"])' "$scratch/iteration.json")
  median=$(echo "${walls[$build]}" | tr ' ' '\n' | grep . | sort -g |
    awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  training=$(echo "$epochs * $iteration_ms / 1000" | bc -l)
  printf '%-40s median %.2f s wall; minus %d x %.0f ms of training: %.2f s outside training\n' \
    "$build" "$median" "$epochs" "$iteration_ms" "$(echo "$median - $training" | bc -l)"
done

phases="${builds[0]}/bin/bench_dcgan_phases"
[[ -x "$phases" ]] || exit 0
echo "phases of such a run (${builds[0]}):"
"$phases" --epochs "$epochs" --threads "$threads"
