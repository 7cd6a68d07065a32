// Exports the sine target; the defaults reproduce the notebook's generate_data.
#include "gantry/plugin_export.hpp"
#include "sine/sine_data.hpp"

namespace {

using namespace gantry::option;

constexpr gantry::OptionSpec kOptions[] = {
    integer("points", "50", "Values per curve (columns of a row)", 2),
    real_above("step", "0.1", "Spacing of the x positions 0, step, 2 step, ...", 0.0),
    real_above("max_offset", "100", "Each curve's offset is uniform on [0, max_offset)", 0.0),
    real("mul_low", "1", "Lower end of each curve's uniform frequency mul (below mul_high)"),
    real("mul_high", "2", "Upper end of each curve's uniform frequency mul"),
};

}  // namespace

GANTRY_PLUGIN(data, gantry::plugins::SineData, "sine", "1.1.0",
              "Curves sin(offset + x*mul)/2 + 0.5 at 50 points: the sine-curves notebook", kOptions)
