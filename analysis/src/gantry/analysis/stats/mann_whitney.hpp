// The two-sided Mann-Whitney U (Wilcoxon rank-sum) test: does one setting tend to give larger
// values than another? The pairwise companion of Kruskal-Wallis, with shift estimates so that a
// report can say by how much, not only whether.
#pragma once

#include <cstddef>
#include <vector>

namespace gantry::analysis {

enum class MannWhitneyMethod {
  exact,       // the exact permutation distribution of U (no ties)
  asymptotic,  // normal approximation with tie and continuity corrections
};

struct MannWhitney {
  // U of the first sample: the number of pairs (x_i, y_j) with x_i > y_j, ties counting 1/2;
  // equal to R1 - n1 (n1 + 1) / 2 with R1 the first sample's rank sum (scipy's statistic).
  double u = 0;
  double p_value = 0;  // two-sided, at most 1
  MannWhitneyMethod method = MannWhitneyMethod::exact;
  double median_difference = 0;  // median(x) - median(y)
  // Hodges-Lehmann estimate of the shift x - y: the median of all n1 n2 differences x_i - y_j.
  double hodges_lehmann = 0;
  std::size_t n1 = 0, n2 = 0;
};

// Matches scipy.stats.mannwhitneyu(x, y, alternative='two-sided') with SciPy 1.10's default
// method='auto':
// * exact when the pooled sample has no ties and at least one sample has at most 8 values
//   (SciPy's rule is "asymptotic if both n1 > 8 and n2 > 8"): p = 2 P(U >= max(U1, U2));
// * asymptotic otherwise: z = (max(U1, U2) - n1 n2 / 2 - 1/2) / s with
//   s^2 = n1 n2 / 12 ((N + 1) - sum(t^3 - t) / (N (N - 1))), N = n1 + n2, and p = 2 P(Z >= z).
//   When every value is identical s = 0 and p = 1 (SciPy gets there through z = -inf).
// The p-value is capped at 1. Medians are type 7 (see quantile()). Throws std::invalid_argument
// if either sample is empty or holds a non-finite value. Memory grows as n1 n2 (for the
// Hodges-Lehmann estimate).
MannWhitney mann_whitney(const std::vector<double>& x, const std::vector<double>& y);

// mann_whitney() without the medians and the Hodges-Lehmann estimate (left 0): the test alone,
// in n log n rather than n1 n2, for callers that run it thousands of times (seeds_needed).
MannWhitney mann_whitney_test(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace gantry::analysis
