#include <catch2/catch.hpp>

#include "eigen-mlp/optimizer.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using gantry::plugins::Adam;
using gantry::plugins::make_optimizer;
using gantry::plugins::OptimizerKind;
using gantry::plugins::OptimizerSettings;
using gantry::plugins::Sgd;

namespace {

OptimizerSettings adam_settings(double learning_rate) {
  OptimizerSettings settings;
  settings.learning_rate = learning_rate;
  return settings;  // beta1 0.9, beta2 0.999, epsilon 1e-7: Keras' defaults
}

template <typename Vector>
Vector vector_of(std::initializer_list<double> values) {
  Vector vector(static_cast<Eigen::Index>(values.size()));
  Eigen::Index i = 0;
  for (double value : values) vector[i++] = static_cast<typename Vector::Scalar>(value);
  return vector;
}

}  // namespace

TEST_CASE("Adam's first steps match the Keras update rule", "[eigen_mlp][optimizer]") {
  // Expected values computed by hand from the rule (t += 1; m = b1 m + (1 - b1) g;
  // v = b2 v + (1 - b2) g^2; w -= lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + eps)) in Python
  // floats. Step 1 moves each parameter by almost exactly lr (0.1), less by epsilon's share.
  const double expected[3][3] = {
      {0.9000006324515321, -1.9000031621776634, 0.5},
      {0.8101436398802739, -1.9494216512977696, 0.5744136235275634},
      {0.833489886072729, -1.987622286426647, 0.6319195900481284},
  };
  const double gradients[3][3] = {{0.5, -0.1, 0.0}, {0.2, 0.3, -4.0}, {-1.0, 0.0, 1e-3}};

  SECTION("in double") {
    Adam<double> adam(3, adam_settings(0.1));
    Eigen::VectorXd parameters = vector_of<Eigen::VectorXd>({1.0, -2.0, 0.5});
    for (int t = 0; t < 3; ++t) {
      adam.step(parameters, Eigen::Map<const Eigen::VectorXd>(gradients[t], 3));
      INFO("step " << t + 1);
      for (int i = 0; i < 3; ++i) CHECK_THAT(parameters[i], WithinRel(expected[t][i], 1e-12));
    }
    CHECK(adam.iterations() == 3);
    CHECK_THAT(adam.first_moment()[2], WithinRel(-0.35989999999999994, 1e-12));
    CHECK_THAT(adam.second_moment()[0], WithinRel(0.0012894602500000013, 1e-12));
  }
  SECTION("in float") {
    Adam<float> adam(3, adam_settings(0.1));
    Eigen::VectorXf parameters = vector_of<Eigen::VectorXf>({1.0, -2.0, 0.5});
    for (int t = 0; t < 3; ++t) {
      Eigen::VectorXf gradient = Eigen::Map<const Eigen::VectorXd>(gradients[t], 3).cast<float>();
      adam.step(parameters, gradient);
      for (int i = 0; i < 3; ++i) CHECK_THAT(parameters[i], WithinAbs(expected[t][i], 2e-6));
    }
  }
}

TEST_CASE("SGD steps by the learning rate times the gradient", "[eigen_mlp][optimizer]") {
  Sgd<double> sgd(0.25);
  Eigen::VectorXd parameters = vector_of<Eigen::VectorXd>({1.0, -2.0});
  sgd.step(parameters, vector_of<Eigen::VectorXd>({0.5, -4.0}));
  CHECK(parameters[0] == 0.875);
  CHECK(parameters[1] == -1.0);
}

TEST_CASE("make_optimizer builds the configured kind", "[eigen_mlp][optimizer]") {
  OptimizerSettings settings;
  CHECK(dynamic_cast<Adam<float>*>(make_optimizer<float>(settings, 4).get()) != nullptr);
  settings.kind = OptimizerKind::sgd;
  CHECK(dynamic_cast<Sgd<float>*>(make_optimizer<float>(settings, 4).get()) != nullptr);
}

TEST_CASE("optimizers refuse gradients of the wrong size", "[eigen_mlp][optimizer]") {
  Eigen::VectorXd parameters = Eigen::VectorXd::Zero(3);
  Adam<double> adam(3, adam_settings(0.1));
  CHECK_THROWS_AS(adam.step(parameters, Eigen::VectorXd::Zero(2)), std::invalid_argument);
  CHECK(adam.iterations() == 0);
  Sgd<double> sgd(0.1);
  CHECK_THROWS_AS(sgd.step(parameters, Eigen::VectorXd::Zero(4)), std::invalid_argument);
}
