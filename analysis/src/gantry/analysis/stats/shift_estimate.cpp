// Effect sizes of two groups of runs: the Hodges-Lehmann shift with its interval from the
// distribution of the Mann-Whitney U, and Cliff's delta.
#include "gantry/analysis/stats/shift_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/math/distributions/normal.hpp>

#include "gantry/analysis/stats/descriptive.hpp"
#include "gantry/analysis/stats/input_checks.hpp"
#include "gantry/analysis/stats/ranking.hpp"
#include "gantry/analysis/stats/u_distribution.hpp"

namespace gantry::analysis {

namespace {

// R's exact branch needs both samples below this size.
constexpr std::size_t exact_limit = 50;

// qwilcox(p, n1, n2): the smallest q with P(U <= q) >= p, U the Mann-Whitney count without ties.
// By symmetry P(U <= q) = P(U >= n1 n2 - q), which u_upper_tail gives; P(U <= q) grows with q,
// so bisection needs about log2(n1 n2) of them. R compares against p - 10 DBL_EPSILON, so that
// a tail equal to p up to rounding still counts; so does this.
std::size_t qwilcox(double p, std::size_t n1, std::size_t n2) {
  std::size_t pairs = n1 * n2;
  double target = p - 10.0 * std::numeric_limits<double>::epsilon();
  auto reaches = [&](std::size_t q) { return u_upper_tail(n1, n2, pairs - q) >= target; };
  std::size_t low = 0, high = pairs;  // reaches(pairs) holds: P(U <= n1 n2) = 1
  if (reaches(low)) return low;
  while (high - low > 1) {  // invariant: !reaches(low), reaches(high)
    std::size_t middle = low + (high - low) / 2;
    (reaches(middle) ? high : low) = middle;
  }
  return high;
}

// Hollander & Wolfe's large-sample C_alpha, n1 n2 / 2 - z sqrt(n1 n2 (n1 + n2 + 1) / 12), to
// the nearest integer: the continuity-corrected normal match to qwilcox. No tie correction, as
// in their formula.
std::size_t normal_q(double confidence, std::size_t n1, std::size_t n2) {
  double m = static_cast<double>(n1), n = static_cast<double>(n2);
  double z = boost::math::quantile(boost::math::normal(), (1.0 + confidence) / 2.0);
  double q = std::round(m * n / 2.0 - z * std::sqrt(m * n * (m + n + 1.0) / 12.0));
  return q < 0.0 ? 0 : static_cast<std::size_t>(q);
}

}  // namespace

ShiftEstimate hodges_lehmann(const std::vector<double>& x, const std::vector<double>& y,
                             double confidence) {
  detail::require_nonempty_finite(x, "hodges_lehmann (first sample)");
  detail::require_nonempty_finite(y, "hodges_lehmann (second sample)");
  detail::require_confidence(confidence, "hodges_lehmann");

  std::vector<double> pooled = x;
  pooled.insert(pooled.end(), y.begin(), y.end());
  bool ties = average_ranks(pooled).distinct < pooled.size();

  std::vector<double> differences;
  differences.reserve(x.size() * y.size());
  for (double xi : x) {
    for (double yj : y) differences.push_back(xi - yj);
  }
  std::sort(differences.begin(), differences.end());

  ShiftEstimate result;
  result.estimate = quantile_of_sorted(differences, 0.5);
  result.exact = !ties && x.size() < exact_limit && y.size() < exact_limit;
  std::size_t q = result.exact ? qwilcox((1.0 - confidence) / 2.0, x.size(), y.size())
                               : normal_q(confidence, x.size(), y.size());
  // At least 1 (R's rule, for samples too small to reach the confidence), and at most the
  // middle, so that the upper order statistic is never below the lower one.
  std::size_t pairs = differences.size();
  q = std::clamp<std::size_t>(q, 1, (pairs + 1) / 2);
  result.ci_low = differences[q - 1];       // d(q), 1-based
  result.ci_high = differences[pairs - q];  // d(n1 n2 + 1 - q)
  return result;
}

double cliffs_delta(const std::vector<double>& x, const std::vector<double>& y) {
  detail::require_nonempty_finite(x, "cliffs_delta (first sample)");
  detail::require_nonempty_finite(y, "cliffs_delta (second sample)");
  // With y sorted, the pairs an x_i wins and loses are two binary searches, not a pass over y.
  std::vector<double> sorted = y;
  std::sort(sorted.begin(), sorted.end());
  double balance = 0;  // #{x_i > y_j} - #{x_i < y_j}
  for (double xi : x) {
    auto below = std::lower_bound(sorted.begin(), sorted.end(), xi) - sorted.begin();
    auto above = sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), xi);
    balance += static_cast<double>(below - above);
  }
  return balance / (static_cast<double>(x.size()) * static_cast<double>(y.size()));
}

}  // namespace gantry::analysis
