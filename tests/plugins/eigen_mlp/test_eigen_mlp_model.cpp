#include <catch2/catch.hpp>

#include <cmath>

#include "../model_weights_check.hpp"
#include "eigen-mlp/eigen_mlp_model.hpp"
#include "eigen_mlp_test_support.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using gantry::Matrix;
using gantry::plugins::Adam;
using gantry::plugins::EigenMlpModel;
using gantry::plugins::Mlp;
using gantry::plugins::testing::model_options;
using gantry::plugins::testing::uniform_matrix;

namespace {

EigenMlpModel make_model(std::uint64_t seed,
                         const std::map<std::string, std::string>& overrides = {}) {
  gantry::Options options = model_options(overrides);
  return EigenMlpModel(gantry::PluginArgs{options, 2, seed});
}

// -mean log D(x) (label 1) or -mean log(1 - D(x)) (label 0) from discriminate()'s probabilities.
double mean_cross_entropy(const Matrix& probabilities, bool real) {
  double sum = 0.0;
  for (Eigen::Index row = 0; row < probabilities.rows(); ++row) {
    double p = probabilities(row, 0);
    sum -= std::log(real ? p : 1.0 - p);
  }
  return sum / static_cast<double>(probabilities.rows());
}

double share(const Matrix& probabilities, bool above_half) {
  double count = 0.0;
  for (Eigen::Index row = 0; row < probabilities.rows(); ++row) {
    count += (probabilities(row, 0) > 0.5) == above_half ? 1.0 : 0.0;
  }
  return count / static_cast<double>(probabilities.rows());
}

// Real rows around (0.5, 0.5), fake rows around (-0.5, -0.5): separable by a line.
void separable_batch(Matrix& real, Matrix& fake) {
  gantry::Random random(5);
  real = uniform_matrix<Matrix>(32, 2, random, 0.2, 0.8);
  fake = uniform_matrix<Matrix>(32, 2, random, -0.8, -0.2);
}

}  // namespace

TEST_CASE("the model builds both networks from its options", "[eigen_mlp][model]") {
  EigenMlpModel model = make_model(1);
  CHECK(model.latent_dimensions() == 5);
  CHECK(model.generator().input_dimensions() == 5);
  CHECK(model.generator().parameters().size() == 5 * 15 + 15 + 15 * 2 + 2);
  CHECK(model.discriminator().input_dimensions() == 2);
  CHECK(model.discriminator().parameters().size() == 2 * 25 + 25 + 25 + 1);
  CHECK(dynamic_cast<const Adam<float>*>(&model.generator_optimizer()) != nullptr);
  EigenMlpModel sgd = make_model(1, {{"d_optimizer", "sgd"}});
  CHECK(dynamic_cast<const gantry::plugins::Sgd<float>*>(&sgd.discriminator_optimizer()) !=
        nullptr);
  CHECK_THROWS_AS(make_model(1, {{"g_layers", "15:relu, 1:linear"}}), gantry::OptionError);
}

TEST_CASE("initialization draws G's layers, then D's, from the model.init stream",
          "[eigen_mlp][model]") {
  EigenMlpModel model = make_model(9);
  gantry::Random init = gantry::make_stream(9, "model.init");
  Mlp<float> generator(5, model.config().generator_layers, 0.2f);
  Mlp<float> discriminator(2, model.config().discriminator_layers, 0.2f);
  generator.initialize(init);
  discriminator.initialize(init);
  CHECK(model.generator().parameters() == generator.parameters());
  CHECK(model.discriminator().parameters() == discriminator.parameters());
}

TEST_CASE("the seed alone decides the weights and the outputs", "[eigen_mlp][model]") {
  EigenMlpModel first = make_model(7);
  EigenMlpModel second = make_model(7);
  EigenMlpModel other = make_model(8);
  gantry::Random random(1);
  Matrix latent = first.sample_latent(16, random);
  Matrix real = uniform_matrix<Matrix>(16, 2, random);

  SECTION("same seed: identical weights, outputs and training") {
    CHECK(first.generator().parameters() == second.generator().parameters());
    CHECK(first.discriminator().parameters() == second.discriminator().parameters());
    for (int step = 0; step < 3; ++step) {
      Matrix fake_first = first.generate(latent);
      Matrix fake_second = second.generate(latent);
      CHECK(fake_first == fake_second);
      gantry::DiscriminatorStep a = first.discriminator_step(real, fake_first);
      gantry::DiscriminatorStep b = second.discriminator_step(real, fake_second);
      CHECK(a.loss_real == b.loss_real);
      CHECK(a.loss_fake == b.loss_fake);
      CHECK(first.generator_step(latent) == second.generator_step(latent));
    }
    CHECK(first.generator().parameters() == second.generator().parameters());
    CHECK(first.discriminate(real) == second.discriminate(real));
  }
  SECTION("another seed: other weights and outputs") {
    CHECK(first.generator().parameters() != other.generator().parameters());
    CHECK(first.discriminator().parameters() != other.discriminator().parameters());
    CHECK(first.generate(latent) != other.generate(latent));
  }
}

TEST_CASE("latent noise follows the configured distribution", "[eigen_mlp][model]") {
  SECTION("normal") {
    EigenMlpModel model = make_model(1);
    gantry::Random random(2);
    Matrix latent = model.sample_latent(4000, random);
    REQUIRE(latent.rows() == 4000);
    REQUIRE(latent.cols() == 5);
    double mean = latent.cast<double>().mean();
    double variance = (latent.cast<double>().array() - mean).square().mean();
    CHECK_THAT(mean, WithinAbs(0.0, 0.03));
    CHECK_THAT(variance, WithinAbs(1.0, 0.05));
    gantry::Random again(2);
    CHECK(model.sample_latent(4000, again) == latent);
  }
  SECTION("uniform") {
    EigenMlpModel model =
        make_model(1, {{"latent", "uniform"}, {"latent_low", "0.5"}, {"latent_high", "2"}});
    gantry::Random random(2);
    Matrix latent = model.sample_latent(4000, random);
    CHECK(latent.minCoeff() >= 0.5f);
    CHECK(latent.maxCoeff() <= 2.0f);
    CHECK_THAT(latent.cast<double>().mean(), WithinAbs(1.25, 0.03));
  }
  SECTION("no rows") {
    gantry::Random random(2);
    CHECK(make_model(1).sample_latent(0, random).rows() == 0);
  }
}

TEST_CASE("generate and discriminate are pure inference", "[eigen_mlp][model]") {
  EigenMlpModel model = make_model(3);
  gantry::Random random(4);
  Matrix latent = model.sample_latent(10, random);
  auto generator_before = model.generator().parameters();
  Matrix samples = model.generate(latent);
  REQUIRE(samples.rows() == 10);
  REQUIRE(samples.cols() == 2);
  Matrix probabilities = model.discriminate(samples);
  REQUIRE(probabilities.rows() == 10);
  REQUIRE(probabilities.cols() == 1);
  CHECK(probabilities.minCoeff() > 0.0f);
  CHECK(probabilities.maxCoeff() < 1.0f);
  CHECK(model.generate(latent) == samples);
  CHECK(model.discriminate(samples) == probabilities);
  CHECK(model.generator().parameters() == generator_before);
  CHECK(model.generate(Matrix(0, 5)).rows() == 0);
  CHECK(model.discriminate(Matrix(0, 2)).rows() == 0);
  CHECK_THROWS_AS(model.generate(Matrix::Zero(3, 4)), std::invalid_argument);
  CHECK_THROWS_AS(model.discriminate(Matrix::Zero(3, 3)), std::invalid_argument);
}

TEST_CASE("discriminator_step reports the forward pass before its update", "[eigen_mlp][model]") {
  EigenMlpModel model = make_model(6);
  Matrix real;
  Matrix fake;
  separable_batch(real, fake);
  fake.conservativeResize(20, 2);  // unequal parts
  Matrix real_probabilities = model.discriminate(real);
  Matrix fake_probabilities = model.discriminate(fake);
  auto before = model.discriminator().parameters();

  gantry::DiscriminatorStep step = model.discriminator_step(real, fake);
  CHECK_THAT(step.loss_real, WithinRel(mean_cross_entropy(real_probabilities, true), 1e-5));
  CHECK_THAT(step.loss_fake, WithinRel(mean_cross_entropy(fake_probabilities, false), 1e-5));
  CHECK(step.accuracy_real == share(real_probabilities, true));
  CHECK(step.accuracy_fake == share(fake_probabilities, false));
  CHECK(model.discriminator().parameters() != before);
}

TEST_CASE("discriminator_step learns a separable batch", "[eigen_mlp][model]") {
  EigenMlpModel model = make_model(6, {{"d_lr", "0.01"}});
  Matrix real;
  Matrix fake;
  separable_batch(real, fake);
  gantry::DiscriminatorStep first = model.discriminator_step(real, fake);
  gantry::DiscriminatorStep last = first;
  for (int step = 0; step < 100; ++step) last = model.discriminator_step(real, fake);
  CHECK(last.loss_real + last.loss_fake < 0.5 * (first.loss_real + first.loss_fake));
  CHECK(last.accuracy_real == 1.0);
  CHECK(last.accuracy_fake == 1.0);
}

TEST_CASE("discriminator_step accepts an empty part", "[eigen_mlp][model]") {
  EigenMlpModel model = make_model(6);
  Matrix real;
  Matrix fake;
  separable_batch(real, fake);
  Matrix none(0, 2);

  SECTION("real rows only") {
    gantry::DiscriminatorStep step = model.discriminator_step(real, none);
    CHECK(step.loss_real > 0.0);
    CHECK(step.loss_fake == 0.0);
    CHECK(step.accuracy_fake == 0.0);
  }
  SECTION("fake rows only") {
    gantry::DiscriminatorStep step = model.discriminator_step(Matrix(), fake);
    CHECK(step.loss_fake > 0.0);
    CHECK(step.loss_real == 0.0);
    CHECK(step.accuracy_real == 0.0);
  }
  SECTION("no rows at all: no update") {
    auto before = model.discriminator().parameters();
    gantry::DiscriminatorStep step = model.discriminator_step(none, none);
    CHECK(step.loss_real == 0.0);
    CHECK(step.loss_fake == 0.0);
    CHECK(model.discriminator().parameters() == before);
    CHECK(dynamic_cast<const Adam<float>&>(model.discriminator_optimizer()).iterations() == 0);
  }
  SECTION("rows of the wrong width") {
    CHECK_THROWS_AS(model.discriminator_step(Matrix::Zero(4, 3), none), std::invalid_argument);
  }
}

TEST_CASE("generator_step trains G through a frozen D", "[eigen_mlp][model]") {
  EigenMlpModel model = make_model(10, {{"g_lr", "0.01"}});
  gantry::Random random(11);
  Matrix latent = model.sample_latent(128, random);
  Matrix real;
  Matrix fake;
  separable_batch(real, fake);
  model.discriminator_step(real, fake);  // D's Adam state is not empty

  const auto& adam = dynamic_cast<const Adam<float>&>(model.discriminator_optimizer());
  auto discriminator_before = model.discriminator().parameters();
  auto first_moment_before = adam.first_moment();
  auto second_moment_before = adam.second_moment();
  auto generator_before = model.generator().parameters();
  double expected_loss = mean_cross_entropy(model.discriminate(model.generate(latent)), true);

  double loss = model.generator_step(latent);

  SECTION("the loss is -mean log D(G(z)) before the update") {
    CHECK_THAT(loss, WithinRel(expected_loss, 1e-5));
  }
  SECTION("D's parameters and optimiser state are bit-identical") {
    CHECK(model.discriminator().parameters() == discriminator_before);
    CHECK(adam.iterations() == 1);
    CHECK(adam.first_moment() == first_moment_before);
    CHECK(adam.second_moment() == second_moment_before);
    CHECK(model.generator().parameters() != generator_before);
  }
  SECTION("repeated steps lower G's loss against the fixed D") {
    double later = loss;
    for (int step = 0; step < 50; ++step) later = model.generator_step(latent);
    CHECK(later < loss - 0.05);
  }
  SECTION("D then trains exactly as if G had never stepped") {
    EigenMlpModel untouched = make_model(10, {{"g_lr", "0.01"}});
    untouched.discriminator_step(real, fake);
    model.discriminator_step(real, fake);
    untouched.discriminator_step(real, fake);
    CHECK(model.discriminator().parameters() == untouched.discriminator().parameters());
  }
  SECTION("malformed latent batches") {
    CHECK_THROWS_AS(model.generator_step(Matrix::Zero(4, 3)), std::invalid_argument);
    CHECK(model.generator_step(Matrix(0, 5)) == 0.0);
  }
}

TEST_CASE("eigen-mlp weights load into another model, which then computes the same bits",
          "[eigen_mlp][weights]") {
  auto trained = make_model(1);
  auto fresh = make_model(2);
  gantry::testing::check_weights_round_trip(trained, fresh, 2);
}

TEST_CASE("eigen-mlp restored from its saved state trains on bit for bit as the original",
          "[eigen_mlp][checkpoint]") {
  auto trained = make_model(1);
  auto fresh = make_model(2);
  gantry::testing::check_state_round_trip(trained, fresh, 2);
}
