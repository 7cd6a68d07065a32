#include "gantry/analysis/report/curve_columns.hpp"

#include <algorithm>
#include <cmath>

namespace gantry::analysis {

std::size_t StepColumns::column_of(long long step) const {
  auto it = std::lower_bound(last.begin(), last.end(), step);
  if (it == last.end()) return size();
  std::size_t column = static_cast<std::size_t>(it - last.begin());
  return first[column] <= step ? column : size();
}

namespace {

std::vector<long long> distinct_steps(const std::vector<const Curve*>& curves, std::size_t limit) {
  std::vector<long long> steps;
  for (const Curve* curve : curves) {
    for (const auto& point : *curve) steps.push_back(point.first);
    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    if (steps.size() > limit) break;  // too many to be exact; only the range matters now
  }
  return steps;
}

}  // namespace

StepColumns step_columns(const std::vector<const Curve*>& curves, std::size_t max_columns) {
  max_columns = std::max<std::size_t>(1, max_columns);
  StepColumns columns;
  std::vector<long long> steps = distinct_steps(curves, max_columns);
  if (steps.size() <= max_columns) {
    columns.first = steps;
    columns.last = steps;
    return columns;
  }
  long long low = steps.front(), high = steps.back();
  for (const Curve* curve : curves) {
    if (curve->empty()) continue;
    low = std::min(low, curve->front().first);
    high = std::max(high, curve->back().first);
  }
  columns.exact = false;
  // Steps per column, rounded up so that max_columns of them cover low ... high.
  const long long span = high - low + 1;
  const long long width =
      (span + static_cast<long long>(max_columns) - 1) / static_cast<long long>(max_columns);
  for (long long start = low; start <= high; start += width) {
    columns.first.push_back(start);
    columns.last.push_back(std::min(high, start + width - 1));
    if (columns.last.back() == high) break;  // start + width could overflow past the end
  }
  return columns;
}

CurveEnvelope curve_envelope(const Curve& curve, const StepColumns& columns) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  CurveEnvelope envelope{std::vector<float>(columns.size(), nan),
                         std::vector<float>(columns.size(), nan)};
  std::size_t column = 0;
  for (const auto& [step, value] : curve) {
    // Curves are in step order, so the column only moves forward.
    while (column < columns.size() && columns.last[column] < step) ++column;
    if (column == columns.size()) break;
    if (columns.first[column] > step) continue;
    float v = static_cast<float>(value);
    float& low = envelope.low[column];
    float& high = envelope.high[column];
    if (std::isnan(low) || v < low) low = v;
    if (std::isnan(high) || v > high) high = v;
  }
  return envelope;
}

std::vector<std::size_t> evenly_spaced(std::size_t count, std::size_t wanted) {
  std::vector<std::size_t> indices;
  if (count == 0 || wanted == 0) return indices;
  if (count <= wanted) {
    for (std::size_t i = 0; i < count; ++i) indices.push_back(i);
    return indices;
  }
  if (wanted == 1) return {count - 1};
  for (std::size_t k = 0; k < wanted; ++k) {
    // Rounded k (count - 1) / (wanted - 1): 0 first, count - 1 last, strictly increasing as
    // count > wanted.
    indices.push_back((2 * k * (count - 1) + (wanted - 1)) / (2 * (wanted - 1)));
  }
  return indices;
}

}  // namespace gantry::analysis
