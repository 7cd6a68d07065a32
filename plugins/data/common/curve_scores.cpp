#include "common/curve_scores.hpp"

#include <cmath>
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

}  // namespace gantry::plugins
