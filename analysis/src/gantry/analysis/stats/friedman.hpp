// The Friedman test and Conover's post-hoc comparisons: do several configurations differ once
// each seed is taken as a block? The race of `gantry search` runs it after every round of seeds
// (as F-Race and irace do), so the seed's own luck, shared by every configuration trained with
// it, is taken out before configurations are compared.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace gantry::analysis {

struct Friedman {
  // The tie-corrected statistic as scipy.stats.friedmanchisquare and irace compute it:
  // 12 sum_j (R_j - n (k + 1) / 2)^2 / (n k (k + 1) - sum over blocks of sum(t^3 - t) / (k - 1)),
  // R_j the rank sum of treatment j over the n blocks (ranks within a block, ties averaged).
  double statistic = 0;
  int df = 0;                     // k - 1
  double p_value = 0;             // upper tail of chi-squared(df) at the statistic
  std::vector<double> rank_sums;  // R_j, one per treatment
  std::size_t blocks = 0;         // n
};

// blocks[b][j] is treatment j's value in block b (configuration j on seed b); every block has
// the same k >= 2 treatments, and there is at least 1 block. Empty when every block is tied
// throughout (nothing to rank: 0/0). Throws std::invalid_argument for ragged or too small input
// or a non-finite value.
std::optional<Friedman> friedman(const std::vector<std::vector<double>>& blocks);

// Conover's (1999, Practical Nonparametric Statistics, pp. 369-371) pairwise comparison of rank
// sums after a Friedman test, as irace uses it: t_j = |R_j - R_ref| / sqrt(2 (n A - sum R^2) /
// ((n - 1)(k - 1))), A the sum of all squared within-block ranks, referred to Student's t with
// (n - 1)(k - 1) degrees of freedom, two-sided. Unadjusted: the caller adjusts (Holm).
struct ConoverComparison {
  std::size_t treatment = 0;
  double statistic = 0;  // t_j; +inf when the denominator is 0 and the rank sums differ
  double p_value = 1;    // two-sided
};

// Every treatment but `reference` against it, in treatment order. Requires n >= 2 blocks.
std::vector<ConoverComparison> conover_against(const std::vector<std::vector<double>>& blocks,
                                               std::size_t reference);

}  // namespace gantry::analysis
