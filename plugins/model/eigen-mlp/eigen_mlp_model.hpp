// The eigen-mlp model: a dense generator and a dense discriminator in float on Eigen, each with
// its own optimiser, trained as the Keras notebooks train them (Keras' initialisers and Adam,
// binary cross-entropy, the non-saturating generator loss through a frozen discriminator).
#pragma once

#include <cstdint>
#include <memory>

#include "eigen-mlp/gan_gradients.hpp"
#include "eigen-mlp/mlp.hpp"
#include "eigen-mlp/optimizer.hpp"
#include "eigen-mlp/scratch_matrix.hpp"
#include "gantry/checkpointable.hpp"
#include "gantry/gan_model.hpp"
#include "gantry/model_weights.hpp"
#include "gantry/plugin_args.hpp"
#include "support/mlp_config.hpp"

namespace gantry::plugins {

class EigenMlpModel final : public GanModel, public ModelWeights, public Checkpointable {
 public:
  using Network = Mlp<float>;

  // Reads the plugin's options (read_mlp_config) for rows of args.sample_dimensions.
  explicit EigenMlpModel(const PluginArgs& args);
  // Initialises G's layers, then D's, from make_stream(seed, "model.init").
  EigenMlpModel(MlpConfig config, int sample_dimensions, std::uint64_t seed);

  int latent_dimensions() const override { return config_.latent.dimensions; }
  Matrix sample_latent(int rows, Random& random) const override;
  Matrix generate(const Matrix& latent) override;
  Matrix discriminate(const Matrix& samples) override;
  DiscriminatorStep discriminator_step(const Matrix& real, const Matrix& fake) override;
  double generator_step(const Matrix& latent) override;

  // Each network's "layer_i/kernel" and "layer_i/bias" (mlp_weights.hpp).
  std::vector<WeightTensor> weights(gantry::Network network) const override;
  void load_weights(gantry::Network network, const std::vector<WeightTensor>& tensors) override;

  // Checkpointable: both networks' parameters and both optimisers' state.
  std::string save_state() const override;
  void restore_state(const std::string& state) override;

  // The networks and optimisers, for tests and tools that inspect the model.
  const MlpConfig& config() const { return config_; }
  const Network& generator() const { return generator_; }
  const Network& discriminator() const { return discriminator_; }
  const Optimizer<float>& generator_optimizer() const { return *generator_optimizer_; }
  const Optimizer<float>& discriminator_optimizer() const { return *discriminator_optimizer_; }

 private:
  MlpConfig config_;
  Network generator_;
  Network discriminator_;
  std::unique_ptr<Optimizer<float>> generator_optimizer_;
  std::unique_ptr<Optimizer<float>> discriminator_optimizer_;

  // Reused every step, so training allocates nothing once the largest batch has been seen.
  GanGradients<float> gradients_;
  Network::Vector generator_gradient_;
  Network::Vector discriminator_gradient_;
  ScratchMatrix<float> discriminator_batch_;  // real rows, then fake rows
  ScratchMatrix<float> latent_batch_;
};

}  // namespace gantry::plugins
