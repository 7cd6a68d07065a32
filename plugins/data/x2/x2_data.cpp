#include "x2/x2_data.hpp"

namespace gantry::plugins {

double x_squared(double x) {
  return x * x;
}

X2Data::X2Data(const PluginArgs& args) : UniformCurveData(x_squared, args.options) {}

}  // namespace gantry::plugins
