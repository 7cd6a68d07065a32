// The torch-conv1d model: the sine-curves notebook's networks on LibTorch. G is a dense stack
// (eigen-mlp's layers and initialiser); D reads a curve as a 1-channel sequence: Conv1D ('valid',
// ReLU), dropout, flatten, a linear dense layer and a 2-way sigmoid output whose units mean
// (fake, real), trained on one-hot labels as the notebook's Keras model is.
#pragma once

#include <cstdint>

#include <ATen/ATen.h>

#include "gantry/checkpointable.hpp"
#include "gantry/gan_model.hpp"
#include "gantry/model_weights.hpp"
#include "gantry/plugin_args.hpp"
#include "torch-common/dense_stack.hpp"
#include "torch-common/keras_optimizer.hpp"
#include "torch-common/torch_weights.hpp"
#include "torch-conv1d/conv1d_config.hpp"

namespace gantry::plugins {

class TorchConv1dModel final : public GanModel, public ModelWeights, public Checkpointable {
 public:
  explicit TorchConv1dModel(const PluginArgs& args);
  TorchConv1dModel(Conv1dConfig config, std::uint64_t seed, int threads = 1);

  int latent_dimensions() const override { return config_.latent.dimensions; }
  Matrix sample_latent(int rows, Random& random) const override;
  Matrix generate(const Matrix& latent) override;
  // The "real" unit of D's 2-way sigmoid output.
  Matrix discriminate(const Matrix& samples) override;
  // Losses are the binary cross-entropy averaged over both output units, as Keras computes it
  // for one-hot labels (real: (0, 1), fake: (1, 0)); accuracy is P(real) > 0.5 on real rows.
  DiscriminatorStep discriminator_step(const Matrix& real, const Matrix& fake) override;
  double generator_step(const Matrix& latent) override;

  // ModelWeights: the networks' tensors by name (docs/results-schema.md, /weights).
  std::vector<WeightTensor> weights(gantry::Network network) const override;
  void load_weights(gantry::Network network, const std::vector<WeightTensor>& tensors) override;

  // Checkpointable: both networks' tensors, both optimisers' state and the dropout generator's.
  std::string save_state() const override;
  void restore_state(const std::string& state) override;

  const Conv1dConfig& config() const { return config_; }
  std::vector<at::Tensor> discriminator_parameters() const;

 private:
  at::Tensor logits(const at::Tensor& curves, bool training);
  std::vector<torch_backend::NamedTensor> named_tensors(gantry::Network network) const;

  Conv1dConfig config_;
  int threads_;
  torch_backend::DenseStack generator_;
  at::Tensor conv_kernel_, conv_bias_;    // channels x 1 x kernel
  at::Tensor dense_kernel_, dense_bias_;  // features x dense_units
  at::Tensor out_kernel_, out_bias_;      // dense_units x 2
  at::Generator dropout_;
  torch_backend::KerasOptimizer generator_optimizer_;
  torch_backend::KerasOptimizer discriminator_optimizer_;
};

}  // namespace gantry::plugins
