#include "torch-mlp/torch_mlp_model.hpp"
#include "torch-common/torch_state.hpp"
#include "torch-common/torch_weights.hpp"

#include <stdexcept>
#include <string>
#include <utility>

#include <torch/csrc/autograd/autograd.h>

#include "support/latent_draw.hpp"
#include "torch-common/cross_entropy.hpp"
#include "torch-common/tensor_convert.hpp"
#include "torch-common/thread_setting.hpp"

namespace gantry::plugins {

namespace tb = torch_backend;

namespace {

MlpConfig checked(MlpConfig config, int sample_dimensions) {
  check_mlp_config(config, sample_dimensions);
  return config;
}

void require_columns(const char* what, const Matrix& rows, int columns) {
  if (rows.rows() > 0 && rows.cols() != columns) {
    throw std::invalid_argument(std::string(what) + " has " + std::to_string(rows.cols()) +
                                " columns, expected " + std::to_string(columns));
  }
}

}  // namespace

TorchMlpModel::TorchMlpModel(const PluginArgs& args)
    : TorchMlpModel(read_mlp_config(args.options, args.sample_dimensions), args.sample_dimensions,
                    args.seed, args.threads) {}

TorchMlpModel::TorchMlpModel(MlpConfig config, int sample_dimensions, std::uint64_t seed,
                             int threads)
    : config_(checked(std::move(config), sample_dimensions)),
      threads_(threads),
      generator_optimizer_(config_.generator_optimizer, {}),
      discriminator_optimizer_(config_.discriminator_optimizer, {}) {
  tb::use_threads(threads_);
  // eigen-mlp's initialiser (draw_kernel) on the same stream: the same seed gives the same weights.
  Random init = make_stream(seed, "model.init");
  generator_ = tb::make_dense_stack(config_.latent.dimensions, config_.generator_layers, init);
  discriminator_ = tb::make_dense_stack(sample_dimensions, config_.discriminator_layers, init);
  generator_optimizer_ = tb::KerasOptimizer(config_.generator_optimizer, generator_.parameters);
  discriminator_optimizer_ =
      tb::KerasOptimizer(config_.discriminator_optimizer, discriminator_.parameters);
}

Matrix TorchMlpModel::sample_latent(int rows, Random& random) const {
  return draw_latent(config_.latent, rows, random);
}

Matrix TorchMlpModel::generate(const Matrix& latent) {
  tb::use_threads(threads_);
  require_columns("generate: the latent batch", latent, config_.latent.dimensions);
  at::NoGradGuard no_grad;
  return tb::to_matrix(
      tb::forward(generator_, tb::to_tensor(latent), config_.leaky_relu_slope, false));
}

Matrix TorchMlpModel::discriminate(const Matrix& samples) {
  tb::use_threads(threads_);
  require_columns("discriminate: the batch", samples, discriminator_.input_dimensions);
  at::NoGradGuard no_grad;
  return tb::to_matrix(
      tb::forward(discriminator_, tb::to_tensor(samples), config_.leaky_relu_slope, false));
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
  at::Tensor logits =
      tb::forward(discriminator_, tb::to_tensor(batch), config_.leaky_relu_slope, true);
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
  require_columns("generator_step: the latent batch", latent, config_.latent.dimensions);
  const auto rows = static_cast<float>(latent.rows());
  at::Tensor logits =
      tb::forward(discriminator_,
                  tb::forward(generator_, tb::to_tensor(latent), config_.leaky_relu_slope, false),
                  config_.leaky_relu_slope, true);
  // -log D(G(z)) is the cross-entropy against the "real" label.
  at::Tensor terms = tb::cross_entropy_terms(logits, at::ones_like(logits));
  at::Tensor loss = terms.sum() * (1.0f / rows);
  // Gradients of G's parameters only: D is frozen (its parameters get none, and no step).
  std::vector<at::Tensor> gradients = torch::autograd::grad({loss}, generator_.parameters);
  const double value = terms.detach().sum().item<float>() / static_cast<double>(latent.rows());
  generator_optimizer_.step(gradients);
  return value;
}

std::vector<WeightTensor> TorchMlpModel::weights(gantry::Network network) const {
  return torch_backend::weights_of(torch_backend::dense_stack_tensors(
      network == gantry::Network::generator ? generator_ : discriminator_));
}

void TorchMlpModel::load_weights(gantry::Network network,
                                 const std::vector<WeightTensor>& tensors) {
  torch_backend::load_into(torch_backend::dense_stack_tensors(
                               network == gantry::Network::generator ? generator_ : discriminator_),
                           tensors);
}

std::string TorchMlpModel::save_state() const {
  StateWriter out;
  torch_backend::save_tensors(out, generator_.parameters);
  torch_backend::save_tensors(out, discriminator_.parameters);
  generator_optimizer_.save(out);
  discriminator_optimizer_.save(out);
  return out.bytes();
}

void TorchMlpModel::restore_state(const std::string& state) {
  StateReader in(state);
  torch_backend::restore_tensors(in, generator_.parameters);
  torch_backend::restore_tensors(in, discriminator_.parameters);
  generator_optimizer_.restore(in);
  discriminator_optimizer_.restore(in);
  if (!in.at_end()) throw std::invalid_argument("saved state is longer than this model's");
}

}  // namespace gantry::plugins
