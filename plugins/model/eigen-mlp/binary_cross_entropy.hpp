// Binary cross-entropy of a sigmoid output, computed from its logit z rather than from the
// probability, so it never takes the log of a probability that rounded to 0 or 1:
//   loss(z, y) = max(z, 0) - z y + log1p(exp(-|z|)),   d loss / d z = sigmoid(z) - y.
// With y = 1 this is also the generator's non-saturating loss -log D(G(z)) = softplus(-z).
#pragma once

#include <Eigen/Core>

namespace gantry::plugins {

// Totals of one block of rows that share a label.
struct CrossEntropyBlock {
  double loss_sum;
  Eigen::Index rows_classified_right;  // sigmoid(z) > 0.5 for label 1, <= 0.5 for label 0
};

// Sums the losses of `logits` against one label (true: 1, real; false: 0, fake) and writes
// gradient_scale * (sigmoid(z) - y) into `logit_gradient` (same size), so a caller averaging
// over N rows passes 1 / N.
template <typename Scalar>
CrossEntropyBlock cross_entropy_from_logits(
    Eigen::Map<const Eigen::Array<Scalar, Eigen::Dynamic, 1>> logits, bool label,
    Scalar gradient_scale, Eigen::Map<Eigen::Array<Scalar, Eigen::Dynamic, 1>> logit_gradient);

extern template CrossEntropyBlock cross_entropy_from_logits<float>(
    Eigen::Map<const Eigen::Array<float, Eigen::Dynamic, 1>>, bool, float,
    Eigen::Map<Eigen::Array<float, Eigen::Dynamic, 1>>);
extern template CrossEntropyBlock cross_entropy_from_logits<double>(
    Eigen::Map<const Eigen::Array<double, Eigen::Dynamic, 1>>, bool, double,
    Eigen::Map<Eigen::Array<double, Eigen::Dynamic, 1>>);

}  // namespace gantry::plugins
