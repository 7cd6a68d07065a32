// The sine-curves notebook's target: each row holds `points` values of
// sin(offset + x * mul) / 2 + 0.5 at x = 0, step, 2 step, ..., with offset ~ U(0, max_offset)
// and mul ~ U(mul_low, mul_high) drawn per row. The defaults (50 points, step 0.1, offset
// below 100, mul in [1, 2]) are the notebook's generate_data.
//
// Scores (metric keys eval.<name>):
//   median_fit_rmse  median over generated rows of the RMS error of the row's best fit by a
//                    member of the family (sine_curve_fit.hpp)       lower is better, 0 on it
//   mean_fit_rmse    the mean of the same                            lower is better, 0 on it
//   out_of_range     share of generated values outside [0, 1]        lower is better, 0 on it
//   diversity_ratio  mean pairwise Euclidean distance between         near 1 is better, 0 for
//                    generated curves over that between real curves  a collapsed generator
//                    (curve_scores.hpp)
#pragma once

#include <vector>

#include "gantry/data_source.hpp"
#include "gantry/plugin_args.hpp"
#include "sine/sine_curve_fit.hpp"

namespace gantry::plugins {

class SineData final : public DataSource {
 public:
  // Reads and checks points (>= 2), step (> 0), max_offset (> 0) and mul_low < mul_high.
  explicit SineData(const PluginArgs& args);

  int dimensions() const override { return static_cast<int>(x_values_.size()); }

  std::optional<gantry::ImageShape> image_shape() const override { return std::nullopt; }

  // Per row, draws offset and then mul from `random`, as the notebook does.
  Matrix sample(int rows, Random& random) const override;

  // The scores above; only diversity_ratio reads `real`, as the family is known exactly. Throws
  // std::invalid_argument unless `generated` has `points` columns and at least one row.
  std::vector<Score> score(const Matrix& generated, const Matrix& real) const override;

  const std::vector<double>& x_values() const { return x_values_; }
  const SineCurveFitter& fitter() const { return fitter_; }

 private:
  std::vector<double> x_values_;
  double max_offset_;
  double mul_low_;
  double mul_high_;
  SineCurveFitter fitter_;
};

}  // namespace gantry::plugins
