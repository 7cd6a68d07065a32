#include "common/uniform_curve_data.hpp"

#include <stdexcept>
#include <string>

#include <boost/random/uniform_real_distribution.hpp>

#include "common/option_checks.hpp"

namespace gantry::plugins {

UniformCurveData::UniformCurveData(Curve curve, const Options& options) : target_{curve, 0.0, 0.0} {
  require_ordered(options, "x_low", "x_high");
  target_.x_low = options.real("x_low");
  target_.x_high = options.real("x_high");
}

Matrix UniformCurveData::sample(int rows, Random& random) const {
  if (rows < 0) throw std::invalid_argument("cannot sample " + std::to_string(rows) + " rows");
  boost::random::uniform_real_distribution<double> draw_x(target_.x_low, target_.x_high);
  Matrix samples(rows, 2);
  for (int row = 0; row < rows; ++row) {
    float x = static_cast<float>(draw_x(random));
    samples(row, 0) = x;
    samples(row, 1) = static_cast<float>(target_.curve(x));
  }
  return samples;
}

std::vector<Score> UniformCurveData::score(const Matrix& generated, const Matrix& /*real*/) const {
  return score_curve(generated, target_);
}

}  // namespace gantry::plugins
