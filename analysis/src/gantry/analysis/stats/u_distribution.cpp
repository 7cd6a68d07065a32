#include "gantry/analysis/stats/u_distribution.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace gantry::analysis {

namespace {

// counts[v] = number of orderings of m x's and n y's with U = v, for v <= limit.
// Recurrence on the largest value of the combined sample: if it is an x it beats all n y's,
// otherwise it adds nothing, so f(m, n, v) = f(m - 1, n, v - n) + f(m, n - 1, v). Only additions
// of non-negative numbers, so doubles stay accurate (to a relative 1e-15 or so) even where the
// counts exceed 2^53, which the product formula for Gaussian binomials, with its subtractions,
// would not.
std::vector<double> u_counts(std::size_t m, std::size_t n, std::size_t limit) {
  // f[j] holds f(j, k, .) for the current k; f(j, 0, .) is one ordering with U = 0.
  std::vector<std::vector<double>> f(m + 1, std::vector<double>(limit + 1, 0.0));
  for (auto& row : f) row[0] = 1.0;
  for (std::size_t k = 1; k <= n; ++k) {
    // j ascending: f[j - 1] is already at k, f[j] still at k - 1, as the recurrence needs.
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t top = std::min(j * k, limit);
      for (std::size_t v = k; v <= top; ++v) f[j][v] += f[j - 1][v - k];
    }
  }
  return f[m];
}

}  // namespace

double u_upper_tail(std::size_t n1, std::size_t n2, std::size_t u) {
  if (n1 == 0 || n2 == 0) throw std::invalid_argument("u_upper_tail: empty sample");
  std::size_t m = std::min(n1, n2), n = std::max(n1, n2);  // the distribution is symmetric in them
  std::size_t pairs = m * n;
  if (u == 0) return 1.0;
  if (u > pairs) return 0.0;

  // The distribution is symmetric about pairs / 2, so counts up to half of it give the total and
  // both tails; the upper tail is read off the lower one without subtracting near-equal numbers.
  std::size_t half = pairs / 2;
  std::vector<double> counts = u_counts(m, n, half);
  double lower_half = 0;
  for (std::size_t v = 0; v < half; ++v) lower_half += counts[v];
  double total = 2.0 * lower_half + (pairs % 2 == 0 ? counts[half] : 2.0 * counts[half]);

  auto lower_tail = [&](std::size_t v) {  // P(U <= v) for v <= half
    double sum = 0;
    for (std::size_t w = 0; w <= v; ++w) sum += counts[w];
    return sum / total;
  };
  // P(U >= u) = P(U <= pairs - u) by symmetry when pairs - u <= half; otherwise u <= half and
  // P(U >= u) = 1 - P(U <= u - 1).
  if (pairs - u <= half) return lower_tail(pairs - u);
  return 1.0 - lower_tail(u - 1);
}

}  // namespace gantry::analysis
