#include <catch2/catch.hpp>

#include <cmath>

#include "eigen-mlp/binary_cross_entropy.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using gantry::plugins::cross_entropy_from_logits;
using gantry::plugins::CrossEntropyBlock;

namespace {

template <typename Scalar>
CrossEntropyBlock run(Eigen::Array<Scalar, Eigen::Dynamic, 1>& logits, bool label, Scalar scale,
                      Eigen::Array<Scalar, Eigen::Dynamic, 1>& gradient) {
  gradient.resize(logits.size());
  using ConstFlat = Eigen::Map<const Eigen::Array<Scalar, Eigen::Dynamic, 1>>;
  using Flat = Eigen::Map<Eigen::Array<Scalar, Eigen::Dynamic, 1>>;
  return cross_entropy_from_logits<Scalar>(ConstFlat(logits.data(), logits.size()), label, scale,
                                           Flat(gradient.data(), gradient.size()));
}

// -log sigmoid(z) for label 1, -log(1 - sigmoid(z)) for label 0, in long double.
double reference_loss(double z, bool label) {
  long double x = label ? -z : z;
  return static_cast<double>(x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)));
}

}  // namespace

TEST_CASE("cross-entropy from logits matches -log of the probability",
          "[eigen_mlp][binary_cross_entropy]") {
  Eigen::ArrayXd logits(6);
  logits << -40.0, -2.0, -0.1, 0.0, 3.0, 40.0;
  Eigen::ArrayXd gradient;
  for (bool label : {true, false}) {
    INFO("label " << label);
    CrossEntropyBlock block = run<double>(logits, label, 0.5, gradient);
    double expected_sum = 0.0;
    for (Eigen::Index i = 0; i < logits.size(); ++i) {
      expected_sum += reference_loss(logits[i], label);
      double sigmoid = 1.0 / (1.0 + std::exp(-logits[i]));
      CHECK_THAT(gradient[i], WithinAbs(0.5 * (sigmoid - (label ? 1.0 : 0.0)), 1e-15));
    }
    CHECK_THAT(block.loss_sum, WithinRel(expected_sum, 1e-12));
    // z > 0 classifies as real; z = 0 (probability exactly 0.5) as fake.
    CHECK(block.rows_classified_right == (label ? 2 : 4));
  }
}

TEST_CASE("cross-entropy stays finite and accurate where probabilities round to 0 or 1",
          "[eigen_mlp][binary_cross_entropy]") {
  Eigen::ArrayXf logits(3);
  logits << -100.0f, 100.0f, 30.0f;
  Eigen::ArrayXf gradient;
  // Real rows with logit -100: the probability rounds to 0 in float, yet the loss is 100.
  CrossEntropyBlock real = run<float>(logits, true, 1.0f, gradient);
  CHECK_THAT(real.loss_sum,
             WithinRel(100.0 + reference_loss(100.0, true) + reference_loss(30.0, true), 1e-6));
  CrossEntropyBlock fake = run<float>(logits, false, 1.0f, gradient);
  CHECK_THAT(fake.loss_sum, WithinRel(reference_loss(-100.0, false) + 100.0 + 30.0, 1e-6));
  CHECK(gradient.allFinite());
  CHECK_THAT(gradient[1], WithinAbs(1.0, 1e-6));
}
