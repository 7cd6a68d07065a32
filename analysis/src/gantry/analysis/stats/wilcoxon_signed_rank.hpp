// The Wilcoxon signed-rank test of paired samples: with only two configurations left in a race,
// does one do better on the same seeds? Pairing by seed removes the seed's shared luck.
#pragma once

#include <cstddef>
#include <vector>

namespace gantry::analysis {

enum class SignedRankMethod {
  exact,       // the exact null distribution of W+ (no ties, no zero differences, n <= 50)
  asymptotic,  // normal approximation with the tie correction, no continuity correction
};

struct WilcoxonSignedRank {
  // min(W+, W-), W+ the sum of the ranks of |d| over the positive differences d = x - y (zero
  // differences dropped, Wilcoxon's method): scipy.stats.wilcoxon's statistic.
  double statistic = 0;
  double p_value = 1;  // two-sided, at most 1
  SignedRankMethod method = SignedRankMethod::exact;
  std::size_t n = 0;  // pairs with a non-zero difference
};

// Matches scipy.stats.wilcoxon(x, y) of SciPy 1.10 (zero_method='wilcox', correction=False,
// alternative='two-sided', mode 'auto'), except with tied |d|: SciPy 1.10's 'auto' then stays
// exact and truncates W+ to an integer (scipy/scipy#15856), this takes the approximation, as
// method='approx' does. p = 1 when every difference is zero. Throws std::invalid_argument for
// samples of different or zero length or a non-finite value.
WilcoxonSignedRank wilcoxon_signed_rank(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace gantry::analysis
