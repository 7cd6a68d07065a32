// torch-mlp on its own: shapes, option checks, eigen-mlp's initial weights, determinism, threads.
#include "torch_catch.hpp"  // first: see there

#include <cstring>
#include <thread>

#include <ATen/Parallel.h>

#include "../model_weights_check.hpp"
#include "eigen-mlp/eigen_mlp_model.hpp"
#include "eigen_mlp_test_support.hpp"
#include "support/mlp_options.hpp"
#include "torch-common/tensor_convert.hpp"
#include "torch-common/thread_setting.hpp"
#include "torch-mlp/torch_mlp_model.hpp"

using gantry::Matrix;
using gantry::plugins::EigenMlpModel;
using gantry::plugins::TorchMlpModel;
using gantry::plugins::testing::model_options;
using gantry::plugins::testing::uniform_matrix;

namespace {

TorchMlpModel make_model(std::uint64_t seed,
                         const std::map<std::string, std::string>& overrides = {}) {
  gantry::Options options = model_options(overrides);
  return TorchMlpModel(gantry::PluginArgs{options, 2, seed});
}

bool same_bits(const Matrix& a, const Matrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), sizeof(float) * a.size()) == 0;
}

}  // namespace

TEST_CASE("torch-mlp declares exactly eigen-mlp's options", "[torch_mlp]") {
  // Both plugins export gantry::plugins::kMlpOptions; the loaded tables are compared through
  // `gantry plugins` in test_torch_plugins. Here: the test defaults cover every declared option.
  gantry::Options defaults = model_options();
  CHECK(defaults.values().size() == std::size(gantry::plugins::kMlpOptions));
  for (const gantry::OptionSpec& spec : gantry::plugins::kMlpOptions) {
    INFO(spec.name);
    CHECK(defaults.text(spec.name) == spec.default_value);
  }
}

TEST_CASE("torch-mlp builds its networks and checks its options as eigen-mlp does", "[torch_mlp]") {
  TorchMlpModel model = make_model(1);
  CHECK(model.latent_dimensions() == 5);
  REQUIRE(model.generator_parameters().size() == 4);
  CHECK(model.generator_parameters()[0].sizes() == at::IntArrayRef({5, 15}));
  CHECK(model.discriminator_parameters()[2].sizes() == at::IntArrayRef({25, 1}));
  gantry::Random random(3);
  Matrix latent = model.sample_latent(7, random);
  CHECK(latent.rows() == 7);
  CHECK(latent.cols() == 5);
  CHECK(model.generate(latent).cols() == 2);
  Matrix probabilities = model.discriminate(model.generate(latent));
  CHECK(probabilities.cols() == 1);
  CHECK(((probabilities.array() > 0.0f) && (probabilities.array() < 1.0f)).all());

  CHECK_THROWS_WITH(make_model(1, {{"g_layers", "15:relu, 3:linear"}}),
                    Catch::Contains("g_layers") && Catch::Contains("2 columns"));
  CHECK_THROWS_WITH(make_model(1, {{"d_layers", "25:relu, 1:tanh"}}),
                    Catch::Contains("one sigmoid unit"));
  CHECK_THROWS_WITH(model.discriminate(Matrix::Zero(3, 4)), Catch::Contains("4 columns"));
}

TEST_CASE("torch-mlp starts from eigen-mlp's weights for the same seed", "[torch_mlp]") {
  gantry::Options options = model_options();
  EigenMlpModel eigen(gantry::PluginArgs{options, 2, 42});
  TorchMlpModel torch(gantry::PluginArgs{options, 2, 42});
  for (int layer = 0; layer < 2; ++layer) {
    Matrix eigen_kernel = eigen.generator().weights(layer);
    CHECK(same_bits(
        gantry::plugins::torch_backend::to_matrix(torch.generator_parameters()[2 * layer]),
        eigen_kernel));
    Matrix eigen_d_kernel = eigen.discriminator().weights(layer);
    CHECK(same_bits(
        gantry::plugins::torch_backend::to_matrix(torch.discriminator_parameters()[2 * layer]),
        eigen_d_kernel));
  }
}

TEST_CASE("torch-mlp: the same seed on one thread gives identical results", "[torch_mlp]") {
  auto train = [](std::uint64_t seed) {
    TorchMlpModel model = make_model(seed);
    gantry::Random random(11);
    std::vector<double> losses;
    for (int step = 0; step < 5; ++step) {
      Matrix real = uniform_matrix<Matrix>(16, 2, random);
      Matrix fake = model.generate(model.sample_latent(16, random));
      gantry::DiscriminatorStep d = model.discriminator_step(real, fake);
      losses.push_back(d.loss_real);
      losses.push_back(d.loss_fake);
      losses.push_back(model.generator_step(model.sample_latent(32, random)));
    }
    losses.push_back(model.generate(model.sample_latent(8, random)).sum());
    return losses;
  };
  std::vector<double> first = train(9);
  CHECK(first == train(9));
  CHECK(first != train(10));
}

TEST_CASE("use_threads sets the calling thread's torch thread count", "[torch_mlp][threads]") {
  gantry::plugins::torch_backend::use_threads(1);
  CHECK(at::get_num_threads() == 1);
  int seen_on_worker = 0;
  std::thread worker([&] {
    gantry::plugins::torch_backend::use_threads(2);
    seen_on_worker = at::get_num_threads();
  });
  worker.join();
  CHECK(seen_on_worker == 2);
  gantry::plugins::torch_backend::use_threads(1);
  CHECK(at::get_num_threads() == 1);
  CHECK_THROWS_WITH(gantry::plugins::torch_backend::use_threads(0),
                    Catch::Contains("at least one thread"));
  CHECK(gantry::plugins::torch_backend::blas_library() != "unknown");
}

TEST_CASE("torch-mlp weights load into another model, which then computes the same bits",
          "[torch_mlp][weights]") {
  auto trained = make_model(1);
  auto fresh = make_model(2);
  gantry::testing::check_weights_round_trip(trained, fresh, 2);
}

TEST_CASE("torch-mlp restored from its saved state trains on bit for bit as the original",
          "[torch_mlp][checkpoint]") {
  auto trained = make_model(1);
  auto fresh = make_model(2);
  gantry::testing::check_state_round_trip(trained, fresh, 2);
}
