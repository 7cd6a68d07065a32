// torch-conv1d: the notebook's discriminator shapes, its 2-way output read as P(real), option
// checks and determinism.
#include "torch_catch.hpp"  // first: see there

#include <map>

#include "../model_weights_check.hpp"
#include "torch-conv1d/torch_conv1d_model.hpp"

using gantry::Matrix;
using gantry::plugins::TorchConv1dModel;

namespace {

TorchConv1dModel make_model(std::uint64_t seed,
                            const std::map<std::string, std::string>& overrides = {}) {
  std::map<std::string, std::string> values;
  for (const gantry::OptionSpec& spec : gantry::plugins::kConv1dOptions) {
    values[spec.name] = spec.default_value;
  }
  for (const auto& [key, value] : overrides) values[key] = value;
  gantry::Options options(values);
  return TorchConv1dModel(gantry::PluginArgs{options, 50, seed});
}

}  // namespace

TEST_CASE("torch-conv1d has the notebook's networks", "[torch_conv1d]") {
  TorchConv1dModel model = make_model(1);
  std::vector<at::Tensor> d = model.discriminator_parameters();
  CHECK(d[0].sizes() == at::IntArrayRef({50, 1, 5}));
  CHECK(d[2].sizes() == at::IntArrayRef({46 * 50, 50}));  // Keras: flatten_2 (None, 2300)
  CHECK(d[4].sizes() == at::IntArrayRef({50, 2}));
  std::int64_t count = 0;
  for (const at::Tensor& parameter : d) count += parameter.numel();
  CHECK(count == 115452);  // the notebook's D.summary()

  gantry::Random random(1);
  Matrix latent = model.sample_latent(6, random);
  CHECK(latent.cols() == 10);
  CHECK(((latent.array() >= 0.0f) && (latent.array() < 1.0f)).all());
  Matrix curves = model.generate(latent);
  CHECK(curves.cols() == 50);
  Matrix probability = model.discriminate(curves);
  CHECK(probability.cols() == 1);
  CHECK(((probability.array() > 0.0f) && (probability.array() < 1.0f)).all());
}

TEST_CASE("torch-conv1d learns to tell flat from rising curves", "[torch_conv1d]") {
  TorchConv1dModel model = make_model(2, {{"d_dropout", "0"}});
  Matrix real(32, 50), fake = Matrix::Constant(32, 50, 0.5f);
  for (int i = 0; i < 50; ++i) real.col(i).setConstant(static_cast<float>(i) / 49.0f);
  gantry::DiscriminatorStep first = model.discriminator_step(real, fake);
  gantry::DiscriminatorStep last{};
  for (int step = 0; step < 30; ++step) last = model.discriminator_step(real, fake);
  CHECK(last.loss_real < first.loss_real);
  CHECK(last.loss_fake < first.loss_fake);
  CHECK(last.accuracy_real == 1.0);
  CHECK(last.accuracy_fake == 1.0);
  CHECK(model.discriminate(real).minCoeff() > 0.5f);
  CHECK(model.discriminate(fake).maxCoeff() <= 0.5f);
}

TEST_CASE("torch-conv1d checks its options and is deterministic", "[torch_conv1d]") {
  CHECK_THROWS_WITH(make_model(1, {{"g_layers", "200:tanh, 40:tanh"}}),
                    Catch::Contains("g_layers") && Catch::Contains("50 columns"));
  CHECK_THROWS_WITH(make_model(1, {{"d_kernel", "60"}}), Catch::Contains("d_kernel"));
  auto train = [](std::uint64_t seed) {
    TorchConv1dModel model = make_model(seed);
    gantry::Random random(3);
    std::vector<double> values;
    for (int step = 0; step < 3; ++step) {
      Matrix real = Matrix::Constant(16, 50, 0.25f);
      gantry::DiscriminatorStep d =
          model.discriminator_step(real, model.generate(model.sample_latent(16, random)));
      values.insert(values.end(), {d.loss_real, d.loss_fake});
      values.push_back(model.generator_step(model.sample_latent(16, random)));
    }
    return values;
  };
  CHECK(train(4) == train(4));
  CHECK(train(4) != train(5));
}

TEST_CASE("torch-conv1d weights load into another model, which then computes the same bits",
          "[torch_conv1d][weights]") {
  auto trained = make_model(1, {{"d_dropout", "0"}});
  auto fresh = make_model(2, {{"d_dropout", "0"}});
  gantry::testing::check_weights_round_trip(trained, fresh, 50);
}

TEST_CASE("torch-conv1d restored from its saved state trains on bit for bit as the original",
          "[torch_conv1d][checkpoint]") {
  auto trained = make_model(1);
  auto fresh = make_model(2);
  gantry::testing::check_state_round_trip(trained, fresh, 50);
}
