#include "torch-conv1d/torch_conv1d_model.hpp"
#include "torch-common/torch_state.hpp"
#include "torch-common/torch_weights.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include <torch/csrc/autograd/autograd.h>

#include "torch-common/cross_entropy.hpp"
#include "torch-common/tensor_convert.hpp"
#include "torch-common/thread_setting.hpp"
#include "torch-common/torch_random.hpp"

namespace gantry::plugins {

namespace tb = torch_backend;

namespace {

void require_columns(const char* what, const Matrix& rows, int columns) {
  if (rows.rows() > 0 && rows.cols() != columns) {
    throw std::invalid_argument(std::string(what) + " has " + std::to_string(rows.cols()) +
                                " columns, expected " + std::to_string(columns));
  }
}

at::Tensor glorot(std::vector<std::int64_t> shape, std::int64_t fan_in, std::int64_t fan_out,
                  Random& random) {
  return tb::uniform_tensor(shape, tb::glorot_limit(fan_in, fan_out), random).requires_grad_(true);
}

// One-hot labels (fake, real) for rows whose first real_rows are real.
at::Tensor one_hot_labels(std::int64_t rows, std::int64_t real_rows) {
  at::Tensor labels = at::zeros({rows, 2}, at::kFloat);
  labels.narrow(0, 0, real_rows).select(1, 1).fill_(1.0f);
  labels.narrow(0, real_rows, rows - real_rows).select(1, 0).fill_(1.0f);
  return labels;
}

// The notebook's batches of 20,000 curves are processed in chunks of this many rows, their
// gradients summed (D has no batch norm, so this is the same mean): the largest activation of a
// whole batch is 184 MB, which glibc maps fresh from the kernel, page by page, at every use.
constexpr std::int64_t kChunkRows = 2048;

void accumulate(std::vector<at::Tensor>& total, std::vector<at::Tensor> gradients) {
  if (total.empty()) {
    total = std::move(gradients);
    return;
  }
  for (std::size_t i = 0; i < total.size(); ++i) total[i].add_(gradients[i]);
}

}  // namespace

TorchConv1dModel::TorchConv1dModel(const PluginArgs& args)
    : TorchConv1dModel(read_conv1d_config(args.options, args.sample_dimensions), args.seed,
                       args.threads) {}

TorchConv1dModel::TorchConv1dModel(Conv1dConfig config, std::uint64_t seed, int threads)
    : config_(std::move(config)),
      threads_(threads),
      dropout_(tb::make_generator(seed, "model.dropout")),
      generator_optimizer_(config_.generator_optimizer, {}),
      discriminator_optimizer_(config_.discriminator_optimizer, {}) {
  tb::keep_freed_memory();
  tb::use_threads(threads_);
  Random init = make_stream(seed, "model.init");
  generator_ = tb::make_dense_stack(config_.latent.dimensions, config_.generator_layers, init);
  const std::int64_t k = config_.kernel, channels = config_.channels;
  const std::int64_t features = channels * (config_.curve_length - k + 1);
  // Keras' Conv1D kernel (k, 1, channels): fan_in k, fan_out k * channels.
  conv_kernel_ = glorot({channels, 1, k}, k, k * channels, init);
  conv_bias_ = at::zeros({channels}).requires_grad_(true);
  dense_kernel_ = glorot({features, config_.dense_units}, features, config_.dense_units, init);
  dense_bias_ = at::zeros({config_.dense_units}).requires_grad_(true);
  out_kernel_ = glorot({config_.dense_units, 2}, config_.dense_units, 2, init);
  out_bias_ = at::zeros({2}).requires_grad_(true);
  generator_optimizer_ = tb::KerasOptimizer(config_.generator_optimizer, generator_.parameters);
  discriminator_optimizer_ =
      tb::KerasOptimizer(config_.discriminator_optimizer, discriminator_parameters());
}

std::vector<at::Tensor> TorchConv1dModel::discriminator_parameters() const {
  return {conv_kernel_, conv_bias_, dense_kernel_, dense_bias_, out_kernel_, out_bias_};
}

at::Tensor TorchConv1dModel::logits(const at::Tensor& curves, bool training) {
  at::Tensor x = at::relu(at::conv1d(curves.unsqueeze(1), conv_kernel_, conv_bias_));
  if (training) x = tb::dropout(x, config_.dropout, dropout_);
  // Flattened channel-major (Keras flattens position-major): a fixed permutation of the dense
  // layer's inputs, which changes nothing about what the network can learn or how it starts.
  x = at::addmm(dense_bias_, x.flatten(1), dense_kernel_);
  return at::addmm(out_bias_, x, out_kernel_);
}

Matrix TorchConv1dModel::sample_latent(int rows, Random& random) const {
  return draw_latent(config_.latent, rows, random);
}

Matrix TorchConv1dModel::generate(const Matrix& latent) {
  tb::use_threads(threads_);
  require_columns("generate: the latent batch", latent, config_.latent.dimensions);
  at::NoGradGuard no_grad;
  return tb::to_matrix(
      tb::forward(generator_, tb::to_tensor(latent), config_.leaky_relu_slope, false));
}

Matrix TorchConv1dModel::discriminate(const Matrix& samples) {
  tb::use_threads(threads_);
  require_columns("discriminate: the batch", samples, config_.curve_length);
  at::NoGradGuard no_grad;
  if (samples.rows() == 0) return Matrix(0, 1);
  return tb::to_matrix(at::sigmoid(logits(tb::to_tensor(samples), false)).narrow(1, 1, 1));
}

DiscriminatorStep TorchConv1dModel::discriminator_step(const Matrix& real, const Matrix& fake) {
  tb::use_threads(threads_);
  require_columns("discriminator_step: the real batch", real, config_.curve_length);
  require_columns("discriminator_step: the fake batch", fake, config_.curve_length);
  const Eigen::Index rows = real.rows() + fake.rows();
  if (rows == 0) return DiscriminatorStep{0.0, 0.0, 0.0, 0.0};
  Matrix batch(rows, config_.curve_length);
  if (real.rows() > 0) batch.topRows(real.rows()) = real;
  if (fake.rows() > 0) batch.bottomRows(fake.rows()) = fake;
  at::Tensor curves = tb::to_tensor(batch);
  at::Tensor labels = one_hot_labels(rows, real.rows());
  std::vector<at::Tensor> gradients;
  std::vector<at::Tensor> row_losses, probabilities;
  const float scale = 1.0f / static_cast<float>(2 * rows);
  for (std::int64_t begin = 0; begin < rows; begin += kChunkRows) {
    const std::int64_t size = std::min<std::int64_t>(kChunkRows, rows - begin);
    at::Tensor z = logits(curves.narrow(0, begin, size), true);
    at::Tensor terms = tb::cross_entropy_terms(z, labels.narrow(0, begin, size));
    accumulate(gradients, torch::autograd::grad({terms.sum() * scale}, discriminator_parameters()));
    row_losses.push_back(terms.detach().mean(1));
    probabilities.push_back(at::sigmoid(z.detach().select(1, 1)));
  }
  DiscriminatorStep step =
      tb::summarize_discriminator(at::cat(row_losses), at::cat(probabilities), real.rows());
  discriminator_optimizer_.step(gradients);
  return step;
}

double TorchConv1dModel::generator_step(const Matrix& latent) {
  tb::use_threads(threads_);
  if (latent.rows() == 0) return 0.0;
  require_columns("generator_step: the latent batch", latent, config_.latent.dimensions);
  // D frozen but in the training phase (dropout on), as Keras' train_on_batch runs the
  // notebook's combined model; the labels are "real", (0, 1).
  const std::int64_t rows = latent.rows();
  at::Tensor noise = tb::to_tensor(latent);
  at::Tensor labels = one_hot_labels(rows, rows);
  const float scale = 1.0f / static_cast<float>(2 * rows);
  std::vector<at::Tensor> gradients;
  double value = 0.0;
  for (std::int64_t begin = 0; begin < rows; begin += kChunkRows) {
    const std::int64_t size = std::min<std::int64_t>(kChunkRows, rows - begin);
    at::Tensor curves =
        tb::forward(generator_, noise.narrow(0, begin, size), config_.leaky_relu_slope, false);
    at::Tensor terms = tb::cross_entropy_terms(logits(curves, true), labels.narrow(0, begin, size));
    at::Tensor loss = terms.sum() * scale;
    accumulate(gradients, torch::autograd::grad({loss}, generator_.parameters));
    value += loss.item<float>();
  }
  generator_optimizer_.step(gradients);
  return value;
}

std::vector<torch_backend::NamedTensor> TorchConv1dModel::named_tensors(
    gantry::Network network) const {
  if (network == gantry::Network::generator) return torch_backend::dense_stack_tensors(generator_);
  return {{"conv/kernel", conv_kernel_},   {"conv/bias", conv_bias_},
          {"dense/kernel", dense_kernel_}, {"dense/bias", dense_bias_},
          {"out/kernel", out_kernel_},     {"out/bias", out_bias_}};
}

std::vector<WeightTensor> TorchConv1dModel::weights(gantry::Network network) const {
  return torch_backend::weights_of(named_tensors(network));
}

void TorchConv1dModel::load_weights(gantry::Network network,
                                    const std::vector<WeightTensor>& tensors) {
  torch_backend::load_into(named_tensors(network), tensors);
}

std::string TorchConv1dModel::save_state() const {
  StateWriter out;
  torch_backend::save_tensors(out, generator_.parameters);
  torch_backend::save_tensors(out, discriminator_parameters());
  generator_optimizer_.save(out);
  discriminator_optimizer_.save(out);
  torch_backend::save_generator(out, const_cast<at::Generator&>(dropout_));
  return out.bytes();
}

void TorchConv1dModel::restore_state(const std::string& state) {
  StateReader in(state);
  torch_backend::restore_tensors(in, generator_.parameters);
  torch_backend::restore_tensors(in, discriminator_parameters());
  generator_optimizer_.restore(in);
  discriminator_optimizer_.restore(in);
  torch_backend::restore_generator(in, dropout_);
  if (!in.at_end()) throw std::invalid_argument("saved state is longer than this model's");
}

}  // namespace gantry::plugins
