// The torch-mlp model: eigen-mlp's dense generator and discriminator on LibTorch. Same options
// and config (support/mlp_options.hpp, support/mlp_config.hpp), same initial weights for the
// same seed (support's draw_kernel on the same "model.init" stream), same Keras optimiser
// formulas (keras_adam_step) and the same cross-entropy from logits, so switching backend starts
// from and follows the same network up to float rounding. Its value is the torch side of the
// cross-backend comparison and thread control; for these small nets the Eigen backend is much
// faster.
#pragma once

#include <cstdint>
#include <vector>

#include <ATen/ATen.h>

#include "gantry/checkpointable.hpp"
#include "gantry/gan_model.hpp"
#include "gantry/model_weights.hpp"
#include "gantry/plugin_args.hpp"
#include "support/mlp_config.hpp"
#include "torch-common/dense_stack.hpp"
#include "torch-common/keras_optimizer.hpp"

namespace gantry::plugins {

class TorchMlpModel final : public GanModel, public ModelWeights, public Checkpointable {
 public:
  explicit TorchMlpModel(const PluginArgs& args);
  // Initialises G's layers, then D's, from make_stream(seed, "model.init"), as eigen-mlp does.
  TorchMlpModel(MlpConfig config, int sample_dimensions, std::uint64_t seed, int threads = 1);

  int latent_dimensions() const override { return config_.latent.dimensions; }
  Matrix sample_latent(int rows, Random& random) const override;
  Matrix generate(const Matrix& latent) override;
  Matrix discriminate(const Matrix& samples) override;
  DiscriminatorStep discriminator_step(const Matrix& real, const Matrix& fake) override;
  double generator_step(const Matrix& latent) override;

  // ModelWeights: the networks' tensors by name (docs/results-schema.md, /weights).
  std::vector<WeightTensor> weights(gantry::Network network) const override;
  void load_weights(gantry::Network network, const std::vector<WeightTensor>& tensors) override;

  // Checkpointable: both networks' tensors, both optimisers' state and the dropout generator's.
  std::string save_state() const override;
  void restore_state(const std::string& state) override;

  // Each network's parameters, layer by layer: kernel (inputs x units, as Keras and eigen-mlp
  // store it), then bias (units). For tests and tools that inspect the model.
  const std::vector<at::Tensor>& generator_parameters() const { return generator_.parameters; }
  const std::vector<at::Tensor>& discriminator_parameters() const {
    return discriminator_.parameters;
  }
  const MlpConfig& config() const { return config_; }

 private:
  using Network = torch_backend::DenseStack;

  MlpConfig config_;
  int threads_;
  Network generator_;
  Network discriminator_;
  torch_backend::KerasOptimizer generator_optimizer_;
  torch_backend::KerasOptimizer discriminator_optimizer_;
};

}  // namespace gantry::plugins
