// Quality scores of generated rows (x, y) against a known curve y = f(x), shared by the 2-D
// targets (x2, tanh, algebraic). The curve is known exactly, so rows are judged against it
// rather than against held-out real rows:
//   median_abs_residual  median over rows of |y - f(x)|    lower is better, 0 on the curve
//   mean_abs_residual    mean over rows of |y - f(x)|      lower is better, 0 on the curve
//   outside_x_range      share of rows with x outside      lower is better, 0 for real rows
//                        [x_low, x_high]
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "gantry/data_source.hpp"
#include "gantry/matrix.hpp"

namespace gantry::plugins {

// A curve target: y = curve(x), with x drawn from the closed domain [x_low, x_high], both in
// the coordinates of the rows the target produces.
struct CurveTarget {
  std::function<double(double)> curve;
  double x_low;
  double x_high;
};

// Throws std::invalid_argument naming the expected and actual column counts of `rows`
// (`role` says which rows, e.g. "generated"), or if `rows` has no rows.
void require_shape(const Matrix& rows, int expected_columns, const std::string& role);

// The scores above, in that order. Throws std::invalid_argument unless `generated` has two
// columns and at least one row.
std::vector<Score> score_curve(const Matrix& generated, const CurveTarget& target);

}  // namespace gantry::plugins
