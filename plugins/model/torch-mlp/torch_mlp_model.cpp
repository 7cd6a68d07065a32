#include "torch-mlp/torch_mlp_model.hpp"

#include <stdexcept>
#include <string>
#include <utility>

#include <torch/csrc/autograd/autograd.h>

#include "eigen-mlp/mlp.hpp"
#include "torch-common/cross_entropy.hpp"
#include "torch-common/option_reading.hpp"
#include "torch-common/tensor_convert.hpp"
#include "torch-common/thread_setting.hpp"

namespace gantry::plugins {

namespace tb = torch_backend;

namespace {

EigenMlpConfig checked(EigenMlpConfig config, int sample_dimensions) {
  check_eigen_mlp_config(config, sample_dimensions);
  return config;
}

void require_columns(const char* what, const Matrix& rows, int columns) {
  if (rows.rows() > 0 && rows.cols() != columns) {
    throw std::invalid_argument(std::string(what) + " has " + std::to_string(rows.cols()) +
                                " columns, expected " + std::to_string(columns));
  }
}

// The parameters of an eigen-mlp network as tensors that require gradients.
std::vector<at::Tensor> tensors_of(const Mlp<float>& network) {
  std::vector<at::Tensor> parameters;
  for (int layer = 0; layer < static_cast<int>(network.layers().size()); ++layer) {
    auto kernel = network.weights(layer);
    auto bias = network.bias(layer);
    Matrix kernel_rows = kernel;
    parameters.push_back(tb::to_tensor(kernel_rows).requires_grad_(true));
    Matrix bias_row = bias;
    parameters.push_back(tb::to_tensor(bias_row).view({-1}).clone().requires_grad_(true));
  }
  return parameters;
}

at::Tensor activate(Activation activation, double leaky_relu_slope, const at::Tensor& z) {
  switch (activation) {
    case Activation::linear:
      return z;
    case Activation::relu:
      return at::relu(z);
    case Activation::leaky_relu:
      return at::leaky_relu(z, leaky_relu_slope);
    case Activation::tanh:
      return at::tanh(z);
    case Activation::sigmoid:
      return at::sigmoid(z);
  }
  return z;
}

}  // namespace

TorchMlpModel::TorchMlpModel(const PluginArgs& args)
    : TorchMlpModel(read_eigen_mlp_config(args.options, args.sample_dimensions),
                    args.sample_dimensions, args.seed, args.threads) {}

TorchMlpModel::TorchMlpModel(EigenMlpConfig config, int sample_dimensions, std::uint64_t seed,
                             int threads)
    : config_(checked(std::move(config), sample_dimensions)),
      threads_(threads),
      generator_{config_.latent_dimensions, config_.generator_layers, {}},
      discriminator_{sample_dimensions, config_.discriminator_layers, {}},
      generator_optimizer_(config_.generator_optimizer, {}),
      discriminator_optimizer_(config_.discriminator_optimizer, {}) {
  tb::use_threads(threads_);
  // eigen-mlp's own initialiser on the same stream: the same seed gives the same weights.
  const auto slope = static_cast<float>(config_.leaky_relu_slope);
  Mlp<float> generator(generator_.input_dimensions, generator_.layers, slope);
  Mlp<float> discriminator(discriminator_.input_dimensions, discriminator_.layers, slope);
  Random init = make_stream(seed, "model.init");
  generator.initialize(init);
  discriminator.initialize(init);
  generator_.parameters = tensors_of(generator);
  discriminator_.parameters = tensors_of(discriminator);
  generator_optimizer_ = tb::KerasOptimizer(config_.generator_optimizer, generator_.parameters);
  discriminator_optimizer_ =
      tb::KerasOptimizer(config_.discriminator_optimizer, discriminator_.parameters);
}

at::Tensor TorchMlpModel::forward(const Network& network, const at::Tensor& input,
                                  bool logits) const {
  at::Tensor x = input;
  const std::size_t layers = network.layers.size();
  for (std::size_t layer = 0; layer < layers; ++layer) {
    x = at::addmm(network.parameters[2 * layer + 1], x, network.parameters[2 * layer]);
    const Activation activation = network.layers[layer].activation;
    if (layer + 1 == layers && logits && activation == Activation::sigmoid) break;
    x = activate(activation, config_.leaky_relu_slope, x);
  }
  return x;
}

Matrix TorchMlpModel::sample_latent(int rows, Random& random) const {
  tb::LatentSettings latent{config_.latent_dimensions, config_.latent, config_.latent_low,
                            config_.latent_high};
  return tb::draw_latent(latent, rows, random);
}

Matrix TorchMlpModel::generate(const Matrix& latent) {
  tb::use_threads(threads_);
  require_columns("generate: the latent batch", latent, config_.latent_dimensions);
  at::NoGradGuard no_grad;
  return tb::to_matrix(forward(generator_, tb::to_tensor(latent), false));
}

Matrix TorchMlpModel::discriminate(const Matrix& samples) {
  tb::use_threads(threads_);
  require_columns("discriminate: the batch", samples, discriminator_.input_dimensions);
  at::NoGradGuard no_grad;
  return tb::to_matrix(forward(discriminator_, tb::to_tensor(samples), false));
}

DiscriminatorStep TorchMlpModel::discriminator_step(const Matrix& real, const Matrix& fake) {
  tb::use_threads(threads_);
  const int columns = discriminator_.input_dimensions;
  require_columns("discriminator_step: the real batch", real, columns);
  require_columns("discriminator_step: the fake batch", fake, columns);
  const Eigen::Index rows = real.rows() + fake.rows();
  // No mean to minimise: no step, and the optimiser does not count one.
  if (rows == 0) return DiscriminatorStep{0.0, 0.0, 0.0, 0.0};

  Matrix batch(rows, columns);
  if (real.rows() > 0) batch.topRows(real.rows()) = real;
  if (fake.rows() > 0) batch.bottomRows(fake.rows()) = fake;
  at::Tensor logits = forward(discriminator_, tb::to_tensor(batch), true);
  at::Tensor terms = tb::cross_entropy_terms(logits, tb::real_then_fake_labels(rows, real.rows()));
  // One mean over all rows, so each row weighs 1 / rows whatever the real:fake split.
  at::Tensor loss = terms.sum() * (1.0f / static_cast<float>(rows));
  std::vector<at::Tensor> gradients = torch::autograd::grad({loss}, discriminator_.parameters);
  DiscriminatorStep step = tb::summarize_discriminator(
      terms.view({-1}), at::sigmoid(logits.detach()).view({-1}), real.rows());
  discriminator_optimizer_.step(gradients);
  return step;
}

double TorchMlpModel::generator_step(const Matrix& latent) {
  tb::use_threads(threads_);
  if (latent.rows() == 0) return 0.0;  // no mean to minimise: no step, as in discriminator_step
  require_columns("generator_step: the latent batch", latent, config_.latent_dimensions);
  const auto rows = static_cast<float>(latent.rows());
  at::Tensor logits =
      forward(discriminator_, forward(generator_, tb::to_tensor(latent), false), true);
  // -log D(G(z)) is the cross-entropy against the "real" label.
  at::Tensor terms = tb::cross_entropy_terms(logits, at::ones_like(logits));
  at::Tensor loss = terms.sum() * (1.0f / rows);
  // Gradients of G's parameters only: D is frozen (its parameters get none, and no step).
  std::vector<at::Tensor> gradients = torch::autograd::grad({loss}, generator_.parameters);
  const double value = terms.detach().sum().item<float>() / static_cast<double>(latent.rows());
  generator_optimizer_.step(gradients);
  return value;
}

}  // namespace gantry::plugins
