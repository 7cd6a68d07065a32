// The tanh-k-overpowering notebook's target: x ~ U(-waves*pi, waves*pi), y = -tanh(x), then
// both columns min-max scaled to [0, 1]. How they are scaled is the option `scaling`:
//   sample  each drawn set by its own minimum and maximum, as the notebook's MinMaxScaler
//           fitted on the sample does; a row's values then depend on the other rows drawn
//   range   by the theoretical bounds, [-waves*pi, waves*pi] for x and
//           [-tanh(waves*pi), tanh(waves*pi)] for y, so single rows are comparable
#pragma once

#include <vector>

#include "common/curve_scores.hpp"
#include "gantry/data_source.hpp"
#include "gantry/plugin_args.hpp"

namespace gantry::plugins {

enum class TanhScaling { sample, range };

class TanhData final : public DataSource {
 public:
  // Reads and checks the options waves (> 0) and scaling (sample|range).
  explicit TanhData(const PluginArgs& args);

  int dimensions() const override { return 2; }

  std::optional<gantry::ImageShape> image_shape() const override { return std::nullopt; }

  Matrix sample(int rows, Random& random) const override;

  // The curve scores of curve_scores.hpp, then x_coverage, in the range-scaled space whatever
  // the scaling of the samples: f(x) = (tanh(waves*pi) - tanh((2x - 1) * waves*pi)) /
  // (2 tanh(waves*pi)) on x in [0, 1]. Sample-scaled rows are stretched slightly beyond the
  // theoretical bounds, so they score a small nonzero residual that shrinks as the sample grows.
  std::vector<Score> score(const Matrix& generated, const Matrix& real) const override;

  // The target curve in range-scaled coordinates, over the domain [0, 1].
  const CurveTarget& target() const { return target_; }
  TanhScaling scaling() const { return scaling_; }

 private:
  double half_width_;  // waves * pi: x is drawn from [-half_width_, half_width_)
  double y_bound_;     // tanh(half_width_): y lies in [-y_bound_, y_bound_]
  TanhScaling scaling_;
  CurveTarget target_;
};

}  // namespace gantry::plugins
