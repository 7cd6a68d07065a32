// Activation functions of a dense layer on Eigen arrays, applied element by element in place
// (the names and their parsing are backend-neutral, in support/activation.hpp).
//
// Every derivative is computed from the activated value alone (relu: a > 0, tanh: 1 - a^2,
// sigmoid: a (1 - a)), so the network keeps one buffer per layer instead of both the
// pre-activation and the activation. That holds for leaky_relu too because its slope is >= 0:
// a > 0 exactly when z > 0.
#pragma once

#include <Eigen/Core>

#include "support/activation.hpp"

namespace gantry::plugins {

// f(sign, value) = value where sign > 0, else scale * value: the rectifiers and their
// derivatives. Eigen's own select() is not vectorised, and its branch on the random sign of
// each unit made the rectifier backward pass the slowest step of a training iteration.
template <typename Scalar>
struct ScaleUnlessPositive {
  Scalar scale;

  Scalar operator()(Scalar sign, Scalar value) const {
    return sign > Scalar(0) ? value : scale * value;
  }

  template <typename Packet>
  Packet packetOp(const Packet& sign, const Packet& value) const {
    using namespace Eigen::internal;
    return pselect(pcmp_lt(pzero(sign), sign), value, pmul(pset1<Packet>(scale), value));
  }
};

}  // namespace gantry::plugins

template <typename Scalar>
struct Eigen::internal::functor_traits<gantry::plugins::ScaleUnlessPositive<Scalar>> {
  enum { Cost = 3 * NumTraits<Scalar>::AddCost, PacketAccess = true };
};

namespace gantry::plugins {

template <typename Scalar>
using FlatArray = Eigen::Map<Eigen::Array<Scalar, Eigen::Dynamic, 1>>;
template <typename Scalar>
using ConstFlatArray = Eigen::Map<const Eigen::Array<Scalar, Eigen::Dynamic, 1>>;

// values <- f(values).
template <typename Scalar>
void activate(Activation activation, Scalar leaky_relu_slope, FlatArray<Scalar> values) {
  switch (activation) {
    case Activation::linear:
      return;
    case Activation::relu:
      values = values.max(Scalar(0));
      return;
    case Activation::leaky_relu:
      // TensorFlow's select(z > 0, z, slope * z), which is also right for slopes above 1.
      values = values.binaryExpr(values, ScaleUnlessPositive<Scalar>{leaky_relu_slope});
      return;
    case Activation::tanh:
      values = values.tanh();
      return;
    case Activation::sigmoid:
      values = values.logistic();
      return;
  }
}

// gradient <- gradient * f'(z), with f'(z) computed from activated = f(z). At z = 0 relu's
// derivative is 0 and leaky_relu's is the slope, as in TensorFlow.
template <typename Scalar>
void multiply_by_derivative(Activation activation, Scalar leaky_relu_slope,
                            ConstFlatArray<Scalar> activated, FlatArray<Scalar> gradient) {
  switch (activation) {
    case Activation::linear:
      return;
    case Activation::relu:
      gradient = activated.binaryExpr(gradient, ScaleUnlessPositive<Scalar>{Scalar(0)});
      return;
    case Activation::leaky_relu:
      gradient = activated.binaryExpr(gradient, ScaleUnlessPositive<Scalar>{leaky_relu_slope});
      return;
    case Activation::tanh:
      gradient *= Scalar(1) - activated.square();
      return;
    case Activation::sigmoid:
      gradient *= activated * (Scalar(1) - activated);
      return;
  }
}

}  // namespace gantry::plugins
