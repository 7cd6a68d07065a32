// Fits one row of values, taken at fixed x positions, with the closest member of the sine-curve
// family sin(phase + mul * x) / 2 + 0.5: amplitude and level are fixed by the family, phase is
// free and mul is restricted to [mul_low, mul_high].
//
// The fit minimises the sum of squared errors. For a given mul, the error as a function of the
// phase is a trigonometric polynomial of degree two, minimised over a grid of phases refined by
// golden-section search; mul is chosen on a grid of `mul_grid_points` values spanning
// [mul_low, mul_high] (101 by default), then refined by golden-section search within one grid
// step of the best. Amplitude and level are not fitted freely on purpose: a free fit would give
// a flat line at 0.5 (a collapsed generator) a perfect score.
#pragma once

#include <vector>

#include <Eigen/Core>

namespace gantry::plugins {

// sin(phase + mul * x) / 2 + 0.5: the notebook's curve, whose `offset` is the phase.
double sine_curve_value(double phase, double mul, double x);

struct SineFit {
  double mul;    // in [mul_low, mul_high]
  double phase;  // in [0, 2 pi)
  double rmse;   // root mean square of row - fitted curve; NaN if the row has a non-finite value
};

class SineCurveFitter {
 public:
  // Throws std::invalid_argument unless x_values is non-empty, mul_low < mul_high and
  // mul_grid_points >= 2.
  SineCurveFitter(std::vector<double> x_values, double mul_low, double mul_high,
                  int mul_grid_points = 101);

  // `row` holds one value per x position; throws std::invalid_argument on a size mismatch.
  SineFit fit(const Eigen::Ref<const Eigen::RowVectorXf>& row) const;

 private:
  // The basis sin(mul x), cos(mul x) of one mul and its row-independent inner products.
  struct Basis {
    double mul;
    std::vector<double> sines;
    std::vector<double> cosines;
    double sine_sine;
    double cosine_cosine;
    double sine_cosine;
  };

  // One member of the family with its sum of squared errors against a row.
  struct Candidate {
    double mul;
    double phase;
    double squared_error;
  };

  Basis basis_at(double mul) const;
  // The phase with the least sum of squared errors at the basis' mul.
  Candidate best_phase(const Basis& basis, const std::vector<double>& residuals,
                       double residual_square_sum) const;

  std::vector<double> x_values_;
  double mul_low_;
  double mul_high_;
  double mul_grid_step_;
  std::vector<Basis> mul_grid_;
};

}  // namespace gantry::plugins
