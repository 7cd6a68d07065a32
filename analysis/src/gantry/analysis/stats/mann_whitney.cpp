#include "gantry/analysis/stats/mann_whitney.hpp"

#include <algorithm>
#include <cmath>

#include <boost/math/distributions/normal.hpp>

#include "gantry/analysis/stats/descriptive.hpp"
#include "gantry/analysis/stats/input_checks.hpp"
#include "gantry/analysis/stats/ranking.hpp"
#include "gantry/analysis/stats/u_distribution.hpp"

namespace gantry::analysis {

namespace {

double median_of(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return quantile_of_sorted(values, 0.5);
}

// The normal approximation's p-value for U = max(U1, U2); see mann_whitney.hpp.
double asymptotic_p(double u, double n1, double n2, double tie_term) {
  double n = n1 + n2;
  double variance = n1 * n2 / 12.0 * ((n + 1.0) - tie_term / (n * (n - 1.0)));
  // Zero only when all values are tied; rounding can leave a tiny negative instead.
  if (!(variance > 0.0)) return 1.0;
  double z = (u - n1 * n2 / 2.0 - 0.5) / std::sqrt(variance);
  return 2.0 * boost::math::cdf(boost::math::complement(boost::math::normal(), z));
}

}  // namespace

MannWhitney mann_whitney_test(const std::vector<double>& x, const std::vector<double>& y) {
  detail::require_nonempty_finite(x, "mann_whitney (first sample)");
  detail::require_nonempty_finite(y, "mann_whitney (second sample)");
  std::vector<double> pooled = x;
  pooled.insert(pooled.end(), y.begin(), y.end());
  Ranking ranking = average_ranks(pooled);

  double n1 = static_cast<double>(x.size()), n2 = static_cast<double>(y.size());
  double rank_sum = 0;
  for (std::size_t i = 0; i < x.size(); ++i) rank_sum += ranking.ranks[i];

  MannWhitney result;
  result.n1 = x.size();
  result.n2 = y.size();
  result.u = rank_sum - n1 * (n1 + 1.0) / 2.0;
  double u_max = std::max(result.u, n1 * n2 - result.u);

  bool ties = ranking.distinct < pooled.size();
  bool both_large = x.size() > 8 && y.size() > 8;
  result.method = ties || both_large ? MannWhitneyMethod::asymptotic : MannWhitneyMethod::exact;
  if (result.method == MannWhitneyMethod::exact) {
    // Without ties every rank is an integer, so U is too.
    auto u = static_cast<std::size_t>(std::llround(u_max));
    result.p_value = 2.0 * u_upper_tail(x.size(), y.size(), u);
  } else {
    result.p_value = asymptotic_p(u_max, n1, n2, ranking.tie_term);
  }
  // Doubling the upper tail exceeds 1 when U sits at the centre of its distribution.
  result.p_value = std::min(result.p_value, 1.0);

  return result;
}

MannWhitney mann_whitney(const std::vector<double>& x, const std::vector<double>& y) {
  MannWhitney result = mann_whitney_test(x, y);
  result.median_difference = median_of(x) - median_of(y);
  std::vector<double> differences;
  differences.reserve(x.size() * y.size());
  for (double xi : x) {
    for (double yj : y) differences.push_back(xi - yj);
  }
  result.hodges_lehmann = median_of(std::move(differences));
  return result;
}

}  // namespace gantry::analysis
