// The latent noise of the dense and torch models: one draw for every backend, so a seed gives
// the same latent rows whichever model plugin runs.
#pragma once

#include "gantry/matrix.hpp"
#include "gantry/random.hpp"

namespace gantry::plugins {

enum class LatentDistribution { normal, uniform };

// The latent options (latent_dim, latent, latent_low, latent_high) as every model holds them;
// option_reading.hpp reads and checks them.
struct LatentSettings {
  int dimensions = 100;
  LatentDistribution distribution = LatentDistribution::normal;
  double low = -1.0;
  double high = 1.0;
};

// `rows` latent rows of latent.dimensions columns, row by row (the first rows of a larger draw
// are the same): N(0, 1) by the Box–Muller transform in float, two values from each 64-bit draw
// of the engine, or U(low, high) for a uniform latent, drawn in double by Boost.Random and
// rounded to float (as the data plugins draw their rows). Throws std::invalid_argument for
// negative rows.
Matrix draw_latent(const LatentSettings& latent, int rows, Random& random);

}  // namespace gantry::plugins
