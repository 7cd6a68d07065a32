#!/usr/bin/env bash
# One MNIST DCGAN iteration at batch 32 on one thread: the C++ model (bench_torch's
# BM_DcganIteration/1/1, the torch-dcgan plugin's own code) against the same networks written
# as PyTorch code (bench/dcgan_peer.py, Debian's python3-torch on the same LibTorch), run
# alternately, C++ then Python, PAIRS times (default 3), so both see the same machine load.
# Each round also times the peer with G's transposed convolutions computed as torch-dcgan
# computes them (dcgan_peer.py --flipped: flipped convolutions on oneDNN), which isolates what
# the C++ driver itself saves. Prints every measurement, the medians, the ratios C++ / Python,
# and which BLAS each used.
# Run after scripts/build.sh:   bench/dcgan.sh [PAIRS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${GANTRY_BUILD_DIR:-$root/build}"
pairs="${1:-3}"
# Debian's interpreter, where python3-torch lives (not a pyenv or venv python on PATH).
python=/usr/bin/python3
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

cpp_iteration() {
  "$build/bin/bench_torch" --benchmark_filter='^BM_DcganIteration/1/1/' \
    --benchmark_min_time=5 --benchmark_out="$scratch/cpp.json" --benchmark_out_format=json \
    > "$scratch/cpp.txt" 2>&1
  grep -m1 '^BLAS' "$scratch/cpp.txt" | sed 's/^/C++    /' >&2
  "$python" -c 'import json, sys
print(json.load(open(sys.argv[1]))["benchmarks"][0]["real_time"])' "$scratch/cpp.json"
}

python_iteration() {
  "$python" "$root/bench/dcgan_peer.py" --iterations 10 --warmup 3 "$@" > "$scratch/py.txt"
  grep -m1 '^BLAS' "$scratch/py.txt" | sed 's/^/Python /' >&2
  awk '/median/ { print $4 }' "$scratch/py.txt"
}

cpp_times=()
python_times=()
flipped_times=()
for pair in $(seq "$pairs"); do
  cpp_times+=("$(cpp_iteration)")
  python_times+=("$(python_iteration)")
  flipped_times+=("$(python_iteration --flipped)")
  printf 'pair %d: C++ %.1f ms, Python %.1f ms (flipped: %.1f ms) per iteration\n' "$pair" \
    "${cpp_times[-1]}" "${python_times[-1]}" "${flipped_times[-1]}"
done
"$python" - "$pairs" "${cpp_times[@]}" "${python_times[@]}" "${flipped_times[@]}" <<'PY'
import statistics, sys
n = int(sys.argv[1])
cpp, py, flipped = (statistics.median(map(float, sys.argv[2 + i * n:2 + (i + 1) * n]))
                    for i in range(3))
print(f"median: C++ {cpp:.1f} ms, Python {py:.1f} ms per iteration; C++ / Python = {cpp / py:.3f}")
print(f"median: Python with flipped convolutions {flipped:.1f} ms; C++ / that = {cpp / flipped:.3f}")
PY
