#include "gantry/analysis/stats/ranking.hpp"

#include <algorithm>
#include <numeric>

namespace gantry::analysis {

Ranking average_ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });

  Ranking ranking;
  ranking.ranks.resize(values.size());
  for (std::size_t start = 0; start < order.size();) {
    std::size_t end = start + 1;
    while (end < order.size() && values[order[end]] == values[order[start]]) ++end;
    // Positions start..end-1 hold ranks start+1..end; their mean is the midpoint.
    double rank = (static_cast<double>(start + 1) + static_cast<double>(end)) / 2.0;
    for (std::size_t i = start; i < end; ++i) ranking.ranks[order[i]] = rank;
    double tied = static_cast<double>(end - start);
    ranking.tie_term += tied * tied * tied - tied;
    ++ranking.distinct;
    start = end;
  }
  return ranking;
}

}  // namespace gantry::analysis
