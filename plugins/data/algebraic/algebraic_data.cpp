#include "algebraic/algebraic_data.hpp"

#include <cmath>

namespace gantry::plugins {

double algebraic_curve(double x) {
  double x_squared = x * x;
  return x_squared * std::sin(3.0 * x) / (x_squared + 2.0);
}

AlgebraicData::AlgebraicData(const PluginArgs& args)
    : UniformCurveData(algebraic_curve, args.options) {}

}  // namespace gantry::plugins
