// Everything the dense MLP options (mlp_options.hpp) configure, read from gantry::Options and
// checked as a whole (value ranges, and the relations the harness's per-option bounds cannot
// express: the generator's output width against the data, the discriminator's sigmoid output,
// the latent range). Every failure is a gantry::OptionError naming the option. eigen-mlp and
// torch-mlp build their networks from the same config.
#pragma once

#include <vector>

#include "gantry/options.hpp"
#include "support/latent_draw.hpp"
#include "support/layer_spec.hpp"
#include "support/optimizer_settings.hpp"

namespace gantry::plugins {

// The dense MLP's networks, latent and optimisers: one type for both backends, so the options
// read once build the same model on eigen-mlp or torch-mlp.
struct MlpConfig {
  std::vector<LayerSpec> generator_layers;
  std::vector<LayerSpec> discriminator_layers;
  LatentSettings latent{5};
  double leaky_relu_slope = 0.2;
  OptimizerSettings generator_optimizer;
  OptimizerSettings discriminator_optimizer;
};

// Reads the options the plugin declares (g_layers, d_layers, latent_dim, latent, latent_low,
// latent_high, leaky_relu_slope, and g_/d_ optimizer, lr, beta1, beta2, epsilon), then checks
// the result with check_mlp_config.
MlpConfig read_mlp_config(const Options& options, int sample_dimensions);

// Throws OptionError unless `config` describes a model for rows of sample_dimensions columns:
// G ends in sample_dimensions units, D in one sigmoid unit, latent_low < latent_high for a
// uniform latent, and every number within its option's range.
void check_mlp_config(const MlpConfig& config, int sample_dimensions);

}  // namespace gantry::plugins
