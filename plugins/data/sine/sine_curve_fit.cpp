#include "sine/sine_curve_fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include <boost/math/constants/constants.hpp>

namespace gantry::plugins {

namespace {

constexpr double kTwoPi = boost::math::double_constants::two_pi;
// The phase error has at most two minima per turn; the best of 32 phases lies within one step of
// the deeper one, unless both are nearly equally deep, when either is an equally good fit.
constexpr int kPhaseGridPoints = 32;
// Each iteration shrinks the bracket by 0.618: 40 take one grid step below 1e-8 of itself.
constexpr int kGoldenIterations = 40;

// Argument of the minimum of `objective` on [low, high], assuming it is unimodal there.
template <class Objective>
double golden_section_argmin(const Objective& objective, double low, double high) {
  const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
  double left = high - ratio * (high - low);
  double right = low + ratio * (high - low);
  double left_value = objective(left);
  double right_value = objective(right);
  for (int iteration = 0; iteration < kGoldenIterations; ++iteration) {
    if (left_value < right_value) {
      high = right;
      right = left;
      right_value = left_value;
      left = high - ratio * (high - low);
      left_value = objective(left);
    } else {
      low = left;
      left = right;
      left_value = right_value;
      right = low + ratio * (high - low);
      right_value = objective(right);
    }
  }
  return left_value < right_value ? left : right;
}

double dot(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) sum += a[i] * b[i];
  return sum;
}

}  // namespace

double sine_curve_value(double phase, double mul, double x) {
  return std::sin(phase + x * mul) / 2.0 + 0.5;
}

SineCurveFitter::SineCurveFitter(std::vector<double> x_values, double mul_low, double mul_high,
                                 int mul_grid_points)
    : x_values_(std::move(x_values)), mul_low_(mul_low), mul_high_(mul_high) {
  if (x_values_.empty()) throw std::invalid_argument("sine fit needs at least one x value");
  if (!(mul_low < mul_high)) throw std::invalid_argument("sine fit needs mul_low < mul_high");
  if (mul_grid_points < 2) throw std::invalid_argument("sine fit needs two or more mul values");
  mul_grid_step_ = (mul_high - mul_low) / (mul_grid_points - 1);
  for (int point = 0; point < mul_grid_points; ++point) {
    // The last point is set exactly so that rounding never leaves [mul_low, mul_high].
    double mul = point + 1 == mul_grid_points ? mul_high : mul_low + point * mul_grid_step_;
    mul_grid_.push_back(basis_at(mul));
  }
}

SineCurveFitter::Basis SineCurveFitter::basis_at(double mul) const {
  Basis basis{mul, {}, {}, 0.0, 0.0, 0.0};
  basis.sines.reserve(x_values_.size());
  basis.cosines.reserve(x_values_.size());
  for (double x : x_values_) {
    basis.sines.push_back(std::sin(mul * x));
    basis.cosines.push_back(std::cos(mul * x));
  }
  basis.sine_sine = dot(basis.sines, basis.sines);
  basis.cosine_cosine = dot(basis.cosines, basis.cosines);
  basis.sine_cosine = dot(basis.sines, basis.cosines);
  return basis;
}

// With r = row - 0.5, s = sin(mul x), c = cos(mul x) and the curve's deviation from 0.5 written
// as 0.5 sin(phase + mul x) = 0.5 (cos(phase) s + sin(phase) c), the sum of squared errors is
//   r.r - cos(phase) r.s - sin(phase) r.c
//       + 0.25 (cos^2(phase) s.s + 2 sin(phase) cos(phase) s.c + sin^2(phase) c.c),
// so each phase costs O(1) once the inner products are known.
SineCurveFitter::Candidate SineCurveFitter::best_phase(const Basis& basis,
                                                       const std::vector<double>& residuals,
                                                       double residual_square_sum) const {
  double residual_sine = dot(residuals, basis.sines);
  double residual_cosine = dot(residuals, basis.cosines);
  auto squared_error = [&](double phase) {
    double cosine = std::cos(phase);
    double sine = std::sin(phase);
    return residual_square_sum - cosine * residual_sine - sine * residual_cosine +
           0.25 * (cosine * cosine * basis.sine_sine + 2.0 * sine * cosine * basis.sine_cosine +
                   sine * sine * basis.cosine_cosine);
  };

  const double phase_step = kTwoPi / kPhaseGridPoints;
  double best_grid_phase = 0.0;
  double best_grid_error = std::numeric_limits<double>::infinity();
  for (int point = 0; point < kPhaseGridPoints; ++point) {
    double error = squared_error(point * phase_step);
    if (error < best_grid_error) {
      best_grid_error = error;
      best_grid_phase = point * phase_step;
    }
  }
  double phase = golden_section_argmin(squared_error, best_grid_phase - phase_step,
                                       best_grid_phase + phase_step);
  double error = squared_error(phase);
  if (!(error < best_grid_error)) {
    phase = best_grid_phase;
    error = best_grid_error;
  }
  phase = std::fmod(phase, kTwoPi);
  if (phase < 0.0) phase += kTwoPi;
  // Rounding can leave a perfect fit's error a hair below zero.
  return Candidate{basis.mul, phase, std::max(error, 0.0)};
}

SineFit SineCurveFitter::fit(const Eigen::Ref<const Eigen::RowVectorXf>& row) const {
  if (static_cast<std::size_t>(row.size()) != x_values_.size()) {
    throw std::invalid_argument("sine fit of a row of " + std::to_string(row.size()) +
                                " values, expected " + std::to_string(x_values_.size()));
  }
  std::vector<double> residuals(x_values_.size());
  for (std::size_t i = 0; i < residuals.size(); ++i) {
    residuals[i] = static_cast<double>(row(static_cast<Eigen::Index>(i))) - 0.5;
  }
  double residual_square_sum = dot(residuals, residuals);
  if (!std::isfinite(residual_square_sum)) {
    double nan = std::numeric_limits<double>::quiet_NaN();
    return SineFit{nan, nan, nan};
  }

  Candidate best{0.0, 0.0, std::numeric_limits<double>::infinity()};
  for (const Basis& basis : mul_grid_) {
    Candidate candidate = best_phase(basis, residuals, residual_square_sum);
    if (candidate.squared_error < best.squared_error) best = candidate;
  }
  auto error_at_mul = [&](double mul) {
    return best_phase(basis_at(mul), residuals, residual_square_sum).squared_error;
  };
  double refined_mul =
      golden_section_argmin(error_at_mul, std::max(mul_low_, best.mul - mul_grid_step_),
                            std::min(mul_high_, best.mul + mul_grid_step_));
  Candidate refined = best_phase(basis_at(refined_mul), residuals, residual_square_sum);
  if (refined.squared_error < best.squared_error) best = refined;

  return SineFit{best.mul, best.phase,
                 std::sqrt(best.squared_error / static_cast<double>(x_values_.size()))};
}

}  // namespace gantry::plugins
