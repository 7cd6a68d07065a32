// Exports grid25: the defaults are PacGAN's 25 Gaussians at -4, -2, 0, 2, 4 (std 0.05).
#include "gantry/plugin_export.hpp"
#include "gaussian_mixture.hpp"

namespace {

using namespace gantry::option;

constexpr gantry::OptionSpec kOptions[] = {
    real_above("spacing", "2", "Distance between neighbouring modes of the 5 x 5 grid", 0),
    real_above("std", "0.05", "Standard deviation of each mode, per coordinate", 0),
};

}  // namespace

GANTRY_PLUGIN(data, gaussian_mixtures::Grid25, "grid25", "1.0.0",
              "25 Gaussians on a 5 x 5 grid (PacGAN); scores modes_covered, high_quality, "
              "mode_kl",
              kOptions)
