// Exports the tanh target; the defaults reproduce the notebook (WAVE = 1, MinMaxScaler fitted
// on each drawn set).
#include "gantry/plugin_export.hpp"
#include "tanh/tanh_data.hpp"

namespace {

using namespace gantry::option;

constexpr gantry::OptionSpec kOptions[] = {
    // At most 1000: tanh is flat beyond a few waves, and 1e308 waves overflowed to infinity.
    real_above("waves", "1", "x is uniform on [-waves*pi, waves*pi] (the notebook's WAVE)", 0.0,
               1000.0),
    choice("scaling", "sample", "sample|range",
           "sample: scale each drawn set to [0, 1] by its own min and max (the notebook's "
           "MinMaxScaler); range: by the theoretical bounds of x and y"),
};

}  // namespace

GANTRY_PLUGIN(data, gantry::plugins::TanhData, "tanh", "1.1.0",
              "Rows (x, -tanh(x)) min-max scaled to [0, 1]: the tanh-k-overpowering notebook",
              kOptions)
