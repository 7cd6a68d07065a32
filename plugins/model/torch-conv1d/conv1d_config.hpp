// The torch-conv1d options (the sine-curves notebook's numbers as defaults) and their reading:
// every failure is a gantry::OptionError naming the option.
#pragma once

#include <vector>

#include "gantry/option_spec.hpp"
#include "gantry/options.hpp"
#include "support/layer_spec.hpp"
#include "support/optimizer_settings.hpp"
#include "support/option_reading.hpp"

namespace gantry::plugins {

inline constexpr OptionSpec kConv1dOptions[] = {
    option::text("g_layers", "200:tanh, 50:tanh",
                 "Generator layers as eigen-mlp spells them (units:activation[:initializer]); "
                 "the last layer's units must equal the data's columns"),
    option::integer("latent_dim", "10", "Columns of the generator's latent input", 1, 1000000),
    option::choice("latent", "uniform", "normal|uniform",
                   "Latent distribution: N(0, 1), or U(latent_low, latent_high)"),
    option::real("latent_low", "0", "Lower end of the uniform latent range"),
    option::real("latent_high", "1", "Upper end of the uniform latent range"),
    option::real("leaky_relu_slope", "0.2", "Slope of leaky_relu in g_layers", 0),
    option::integer("d_channels", "50", "Channels of D's Conv1D (ReLU, 'valid' padding)", 1, 4096),
    option::integer("d_kernel", "5", "Kernel size of D's Conv1D", 1, 1024),
    option::real("d_dropout", "0.25", "Dropout rate after D's Conv1D (training only)", 0, 1),
    option::integer("d_dense", "50", "Units of D's linear dense layer before its 2-way output", 1,
                    100000),
    option::choice("g_optimizer", "sgd", "adam|sgd", "Generator optimiser"),
    option::real_above("g_lr", "0.001", "Generator learning rate", 0),
    option::real("g_beta1", "0.9", "Generator Adam beta_1 (below 1)", 0, 1),
    option::real("g_beta2", "0.999", "Generator Adam beta_2 (below 1)", 0, 1),
    option::real_above("g_epsilon", "1e-7", "Generator Adam epsilon (Keras' default 1e-7)", 0),
    option::choice("d_optimizer", "adam", "adam|sgd", "Discriminator optimiser"),
    option::real_above("d_lr", "0.001", "Discriminator learning rate", 0),
    option::real("d_beta1", "0.9", "Discriminator Adam beta_1 (below 1)", 0, 1),
    option::real("d_beta2", "0.999", "Discriminator Adam beta_2 (below 1)", 0, 1),
    option::real_above("d_epsilon", "1e-7", "Discriminator Adam epsilon (Keras' default 1e-7)", 0),
};

struct Conv1dConfig {
  std::vector<LayerSpec> generator_layers;
  LatentSettings latent;
  double leaky_relu_slope = 0.2;
  int curve_length = 50;  // the data's columns
  int channels = 50;
  int kernel = 5;
  double dropout = 0.25;
  int dense_units = 50;
  OptimizerSettings generator_optimizer;
  OptimizerSettings discriminator_optimizer;
};

Conv1dConfig read_conv1d_config(const Options& options, int sample_dimensions);

}  // namespace gantry::plugins
