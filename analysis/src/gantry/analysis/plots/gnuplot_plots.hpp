// `gantry report --plots DIR`: the report's figures, drawn by gnuplot as PNG and SVG. Each
// figure's data (.dat, whitespace-separated columns) and script (.gp) stay in DIR next to the
// images, so a figure can be edited and redrawn with `cd DIR && gnuplot NAME.gp`.
//
// Figures (NAME, when the report has data for them):
//   curves-<metric>       per curve metric: mean over seeds per group with a quantile band
//   d-balanced-accuracy   D's balanced accuracy over steps, every run, with the threshold
//   final-<metric>        per report metric: final values per group (jittered) and medians
//   expected-best-<metric> the compared metric's expected best of n runs per group
//   onset-survival        Kaplan-Meier curves of the onset of overpowering, per group
//   samples-run-<id>      with PlotRequest::sample_run: that run's samples over the real rows
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gantry/analysis/report/report.hpp"

namespace gantry::analysis {

struct PlotRequest {
  std::string directory;                   // created if missing
  std::optional<std::int64_t> sample_run;  // run whose samples to draw (none: no sample figure)
  // The sample run is the report's choice, not the user's: if its HDF5 file cannot be read,
  // its figure is left out with a note and the others are drawn.
  bool sample_run_is_default = false;
};

struct WrittenPlots {
  std::vector<std::string> files;  // per figure: its .dat when it has data, .gp, .png, .svg
  std::vector<std::string> notes;  // figures left out, and why
};

// Writes every figure as PNG and SVG into request.directory and returns the files written
// (per figure: its .dat when it has data, .gp, .png, .svg). Throws ConfigError when gnuplot is
// not on PATH or the sample run is not among the report's runs; StorageError when the directory
// cannot be created or written, the sample run's HDF5 file is not recorded, missing or
// unreadable (unless it is the default sample run), or gnuplot fails (with gnuplot's error
// output).
WrittenPlots write_plots(const Report& report, const PlotRequest& request);

}  // namespace gantry::analysis
