// Quality scores of generated rows (x, y) against a known curve y = f(x), shared by the 2-D
// targets (x2, tanh, algebraic). The curve is known exactly, so rows are judged against it
// rather than against held-out real rows:
//   median_abs_residual  median over rows of |y - f(x)|    lower is better, 0 on the curve
//   mean_abs_residual    mean over rows of |y - f(x)|      lower is better, 0 on the curve
//   outside_x_range      share of rows with x outside      lower is better, 0 for real rows
//                        [x_low, x_high]
// and, for the targets that report them:
//   x_coverage           share of kCoverageBins equal-width  higher is better, 1 for a
//                        bins of [x_low, x_high] holding at   large real sample
//                        least one row's x
// and, for sets of curves (rows of curve values, e.g. sine):
//   diversity_ratio      mean pairwise Euclidean distance     1 when as diverse as the real
//                        of generated rows over that of real  rows, 0 for a collapsed
//                        rows                                 generator
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

// Bins of the target's domain that x_coverage counts: 20 bins of width 0.05 of a unit domain,
// which 1,000 rows uniform in x all fill (a bin is empty with probability 0.95^1000).
constexpr int kCoverageBins = 20;

// x_coverage above: catches a generator that puts its rows on the curve but only along part of
// it, which the residuals cannot see. Rows outside the domain and NaN x fill no bin. Throws
// std::invalid_argument unless `generated` has two columns and at least one row, and bins >= 1.
double x_coverage(const Matrix& generated, const CurveTarget& target, int bins = kCoverageBins);

// Mean Euclidean distance over all pairs of distinct rows; NaN with fewer than two rows, or if
// a value is NaN.
double mean_pairwise_distance(const Matrix& rows);

// diversity_ratio above: mean_pairwise_distance(generated) / mean_pairwise_distance(real), NaN
// when the real rows' is not positive. Catches mode collapse, which a fit per row cannot see.
double diversity_ratio(const Matrix& generated, const Matrix& real);

}  // namespace gantry::plugins
