// Backpropagation against central finite differences, in double: every activation, the
// discriminator's cross-entropy (parameters and input) and the generator's non-saturating loss.
#include <catch2/catch.hpp>

#include <cmath>

#include "eigen-mlp/binary_cross_entropy.hpp"
#include "eigen-mlp/gan_gradients.hpp"
#include "eigen-mlp/mlp.hpp"
#include "eigen_mlp_test_support.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using gantry::plugins::Activation;
using gantry::plugins::LayerSpec;
using gantry::plugins::parse_layer_specs;
using gantry::plugins::testing::central_differences;
using gantry::plugins::testing::uniform_matrix;

namespace {

using Network = gantry::plugins::Mlp<double>;
using Batch = Network::Matrix;
using Vector = Network::Vector;

// Random weights and biases (the initialiser leaves biases at 0, which would hide their errors).
Network random_network(int inputs, const std::string& layers, gantry::Random& random) {
  Network network(inputs, parse_layer_specs("layers", layers), 0.2);
  network.parameters() = uniform_matrix<Vector>(network.parameters().size(), 1, random, -0.8, 0.8);
  return network;
}

void check_gradient(const Eigen::MatrixXd& analytic, const Eigen::MatrixXd& numeric) {
  REQUIRE(analytic.rows() == numeric.rows());
  REQUIRE(analytic.cols() == numeric.cols());
  for (Eigen::Index i = 0; i < analytic.size(); ++i) {
    INFO("entry " << i);
    CHECK_THAT(analytic.data()[i],
               WithinAbs(numeric.data()[i], 1e-7) || WithinRel(numeric.data()[i], 1e-6));
  }
}

// mean over rows of -log sigmoid(z) (label 1) or -log(1 - sigmoid(z)) (label 0), by std::.
double mean_cross_entropy(const Network::ConstView& logits, Eigen::Index real_rows) {
  double sum = 0.0;
  for (Eigen::Index row = 0; row < logits.rows(); ++row) {
    double z = logits(row, 0);
    double signed_z = row < real_rows ? -z : z;  // loss = softplus(signed_z)
    sum += std::max(signed_z, 0.0) + std::log1p(std::exp(-std::abs(signed_z)));
  }
  return sum / static_cast<double>(logits.rows());
}

}  // namespace

TEST_CASE("backward matches finite differences for every activation", "[eigen_mlp][gradients]") {
  Activation activation = GENERATE(Activation::linear, Activation::relu, Activation::leaky_relu,
                                   Activation::tanh, Activation::sigmoid);
  std::string name = gantry::plugins::activation_name(activation);
  INFO("activation " << name);
  gantry::Random random(11);
  // The activation in a hidden layer and in the output layer, behind a linear input layer.
  Network network = random_network(3, "4:" + name + ", 5:linear, 3:" + name, random);
  Batch input = uniform_matrix<Batch>(6, 3, random, -1.5, 1.5);
  // loss = sum(output .* weights), so d loss / d output = weights.
  Batch output_weights = uniform_matrix<Batch>(6, 3, random);
  auto loss = [&] { return network.forward(input).cwiseProduct(output_weights).sum(); };

  loss();
  Vector parameter_gradient;
  network.backward(output_weights, Network::GradientOf::output, &parameter_gradient, true);
  Batch input_gradient = network.input_gradient();

  SECTION("with respect to the parameters") {
    check_gradient(parameter_gradient, central_differences(network.parameters(), loss));
  }
  SECTION("with respect to the input") {
    check_gradient(input_gradient, central_differences(input, loss));
  }
  SECTION("a frozen network computes its input gradient only") {
    Vector before = network.parameters();
    loss();
    network.backward(output_weights, Network::GradientOf::output, nullptr, true);
    check_gradient(network.input_gradient(), input_gradient);
    CHECK(network.parameters() == before);
  }
}

TEST_CASE("the discriminator's cross-entropy gradients match finite differences",
          "[eigen_mlp][gradients]") {
  gantry::Random random(12);
  Network discriminator = random_network(2, "5:tanh, 4:leaky_relu, 1:sigmoid", random);
  const Eigen::Index real_rows = 3;
  Batch batch = uniform_matrix<Batch>(7, 2, random, -2.0, 2.0);
  auto loss = [&] {
    discriminator.forward(batch);
    return mean_cross_entropy(discriminator.output_preactivation(), real_rows);
  };

  SECTION("with respect to D's parameters, through GanGradients") {
    gantry::plugins::GanGradients<double> gradients;
    Vector parameter_gradient;
    gantry::DiscriminatorStep step =
        gradients.discriminator(discriminator, batch, real_rows, &parameter_gradient);
    double mean_loss = (step.loss_real * 3 + step.loss_fake * 4) / 7;
    CHECK_THAT(mean_loss, WithinRel(loss(), 1e-12));
    check_gradient(parameter_gradient, central_differences(discriminator.parameters(), loss));
  }
  SECTION("with respect to D's input, from the logit gradient") {
    discriminator.forward(batch);
    Eigen::ArrayXd logits = discriminator.output_preactivation();
    Eigen::ArrayXd logit_gradient(7);
    using ConstFlat = Eigen::Map<const Eigen::ArrayXd>;
    using Flat = Eigen::Map<Eigen::ArrayXd>;
    gantry::plugins::cross_entropy_from_logits<double>(ConstFlat(logits.data(), 3), true, 1.0 / 7,
                                                       Flat(logit_gradient.data(), 3));
    gantry::plugins::cross_entropy_from_logits<double>(ConstFlat(logits.data() + 3, 4), false,
                                                       1.0 / 7, Flat(logit_gradient.data() + 3, 4));
    discriminator.backward(logit_gradient.matrix(), Network::GradientOf::preactivation, nullptr,
                           true);
    Batch input_gradient = discriminator.input_gradient();
    check_gradient(input_gradient, central_differences(batch, loss));
  }
}

TEST_CASE("the generator's non-saturating gradient matches finite differences",
          "[eigen_mlp][gradients]") {
  gantry::Random random(13);
  Network generator = random_network(4, "6:relu, 5:tanh, 2:sigmoid", random);
  Network discriminator = random_network(2, "5:leaky_relu, 1:sigmoid", random);
  Batch latent = uniform_matrix<Batch>(8, 4, random, -2.0, 2.0);
  auto loss = [&] {
    discriminator.forward(generator.forward(latent));
    return mean_cross_entropy(discriminator.output_preactivation(), 8);  // every row "real"
  };

  gantry::plugins::GanGradients<double> gradients;
  Vector discriminator_before = discriminator.parameters();
  Vector generator_gradient;
  double reported = gradients.generator(generator, discriminator, latent, &generator_gradient);

  CHECK_THAT(reported, WithinRel(loss(), 1e-12));
  CHECK(discriminator.parameters() == discriminator_before);
  check_gradient(generator_gradient, central_differences(generator.parameters(), loss));
}

TEST_CASE("malformed batches and gradients are refused", "[eigen_mlp][gradients]") {
  gantry::Random random(14);
  Network network = random_network(3, "4:relu, 2:linear", random);
  CHECK_THROWS_AS(network.forward(Batch::Zero(5, 2)), std::invalid_argument);
  network.forward(Batch::Zero(5, 3));
  Vector gradient;
  CHECK_THROWS_AS(
      network.backward(Batch::Zero(4, 2), Network::GradientOf::output, &gradient, false),
      std::invalid_argument);
  CHECK_THROWS_AS(Network(0, parse_layer_specs("layers", "2:linear"), 0.2), std::invalid_argument);
  CHECK_THROWS_AS(Network(2, std::vector<LayerSpec>{}, 0.2), std::invalid_argument);
}
