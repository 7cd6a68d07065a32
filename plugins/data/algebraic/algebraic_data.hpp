// The algebraic-function notebook's target: rows (x, x^2 sin(3x) / (x^2 + 2)) with
// x ~ U(x_low, x_high), by default U(-1, 1) as in its generate_real_samples(n, l=-1, h=1).
#pragma once

#include "common/uniform_curve_data.hpp"
#include "gantry/plugin_args.hpp"

namespace gantry::plugins {

double algebraic_curve(double x);

class AlgebraicData final : public UniformCurveData {
 public:
  explicit AlgebraicData(const PluginArgs& args);
};

}  // namespace gantry::plugins
