#include "torch-dcgan/torch_dcgan_model.hpp"
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
using dcgan::Mode;

namespace {

void require_columns(const char* what, const Matrix& rows, long long columns) {
  if (rows.rows() > 0 && rows.cols() != columns) {
    throw std::invalid_argument(std::string(what) + " has " + std::to_string(rows.cols()) +
                                " columns, expected " + std::to_string(columns));
  }
}

// `forward` applied to `input` at most `chunk_rows` rows at a time, its rows stacked in order.
template <class Forward>
Matrix in_chunks(const Matrix& input, int chunk_rows, Eigen::Index output_columns,
                 Forward forward) {
  Matrix output(input.rows(), output_columns);
  for (Eigen::Index start = 0; start < input.rows(); start += chunk_rows) {
    const Eigen::Index rows = std::min<Eigen::Index>(chunk_rows, input.rows() - start);
    output.middleRows(start, rows) = forward(Matrix(input.middleRows(start, rows)));
  }
  return output;
}

}  // namespace

TorchDcganModel::TorchDcganModel(const PluginArgs& args)
    : TorchDcganModel(read_dcgan_config(args.options, args.sample_dimensions), args.seed,
                      args.threads) {}

TorchDcganModel::TorchDcganModel(DcganConfig config, std::uint64_t seed, int threads)
    : config_(std::move(config)),
      seed_(seed),
      threads_(threads),
      dropout_(tb::make_generator(seed, "model.dropout")) {
  if (config_.inference_rows < 1) {
    throw std::invalid_argument("torch-dcgan: inference_rows must be at least 1, got " +
                                std::to_string(config_.inference_rows));
  }
  tb::keep_freed_memory();
  tb::use_threads(threads_);
}

TorchDcganModel::Networks& TorchDcganModel::networks() {
  if (!networks_) {
    tb::use_threads(threads_);
    Random init = make_stream(seed_, "model.init");
    dcgan::Generator generator = dcgan::make_generator(config_, init);
    dcgan::Discriminator discriminator = dcgan::make_discriminator(config_, init);
    tb::KerasOptimizer generator_optimizer(config_.generator_optimizer, generator.parameters());
    tb::KerasOptimizer discriminator_optimizer(config_.discriminator_optimizer,
                                               discriminator.parameters());
    networks_ = std::make_unique<Networks>(Networks{std::move(generator), std::move(discriminator),
                                                    std::move(generator_optimizer),
                                                    std::move(discriminator_optimizer)});
  }
  return *networks_;
}

at::Tensor TorchDcganModel::images_of(const Matrix& rows) const {
  return tb::to_tensor(rows)
      .view({rows.rows(), config_.height, config_.width, config_.channels})
      .permute({0, 3, 1, 2})
      .contiguous();
}

Matrix TorchDcganModel::rows_of(const at::Tensor& images) const {
  return tb::to_matrix(images.permute({0, 2, 3, 1}).reshape({images.size(0), -1}));
}

Matrix TorchDcganModel::sample_latent(int rows, Random& random) const {
  return draw_latent(config_.latent, rows, random);
}

Matrix TorchDcganModel::generate(const Matrix& latent) {
  tb::use_threads(threads_);
  Networks& nets = networks();
  require_columns("generate: the latent batch", latent, config_.latent.dimensions);
  at::NoGradGuard no_grad;
  const Eigen::Index columns = config_.height * config_.width * config_.channels;
  return in_chunks(latent, config_.inference_rows, columns, [&](const Matrix& rows) {
    return rows_of(dcgan::generate_images(nets.generator, config_, tb::to_tensor(rows),
                                          Mode::inference, dropout_));
  });
}

Matrix TorchDcganModel::discriminate(const Matrix& samples) {
  tb::use_threads(threads_);
  Networks& nets = networks();
  const long long columns =
      static_cast<long long>(config_.height) * config_.width * config_.channels;
  require_columns("discriminate: the batch", samples, columns);
  at::NoGradGuard no_grad;
  if (samples.rows() == 0) return Matrix(0, 1);
  // Not in chunks, unlike generate: D's last layer is a matrix-vector product, whose OpenBLAS
  // kernel sums in another order below about 250 rows.
  return tb::to_matrix(at::sigmoid(dcgan::discriminator_logits(
      nets.discriminator, config_, images_of(samples), Mode::inference, dropout_)));
}

DiscriminatorStep TorchDcganModel::discriminator_step(const Matrix& real, const Matrix& fake) {
  tb::use_threads(threads_);
  Networks& nets = networks();
  const long long columns =
      static_cast<long long>(config_.height) * config_.width * config_.channels;
  require_columns("discriminator_step: the real batch", real, columns);
  require_columns("discriminator_step: the fake batch", fake, columns);
  const Eigen::Index rows = real.rows() + fake.rows();
  if (rows == 0) return DiscriminatorStep{0.0, 0.0, 0.0, 0.0};
  // One batch of real then fake rows, as Keras' train_on_batch on a concatenated batch: batch
  // norm sees their union. (The notebook calls it on real and fake rows separately; the
  // alternating trainer does the same with d_update = separate.)
  Matrix batch(rows, columns);
  if (real.rows() > 0) batch.topRows(real.rows()) = real;
  if (fake.rows() > 0) batch.bottomRows(fake.rows()) = fake;
  at::Tensor logits = dcgan::discriminator_logits(nets.discriminator, config_, images_of(batch),
                                                  Mode::train, dropout_);
  at::Tensor terms = tb::cross_entropy_terms(logits, tb::real_then_fake_labels(rows, real.rows()));
  at::Tensor loss = terms.sum() * (1.0f / static_cast<float>(rows));
  std::vector<at::Tensor> gradients =
      torch::autograd::grad({loss}, nets.discriminator.parameters());
  DiscriminatorStep step = tb::summarize_discriminator(
      terms.view({-1}), at::sigmoid(logits.detach()).view({-1}), real.rows());
  nets.discriminator_optimizer.step(gradients);
  return step;
}

double TorchDcganModel::generator_step(const Matrix& latent) {
  tb::use_threads(threads_);
  Networks& nets = networks();
  if (latent.rows() == 0) return 0.0;
  require_columns("generator_step: the latent batch", latent, config_.latent.dimensions);
  // D is frozen as in the notebook's combined model under multi-backend Keras 2: its weights
  // and batch-norm running statistics stay, but it runs in the training phase (dropout on,
  // batch statistics), as Keras' train_on_batch runs every layer of the combined model.
  at::Tensor images =
      dcgan::generate_images(nets.generator, config_, tb::to_tensor(latent), Mode::train, dropout_);
  at::Tensor logits =
      dcgan::discriminator_logits(nets.discriminator, config_, images, Mode::frozen, dropout_);
  at::Tensor terms = tb::cross_entropy_terms(logits, at::ones_like(logits));
  at::Tensor loss = terms.sum() * (1.0f / static_cast<float>(latent.rows()));
  std::vector<at::Tensor> gradients = torch::autograd::grad({loss}, nets.generator.parameters());
  const double value = loss.item<float>();
  nets.generator_optimizer.step(gradients);
  return value;
}

namespace {

void add_norm(std::vector<torch_backend::NamedTensor>& tensors, const std::string& name,
              const dcgan::BatchNorm& norm) {
  tensors.push_back({name + "/gamma", norm.gamma});
  tensors.push_back({name + "/beta", norm.beta});
  tensors.push_back({name + "/running_mean", norm.running_mean});
  tensors.push_back({name + "/running_var", norm.running_var});
}

}  // namespace

std::vector<torch_backend::NamedTensor> TorchDcganModel::named_tensors(gantry::Network network) {
  Networks& nets = networks();
  std::vector<torch_backend::NamedTensor> tensors;
  if (network == gantry::Network::generator) {
    const dcgan::Generator& g = nets.generator;
    tensors = {{"dense/kernel", g.dense_kernel}, {"dense/bias", g.dense_bias}};
    for (int i = 0; i < 3; ++i) {
      const std::string layer = "conv_transpose_" + std::to_string(i);
      tensors.push_back({layer + "/kernel", g.kernels[i]});
      tensors.push_back({layer + "/bias", g.biases[i]});
      if (i < 2) add_norm(tensors, "batch_norm_" + std::to_string(i), g.norms[i]);
    }
    return tensors;
  }
  const dcgan::Discriminator& d = nets.discriminator;
  for (int i = 0; i < 4; ++i) {
    const std::string layer = "conv_" + std::to_string(i);
    tensors.push_back({layer + "/kernel", d.kernels[i]});
    tensors.push_back({layer + "/bias", d.biases[i]});
    if (i > 0) add_norm(tensors, "batch_norm_" + std::to_string(i - 1), d.norms[i - 1]);
  }
  tensors.push_back({"dense/kernel", d.dense_kernel});
  tensors.push_back({"dense/bias", d.dense_bias});
  return tensors;
}

std::vector<WeightTensor> TorchDcganModel::weights(gantry::Network network) const {
  // The networks are made on first use; asking for their weights is a use.
  return torch_backend::weights_of(const_cast<TorchDcganModel*>(this)->named_tensors(network));
}

void TorchDcganModel::load_weights(gantry::Network network,
                                   const std::vector<WeightTensor>& tensors) {
  torch_backend::load_into(named_tensors(network), tensors);
}

namespace {

std::vector<at::Tensor> tensors_of(const std::vector<torch_backend::NamedTensor>& named) {
  std::vector<at::Tensor> tensors;
  for (const auto& entry : named) tensors.push_back(entry.tensor);
  return tensors;
}

}  // namespace

std::string TorchDcganModel::save_state() const {
  // The networks are made on first use; saving them is a use.
  auto& self = const_cast<TorchDcganModel&>(*this);
  StateWriter out;
  torch_backend::save_tensors(out, tensors_of(self.named_tensors(gantry::Network::generator)));
  torch_backend::save_tensors(out, tensors_of(self.named_tensors(gantry::Network::discriminator)));
  self.networks().generator_optimizer.save(out);
  self.networks().discriminator_optimizer.save(out);
  torch_backend::save_generator(out, self.dropout_);
  return out.bytes();
}

void TorchDcganModel::restore_state(const std::string& state) {
  StateReader in(state);
  torch_backend::restore_tensors(in, tensors_of(named_tensors(gantry::Network::generator)));
  torch_backend::restore_tensors(in, tensors_of(named_tensors(gantry::Network::discriminator)));
  networks().generator_optimizer.restore(in);
  networks().discriminator_optimizer.restore(in);
  torch_backend::restore_generator(in, dropout_);
  if (!in.at_end()) throw std::invalid_argument("saved state is longer than this model's");
}

}  // namespace gantry::plugins
