// Exports the algebraic target; the defaults reproduce the notebook's l = -1, h = 1.
#include "algebraic/algebraic_data.hpp"
#include "gantry/plugin_export.hpp"

namespace {

using namespace gantry::option;

constexpr gantry::OptionSpec kOptions[] = {
    real("x_low", "-1", "Lower end of the uniform x range (must be below x_high)"),
    real("x_high", "1", "Upper end of the uniform x range"),
};

}  // namespace

GANTRY_PLUGIN(data, gantry::plugins::AlgebraicData, "algebraic", "1.0.0",
              "Rows (x, x^2 sin(3x) / (x^2 + 2)), x uniform on [-1, 1]: the algebraic-function "
              "notebook",
              kOptions)
