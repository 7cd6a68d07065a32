// How much of the variation of a metric lies between groups (settings, e.g. values of K) rather
// than within them (seeds): the report's answer to "does K matter more than the seed?".
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace gantry::analysis {

// One-way decomposition SS_total = SS_between + SS_within, with x_gi the i-th value of group g,
// m_g the group mean and m the grand mean:
//   SS_between = sum_g n_g (m_g - m)^2, SS_within = sum_g sum_i (x_gi - m_g)^2,
//   SS_total = sum_g sum_i (x_gi - m)^2.
// between_share is eta^2 = SS_between / SS_total (the share explained by the grouping);
// within_share = SS_within / SS_total. Each sum is computed directly, so the shares add to 1 up
// to rounding. Both shares are empty when SS_total is 0 (all values identical: no variation to
// share out).
struct VarianceShare {
  std::optional<double> between_share, within_share;
  double ss_between = 0, ss_within = 0, ss_total = 0;
  std::size_t n = 0;  // values over all groups
};

// Throws std::invalid_argument for no groups, an empty group or a non-finite value.
VarianceShare variance_share(const std::vector<std::vector<double>>& groups);

}  // namespace gantry::analysis
