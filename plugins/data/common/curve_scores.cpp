#include "common/curve_scores.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "common/summary_statistics.hpp"

namespace gantry::plugins {

void require_shape(const Matrix& rows, int expected_columns, const std::string& role) {
  if (rows.cols() != expected_columns) {
    throw std::invalid_argument(role + " rows have " + std::to_string(rows.cols()) +
                                " columns, expected " + std::to_string(expected_columns));
  }
  if (rows.rows() == 0) throw std::invalid_argument("no " + role + " rows to score");
}

std::vector<Score> score_curve(const Matrix& generated, const CurveTarget& target) {
  require_shape(generated, 2, "generated");
  std::vector<double> residuals;
  residuals.reserve(static_cast<std::size_t>(generated.rows()));
  long long outside = 0;
  for (Eigen::Index row = 0; row < generated.rows(); ++row) {
    double x = generated(row, 0);
    double y = generated(row, 1);
    residuals.push_back(std::abs(y - target.curve(x)));
    // Written so that a NaN x counts as outside.
    if (!(x >= target.x_low && x <= target.x_high)) ++outside;
  }
  double outside_share = static_cast<double>(outside) / static_cast<double>(generated.rows());
  return {{"median_abs_residual", median(residuals)},
          {"mean_abs_residual", mean(residuals)},
          {"outside_x_range", outside_share}};
}

double x_coverage(const Matrix& generated, const CurveTarget& target, int bins) {
  require_shape(generated, 2, "generated");
  if (bins < 1) throw std::invalid_argument("x_coverage needs at least one bin");
  std::vector<bool> filled(static_cast<std::size_t>(bins), false);
  const double width = target.x_high - target.x_low;
  for (Eigen::Index row = 0; row < generated.rows(); ++row) {
    double x = generated(row, 0);
    if (!(x >= target.x_low && x <= target.x_high)) continue;
    // x_high itself belongs to the last bin: the domain is closed.
    int bin = std::min(static_cast<int>((x - target.x_low) / width * bins), bins - 1);
    filled[static_cast<std::size_t>(bin)] = true;
  }
  long long count = std::count(filled.begin(), filled.end(), true);
  return static_cast<double>(count) / static_cast<double>(bins);
}

double mean_pairwise_distance(const Matrix& rows) {
  const Eigen::Index n = rows.rows();
  if (n < 2) return std::numeric_limits<double>::quiet_NaN();
  // In double: float sums of ~500,000 distances would lose digits.
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> values =
      rows.cast<double>();
  double sum = 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = i + 1; j < n; ++j) sum += (values.row(i) - values.row(j)).norm();
  }
  return sum / (static_cast<double>(n) * static_cast<double>(n - 1) / 2.0);
}

double diversity_ratio(const Matrix& generated, const Matrix& real) {
  double real_distance = mean_pairwise_distance(real);
  if (!(real_distance > 0.0)) return std::numeric_limits<double>::quiet_NaN();
  return mean_pairwise_distance(generated) / real_distance;
}

}  // namespace gantry::plugins
