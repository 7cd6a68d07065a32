// A LibTorch model's saved state (Checkpointable) in pieces every model shares: tensors' values
// (parameters and batch-norm statistics, copied back in place so the optimisers' references stay
// valid), a dropout generator's state, and an optimiser's step count and moments.
#pragma once

#include <vector>

#include <ATen/ATen.h>

#include "gantry/state_bytes.hpp"
#include "torch-common/keras_optimizer.hpp"

namespace gantry::plugins::torch_backend {

// Sets `tensor` (a parameter or buffer shared with an optimiser) to `values`, numel() floats in
// row-major order, in place and outside autograd.
void copy_into(const at::Tensor& tensor, const float* values);

void save_tensors(StateWriter& out, const std::vector<at::Tensor>& tensors);
// Throws std::invalid_argument when a saved tensor's size differs.
void restore_tensors(StateReader& in, const std::vector<at::Tensor>& tensors);

void save_generator(StateWriter& out, at::Generator& generator);
void restore_generator(StateReader& in, at::Generator& generator);

}  // namespace gantry::plugins::torch_backend
