// Option reading shared by the model plugins: whole and real numbers within bounds, the latent
// options and the optimiser options, each checked with a gantry::OptionError naming the option.
// The dense MLP's config (mlp_config.hpp) and the convolutional torch models read their
// optimisers and latents here, so they accept and refuse the same values with the same words.
#pragma once

#include <string>

#include "gantry/options.hpp"
#include "support/latent_draw.hpp"
#include "support/optimizer_settings.hpp"

namespace gantry::plugins {

// Throws OptionError("option '<name>' = <value> <requirement>").
[[noreturn]] void reject_option(const std::string& name, double value,
                                const std::string& requirement);

// A whole number option within [minimum, maximum], as int.
int read_int_option(const Options& options, const std::string& name, long long minimum,
                    long long maximum);

// A real option within [minimum, maximum) (or [minimum, maximum] when max_inclusive).
double read_real_option(const Options& options, const std::string& name, double minimum,
                        double maximum, bool max_inclusive);

// latent_dim (at least 1, at most 1,000,000), latent, latent_low and latent_high, as given.
LatentSettings read_latent_settings(const Options& options);
// Throws OptionError unless latent_dim is at least 1 and, for a uniform latent,
// latent_low < latent_high.
void check_latent_settings(const LatentSettings& latent);
// read_latent_settings, then check_latent_settings.
LatentSettings read_latent_options(const Options& options);

// <prefix>optimizer, <prefix>lr, <prefix>beta1, <prefix>beta2, <prefix>epsilon, unchecked.
OptimizerSettings read_optimizer_settings(const Options& options, const std::string& prefix);

// Throws OptionError unless lr and epsilon are above 0 and the betas at least 0 and below 1.
void check_optimizer_settings(const OptimizerSettings& settings, const std::string& prefix);

// read_optimizer_settings, then check_optimizer_settings.
OptimizerSettings read_optimizer_options(const Options& options, const std::string& prefix);

}  // namespace gantry::plugins
