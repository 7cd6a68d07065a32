#include "eigen-mlp/binary_cross_entropy.hpp"

#include <stdexcept>

namespace gantry::plugins {

template <typename Scalar>
CrossEntropyBlock cross_entropy_from_logits(
    Eigen::Map<const Eigen::Array<Scalar, Eigen::Dynamic, 1>> logits, bool label,
    Scalar gradient_scale, Eigen::Map<Eigen::Array<Scalar, Eigen::Dynamic, 1>> logit_gradient) {
  if (logits.size() != logit_gradient.size()) {
    throw std::invalid_argument("cross_entropy_from_logits: logits and gradient differ in size");
  }
  const Scalar y = label ? Scalar(1) : Scalar(0);
  CrossEntropyBlock block{0.0, 0};
  // Summed in Scalar: a cast to double would stop Eigen from vectorising exp and log1p.
  block.loss_sum = (logits.max(Scalar(0)) - logits * y + (-logits.abs()).exp().log1p()).sum();
  logit_gradient = logits.logistic();
  // Measured on the probability, as Keras' binary accuracy is: a tiny positive logit whose
  // sigmoid rounds to exactly 0.5 counts as fake.
  block.rows_classified_right =
      label ? (logit_gradient > Scalar(0.5)).count() : (logit_gradient <= Scalar(0.5)).count();
  logit_gradient = (logit_gradient - y) * gradient_scale;
  return block;
}

template CrossEntropyBlock cross_entropy_from_logits<float>(
    Eigen::Map<const Eigen::Array<float, Eigen::Dynamic, 1>>, bool, float,
    Eigen::Map<Eigen::Array<float, Eigen::Dynamic, 1>>);
template CrossEntropyBlock cross_entropy_from_logits<double>(
    Eigen::Map<const Eigen::Array<double, Eigen::Dynamic, 1>>, bool, double,
    Eigen::Map<Eigen::Array<double, Eigen::Dynamic, 1>>);

}  // namespace gantry::plugins
