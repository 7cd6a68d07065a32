#include "tanh/tanh_data.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include <boost/math/constants/constants.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "common/option_checks.hpp"

namespace gantry::plugins {

namespace {

TanhScaling parse_scaling(const Options& options) {
  return options.choice("scaling", {"sample", "range"}) == "sample" ? TanhScaling::sample
                                                                    : TanhScaling::range;
}

// Maps [low, high] onto [0, 1]. A degenerate range (low == high) happens with "sample" scaling
// when one row, or only equal values, were drawn: sklearn's MinMaxScaler would map them to 0,
// but 0.5 puts a lone row at the centre (0.5, 0.5), which lies on the scaled curve.
void scale_to_unit(std::vector<double>& values, double low, double high) {
  for (double& value : values) value = high > low ? (value - low) / (high - low) : 0.5;
}

void scale_by_own_range(std::vector<double>& values) {
  if (values.empty()) return;
  auto [low, high] = std::minmax_element(values.begin(), values.end());
  scale_to_unit(values, *low, *high);
}

}  // namespace

TanhData::TanhData(const PluginArgs& args)
    : half_width_(real_above(args.options, "waves", 0.0) * boost::math::double_constants::pi),
      y_bound_(std::tanh(half_width_)),
      scaling_(parse_scaling(args.options)),
      target_{[half_width = half_width_, y_bound = y_bound_](double x) {
                return (y_bound - std::tanh((2.0 * x - 1.0) * half_width)) / (2.0 * y_bound);
              },
              0.0, 1.0} {}

Matrix TanhData::sample(int rows, Random& random) const {
  if (rows < 0) throw std::invalid_argument("cannot sample " + std::to_string(rows) + " rows");
  boost::random::uniform_real_distribution<double> draw_x(-half_width_, half_width_);
  std::vector<double> xs(static_cast<std::size_t>(rows));
  for (double& x : xs) x = draw_x(random);
  std::vector<double> ys(xs.size());
  std::transform(xs.begin(), xs.end(), ys.begin(), [](double x) { return -std::tanh(x); });

  if (scaling_ == TanhScaling::sample) {
    scale_by_own_range(xs);
    scale_by_own_range(ys);
  } else {
    scale_to_unit(xs, -half_width_, half_width_);
    scale_to_unit(ys, -y_bound_, y_bound_);
  }

  Matrix samples(rows, 2);
  for (int row = 0; row < rows; ++row) {
    samples(row, 0) = static_cast<float>(xs[static_cast<std::size_t>(row)]);
    samples(row, 1) = static_cast<float>(ys[static_cast<std::size_t>(row)]);
  }
  return samples;
}

std::vector<Score> TanhData::score(const Matrix& generated, const Matrix& /*real*/) const {
  std::vector<Score> scores = score_curve(generated, target_);
  scores.push_back({"x_coverage", x_coverage(generated, target_)});
  return scores;
}

}  // namespace gantry::plugins
