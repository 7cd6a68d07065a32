#include "eigen-mlp/model_config.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace gantry::plugins {

namespace {

[[noreturn]] void reject(const std::string& name, double value, const std::string& requirement) {
  throw OptionError("option '" + name + "' = " + spell_number(value) + " " + requirement);
}

void require_at_least(const std::string& name, double value, double minimum) {
  if (!std::isfinite(value) || value < minimum) {
    reject(name, value, "must be at least " + spell_number(minimum));
  }
}

void require_above(const std::string& name, double value, double lower_bound) {
  if (!std::isfinite(value) || !(value > lower_bound)) {
    reject(name, value, "must be greater than " + spell_number(lower_bound));
  }
}

void require_fraction(const std::string& name, double value) {
  if (!(value >= 0.0 && value < 1.0)) reject(name, value, "must be at least 0 and below 1");
}

OptimizerSettings read_optimizer(const Options& options, const std::string& prefix) {
  OptimizerSettings settings;
  settings.kind = options.choice(prefix + "optimizer", {"adam", "sgd"}) == "sgd"
                      ? OptimizerKind::sgd
                      : OptimizerKind::adam;
  settings.learning_rate = options.real(prefix + "lr");
  settings.beta1 = options.real(prefix + "beta1");
  settings.beta2 = options.real(prefix + "beta2");
  settings.epsilon = options.real(prefix + "epsilon");
  return settings;
}

void check_optimizer(const OptimizerSettings& settings, const std::string& prefix) {
  require_above(prefix + "lr", settings.learning_rate, 0.0);
  require_fraction(prefix + "beta1", settings.beta1);
  require_fraction(prefix + "beta2", settings.beta2);
  require_above(prefix + "epsilon", settings.epsilon, 0.0);
}

void check_layers(const std::string& name, const std::vector<LayerSpec>& layers) {
  if (layers.empty()) throw OptionError(name + ": no layers given");
  for (const LayerSpec& layer : layers) {
    if (layer.units < 1)
      throw OptionError(name + ": layer '" + to_string(layer) + "' has no units");
  }
}

}  // namespace

EigenMlpConfig read_eigen_mlp_config(const Options& options, int sample_dimensions) {
  EigenMlpConfig config;
  config.generator_layers = parse_layer_specs("g_layers", options.text("g_layers"));
  config.discriminator_layers = parse_layer_specs("d_layers", options.text("d_layers"));
  long long latent_dimensions = options.integer("latent_dim");
  if (latent_dimensions < 1 || latent_dimensions > 1000000) {
    reject("latent_dim", static_cast<double>(latent_dimensions), "must be from 1 to 1000000");
  }
  config.latent_dimensions = static_cast<int>(latent_dimensions);
  config.latent = options.choice("latent", {"normal", "uniform"}) == "uniform"
                      ? LatentDistribution::uniform
                      : LatentDistribution::normal;
  config.latent_low = options.real("latent_low");
  config.latent_high = options.real("latent_high");
  config.leaky_relu_slope = options.real("leaky_relu_slope");
  config.generator_optimizer = read_optimizer(options, "g_");
  config.discriminator_optimizer = read_optimizer(options, "d_");
  check_eigen_mlp_config(config, sample_dimensions);
  return config;
}

void check_eigen_mlp_config(const EigenMlpConfig& config, int sample_dimensions) {
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
  if (config.latent_dimensions < 1) {
    reject("latent_dim", config.latent_dimensions, "must be at least 1");
  }
  // Only a uniform latent uses the range. Equal bounds are refused too: Boost's
  // uniform_real_distribution never returns for them.
  if (config.latent == LatentDistribution::uniform) {
    if (!std::isfinite(config.latent_low) || !std::isfinite(config.latent_high) ||
        !(config.latent_low < config.latent_high)) {
      throw OptionError(
          "option 'latent_low' = " + spell_number(config.latent_low) +
          " must be below option 'latent_high' = " + spell_number(config.latent_high));
    }
  }
  require_at_least("leaky_relu_slope", config.leaky_relu_slope, 0.0);
  check_optimizer(config.generator_optimizer, "g_");
  check_optimizer(config.discriminator_optimizer, "d_");
}

}  // namespace gantry::plugins
