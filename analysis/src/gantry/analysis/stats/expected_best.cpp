// The expected best of n runs (Dodge et al. 2019) from the empirical distribution of the runs.
#include "gantry/analysis/stats/expected_best.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "gantry/analysis/stats/input_checks.hpp"

namespace gantry::analysis {

std::vector<double> expected_best_of_n(std::vector<double> values, bool higher_is_better,
                                       std::size_t max_n) {
  detail::require_nonempty_finite(values, "expected_best_of_n");
  if (max_n == 0) throw std::invalid_argument("expected_best_of_n: max_n must be at least 1");
  // The expected minimum is minus the expected maximum of the negated values.
  double sign = higher_is_better ? 1.0 : -1.0;
  for (double& value : values) value *= sign;
  std::sort(values.begin(), values.end());

  double size = static_cast<double>(values.size());
  std::vector<double> expected(max_n, 0.0);
  for (std::size_t n = 1; n <= max_n; ++n) {
    double power = static_cast<double>(n);
    double sum = 0;
    // P(max of n draws = v(i)) = P(all <= v(i)) - P(all <= v(i - 1)) = (i/N)^n - ((i-1)/N)^n.
    // Tied values share their probability mass, so the sum is right with ties too.
    double below = 0;  // ((i - 1) / N)^n
    for (std::size_t i = 1; i <= values.size(); ++i) {
      double upto = std::pow(static_cast<double>(i) / size, power);
      sum += values[i - 1] * (upto - below);
      below = upto;
    }
    expected[n - 1] = sign * sum;
  }
  return expected;
}

}  // namespace gantry::analysis
