// The Kruskal-Wallis H test: do several groups of runs (one per K, say) come from the same
// distribution? Rank-based, so it needs no normality, which a handful of seeds cannot show.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace gantry::analysis {

struct KruskalWallis {
  // H with average ranks for ties, divided by the tie correction 1 - sum(t^3 - t) / (N^3 - N),
  // as scipy.stats.kruskal and R's kruskal.test compute it.
  double h = 0;
  int df = 0;  // number of groups - 1
  // Upper tail of the chi-squared distribution with df degrees of freedom at H (the large-sample
  // approximation; scipy and R use it for every sample size), computed as a complement so that
  // small p-values keep their precision.
  double p_value = 0;
  // Effect size epsilon^2 = H (N + 1) / (N^2 - 1) = H / (N - 1) (Tomczak & Tomczak 2014): the
  // share of rank variance explained by the grouping, in [0, 1].
  double epsilon_squared = 0;
  std::size_t n = 0;  // N, the number of values over all groups
};

// Empty when every value is identical: there is no rank variation to explain, H is 0/0, and
// scipy raises instead of answering. Throws std::invalid_argument for fewer than 2 groups, an
// empty group or a non-finite value.
std::optional<KruskalWallis> kruskal_wallis(const std::vector<std::vector<double>>& groups);

}  // namespace gantry::analysis
