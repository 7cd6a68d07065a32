#include <catch2/catch.hpp>

#include "eigen_mlp_test_support.hpp"
#include "support/mlp_config.hpp"

using gantry::OptionError;
using gantry::plugins::Activation;
using gantry::plugins::LatentDistribution;
using gantry::plugins::MlpConfig;
using gantry::plugins::OptimizerKind;
using gantry::plugins::read_mlp_config;
using gantry::plugins::testing::model_options;

TEST_CASE("the default options describe the x2 notebook's model", "[eigen_mlp][config]") {
  MlpConfig config = read_mlp_config(model_options(), 2);
  REQUIRE(config.generator_layers.size() == 2);
  CHECK(config.generator_layers[0].units == 15);
  CHECK(config.generator_layers[1].units == 2);
  REQUIRE(config.discriminator_layers.size() == 2);
  CHECK(config.discriminator_layers[0].units == 25);
  CHECK(config.discriminator_layers[1].activation == Activation::sigmoid);
  CHECK(config.latent.dimensions == 5);
  CHECK(config.latent.distribution == LatentDistribution::normal);
  CHECK(config.leaky_relu_slope == 0.2);
  CHECK(config.generator_optimizer.kind == OptimizerKind::adam);
  CHECK(config.discriminator_optimizer.learning_rate == 0.001);
  CHECK(config.discriminator_optimizer.beta2 == 0.999);
  CHECK(config.generator_optimizer.epsilon == 1e-7);
}

TEST_CASE("options other than the defaults are read", "[eigen_mlp][config]") {
  MlpConfig config = read_mlp_config(model_options({{"g_layers", "200:tanh, 50:tanh"},
                                                    {"d_layers", "50:relu, 50:linear, 1:sigmoid"},
                                                    {"latent_dim", "10"},
                                                    {"latent", "uniform"},
                                                    {"latent_low", "0"},
                                                    {"g_optimizer", "sgd"},
                                                    {"g_lr", "0.01"},
                                                    {"d_beta1", "0.5"}}),
                                     50);
  CHECK(config.generator_layers.back().units == 50);
  CHECK(config.discriminator_layers.size() == 3);
  CHECK(config.latent.dimensions == 10);
  CHECK(config.latent.distribution == LatentDistribution::uniform);
  CHECK(config.latent.low == 0.0);
  CHECK(config.latent.high == 1.0);
  CHECK(config.generator_optimizer.kind == OptimizerKind::sgd);
  CHECK(config.generator_optimizer.learning_rate == 0.01);
  CHECK(config.discriminator_optimizer.beta1 == 0.5);
}

TEST_CASE("networks that do not fit the data or the loss are refused", "[eigen_mlp][config]") {
  SECTION("G's last layer must have one unit per data column") {
    CHECK_THROWS_WITH(read_mlp_config(model_options({{"g_layers", "15:relu, 3:linear"}}), 2),
                      Catch::StartsWith("g_layers:") && Catch::Contains("3 units") &&
                          Catch::Contains("2 columns"));
  }
  SECTION("D must end in exactly one sigmoid unit") {
    for (const char* layers : {"25:relu, 2:sigmoid", "25:relu, 1:linear", "25:relu, 1:tanh"}) {
      INFO(layers);
      CHECK_THROWS_WITH(read_mlp_config(model_options({{"d_layers", layers}}), 2),
                        Catch::StartsWith("d_layers:") && Catch::Contains("1:sigmoid"));
    }
  }
  SECTION("a bad layer spec names its option") {
    CHECK_THROWS_WITH(read_mlp_config(model_options({{"d_layers", "25:rleu, 1:sigmoid"}}), 2),
                      Catch::StartsWith("d_layers: unknown activation 'rleu' in '25:rleu'"));
  }
  SECTION("a model for rows without columns") {
    CHECK_THROWS_AS(read_mlp_config(model_options(), 0), std::invalid_argument);
  }
}

TEST_CASE("option values outside their ranges are refused", "[eigen_mlp][config]") {
  const std::pair<const char*, const char*> bad[] = {
      {"latent_dim", "0"},
      {"latent", "cauchy"},
      {"leaky_relu_slope", "-0.1"},
      {"g_optimizer", "rmsprop"},
      {"g_lr", "0"},
      {"d_lr", "-1"},
      {"g_beta1", "1"},
      {"d_beta2", "-0.5"},
      {"d_epsilon", "0"},
      {"g_lr", "nan"},
      {"latent_dim", "2.5"},
      {"d_beta1", "1.5"},
  };
  for (const auto& [name, value] : bad) {
    INFO(name << " = " << value);
    CHECK_THROWS_WITH(read_mlp_config(model_options({{name, value}}), 2),
                      Catch::Contains(std::string("'") + name + "'"));
    CHECK_THROWS_AS(read_mlp_config(model_options({{name, value}}), 2), OptionError);
  }
}

TEST_CASE("a uniform latent needs latent_low below latent_high", "[eigen_mlp][config]") {
  for (const char* high : {"-1", "-2"}) {
    auto options = model_options({{"latent", "uniform"}, {"latent_high", high}});
    CHECK_THROWS_WITH(read_mlp_config(options, 2),
                      Catch::Contains("latent_low") && Catch::Contains("latent_high"));
  }
  // A normal latent ignores the range, so an unused one does not stop the run.
  CHECK_NOTHROW(read_mlp_config(model_options({{"latent_high", "-2"}}), 2));
}
