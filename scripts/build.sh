#!/usr/bin/env bash
# Configures and builds Gantry into build/ (Release). Extra arguments go to CMake's configure
# step, e.g. scripts/build.sh -DGANTRY_NATIVE=ON.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${GANTRY_BUILD_DIR:-$root/build}"
jobs="$(nproc)"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build "$build" --parallel "$jobs"
