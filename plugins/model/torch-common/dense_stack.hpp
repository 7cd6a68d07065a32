// A stack of dense layers as tensors, in eigen-mlp's layout (kernel inputs x units, then bias),
// initialised by the same draw_kernel (support/initializer.hpp) as eigen-mlp: used by torch-mlp
// for both networks and by torch-conv1d for its generator.
#pragma once

#include <vector>

#include <ATen/ATen.h>

#include "gantry/random.hpp"
#include "support/layer_spec.hpp"

namespace gantry::plugins::torch_backend {

struct DenseStack {
  int input_dimensions = 0;
  std::vector<LayerSpec> layers;
  std::vector<at::Tensor> parameters;  // kernel, bias, kernel, bias, ... (requiring gradients)
};

// The layers initialised exactly as eigen-mlp's Mlp::initialize draws them from `random`: each
// kernel by draw_kernel in layer order, biases zero. Throws std::invalid_argument as Mlp does
// (require_dense_stack).
DenseStack make_dense_stack(int input_dimensions, std::vector<LayerSpec> layers, Random& random);

// The stack's output on `input` (rows x input_dimensions); with `logits` and a sigmoid last
// layer, the last layer's pre-activation instead.
at::Tensor forward(const DenseStack& stack, const at::Tensor& input, double leaky_relu_slope,
                   bool logits);

// One activation as eigen-mlp applies it.
at::Tensor activate(Activation activation, double leaky_relu_slope, const at::Tensor& z);

}  // namespace gantry::plugins::torch_backend
