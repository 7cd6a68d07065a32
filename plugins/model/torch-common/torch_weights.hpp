// A LibTorch model's tensors as ModelWeights names them: each model lists its networks' tensors
// by name once (NamedTensor), and these copy them out and back in. Dense stacks are named as
// eigen-mlp names its layers ("layer_i/kernel", "layer_i/bias"), in the same layout.
#pragma once

#include <string>
#include <vector>

#include <ATen/ATen.h>

#include "gantry/model_weights.hpp"
#include "torch-common/dense_stack.hpp"

namespace gantry::plugins::torch_backend {

struct NamedTensor {
  std::string name;
  at::Tensor tensor;  // shares its storage with the model's
};

std::vector<WeightTensor> weights_of(const std::vector<NamedTensor>& tensors);

// Copies each named tensor's values in place (the optimiser's references stay valid). Throws
// std::invalid_argument naming a tensor that is missing or has another shape.
void load_into(const std::vector<NamedTensor>& tensors, const std::vector<WeightTensor>& weights);

// The stack's "layer_i/kernel" (inputs x units) and "layer_i/bias" (units), with `prefix`.
std::vector<NamedTensor> dense_stack_tensors(const DenseStack& stack,
                                             const std::string& prefix = "");

}  // namespace gantry::plugins::torch_backend
