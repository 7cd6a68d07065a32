#include "gantry/analysis/stats/wilson.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <boost/math/distributions/normal.hpp>

#include "gantry/analysis/stats/input_checks.hpp"

namespace gantry::analysis {

Proportion wilson_interval(std::size_t successes, std::size_t trials, double confidence) {
  if (trials == 0) throw std::invalid_argument("wilson_interval: no trials");
  if (successes > trials) throw std::invalid_argument("wilson_interval: successes > trials");
  detail::require_confidence(confidence, "wilson_interval");

  boost::math::normal standard;
  double z = boost::math::quantile(boost::math::complement(standard, (1.0 - confidence) / 2.0));
  double n = static_cast<double>(trials);
  double p = static_cast<double>(successes) / n;
  double z2 = z * z;
  double denominator = 1.0 + z2 / n;
  double centre = (p + z2 / (2.0 * n)) / denominator;
  double half_width = z / denominator * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));

  Proportion result;
  result.successes = successes;
  result.trials = trials;
  result.estimate = p;
  // At the edges centre and half_width are equal in exact arithmetic; pin the bound so that a
  // report shows 0 and 1 rather than 1e-17 and 0.9999999999999999.
  result.low = successes == 0 ? 0.0 : std::max(0.0, centre - half_width);
  result.high = successes == trials ? 1.0 : std::min(1.0, centre + half_width);
  return result;
}

}  // namespace gantry::analysis
