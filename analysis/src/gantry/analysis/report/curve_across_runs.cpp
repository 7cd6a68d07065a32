#include "gantry/analysis/report/curve_across_runs.hpp"

#include <algorithm>

#include "gantry/analysis/stats/descriptive.hpp"

namespace gantry::analysis {
namespace {

// Walks every curve at once, step by step: each call gives the next step any curve logged and
// the values logged there, so the curves are merged in one pass without a map of steps.
class StepMerger {
 public:
  explicit StepMerger(const std::vector<Curve>& curves)
      : curves_(curves), next_(curves.size(), 0) {}

  // The smallest step not yet taken, its values appended to `values` in curve order; none when
  // every curve is done.
  std::optional<long long> next(std::vector<double>& values) {
    std::optional<long long> step = smallest_pending_step();
    if (!step) return std::nullopt;
    for (std::size_t i = 0; i < curves_.size(); ++i) {
      if (next_[i] < curves_[i].size() && curves_[i][next_[i]].first == *step) {
        values.push_back(curves_[i][next_[i]].second);
        ++next_[i];
      }
    }
    return step;
  }

 private:
  std::optional<long long> smallest_pending_step() const {
    std::optional<long long> smallest;
    for (std::size_t i = 0; i < curves_.size(); ++i) {
      if (next_[i] == curves_[i].size()) continue;
      long long step = curves_[i][next_[i]].first;
      if (!smallest || step < *smallest) smallest = step;
    }
    return smallest;
  }

  const std::vector<Curve>& curves_;
  std::vector<std::size_t> next_;
};

std::size_t longest(const std::vector<Curve>& curves) {
  std::size_t length = 0;
  for (const Curve& curve : curves) length = std::max(length, curve.size());
  return length;
}

}  // namespace

std::vector<CurvePoint> curve_across_runs(const std::vector<Curve>& curves,
                                          const std::vector<double>& probabilities) {
  std::vector<CurvePoint> points;
  points.reserve(longest(curves));
  StepMerger merger(curves);
  std::vector<double> values;
  values.reserve(curves.size());
  while (std::optional<long long> step = merger.next(values)) {
    // Value order, so the statistics do not depend on run ids (see finished_values).
    std::sort(values.begin(), values.end());
    CurveStats stats = curve_stats_of_sorted(values, probabilities);
    points.push_back(
        CurvePoint{*step, values.size(), stats.mean, stats.sd, std::move(stats.quantiles)});
    values.clear();
  }
  return points;
}

}  // namespace gantry::analysis
