#include "torch-conv1d/conv1d_config.hpp"

#include <string>

namespace gantry::plugins {

Conv1dConfig read_conv1d_config(const Options& options, int sample_dimensions) {
  Conv1dConfig config;
  config.curve_length = sample_dimensions;
  config.generator_layers = parse_layer_specs("g_layers", options.text("g_layers"));
  const LayerSpec& output = config.generator_layers.back();
  if (output.units != sample_dimensions) {
    throw OptionError("g_layers: the last layer '" + to_string(output) + "' has " +
                      std::to_string(output.units) + " units, but the data rows have " +
                      std::to_string(sample_dimensions) + " columns");
  }
  config.latent = read_latent_options(options);
  config.leaky_relu_slope = read_real_option(options, "leaky_relu_slope", 0.0, 1e6, true);
  config.channels = read_int_option(options, "d_channels", 1, 4096);
  config.kernel = read_int_option(options, "d_kernel", 1, 1024);
  if (config.kernel > sample_dimensions) {
    throw OptionError("option 'd_kernel' = " + std::to_string(config.kernel) +
                      " is longer than the data's " + std::to_string(sample_dimensions) +
                      " columns");
  }
  config.dropout = read_real_option(options, "d_dropout", 0.0, 1.0, false);
  config.dense_units = read_int_option(options, "d_dense", 1, 100000);
  config.generator_optimizer = read_optimizer_options(options, "g_");
  config.discriminator_optimizer = read_optimizer_options(options, "d_");
  return config;
}

}  // namespace gantry::plugins
