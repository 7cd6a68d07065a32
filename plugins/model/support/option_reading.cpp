#include "support/option_reading.hpp"

#include <cmath>

namespace gantry::plugins {

namespace {

void require_above(const std::string& name, double value, double lower_bound) {
  if (!std::isfinite(value) || !(value > lower_bound)) {
    reject_option(name, value, "must be greater than " + spell_number(lower_bound));
  }
}

void require_fraction(const std::string& name, double value) {
  if (!(value >= 0.0 && value < 1.0)) reject_option(name, value, "must be at least 0 and below 1");
}

}  // namespace

void reject_option(const std::string& name, double value, const std::string& requirement) {
  throw OptionError("option '" + name + "' = " + spell_number(value) + " " + requirement);
}

int read_int_option(const Options& options, const std::string& name, long long minimum,
                    long long maximum) {
  long long value = options.integer(name);
  if (value < minimum || value > maximum) {
    reject_option(name, static_cast<double>(value),
                  "must be from " + std::to_string(minimum) + " to " + std::to_string(maximum));
  }
  return static_cast<int>(value);
}

double read_real_option(const Options& options, const std::string& name, double minimum,
                        double maximum, bool max_inclusive) {
  double value = options.real(name);
  bool below_max = max_inclusive ? value <= maximum : value < maximum;
  if (!std::isfinite(value) || value < minimum || !below_max) {
    reject_option(name, value,
                  "must be at least " + spell_number(minimum) + " and " +
                      (max_inclusive ? "at most " : "below ") + spell_number(maximum));
  }
  return value;
}

LatentSettings read_latent_settings(const Options& options) {
  LatentSettings latent;
  latent.dimensions = read_int_option(options, "latent_dim", 1, 1000000);
  latent.distribution = options.choice("latent", {"normal", "uniform"}) == "uniform"
                            ? LatentDistribution::uniform
                            : LatentDistribution::normal;
  latent.low = options.real("latent_low");
  latent.high = options.real("latent_high");
  return latent;
}

void check_latent_settings(const LatentSettings& latent) {
  if (latent.dimensions < 1) reject_option("latent_dim", latent.dimensions, "must be at least 1");
  // Only a uniform latent uses the range. Equal bounds are refused too: Boost's
  // uniform_real_distribution never returns for them.
  if (latent.distribution == LatentDistribution::uniform &&
      !(std::isfinite(latent.low) && std::isfinite(latent.high) && latent.low < latent.high)) {
    throw OptionError("option 'latent_low' = " + spell_number(latent.low) +
                      " must be below option 'latent_high' = " + spell_number(latent.high));
  }
}

LatentSettings read_latent_options(const Options& options) {
  LatentSettings latent = read_latent_settings(options);
  check_latent_settings(latent);
  return latent;
}

OptimizerSettings read_optimizer_settings(const Options& options, const std::string& prefix) {
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

void check_optimizer_settings(const OptimizerSettings& settings, const std::string& prefix) {
  require_above(prefix + "lr", settings.learning_rate, 0.0);
  require_fraction(prefix + "beta1", settings.beta1);
  require_fraction(prefix + "beta2", settings.beta2);
  require_above(prefix + "epsilon", settings.epsilon, 0.0);
}

OptimizerSettings read_optimizer_options(const Options& options, const std::string& prefix) {
  OptimizerSettings settings = read_optimizer_settings(options, prefix);
  check_optimizer_settings(settings, prefix);
  return settings;
}

}  // namespace gantry::plugins
