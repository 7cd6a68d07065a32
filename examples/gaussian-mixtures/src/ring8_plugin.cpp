// Exports ring8: the defaults are the unrolled-GAN paper's 8 Gaussians (radius 2, std 0.02).
#include "gantry/plugin_export.hpp"
#include "gaussian_mixture.hpp"

namespace {

using namespace gantry::option;

constexpr gantry::OptionSpec kOptions[] = {
    real_above("radius", "2", "Radius of the circle the 8 modes lie on", 0),
    real_above("std", "0.02", "Standard deviation of each mode, per coordinate", 0),
};

}  // namespace

GANTRY_PLUGIN(data, gaussian_mixtures::Ring8, "ring8", "1.0.0",
              "8 Gaussians on a circle (unrolled GAN); scores modes_covered, high_quality, "
              "mode_kl",
              kOptions)
