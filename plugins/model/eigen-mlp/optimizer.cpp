#include "eigen-mlp/optimizer.hpp"

#include <stdexcept>
#include <string>

namespace gantry::plugins {

namespace {

template <typename Vector>
void require_same_size(const Vector& parameters, const Vector& gradient) {
  if (parameters.size() != gradient.size()) {
    throw std::invalid_argument("optimizer step: " + std::to_string(gradient.size()) +
                                " gradients for " + std::to_string(parameters.size()) +
                                " parameters");
  }
}

}  // namespace

template <typename Scalar>
void Sgd<Scalar>::step(Vector& parameters, const Vector& gradient) {
  require_same_size(parameters, gradient);
  parameters -= learning_rate_ * gradient;
}

template <typename Scalar>
Adam<Scalar>::Adam(Eigen::Index parameter_count, const OptimizerSettings& settings)
    : settings_(settings),
      first_moment_(Vector::Zero(parameter_count)),
      second_moment_(Vector::Zero(parameter_count)) {}

template <typename Scalar>
void Adam<Scalar>::step(Vector& parameters, const Vector& gradient) {
  require_same_size(parameters, gradient);
  require_same_size(first_moment_, gradient);
  ++iterations_;
  const KerasAdamStep<Scalar> c = keras_adam_step<Scalar>(settings_, iterations_);
  auto g = gradient.array();
  auto m = first_moment_.array();
  auto v = second_moment_.array();
  m = c.beta1 * m + c.one_minus_beta1 * g;
  v = c.beta2 * v + c.one_minus_beta2 * g.square();
  parameters.array() -= c.step_size * m / (v.sqrt() + c.epsilon);
}

template <typename Scalar>
std::unique_ptr<Optimizer<Scalar>> make_optimizer(const OptimizerSettings& settings,
                                                  Eigen::Index parameter_count) {
  if (settings.kind == OptimizerKind::sgd) {
    return std::make_unique<Sgd<Scalar>>(settings.learning_rate);
  }
  return std::make_unique<Adam<Scalar>>(parameter_count, settings);
}

template <typename Scalar>
void Adam<Scalar>::save(StateWriter& out) const {
  out.number<std::int64_t>(iterations_);
  out.array(first_moment_.data(), static_cast<std::size_t>(first_moment_.size()));
  out.array(second_moment_.data(), static_cast<std::size_t>(second_moment_.size()));
}

template <typename Scalar>
void Adam<Scalar>::restore(StateReader& in) {
  iterations_ = in.number<std::int64_t>();
  in.array(first_moment_.data(), static_cast<std::size_t>(first_moment_.size()));
  in.array(second_moment_.data(), static_cast<std::size_t>(second_moment_.size()));
}

template class Sgd<float>;
template class Sgd<double>;
template class Adam<float>;
template class Adam<double>;
template std::unique_ptr<Optimizer<float>> make_optimizer(const OptimizerSettings&, Eigen::Index);
template std::unique_ptr<Optimizer<double>> make_optimizer(const OptimizerSettings&, Eigen::Index);

}  // namespace gantry::plugins
