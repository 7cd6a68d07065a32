#include "torch-common/keras_optimizer.hpp"

#include <stdexcept>
#include <string>

#include <ATen/core/grad_mode.h>

namespace gantry::plugins::torch_backend {

KerasOptimizer::KerasOptimizer(const OptimizerSettings& settings,
                               std::vector<at::Tensor> parameters)
    : settings_(settings), parameters_(std::move(parameters)) {
  if (settings_.kind == OptimizerKind::adam) {
    for (const at::Tensor& parameter : parameters_) {
      first_moments_.push_back(at::zeros_like(parameter));
      second_moments_.push_back(at::zeros_like(parameter));
    }
  }
}

void KerasOptimizer::step(const std::vector<at::Tensor>& gradients) {
  if (gradients.size() != parameters_.size()) {
    throw std::invalid_argument("optimizer step: " + std::to_string(gradients.size()) +
                                " gradients for " + std::to_string(parameters_.size()) +
                                " parameters");
  }
  at::NoGradGuard no_grad;
  ++iterations_;
  if (settings_.kind == OptimizerKind::sgd) {
    const auto learning_rate = static_cast<float>(settings_.learning_rate);
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
      parameters_[i].sub_(gradients[i] * learning_rate);
    }
    return;
  }
  // As eigen-mlp: the coefficients in float, then every element operation in float.
  const KerasAdamStep<float> c = keras_adam_step<float>(settings_, iterations_);
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    const at::Tensor& g = gradients[i];
    at::Tensor& m = first_moments_[i];
    at::Tensor& v = second_moments_[i];
    m.mul_(c.beta1).add_(g * c.one_minus_beta1);
    v.mul_(c.beta2).add_(g.square() * c.one_minus_beta2);
    parameters_[i].sub_(m * c.step_size / (v.sqrt() + c.epsilon));
  }
}

}  // namespace gantry::plugins::torch_backend
