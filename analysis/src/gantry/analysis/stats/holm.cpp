#include "gantry/analysis/stats/holm.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace gantry::analysis {

std::vector<double> holm_adjust(const std::vector<double>& p_values) {
  for (double p : p_values) {
    if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("holm_adjust: p outside [0, 1]");
  }
  std::size_t m = p_values.size();
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Stable, so tied p-values keep their input order (their adjusted values are equal anyway).
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return p_values[a] < p_values[b]; });

  std::vector<double> adjusted(m);
  double running_max = 0;  // enforces monotonicity along the sorted order
  for (std::size_t rank = 0; rank < m; ++rank) {
    double scaled = static_cast<double>(m - rank) * p_values[order[rank]];
    running_max = std::max(running_max, std::min(1.0, scaled));
    adjusted[order[rank]] = running_max;
  }
  return adjusted;
}

}  // namespace gantry::analysis
