// The x2-function notebook's target: rows (x, x^2) with x ~ U(x_low, x_high); the notebook's
// rand(n) - 0.5 is x_low = -0.5, x_high = 0.5.
#pragma once

#include "common/uniform_curve_data.hpp"
#include "gantry/plugin_args.hpp"

namespace gantry::plugins {

double x_squared(double x);

class X2Data final : public UniformCurveData {
 public:
  explicit X2Data(const PluginArgs& args);
};

}  // namespace gantry::plugins
