#!/usr/bin/env bash
# The torch backend's benchmarks (bench/bench_torch.cpp): x2 iterations on torch-mlp and
# eigen-mlp, the DCGAN per iteration at batch 32 on one thread and on all cores (with the
# transposed convolutions native and rewritten), and the transposed convolution alone. Prints
# which BLAS library was loaded. Run after scripts/build.sh; extra arguments go to the benchmark
# (e.g. --benchmark_repetitions=3).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${GANTRY_BUILD_DIR:-build}
exec "$build/bin/bench_torch" "$@"
