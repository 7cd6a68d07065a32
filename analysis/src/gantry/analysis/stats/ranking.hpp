// Ranks with ties averaged, shared by the rank tests (Kruskal-Wallis, Mann-Whitney): both need
// the same ranks and the same tie term, and must agree with scipy.stats.rankdata.
#pragma once

#include <cstddef>
#include <vector>

namespace gantry::analysis {

struct Ranking {
  // ranks[i] is the rank (1-based) of values[i]; tied values all get the mean of the ranks they
  // span (scipy.stats.rankdata's method='average').
  std::vector<double> ranks;
  // Sum over groups of tied values of t^3 - t, t the group size: the tie correction of both
  // tests. 0 when all values differ.
  double tie_term = 0;
  std::size_t distinct = 0;  // number of distinct values
};

// Values are compared with <, so they must not be NaN (callers check).
Ranking average_ranks(const std::vector<double>& values);

}  // namespace gantry::analysis
