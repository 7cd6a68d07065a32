#!/usr/bin/env bash
# A fresh Debian machine to a tested build: installs the dependencies, builds everything, and
# runs the whole test suite through ctest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
ctest --test-dir "${GANTRY_BUILD_DIR:-$root/build}" --output-on-failure --parallel "$(nproc)"
