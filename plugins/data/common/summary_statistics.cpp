#include "common/summary_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace gantry::plugins {

namespace {

void require_values(const std::vector<double>& values, const char* summary) {
  if (values.empty()) throw std::invalid_argument(std::string(summary) + " of no values");
}

bool has_nan(const std::vector<double>& values) {
  return std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); });
}

}  // namespace

double median(std::vector<double> values) {
  require_values(values, "median");
  // nth_element needs a strict weak order, which NaN breaks.
  if (has_nan(values)) return std::numeric_limits<double>::quiet_NaN();
  auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  if (values.size() % 2 == 1) return *middle;
  double upper = *middle;
  double lower = *std::max_element(values.begin(), middle);
  return 0.5 * (lower + upper);
}

double mean(const std::vector<double>& values) {
  require_values(values, "mean");
  double sum = 0.0;
  for (double value : values) sum += value;
  return sum / static_cast<double>(values.size());
}

}  // namespace gantry::plugins
