#include <catch2/catch.hpp>

#include <cmath>

#include "eigen-mlp/activation.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using gantry::plugins::Activation;
using gantry::plugins::activation_name;
using gantry::plugins::parse_activation;

namespace {

Eigen::ArrayXd activated(Activation activation, Eigen::ArrayXd values, double slope = 0.2) {
  gantry::plugins::activate<double>(
      activation, slope, gantry::plugins::FlatArray<double>(values.data(), values.size()));
  return values;
}

}  // namespace

TEST_CASE("activation names round-trip", "[eigen_mlp][activation]") {
  for (Activation activation : {Activation::linear, Activation::relu, Activation::leaky_relu,
                                Activation::tanh, Activation::sigmoid}) {
    CHECK(parse_activation(activation_name(activation)) == activation);
  }
  CHECK_FALSE(parse_activation("ReLU").has_value());
  CHECK(gantry::plugins::activation_names_listed() == "linear, relu, leaky_relu, tanh or sigmoid");
}

TEST_CASE("activations compute Keras' functions", "[eigen_mlp][activation]") {
  // Odd length: the packet path and the scalar tail both run.
  Eigen::ArrayXd z(7);
  z << -3.0, -0.5, 0.0, 0.25, 1.0, 2.0, -1e-3;
  SECTION("linear and the rectifiers") {
    CHECK((activated(Activation::linear, z) == z).all());
    Eigen::ArrayXd relu = activated(Activation::relu, z);
    Eigen::ArrayXd leaky = activated(Activation::leaky_relu, z, 0.2);
    for (Eigen::Index i = 0; i < z.size(); ++i) {
      CHECK(relu[i] == std::max(z[i], 0.0));
      CHECK(leaky[i] == (z[i] > 0 ? z[i] : 0.2 * z[i]));
    }
    // Slopes above 1 select by sign rather than taking max(z, slope z).
    CHECK(activated(Activation::leaky_relu, z, 2.0)[0] == -6.0);
  }
  SECTION("tanh and sigmoid") {
    Eigen::ArrayXd tanh = activated(Activation::tanh, z);
    Eigen::ArrayXd sigmoid = activated(Activation::sigmoid, z);
    for (Eigen::Index i = 0; i < z.size(); ++i) {
      CHECK_THAT(tanh[i], WithinAbs(std::tanh(z[i]), 1e-12));
      CHECK_THAT(sigmoid[i], WithinRel(1.0 / (1.0 + std::exp(-z[i])), 1e-12));
    }
  }
}
