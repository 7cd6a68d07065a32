#include "gantry/analysis/stats/variance_share.hpp"

#include <stdexcept>

#include "gantry/analysis/stats/input_checks.hpp"

namespace gantry::analysis {

namespace {

double mean_of(const std::vector<double>& values) {
  double sum = 0;
  for (double value : values) sum += value;
  return sum / static_cast<double>(values.size());
}

}  // namespace

VarianceShare variance_share(const std::vector<std::vector<double>>& groups) {
  if (groups.empty()) throw std::invalid_argument("variance_share: no groups");
  std::vector<double> pooled;
  for (const auto& group : groups) {
    if (group.empty()) throw std::invalid_argument("variance_share: empty group");
    detail::require_finite(group, "variance_share");
    pooled.insert(pooled.end(), group.begin(), group.end());
  }

  VarianceShare share;
  share.n = pooled.size();
  // Identical values can leave a mean a rounding error away from the value itself, and with it
  // an SS_total of 1e-33 that would turn the shares into noise; decide "no variation" exactly.
  bool all_equal = true;
  for (double value : pooled) all_equal = all_equal && value == pooled.front();
  if (all_equal) return share;

  double grand_mean = mean_of(pooled);
  for (const auto& group : groups) {
    double group_mean = mean_of(group);
    double offset = group_mean - grand_mean;
    share.ss_between += static_cast<double>(group.size()) * offset * offset;
    for (double value : group) {
      share.ss_within += (value - group_mean) * (value - group_mean);
      share.ss_total += (value - grand_mean) * (value - grand_mean);
    }
  }
  share.between_share = share.ss_between / share.ss_total;
  share.within_share = share.ss_within / share.ss_total;
  return share;
}

}  // namespace gantry::analysis
