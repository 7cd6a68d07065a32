// Keras' SGD and Adam over a list of parameter tensors, with the coefficients eigen-mlp uses too
// (keras_adam_step, support/optimizer_settings.hpp): torch's own torch::optim::Adam puts epsilon
// inside the bias correction differently, so a torch model on it would not follow the same
// trajectory.
#pragma once

#include <vector>

#include <ATen/ATen.h>

#include "gantry/state_bytes.hpp"
#include "support/optimizer_settings.hpp"

namespace gantry::plugins::torch_backend {

class KerasOptimizer {
 public:
  // `parameters` are updated in place; they share storage with the model's tensors.
  KerasOptimizer(const OptimizerSettings& settings, std::vector<at::Tensor> parameters);

  // One step against `gradients`, one per parameter in the same order and shapes.
  void step(const std::vector<at::Tensor>& gradients);

  const OptimizerSettings& settings() const { return settings_; }
  long long iterations() const { return iterations_; }
  // The step count and Adam's moments, for a checkpoint; restore() copies them back in place and
  // throws std::invalid_argument for another optimiser's state.
  void save(StateWriter& out) const;
  void restore(StateReader& in);

 private:
  OptimizerSettings settings_;
  std::vector<at::Tensor> parameters_;
  std::vector<at::Tensor> first_moments_;   // Adam only
  std::vector<at::Tensor> second_moments_;  // Adam only
  long long iterations_ = 0;
};

}  // namespace gantry::plugins::torch_backend
