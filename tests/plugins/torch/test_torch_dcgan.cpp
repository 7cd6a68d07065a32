// torch-dcgan: the notebook's shapes, option checks, determinism, and the training modes of its
// batch norms (D's running statistics move in D's step, not in G's).
#include "torch_catch.hpp"  // first: see there

#include <cstring>
#include <map>

#include <ATen/ATen.h>

#include "../model_weights_check.hpp"
#include "torch-common/tensor_convert.hpp"
#include "torch-dcgan/torch_dcgan_model.hpp"

using Catch::Matchers::WithinAbs;
using gantry::Matrix;
using gantry::plugins::TorchDcganModel;
namespace dcgan = gantry::plugins::dcgan;

namespace {

std::map<std::string, std::string> default_options() {
  std::map<std::string, std::string> values;
  for (const gantry::OptionSpec& spec : gantry::plugins::kDcganOptions) {
    values[spec.name] = spec.default_value;
  }
  return values;
}

TorchDcganModel make_model(std::uint64_t seed, int dimensions,
                           const std::map<std::string, std::string>& overrides = {}) {
  std::map<std::string, std::string> values = default_options();
  for (const auto& [key, value] : overrides) values[key] = value;
  gantry::Options options(values);
  return TorchDcganModel(gantry::PluginArgs{options, dimensions, seed});
}

// A small DCGAN on 8 x 8 images with two channels, quick enough to train in a unit test.
const std::map<std::string, std::string> kSmall = {
    {"image_height", "8"},     {"image_width", "8"}, {"channels", "2"},   {"latent_dim", "6"},
    {"g_dense_channels", "4"}, {"g_filters1", "5"},  {"g_filters2", "3"}, {"d_filters1", "4"},
    {"d_filters2", "4"},       {"d_filters3", "6"},  {"d_filters4", "8"}};

Matrix images(int rows, int columns, float value) {
  return Matrix::Constant(rows, columns, value);
}

bool same_bits(const at::Tensor& a, const at::Tensor& b) {
  return a.sizes() == b.sizes() && at::equal(a.detach(), b.detach());
}

}  // namespace

TEST_CASE("torch-dcgan has the notebook's shapes", "[torch_dcgan]") {
  TorchDcganModel model = make_model(1, 784);
  CHECK(model.latent_dimensions() == 100);
  CHECK(model.generator().dense_kernel.sizes() == at::IntArrayRef({100, 128 * 28 * 28}));
  CHECK(model.generator().kernels[2].sizes() == at::IntArrayRef({64, 1, 3, 3}));
  // 28 -> 14 -> 7 -> (zero padding) 8 -> 4 -> 4 pixels, 256 filters: 4096 features.
  CHECK(model.discriminator().dense_kernel.sizes() == at::IntArrayRef({4096, 1}));
  CHECK(dcgan::conv_same(at::zeros({1, 1, 28, 28}), at::zeros({2, 1, 3, 3}), at::zeros({2}), 2)
            .sizes() == at::IntArrayRef({1, 2, 14, 14}));
  CHECK(dcgan::conv_same(at::zeros({1, 1, 7, 7}), at::zeros({2, 1, 3, 3}), at::zeros({2}), 2)
            .sizes() == at::IntArrayRef({1, 2, 4, 4}));

  gantry::Random random(2);
  Matrix latent = model.sample_latent(3, random);
  Matrix generated = model.generate(latent);
  CHECK(generated.rows() == 3);
  CHECK(generated.cols() == 784);
  CHECK((generated.array().abs() <= 1.0f).all());
  Matrix probability = model.discriminate(generated);
  CHECK(probability.rows() == 3);
  CHECK(probability.cols() == 1);
  CHECK(((probability.array() > 0.0f) && (probability.array() < 1.0f)).all());
}

TEST_CASE("TensorFlow's 'same' padding puts the odd pixel at the bottom and right",
          "[torch_dcgan]") {
  // A 4 x 4 image of its pixel numbers through a kernel that picks the top-left tap: with
  // TensorFlow's padding (0 before, 1 after) the output starts at pixel 0.
  at::Tensor image = at::arange(16, at::kFloat).view({1, 1, 4, 4});
  at::Tensor pick = at::zeros({1, 1, 3, 3});
  pick[0][0][0][0] = 1.0f;
  at::Tensor out = dcgan::conv_same(image, pick, at::zeros({1}), 2);
  REQUIRE(out.sizes() == at::IntArrayRef({1, 1, 2, 2}));
  CHECK(out[0][0][0][0].item<float>() == 0.0f);
  CHECK(out[0][0][1][1].item<float>() == 10.0f);
}

TEST_CASE("torch-dcgan checks its options against the data", "[torch_dcgan]") {
  CHECK_THROWS_WITH(
      make_model(1, 784, {{"image_height", "20"}}),
      Catch::Contains("image_height x image_width x channels") && Catch::Contains("784 columns"));
  CHECK_THROWS_WITH(make_model(1, 784, {{"kernel_size", "4"}}),
                    Catch::Contains("kernel_size") && Catch::Contains("odd"));
  CHECK_THROWS_WITH(make_model(1, 784, {{"dropout", "1"}}), Catch::Contains("dropout"));
  CHECK_THROWS_WITH(make_model(1, 128, kSmall).discriminate(images(2, 100, 0.0f)),
                    Catch::Contains("100 columns"));
}

TEST_CASE("torch-dcgan: the same seed gives identical training, another seed does not",
          "[torch_dcgan]") {
  auto train = [](std::uint64_t seed) {
    TorchDcganModel model = make_model(seed, 128, kSmall);
    gantry::Random random(4);
    std::vector<double> values;
    for (int step = 0; step < 3; ++step) {
      Matrix real = images(8, 128, 0.5f);
      Matrix fake = model.generate(model.sample_latent(8, random));
      gantry::DiscriminatorStep d = model.discriminator_step(real, fake);
      values.insert(values.end(), {d.loss_real, d.loss_fake, d.accuracy_real, d.accuracy_fake});
      values.push_back(model.generator_step(model.sample_latent(8, random)));
    }
    values.push_back(model.discriminate(model.generate(model.sample_latent(4, random))).sum());
    return values;
  };
  std::vector<double> first = train(5);
  CHECK(first == train(5));
  CHECK(first != train(6));
}

TEST_CASE("torch-dcgan: D's step moves its batch-norm statistics, G's step leaves D alone",
          "[torch_dcgan]") {
  TorchDcganModel model = make_model(3, 128, kSmall);
  gantry::Random random(5);
  const dcgan::Discriminator& d = model.discriminator();
  at::Tensor mean_before = d.norms[0].running_mean.clone();
  at::Tensor kernel_before = d.kernels[0].detach().clone();
  at::Tensor g_kernel_before = model.generator().kernels[0].detach().clone();
  at::Tensor g_mean_before = model.generator().norms[0].running_mean.clone();

  model.generator_step(model.sample_latent(8, random));
  CHECK(same_bits(d.norms[0].running_mean, mean_before));
  CHECK(same_bits(d.kernels[0], kernel_before));
  CHECK_FALSE(same_bits(model.generator().kernels[0], g_kernel_before));
  CHECK_FALSE(same_bits(model.generator().norms[0].running_mean, g_mean_before));

  gantry::DiscriminatorStep step = model.discriminator_step(images(4, 128, 0.5f), Matrix(0, 128));
  CHECK(step.loss_fake == 0.0);
  CHECK(step.loss_real > 0.0);
  CHECK_FALSE(same_bits(d.norms[0].running_mean, mean_before));
  CHECK_FALSE(same_bits(d.kernels[0], kernel_before));
}

TEST_CASE("inference is deterministic: no dropout, running statistics", "[torch_dcgan]") {
  TorchDcganModel model = make_model(7, 128, kSmall);
  gantry::Random random(6);
  Matrix latent = model.sample_latent(5, random);
  Matrix once = model.generate(latent);
  Matrix again = model.generate(latent);
  CHECK(std::memcmp(once.data(), again.data(), sizeof(float) * once.size()) == 0);
  // Rows are independent in inference: the first row alone gives the same image.
  Matrix first = model.generate(latent.topRows(1));
  CHECK_THAT((first.row(0) - once.row(0)).cwiseAbs().maxCoeff(), WithinAbs(0.0, 1e-6));
}

TEST_CASE("generate gives the same bits whatever its chunk of rows", "[torch_dcgan]") {
  // The notebook's networks, on more rows than OpenBLAS treats alike (see discriminate): the
  // kernels LibTorch and OpenBLAS pick depend on the shapes.
  gantry::plugins::DcganConfig config =
      gantry::plugins::read_dcgan_config(gantry::Options(default_options()), 784);
  auto model_in_chunks_of = [&](int rows) {
    config.inference_rows = rows;
    return TorchDcganModel(config, 3);
  };
  TorchDcganModel whole = model_in_chunks_of(1000);
  gantry::Random random(9);
  const Matrix latent = whole.sample_latent(260, random);
  const Matrix images = whole.generate(latent);
  REQUIRE(images.rows() == 260);
  for (int rows : {50, 32}) {
    const Matrix chunked = model_in_chunks_of(rows).generate(latent);
    CHECK(std::memcmp(chunked.data(), images.data(), sizeof(float) * images.size()) == 0);
  }
  CHECK(whole.generate(Matrix(0, 100)).rows() == 0);
  config.inference_rows = 0;
  CHECK_THROWS_AS(TorchDcganModel(config, 3), std::invalid_argument);
}

TEST_CASE("torch-dcgan weights load into another model, which then computes the same bits",
          "[torch_dcgan][weights]") {
  auto trained = make_model(1, 128, kSmall);
  auto fresh = make_model(2, 128, kSmall);
  gantry::testing::check_weights_round_trip(trained, fresh, 128);
}

TEST_CASE("torch-dcgan restored from its saved state trains on bit for bit as the original",
          "[torch_dcgan][checkpoint]") {
  auto trained = make_model(1, 128, kSmall);
  auto fresh = make_model(2, 128, kSmall);
  gantry::testing::check_state_round_trip(trained, fresh, 128);
}
