#include "gantry/analysis/stats/kruskal_wallis.hpp"

#include <algorithm>
#include <stdexcept>

#include <boost/math/distributions/chi_squared.hpp>

#include "gantry/analysis/stats/input_checks.hpp"
#include "gantry/analysis/stats/ranking.hpp"

namespace gantry::analysis {

std::optional<KruskalWallis> kruskal_wallis(const std::vector<std::vector<double>>& groups) {
  if (groups.size() < 2) throw std::invalid_argument("kruskal_wallis: needs at least 2 groups");
  std::vector<double> pooled;
  for (const auto& group : groups) {
    if (group.empty()) throw std::invalid_argument("kruskal_wallis: empty group");
    detail::require_finite(group, "kruskal_wallis");
    pooled.insert(pooled.end(), group.begin(), group.end());
  }
  Ranking ranking = average_ranks(pooled);
  if (ranking.distinct == 1) return std::nullopt;

  double n = static_cast<double>(pooled.size());
  double between = 0;  // sum over groups of (rank sum)^2 / group size
  std::size_t offset = 0;
  for (const auto& group : groups) {
    double rank_sum = 0;
    for (std::size_t i = 0; i < group.size(); ++i) rank_sum += ranking.ranks[offset + i];
    between += rank_sum * rank_sum / static_cast<double>(group.size());
    offset += group.size();
  }
  double h = 12.0 / (n * (n + 1.0)) * between - 3.0 * (n + 1.0);
  h /= 1.0 - ranking.tie_term / (n * n * n - n);
  // H >= 0 in exact arithmetic; equal mean ranks can round to -1e-16, which the chi-squared
  // distribution would reject as outside its domain.
  h = std::max(h, 0.0);

  KruskalWallis result;
  result.h = h;
  result.df = static_cast<int>(groups.size()) - 1;
  boost::math::chi_squared chi_squared(result.df);
  result.p_value = boost::math::cdf(boost::math::complement(chi_squared, h));
  result.epsilon_squared = h * (n + 1.0) / (n * n - 1.0);
  result.n = pooled.size();
  return result;
}

}  // namespace gantry::analysis
