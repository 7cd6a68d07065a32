// Exports the x2 target; the defaults reproduce the notebook's rand(n) - 0.5.
#include "gantry/plugin_export.hpp"
#include "x2/x2_data.hpp"

namespace {

using namespace gantry::option;

constexpr gantry::OptionSpec kOptions[] = {
    real("x_low", "-0.5", "Lower end of the uniform x range (must be below x_high)"),
    real("x_high", "0.5", "Upper end of the uniform x range"),
};

}  // namespace

GANTRY_PLUGIN(data, gantry::plugins::X2Data, "x2", "1.0.0",
              "Rows (x, x^2), x uniform on [-0.5, 0.5]: the x2-function notebook", kOptions)
