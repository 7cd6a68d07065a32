#!/usr/bin/env bash
# A fresh Debian machine to a first result: installs the dependencies, builds, and runs a small
# sweep of the tanh notebook's experiment over 4 seeds and K = 1, 3 into ./gantry.sqlite and
# ./gantry-artifacts/, then shows the recorded runs and what they say across seeds, and writes
# the same report as one page, ./gantry-report.html.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
"$root/scripts/build.sh"
gantry="${GANTRY_BUILD_DIR:-$root/build}/bin/gantry"

"$gantry" sweep "$root/experiments/tanh.ini" --seeds 1-4 --grid trainer.k=1,3
echo
"$gantry" runs --sweep tanh
echo
"$gantry" report --sweep tanh
"$gantry" report --sweep tanh --html gantry-report.html
echo
echo "results: $(pwd)/gantry.sqlite (SQLite) and $(pwd)/gantry-artifacts/tanh/ (HDF5 per run)"
echo "page:    $(pwd)/gantry-report.html (the report with its figures; opens offline)"
echo "try:     $gantry query \"SELECT * FROM summaries LIMIT 5\""
echo "         $gantry report --sweep tanh --plots plots     (figures, with gnuplot)"
