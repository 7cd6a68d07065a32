#include "torch-common/keras_optimizer.hpp"

#include <cmath>
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
  const double t = static_cast<double>(iterations_);
  // As eigen-mlp: the step size in double, then every element operation in float.
  const auto step_size =
      static_cast<float>(settings_.learning_rate * std::sqrt(1.0 - std::pow(settings_.beta2, t)) /
                         (1.0 - std::pow(settings_.beta1, t)));
  const auto beta1 = static_cast<float>(settings_.beta1);
  const auto beta2 = static_cast<float>(settings_.beta2);
  const auto epsilon = static_cast<float>(settings_.epsilon);
  for (std::size_t i = 0; i < parameters_.size(); ++i) {
    const at::Tensor& g = gradients[i];
    at::Tensor& m = first_moments_[i];
    at::Tensor& v = second_moments_[i];
    m.mul_(beta1).add_(g * (1.0f - beta1));
    v.mul_(beta2).add_(g.square() * (1.0f - beta2));
    parameters_[i].sub_(m * step_size / (v.sqrt() + epsilon));
  }
}

}  // namespace gantry::plugins::torch_backend
