#include "sine/sine_data.hpp"

#include <stdexcept>
#include <string>

#include <boost/random/uniform_real_distribution.hpp>

#include "common/curve_scores.hpp"
#include "common/option_checks.hpp"
#include "common/summary_statistics.hpp"

namespace gantry::plugins {

namespace {

// x = 0, step, 2 step, ...: computed as i * step, as numpy's arange does, so the default
// reproduces np.arange(0, 5, .1) exactly.
std::vector<double> x_values_from(const Options& options) {
  long long points = integer_at_least(options, "points", 2);
  double step = real_above(options, "step", 0.0);
  std::vector<double> x_values(static_cast<std::size_t>(points));
  for (std::size_t i = 0; i < x_values.size(); ++i) x_values[i] = static_cast<double>(i) * step;
  return x_values;
}

double checked_mul_low(const Options& options) {
  require_ordered(options, "mul_low", "mul_high");
  return options.real("mul_low");
}

}  // namespace

SineData::SineData(const PluginArgs& args)
    : x_values_(x_values_from(args.options)),
      max_offset_(real_above(args.options, "max_offset", 0.0)),
      mul_low_(checked_mul_low(args.options)),
      mul_high_(args.options.real("mul_high")),
      fitter_(x_values_, mul_low_, mul_high_) {}

Matrix SineData::sample(int rows, Random& random) const {
  if (rows < 0) throw std::invalid_argument("cannot sample " + std::to_string(rows) + " rows");
  boost::random::uniform_real_distribution<double> draw_offset(0.0, max_offset_);
  boost::random::uniform_real_distribution<double> draw_mul(mul_low_, mul_high_);
  Matrix samples(rows, dimensions());
  for (int row = 0; row < rows; ++row) {
    double offset = draw_offset(random);
    double mul = draw_mul(random);
    for (int column = 0; column < dimensions(); ++column) {
      samples(row, column) = static_cast<float>(
          sine_curve_value(offset, mul, x_values_[static_cast<std::size_t>(column)]));
    }
  }
  return samples;
}

std::vector<Score> SineData::score(const Matrix& generated, const Matrix& real) const {
  require_shape(generated, dimensions(), "generated");
  std::vector<double> fit_errors;
  fit_errors.reserve(static_cast<std::size_t>(generated.rows()));
  for (Eigen::Index row = 0; row < generated.rows(); ++row) {
    fit_errors.push_back(fitter_.fit(generated.row(row)).rmse);
  }
  // Counting the values inside makes NaN values count as out of range.
  auto inside = (generated.array() >= 0.0f && generated.array() <= 1.0f).count();
  double out_of_range =
      static_cast<double>(generated.size() - inside) / static_cast<double>(generated.size());
  return {{"median_fit_rmse", median(fit_errors)},
          {"mean_fit_rmse", mean(fit_errors)},
          {"out_of_range", out_of_range},
          {"diversity_ratio", diversity_ratio(generated, real)}};
}

}  // namespace gantry::plugins
