// The Wilcoxon signed-rank test: ranks of |x - y| signed by the difference, with the exact null
// distribution of W+ for small untied samples and the tie-corrected normal approximation else.
#include "gantry/analysis/stats/wilcoxon_signed_rank.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <boost/math/distributions/normal.hpp>

#include "gantry/analysis/stats/input_checks.hpp"
#include "gantry/analysis/stats/ranking.hpp"

namespace gantry::analysis {

namespace {

// Largest sample for the exact distribution, as SciPy's method='auto'.
constexpr std::size_t exact_limit = 50;

// P(W+ <= w) for n untied non-zero differences: every one of the 2^n sign patterns is equally
// likely, so count the subsets of {1, ..., n} whose sum is at most w. The counts stay below
// 2^50 for n <= 50, so doubles hold them exactly; summing the lower tail only avoids subtracting
// near-equal numbers.
double signed_rank_lower_tail(std::size_t n, std::size_t w) {
  std::vector<double> counts(w + 1, 0.0);  // counts[s] = subsets with sum s, for s <= w
  counts[0] = 1.0;
  for (std::size_t rank = 1; rank <= n; ++rank) {
    // Descending s: counts[s - rank] is still the count without this rank.
    for (std::size_t s = w; s >= rank; --s) counts[s] += counts[s - rank];
  }
  double below = 0;
  for (double count : counts) below += count;
  return below / std::ldexp(1.0, static_cast<int>(n));
}

// Two-sided p from the normal approximation, tie-corrected, no continuity correction.
double asymptotic_p(double statistic, double n, double tie_term) {
  double mean = n * (n + 1.0) / 4.0;
  double variance = (n * (n + 1.0) * (2.0 * n + 1.0) - tie_term / 2.0) / 24.0;
  double z = std::abs(statistic - mean) / std::sqrt(variance);
  return 2.0 * boost::math::cdf(boost::math::complement(boost::math::normal(), z));
}

}  // namespace

WilcoxonSignedRank wilcoxon_signed_rank(const std::vector<double>& x,
                                        const std::vector<double>& y) {
  detail::require_nonempty_finite(x, "wilcoxon_signed_rank (first sample)");
  detail::require_nonempty_finite(y, "wilcoxon_signed_rank (second sample)");
  if (x.size() != y.size()) {
    throw std::invalid_argument("wilcoxon_signed_rank: samples of different lengths");
  }
  std::vector<double> differences;  // the non-zero ones (Wilcoxon's zero method)
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i] != y[i]) differences.push_back(x[i] - y[i]);
  }
  WilcoxonSignedRank result;
  result.n = differences.size();
  if (differences.empty()) {
    // No evidence either way; SciPy raises here.
    result.method = SignedRankMethod::asymptotic;
    return result;
  }

  std::vector<double> magnitudes(differences.size());
  std::transform(differences.begin(), differences.end(), magnitudes.begin(),
                 [](double d) { return std::abs(d); });
  Ranking ranking = average_ranks(magnitudes);
  double plus = 0, minus = 0;
  for (std::size_t i = 0; i < differences.size(); ++i) {
    (differences[i] > 0 ? plus : minus) += ranking.ranks[i];
  }
  result.statistic = std::min(plus, minus);

  // The exact distribution holds only without zeros (SciPy decides on the length before dropping
  // them) and without ties, whose half ranks it has no place for.
  bool zeros = differences.size() < x.size();
  bool ties = ranking.distinct < magnitudes.size();
  bool exact = x.size() <= exact_limit && !zeros && !ties;
  result.method = exact ? SignedRankMethod::exact : SignedRankMethod::asymptotic;
  if (exact) {
    // Untied ranks are integers, so the statistic is too; the distribution is symmetric.
    auto w = static_cast<std::size_t>(std::llround(result.statistic));
    result.p_value = 2.0 * signed_rank_lower_tail(differences.size(), w);
  } else {
    result.p_value =
        asymptotic_p(result.statistic, static_cast<double>(result.n), ranking.tie_term);
  }
  // W at the centre of its distribution doubles a tail above 1/2.
  result.p_value = std::min(result.p_value, 1.0);
  return result;
}

}  // namespace gantry::analysis
