#!/usr/bin/env bash
# Times `gantry report --html` on bench/report.sh's synthetic database (200 runs x 10,000 logged
# steps x 5 metrics, made once), with every one of the 5 metrics drawn as a curve: the wall-clock
# seconds to write the page (REPEAT times, default 5, and their median), its size, and how long
# headless chromium takes to draw it (bench/page_load.cpp). Run after scripts/build.sh:
#   bench/page.sh [BUILD_DIR=build]
set -euo pipefail
build=${1:-build}
db=${GANTRY_BENCH_DB:-$build/bench-report.sqlite}
repeat=${REPEAT:-5}
if [[ ! -f $db ]]; then
  echo "making $db (once; takes a minute or more)"
  "$build/bin/make_report_db" "$db" 200 10000
fi
page=$(mktemp --suffix=.html)
trap 'rm -f "$page"' EXIT
curves=(g_loss d_loss_real d_loss_fake eval.d_acc_real eval.d_acc_fake)
times=()
for ((attempt = 1; attempt <= repeat; attempt++)); do
  start=$(date +%s%N)
  "$build/bin/gantry" report --db "$db" --html "$page" --curve "${curves[@]}" 2> /dev/null
  times+=($((($(date +%s%N) - start) / 1000000)))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END {
  printf "%.2f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) / 1000 }')
size=$(stat -c %s "$page")
printf 'page written in median %s s (%s ms), %.2f MB: gantry report --html --curve %s\n' \
  "$median" "${times[*]}" "$(echo "$size / 1048576" | bc -l)" "${curves[*]}"
"$build/bin/page_load" "$page" 3
