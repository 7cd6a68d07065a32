#include "support/mlp_config.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "support/option_reading.hpp"

namespace gantry::plugins {

namespace {

void require_at_least(const std::string& name, double value, double minimum) {
  if (!std::isfinite(value) || value < minimum) {
    reject_option(name, value, "must be at least " + spell_number(minimum));
  }
}

void check_layers(const std::string& name, const std::vector<LayerSpec>& layers) {
  if (layers.empty()) throw OptionError(name + ": no layers given");
  for (const LayerSpec& layer : layers) {
    if (layer.units < 1)
      throw OptionError(name + ": layer '" + to_string(layer) + "' has no units");
  }
}

}  // namespace

MlpConfig read_mlp_config(const Options& options, int sample_dimensions) {
  MlpConfig config;
  config.generator_layers = parse_layer_specs("g_layers", options.text("g_layers"));
  config.discriminator_layers = parse_layer_specs("d_layers", options.text("d_layers"));
  config.latent = read_latent_settings(options);
  config.leaky_relu_slope = options.real("leaky_relu_slope");
  config.generator_optimizer = read_optimizer_settings(options, "g_");
  config.discriminator_optimizer = read_optimizer_settings(options, "d_");
  check_mlp_config(config, sample_dimensions);
  return config;
}

void check_mlp_config(const MlpConfig& config, int sample_dimensions) {
  if (sample_dimensions < 1) {
    throw std::invalid_argument("eigen-mlp needs data rows of at least one column, got " +
                                std::to_string(sample_dimensions));
  }
  check_layers("g_layers", config.generator_layers);
  check_layers("d_layers", config.discriminator_layers);
  const LayerSpec& generator_output = config.generator_layers.back();
  if (generator_output.units != sample_dimensions) {
    throw OptionError("g_layers: the last layer '" + to_string(generator_output) + "' has " +
                      std::to_string(generator_output.units) + " units, but the data rows have " +
                      std::to_string(sample_dimensions) + " columns");
  }
  const LayerSpec& discriminator_output = config.discriminator_layers.back();
  if (discriminator_output.units != 1 || discriminator_output.activation != Activation::sigmoid) {
    throw OptionError("d_layers: the last layer must be one sigmoid unit ('1:sigmoid'), got '" +
                      to_string(discriminator_output) + "'");
  }
  check_latent_settings(config.latent);
  require_at_least("leaky_relu_slope", config.leaky_relu_slope, 0.0);
  check_optimizer_settings(config.generator_optimizer, "g_");
  check_optimizer_settings(config.discriminator_optimizer, "d_");
}

}  // namespace gantry::plugins
