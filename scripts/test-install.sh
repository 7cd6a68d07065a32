#!/usr/bin/env bash
# The installed SDK end to end, as a researcher outside this tree would use it:
#   1. cmake --install a built Gantry into a temporary prefix;
#   2. copy examples/gaussian-mixtures out of the tree and build it against that prefix alone
#      (find_package(Gantry) only; the source tree's headers are out of reach);
#   3. run the example's Catch2 test;
#   4. load its plugins into the INSTALLED gantry through GANTRY_PLUGIN_PATH (gantry plugins
#      must list ring8 and grid25 and report no problem);
#   5. a short seed x K sweep on both targets, then gantry report on it;
#   6. gantry new plugin for each kind: each skeleton builds against the prefix, its test passes,
#      and the installed gantry loads it.
# Usage: scripts/test-install.sh [BUILD_DIR]   (default: $GANTRY_BUILD_DIR, else build/)
# Exits non-zero at the first failure. Set GANTRY_KEEP_TMP=1 to keep the temporary directory.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$(cd "${1:-${GANTRY_BUILD_DIR:-$root/build}}" && pwd)"
jobs="${GANTRY_TEST_JOBS:-2}"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/gantry-test-install.XXXXXX")"
if [ "${GANTRY_KEEP_TMP:-0}" = 1 ]; then
  echo "test-install: keeping $tmp"
else
  trap 'rm -rf "$tmp"' EXIT
fi
step() { echo "== test-install: $* ($SECONDS s)"; }
fail() { echo "test-install: FAILED: $*" >&2; exit 1; }

prefix="$tmp/prefix"
step "installing $build into $prefix"
cmake --install "$build" --prefix "$prefix" > "$tmp/install.log" || { cat "$tmp/install.log"; fail "cmake --install"; }
for file in bin/gantry include/gantry/plugin_export.hpp lib/cmake/Gantry/GantryConfig.cmake \
            lib/gantry/plugins/gantry-model-eigen-mlp.so lib/gantry/plugins/gantry-trainer-alternating.so; do
  [ -e "$prefix/$file" ] || fail "the install has no $file"
done
gantry="$prefix/bin/gantry"

step "building examples/gaussian-mixtures against the installed SDK only"
cp -r "$root/examples/gaussian-mixtures" "$tmp/src"
rm -rf "$tmp/src/build"
# The compiler Gantry was built with: the plugin ABI fingerprint includes the C++ ABI version.
compiler="$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")"
generator=()
if command -v ninja > /dev/null; then generator=(-G Ninja); fi
cmake -S "$tmp/src" -B "$tmp/build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
  ${compiler:+-DCMAKE_CXX_COMPILER="$compiler"} \
  -DGantry_DIR="$prefix/lib/cmake/Gantry" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF \
  > "$tmp/configure.log" 2>&1 || { cat "$tmp/configure.log"; fail "configuring the example"; }
cmake --build "$tmp/build" --parallel "$jobs" > "$tmp/build.log" 2>&1 \
  || { cat "$tmp/build.log"; fail "building the example"; }
# Nothing in the example's build may have come from the source tree.
if grep -rqF -- "$root/" "$tmp/build/build.ninja" "$tmp/build/CMakeCache.txt" 2> /dev/null; then
  fail "the example's build refers to the source tree $root"
fi

step "running the example's Catch2 test"
ctest --test-dir "$tmp/build" --output-on-failure || fail "the example's test"

step "loading the example's plugins into the installed gantry"
export GANTRY_PLUGIN_PATH="$tmp/build/plugins"
"$gantry" plugins > "$tmp/plugins.txt" 2>&1 || { cat "$tmp/plugins.txt"; fail "gantry plugins reported a problem"; }
for name in ring8 grid25; do
  grep -q "^data $name .*($tmp/build/plugins/gantry-data-$name.so)" "$tmp/plugins.txt" \
    || { cat "$tmp/plugins.txt"; fail "gantry plugins does not list $name from $tmp/build/plugins"; }
done
grep -q "^model eigen-mlp .*($prefix/lib/gantry/plugins/" "$tmp/plugins.txt" \
  || { cat "$tmp/plugins.txt"; fail "the installed gantry did not find its bundled plugins in $prefix/lib/gantry/plugins"; }

step "sweeping both targets with the installed gantry"
mkdir "$tmp/run"
cd "$tmp/run"
for target in ring8 grid25; do
  "$gantry" sweep "$tmp/src/$target.ini" --seeds 1-2 --grid trainer.k=1,2 \
    --set trainer.epochs=200 --jobs "$jobs" > "$tmp/sweep-$target.log" 2>&1 \
    || { cat "$tmp/sweep-$target.log"; fail "gantry sweep $target.ini"; }
done
finished="$("$gantry" query "SELECT count(*) FROM runs WHERE status = 'finished'" --format csv | tail -n 1)"
[ "$finished" = 8 ] || fail "expected 8 finished runs, found '$finished'"
scored="$("$gantry" query "SELECT count(DISTINCT run_id) FROM summaries
  WHERE key = 'eval.modes_covered' AND value >= 1" --format csv | tail -n 1)"
[ "$scored" = 8 ] || fail "expected eval.modes_covered >= 1 in all 8 runs, found '$scored'"

step "gantry report"
for target in ring8 grid25; do
  "$gantry" report --sweep "$target" --metric eval.modes_covered eval.mode_kl \
    --higher-is-better eval.modes_covered > "$tmp/report-$target.txt" 2>&1 \
    || { cat "$tmp/report-$target.txt"; fail "gantry report --sweep $target"; }
  grep -q "eval.modes_covered" "$tmp/report-$target.txt" \
    || { cat "$tmp/report-$target.txt"; fail "the $target report does not mention eval.modes_covered"; }
done
cat "$tmp/report-ring8.txt"

step "gantry new plugin: one skeleton of each kind builds, passes its test and loads"
for kind in data model trainer; do
  "$gantry" new plugin --kind "$kind" "my-$kind" "$tmp/new/my-$kind" > /dev/null \
    || fail "gantry new plugin --kind $kind"
  cmake -S "$tmp/new/my-$kind" -B "$tmp/new/my-$kind/build" "${generator[@]}" \
    -DCMAKE_BUILD_TYPE=Release ${compiler:+-DCMAKE_CXX_COMPILER="$compiler"} \
    -DCMAKE_PREFIX_PATH="$prefix" > "$tmp/new-$kind.log" 2>&1 \
    && cmake --build "$tmp/new/my-$kind/build" --parallel "$jobs" >> "$tmp/new-$kind.log" 2>&1 \
    && ctest --test-dir "$tmp/new/my-$kind/build" >> "$tmp/new-$kind.log" 2>&1 \
    || { cat "$tmp/new-$kind.log"; fail "the $kind skeleton"; }
  GANTRY_PLUGIN_PATH="$tmp/new/my-$kind/build/plugins" "$gantry" plugins "my-$kind" \
    > "$tmp/new-$kind-plugins.txt" 2>&1 \
    || { cat "$tmp/new-$kind-plugins.txt"; fail "the installed gantry does not load my-$kind"; }
done
step "passed"
