// Optimisers over a network's flat parameter vector, with Keras' update rules. Each network has
// its own optimiser, so G's and D's Adam moments and step counts never mix.
#pragma once

#include <memory>

#include <Eigen/Core>

#include "gantry/state_bytes.hpp"
#include "support/optimizer_settings.hpp"

namespace gantry::plugins {

template <typename Scalar>
class Optimizer {
 public:
  using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;

  virtual ~Optimizer() = default;

  // Moves `parameters` one step against `gradient` (same size).
  virtual void step(Vector& parameters, const Vector& gradient) = 0;
  // What step() depends on besides the parameters (Adam's moments and step count), for a
  // checkpoint; restore() throws std::invalid_argument for another optimiser's state.
  virtual void save(StateWriter& /*out*/) const {}
  virtual void restore(StateReader& /*in*/) {}
};

// Plain gradient descent: w -= lr * g.
template <typename Scalar>
class Sgd final : public Optimizer<Scalar> {
 public:
  using typename Optimizer<Scalar>::Vector;

  explicit Sgd(double learning_rate) : learning_rate_(static_cast<Scalar>(learning_rate)) {}
  void step(Vector& parameters, const Vector& gradient) override;

 private:
  Scalar learning_rate_;
};

// Adam as TensorFlow 2 / Keras implement it, with the coefficients of keras_adam_step
// (support/optimizer_settings.hpp): epsilon added to sqrt(v) after the bias correction has been
// folded into the learning rate.
template <typename Scalar>
class Adam final : public Optimizer<Scalar> {
 public:
  using typename Optimizer<Scalar>::Vector;

  Adam(Eigen::Index parameter_count, const OptimizerSettings& settings);
  void step(Vector& parameters, const Vector& gradient) override;

  void save(StateWriter& out) const override;
  void restore(StateReader& in) override;
  long long iterations() const { return iterations_; }
  const Vector& first_moment() const { return first_moment_; }
  const Vector& second_moment() const { return second_moment_; }

 private:
  OptimizerSettings settings_;
  long long iterations_ = 0;
  Vector first_moment_;
  Vector second_moment_;
};

template <typename Scalar>
std::unique_ptr<Optimizer<Scalar>> make_optimizer(const OptimizerSettings& settings,
                                                  Eigen::Index parameter_count);

extern template class Sgd<float>;
extern template class Sgd<double>;
extern template class Adam<float>;
extern template class Adam<double>;

}  // namespace gantry::plugins
