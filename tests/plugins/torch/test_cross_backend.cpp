// torch-mlp computes what eigen-mlp computes: from the same options and seed (hence the same
// initial weights) and identical batches, 100 discriminator and generator steps give the same
// losses and weights to 1e-5 relative.
#include "torch_catch.hpp"  // first: see there

#include <algorithm>
#include <cmath>

#include "eigen-mlp/eigen_mlp_model.hpp"
#include "eigen_mlp_test_support.hpp"
#include "torch-common/tensor_convert.hpp"
#include "torch-mlp/torch_mlp_model.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using gantry::Matrix;
using gantry::plugins::EigenMlpModel;
using gantry::plugins::TorchMlpModel;
using gantry::plugins::testing::model_options;
using gantry::plugins::testing::uniform_matrix;
namespace tb = gantry::plugins::torch_backend;

namespace {

constexpr double kRelative = 1e-5;
// Float sums in different orders (Eigen's kernels vs OpenBLAS) differ by a few ulp of the
// largest term; a value that is a difference of near-equal terms (a weight or loss passing
// through 0) can then differ by more than 1e-5 of itself. 1e-6 absolute is 1e-5 of the
// weights' typical size (their init limits are 0.3 to 0.6), far below any real disagreement.
constexpr double kAbsoluteFloor = 1e-6;

// For the report: the largest relative difference among values of magnitude above 1e-3, and
// the largest absolute difference.
double worst_relative = 0.0;
double worst_absolute = 0.0;

void check_close(double torch, double eigen) {
  const double difference = std::abs(torch - eigen);
  worst_absolute = std::max(worst_absolute, difference);
  if (std::abs(eigen) > 1e-3)
    worst_relative = std::max(worst_relative, difference / std::abs(eigen));
  CHECK_THAT(torch, WithinRel(eigen, kRelative) || WithinAbs(eigen, kAbsoluteFloor));
}

void check_parameters(const std::vector<at::Tensor>& torch,
                      const gantry::plugins::Mlp<float>& eigen) {
  for (std::size_t layer = 0; layer < eigen.layers().size(); ++layer) {
    Matrix kernel = tb::to_matrix(torch[2 * layer]);
    Matrix eigen_kernel = eigen.weights(static_cast<int>(layer));
    Matrix bias = tb::to_matrix(torch[2 * layer + 1].view({1, -1}));
    Matrix eigen_bias = eigen.bias(static_cast<int>(layer));
    for (Eigen::Index i = 0; i < kernel.size(); ++i) {
      check_close(kernel.data()[i], eigen_kernel.data()[i]);
    }
    for (Eigen::Index i = 0; i < bias.size(); ++i)
      check_close(bias.data()[i], eigen_bias.data()[i]);
  }
}

void run_agreement(const std::map<std::string, std::string>& overrides, int columns,
                   std::uint64_t seed) {
  gantry::Options options = model_options(overrides);
  EigenMlpModel eigen(gantry::PluginArgs{options, columns, seed});
  TorchMlpModel torch(gantry::PluginArgs{options, columns, seed});
  gantry::Random batches(seed + 100);
  worst_relative = 0.0;
  worst_absolute = 0.0;
  for (int step = 0; step < 100; ++step) {
    Matrix real = uniform_matrix<Matrix>(32, columns, batches, -0.5, 0.5);
    Matrix latent = eigen.sample_latent(32, batches);
    // The fake rows come from eigen's G for both, so each step sees identical inputs.
    Matrix fake = eigen.generate(latent);
    gantry::DiscriminatorStep e = eigen.discriminator_step(real, fake);
    gantry::DiscriminatorStep t = torch.discriminator_step(real, fake);
    check_close(t.loss_real, e.loss_real);
    check_close(t.loss_fake, e.loss_fake);
    CHECK(t.accuracy_real == e.accuracy_real);
    CHECK(t.accuracy_fake == e.accuracy_fake);
    Matrix g_latent = eigen.sample_latent(64, batches);
    check_close(torch.generator_step(g_latent), eigen.generator_step(g_latent));
  }
  check_parameters(torch.generator_parameters(), eigen.generator());
  check_parameters(torch.discriminator_parameters(), eigen.discriminator());
  WARN("largest relative difference (|value| > 1e-3): " << worst_relative << ", largest absolute: "
                                                        << worst_absolute);
}

}  // namespace

TEST_CASE("torch-mlp and eigen-mlp agree over 100 steps on the x2 networks",
          "[cross_backend][torch_mlp]") {
  run_agreement({}, 2, 7);
}

TEST_CASE("torch-mlp and eigen-mlp agree with tanh, leaky_relu and SGD layers",
          "[cross_backend][torch_mlp]") {
  run_agreement({{"g_layers", "20:tanh, 12:leaky_relu, 3:sigmoid"},
                 {"d_layers", "16:leaky_relu:he_uniform, 8:tanh, 1:sigmoid"},
                 {"latent", "uniform"},
                 {"latent_low", "0"},
                 {"g_optimizer", "sgd"},
                 {"g_lr", "0.01"}},
                3, 21);
}
