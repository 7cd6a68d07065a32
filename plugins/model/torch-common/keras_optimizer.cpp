#include "torch-common/keras_optimizer.hpp"

#include "torch-common/torch_state.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>

namespace gantry::plugins::torch_backend {

namespace {

// Elements per task when the step runs on several threads: ATen's grain for element-wise ops.
constexpr std::int64_t kAdamGrain = 32768;

// Adam's element-wise update in one pass over memory instead of nine tensor operations, each
// reading and writing whole tensors (G's dense kernel alone is 40 MB). The same float operations
// in the same order as those tensor operations, each rounded once: this file is compiled with
// -ffp-contract=off, so no multiply and add are fused, and sqrt is IEEE's correctly rounded one
// either way. test_keras_optimizer checks it bit for bit against the tensor expression.
void adam_update(float* parameter, float* m, float* v, const float* g, std::int64_t begin,
                 std::int64_t end, const KerasAdamStep<float>& c) {
  for (std::int64_t i = begin; i < end; ++i) {
    const float first = m[i] * c.beta1 + g[i] * c.one_minus_beta1;
    const float second = v[i] * c.beta2 + (g[i] * g[i]) * c.one_minus_beta2;
    m[i] = first;
    v[i] = second;
    parameter[i] = parameter[i] - (first * c.step_size) / (std::sqrt(second) + c.epsilon);
  }
}

void require_same_layout(const at::Tensor& parameter, const at::Tensor& gradient,
                         std::size_t index) {
  if (gradient.sizes() != parameter.sizes() || gradient.scalar_type() != at::kFloat) {
    throw std::invalid_argument("optimizer step: gradient " + std::to_string(index) +
                                " is not a float tensor of its parameter's shape");
  }
}

}  // namespace

KerasOptimizer::KerasOptimizer(const OptimizerSettings& settings,
                               std::vector<at::Tensor> parameters)
    : settings_(settings), parameters_(std::move(parameters)) {
  if (settings_.kind == OptimizerKind::adam) {
    for (const at::Tensor& parameter : parameters_) {
      if (!parameter.is_contiguous() || parameter.scalar_type() != at::kFloat) {
        throw std::invalid_argument("optimizer: Adam needs contiguous float parameters");
      }
    }
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
    at::Tensor& parameter = parameters_[i];
    require_same_layout(parameter, gradients[i], i);
    const at::Tensor g = gradients[i].contiguous();
    float* p = parameter.data_ptr<float>();
    float* m = first_moments_[i].data_ptr<float>();
    float* v = second_moments_[i].data_ptr<float>();
    const float* gradient = g.data_ptr<float>();
    at::parallel_for(0, parameter.numel(), kAdamGrain, [&](std::int64_t begin, std::int64_t end) {
      adam_update(p, m, v, gradient, begin, end, c);
    });
    // Written through the raw pointer, unlike an in-place tensor operation: tell autograd, so
    // a graph that saved the old values fails loudly instead of using the new ones.
    parameter.unsafeGetTensorImpl()->bump_version();
  }
}

void KerasOptimizer::save(StateWriter& out) const {
  out.number<std::int64_t>(iterations_);
  save_tensors(out, first_moments_);
  save_tensors(out, second_moments_);
}

void KerasOptimizer::restore(StateReader& in) {
  iterations_ = in.number<std::int64_t>();
  restore_tensors(in, first_moments_);
  restore_tensors(in, second_moments_);
}

}  // namespace gantry::plugins::torch_backend
