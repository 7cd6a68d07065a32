#include <catch2/catch.hpp>

#include <cmath>

#include "eigen-mlp/mlp.hpp"
#include "support/initializer.hpp"

using Catch::Matchers::WithinRel;
using gantry::plugins::Initializer;
using gantry::plugins::initializer_limit;
using gantry::plugins::parse_layer_specs;

TEST_CASE("initializer limits follow Keras", "[eigen_mlp][initialization]") {
  CHECK_THAT(initializer_limit(Initializer::glorot_uniform, 2, 25), WithinRel(std::sqrt(6.0 / 27)));
  CHECK_THAT(initializer_limit(Initializer::he_uniform, 2, 25), WithinRel(std::sqrt(3.0)));
  CHECK_THAT(initializer_limit(Initializer::he_uniform, 100, 1), WithinRel(std::sqrt(0.06)));
  CHECK(gantry::plugins::parse_initializer("he_uniform") == Initializer::he_uniform);
  CHECK_FALSE(gantry::plugins::parse_initializer("he_normal").has_value());
}

TEST_CASE("kernels fill their uniform range and biases start at zero",
          "[eigen_mlp][initialization]") {
  gantry::plugins::Mlp<double> network(
      100, parse_layer_specs("layers", "60:relu:he_uniform, 80:tanh, 1:sigmoid"), 0.2);
  network.parameters().setConstant(7.0);  // initialize() must overwrite everything
  gantry::Random random(3);
  network.initialize(random);

  const double limits[] = {std::sqrt(6.0 / 100), std::sqrt(6.0 / (60 + 80)),
                           std::sqrt(6.0 / (80 + 1))};
  for (int layer = 0; layer < 3; ++layer) {
    INFO("layer " << layer);
    auto kernel = network.weights(layer);
    double largest = kernel.cwiseAbs().maxCoeff();
    CHECK(largest <= limits[layer]);
    // 80 to 6,000 draws: the largest lies within a few percent of the limit.
    CHECK(largest > 0.9 * limits[layer]);
    CHECK(std::abs(kernel.mean()) < 0.15 * limits[layer]);
    CHECK((network.bias(layer).array() == 0.0).all());
  }
}

TEST_CASE("initialization is reproducible from the engine's state", "[eigen_mlp][initialization]") {
  auto layers = parse_layer_specs("layers", "15:relu:he_uniform, 2:linear");
  gantry::plugins::Mlp<float> first(5, layers, 0.2f);
  gantry::plugins::Mlp<float> second(5, layers, 0.2f);
  gantry::Random random_a(42);
  gantry::Random random_b(42);
  first.initialize(random_a);
  second.initialize(random_b);
  CHECK(first.parameters() == second.parameters());
  second.initialize(random_b);  // the engine has moved on
  CHECK(first.parameters() != second.parameters());
}
