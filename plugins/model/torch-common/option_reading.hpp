// Option reading shared by the convolutional torch models (torch-conv1d, torch-dcgan): the
// optimiser and latent options they declare with eigen-mlp's names, checked as eigen-mlp checks
// them, and the latent draw itself.
#pragma once

#include <string>

#include "eigen-mlp/model_config.hpp"
#include "eigen-mlp/optimizer.hpp"
#include "gantry/matrix.hpp"
#include "gantry/options.hpp"
#include "gantry/random.hpp"

namespace gantry::plugins::torch_backend {

// <prefix>optimizer, <prefix>lr, <prefix>beta1, <prefix>beta2, <prefix>epsilon.
OptimizerSettings read_optimizer_options(const Options& options, const std::string& prefix);

struct LatentSettings {
  int dimensions = 100;
  LatentDistribution distribution = LatentDistribution::normal;
  double low = -1.0;
  double high = 1.0;
};

// latent_dim, latent, latent_low, latent_high.
LatentSettings read_latent_options(const Options& options);

// `rows` latent rows, drawn exactly as eigen-mlp draws them (in double, row by row).
Matrix draw_latent(const LatentSettings& latent, int rows, Random& random);

// A whole number option within [minimum, maximum], as int.
int read_int_option(const Options& options, const std::string& name, long long minimum,
                    long long maximum);

// A real option within [minimum, maximum) (or [minimum, maximum] when max_inclusive).
double read_real_option(const Options& options, const std::string& name, double minimum,
                        double maximum, bool max_inclusive);

}  // namespace gantry::plugins::torch_backend
