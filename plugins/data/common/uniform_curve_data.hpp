// A 2-D target whose rows are (x, f(x)) with x ~ U(x_low, x_high) and options x_low and x_high:
// the generate_real_samples of the x2 and algebraic notebooks, which differ only in f.
#pragma once

#include <vector>

#include "common/curve_scores.hpp"
#include "gantry/data_source.hpp"
#include "gantry/options.hpp"

namespace gantry::plugins {

class UniformCurveData : public DataSource {
 public:
  using Curve = double (*)(double);

  // Reads and checks the options x_low and x_high (x_low < x_high).
  UniformCurveData(Curve curve, const Options& options);

  int dimensions() const override { return 2; }

  std::optional<gantry::ImageShape> image_shape() const override { return std::nullopt; }

  // Each row draws x from `random`, then computes y = f(x) from x as stored (rounded to
  // float), so every row lies on the curve up to the rounding of y.
  Matrix sample(int rows, Random& random) const override;

  // The curve scores of curve_scores.hpp over [x_low, x_high]; `real` is not needed because
  // the curve is known exactly.
  std::vector<Score> score(const Matrix& generated, const Matrix& real) const override;

  const CurveTarget& target() const { return target_; }

 private:
  CurveTarget target_;
};

}  // namespace gantry::plugins
