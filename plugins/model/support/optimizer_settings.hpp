// The optimisers the models' g_* / d_* options describe, and Keras' Adam coefficients for one
// step. eigen-mlp (on Eigen vectors) and torch-common (on tensors) apply the same coefficients,
// so both backends follow Keras' trajectory, not torch::optim's (which places epsilon
// differently); option_reading.hpp reads the options.
#pragma once

#include <cmath>

namespace gantry::plugins {

enum class OptimizerKind { adam, sgd };

// An optimiser as the g_* / d_* options describe it; the betas and epsilon are Adam's only.
struct OptimizerSettings {
  OptimizerKind kind = OptimizerKind::adam;
  double learning_rate = 0.001;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double epsilon = 1e-7;  // Keras' default, not the 1e-8 of the Adam paper
};

// Adam as TensorFlow 2 / Keras implement it, with epsilon added to sqrt(v) after the bias
// correction has been folded into the learning rate:
//   t += 1; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
//   w -= lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + epsilon)
// These are the coefficients of step t in Scalar, rounded as Keras rounds them: the step size
// in double whatever Scalar is (only its final rounding depends on Scalar), and 1 - b computed
// in Scalar from the rounded b.
template <typename Scalar>
struct KerasAdamStep {
  Scalar step_size;  // lr sqrt(1 - b2^t) / (1 - b1^t)
  Scalar beta1;
  Scalar one_minus_beta1;
  Scalar beta2;
  Scalar one_minus_beta2;
  Scalar epsilon;
};

// The coefficients of step `iteration` (1 for the first step).
template <typename Scalar>
KerasAdamStep<Scalar> keras_adam_step(const OptimizerSettings& settings, long long iteration) {
  const double t = static_cast<double>(iteration);
  KerasAdamStep<Scalar> step;
  step.step_size =
      static_cast<Scalar>(settings.learning_rate * std::sqrt(1.0 - std::pow(settings.beta2, t)) /
                          (1.0 - std::pow(settings.beta1, t)));
  step.beta1 = static_cast<Scalar>(settings.beta1);
  step.one_minus_beta1 = Scalar(1) - step.beta1;
  step.beta2 = static_cast<Scalar>(settings.beta2);
  step.one_minus_beta2 = Scalar(1) - step.beta2;
  step.epsilon = static_cast<Scalar>(settings.epsilon);
  return step;
}

}  // namespace gantry::plugins
