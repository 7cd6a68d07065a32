// Long curves cut to what a screen can show: the steps of a group's curves split into at most a
// given number of columns, and each curve reduced to its lowest and highest value in each column
// (min/max decimation), so a spike or a dip a plain subsample would skip still shows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "gantry/store/results_snapshot.hpp"

namespace gantry::analysis {

// Column c covers the steps first[c] ... last[c]. When the curves log no more distinct steps than
// the columns allowed, each column is one logged step (exact) and nothing is lost.
struct StepColumns {
  std::vector<long long> first, last;
  bool exact = true;

  std::size_t size() const { return first.size(); }
  // The column holding `step`, or size() when no column does.
  std::size_t column_of(long long step) const;
};

// Every distinct step of `curves` when there are at most `max_columns` of them; otherwise equal
// runs of steps from the first logged step to the last, as few as keeps the count within
// `max_columns` (at least 1). No curves, no columns.
StepColumns step_columns(const std::vector<const Curve*>& curves, std::size_t max_columns);

// One curve per column: its lowest and highest value there, NaN where it logged nothing.
struct CurveEnvelope {
  std::vector<float> low, high;
};

CurveEnvelope curve_envelope(const Curve& curve, const StepColumns& columns);

// A finished run's curve of one metric, reduced to its group's columns (GroupCurve::columns).
struct RunCurveEnvelope {
  std::int64_t run_id = 0;
  CurveEnvelope envelope;
};

// Indices into `count` items (a run's sample sets) for at most `wanted` of them, evenly spaced,
// the first and the last included.
std::vector<std::size_t> evenly_spaced(std::size_t count, std::size_t wanted);

}  // namespace gantry::analysis
