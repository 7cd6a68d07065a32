#include "torch-common/option_reading.hpp"

#include <cmath>
#include <stdexcept>

#include "eigen-mlp/latent_draw.hpp"

namespace gantry::plugins::torch_backend {

namespace {

[[noreturn]] void reject(const std::string& name, double value, const std::string& requirement) {
  throw OptionError("option '" + name + "' = " + spell_number(value) + " " + requirement);
}

}  // namespace

OptimizerSettings read_optimizer_options(const Options& options, const std::string& prefix) {
  OptimizerSettings settings;
  settings.kind = options.choice(prefix + "optimizer", {"adam", "sgd"}) == "sgd"
                      ? OptimizerKind::sgd
                      : OptimizerKind::adam;
  settings.learning_rate = options.real(prefix + "lr");
  if (!std::isfinite(settings.learning_rate) || !(settings.learning_rate > 0.0)) {
    reject(prefix + "lr", settings.learning_rate, "must be greater than 0");
  }
  settings.beta1 = read_real_option(options, prefix + "beta1", 0.0, 1.0, false);
  settings.beta2 = read_real_option(options, prefix + "beta2", 0.0, 1.0, false);
  settings.epsilon = options.real(prefix + "epsilon");
  if (!std::isfinite(settings.epsilon) || !(settings.epsilon > 0.0)) {
    reject(prefix + "epsilon", settings.epsilon, "must be greater than 0");
  }
  return settings;
}

LatentSettings read_latent_options(const Options& options) {
  LatentSettings latent;
  latent.dimensions = read_int_option(options, "latent_dim", 1, 1000000);
  latent.distribution = options.choice("latent", {"normal", "uniform"}) == "uniform"
                            ? LatentDistribution::uniform
                            : LatentDistribution::normal;
  latent.low = options.real("latent_low");
  latent.high = options.real("latent_high");
  // Boost's uniform_real_distribution never returns for equal bounds.
  if (latent.distribution == LatentDistribution::uniform &&
      !(std::isfinite(latent.low) && std::isfinite(latent.high) && latent.low < latent.high)) {
    throw OptionError("option 'latent_low' = " + spell_number(latent.low) +
                      " must be below option 'latent_high' = " + spell_number(latent.high));
  }
  return latent;
}

Matrix draw_latent(const LatentSettings& latent, int rows, Random& random) {
  return plugins::draw_latent(latent.distribution, latent.low, latent.high, rows, latent.dimensions,
                              random);
}

int read_int_option(const Options& options, const std::string& name, long long minimum,
                    long long maximum) {
  long long value = options.integer(name);
  if (value < minimum || value > maximum) {
    reject(name, static_cast<double>(value),
           "must be from " + std::to_string(minimum) + " to " + std::to_string(maximum));
  }
  return static_cast<int>(value);
}

double read_real_option(const Options& options, const std::string& name, double minimum,
                        double maximum, bool max_inclusive) {
  double value = options.real(name);
  bool below_max = max_inclusive ? value <= maximum : value < maximum;
  if (!std::isfinite(value) || value < minimum || !below_max) {
    reject(name, value,
           "must be at least " + spell_number(minimum) + " and " +
               (max_inclusive ? "at most " : "below ") + spell_number(maximum));
  }
  return value;
}

}  // namespace gantry::plugins::torch_backend
