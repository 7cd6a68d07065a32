// The torch-dcgan model: the MNIST DCGAN notebook's generator and discriminator on LibTorch,
// trained with Keras' Adam and the cross-entropy from logits. Data rows are images flattened
// row-major with channels last (height x width x channels values in [-1, 1]).
#pragma once

#include <cstdint>
#include <memory>

#include <ATen/ATen.h>

#include "gantry/checkpointable.hpp"
#include "gantry/gan_model.hpp"
#include "gantry/model_weights.hpp"
#include "gantry/plugin_args.hpp"
#include "torch-common/keras_optimizer.hpp"
#include "torch-common/torch_weights.hpp"
#include "torch-dcgan/dcgan_config.hpp"
#include "torch-dcgan/dcgan_networks.hpp"

namespace gantry::plugins {

class TorchDcganModel final : public GanModel, public ModelWeights, public Checkpointable {
 public:
  explicit TorchDcganModel(const PluginArgs& args);
  // G's weights then D's from make_stream(seed, "model.init"), drawn at the first call that
  // needs them (see Networks); dropout masks from a generator of its own seeded from
  // "model.dropout". Options are checked here.
  TorchDcganModel(DcganConfig config, std::uint64_t seed, int threads = 1);

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

  // For tests and tools that inspect the model (these make the networks if need be).
  const DcganConfig& config() const { return config_; }
  const dcgan::Generator& generator() { return networks().generator; }
  const dcgan::Discriminator& discriminator() { return networks().discriminator; }

 private:
  // The trained state. Made on first use rather than by the constructor: the harness also
  // creates a model only to check its options (a sweep's plan, once per grid point), and drawing
  // G's 10 million initial weights is most of a model's creation.
  struct Networks {
    dcgan::Generator generator;
    dcgan::Discriminator discriminator;
    torch_backend::KerasOptimizer generator_optimizer;
    torch_backend::KerasOptimizer discriminator_optimizer;
  };
  Networks& networks();
  std::vector<torch_backend::NamedTensor> named_tensors(gantry::Network network);

  at::Tensor images_of(const Matrix& rows) const;  // N x C x H x W
  Matrix rows_of(const at::Tensor& images) const;

  DcganConfig config_;
  std::uint64_t seed_;
  int threads_;
  at::Generator dropout_;
  std::unique_ptr<Networks> networks_;
};

}  // namespace gantry::plugins
