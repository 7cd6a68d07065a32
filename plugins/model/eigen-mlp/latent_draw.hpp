// The latent noise of the dense and torch models: one draw for every backend, so a seed gives
// the same latent rows whichever model plugin runs.
#pragma once

#include "eigen-mlp/model_config.hpp"
#include "gantry/matrix.hpp"
#include "gantry/random.hpp"

namespace gantry::plugins {

// rows x columns values from N(0, 1), or U(low, high) for a uniform latent, drawn in double
// and rounded to float (as the data plugins draw their rows), row by row: the first rows of a
// larger draw are the same. Throws std::invalid_argument for negative rows.
Matrix draw_latent(LatentDistribution distribution, double low, double high, int rows, int columns,
                   Random& random);

}  // namespace gantry::plugins
