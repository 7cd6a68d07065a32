// A dense network's parameters as named tensors (ModelWeights): per layer i, "layer_i/kernel"
// (inputs x units, row-major, as Keras stores it) and "layer_i/bias" (units).
#pragma once

#include <vector>

#include "eigen-mlp/mlp.hpp"
#include "gantry/model_weights.hpp"

namespace gantry::plugins {

std::vector<WeightTensor> mlp_weights(const Mlp<float>& network);

// Throws std::invalid_argument naming a tensor that is missing or has another shape.
void load_mlp_weights(Mlp<float>& network, const std::vector<WeightTensor>& tensors);

}  // namespace gantry::plugins
