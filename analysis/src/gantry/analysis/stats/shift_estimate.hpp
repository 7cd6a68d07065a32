// How much two settings differ, not only whether: the Hodges-Lehmann estimate of the shift
// between two groups of runs with its distribution-free interval, and Cliff's delta, the
// probability that a run of one beats a run of the other, less the reverse.
#pragma once

#include <cstddef>
#include <vector>

namespace gantry::analysis {

struct ShiftEstimate {
  double estimate = 0;  // the median of all n1 n2 differences x_i - y_j
  double ci_low = 0, ci_high = 0;
  bool exact = true;  // from the exact distribution of U; else its normal approximation
};

// As R's wilcox.test(x, y, conf.int = TRUE, conf.level = confidence) for samples without ties
// and with n1, n2 < 50 (its exact branch): the differences sorted, the interval is
// [d(q), d(n1 n2 + 1 - q)] with q = qwilcox((1 - confidence) / 2, n1, n2), at least 1. With ties
// or larger samples the interval is the same order statistics with q from the normal
// approximation of U (Hollander & Wolfe), not R's root search. Throws std::invalid_argument for
// an empty sample, a non-finite value or a confidence outside (0, 1).
ShiftEstimate hodges_lehmann(const std::vector<double>& x, const std::vector<double>& y,
                             double confidence = 0.95);

// (#{x_i > y_j} - #{x_i < y_j}) / (n1 n2), in [-1, 1] (Cliff 1993). Throws
// std::invalid_argument for an empty sample or a non-finite value.
double cliffs_delta(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace gantry::analysis
