#!/usr/bin/env bash
# Installs every build and run dependency of Gantry from Debian's packages.
# Idempotent: packages already present are left as they are, and apt is not
# touched at all when nothing is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libboost-program-options-dev libboost-filesystem-dev libboost-dev
  libeigen3-dev
  libsqlite3-dev sqlite3
  libhdf5-dev hdf5-tools
  catch2 libbenchmark-dev nlohmann-json3-dev
  gnuplot-nox
  # GNU time, for bench/startup.sh's CPU and peak memory figures.
  time
  libpng-dev
  # The LibTorch backend. LibTorch does its dense algebra through whichever libblas.so.3 the
  # system selects; OpenBLAS installs itself as the preferred one (the reference BLAS made a
  # DCGAN iteration 11 times slower here).
  libtorch-dev libopenblas0-pthread
  # The same LibTorch from Python, for bench/dcgan.sh's peer benchmark (bench/dcgan_peer.py).
  python3-torch
  # NumPy, to check that it reads what `gantry sample` writes as .npy (tests/harness).
  python3-numpy
  # The mnist data plugin reads gzipped IDX files; Fashion-MNIST comes from Debian.
  zlib1g-dev dataset-fashion-mnist
  # Sweeps on Slurm (docs/slurm.md); the integration test starts a one-node cluster of its own.
  slurm-wlm munge
  # The tests open `gantry report --html` pages in it, headless (tests/browser).
  chromium
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
