// A metric's per-step curve across the runs of a group: at each logged step, the mean, spread
// and quantiles of the runs that logged it (what `--curve` prints and draws).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "gantry/analysis/report/curve_columns.hpp"
#include "gantry/store/results_snapshot.hpp"

namespace gantry::analysis {

// Per logged step, across the group's finished runs that logged it.
struct CurvePoint {
  long long step = 0;
  std::size_t n = 0;
  double mean = 0;
  std::optional<double> sd;
  std::vector<double> quantiles;  // at the requested probabilities
};

struct GroupCurve {
  std::string metric;
  std::vector<CurvePoint> points;
  // Only when ReportRequest::run_curve_columns asks for them: the group's steps in columns and
  // each finished run's curve reduced to them.
  StepColumns columns;
  std::vector<RunCurveEnvelope> runs;
};

// One point per step that any of `curves` (each in step order, as ResultsSnapshot::curve gives
// them) logged, in step order. Each point's statistics are of its values in value order, so they
// do not depend on the order of the runs.
std::vector<CurvePoint> curve_across_runs(const std::vector<Curve>& curves,
                                          const std::vector<double>& probabilities);

}  // namespace gantry::analysis
