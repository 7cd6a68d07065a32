// The activations a dense layer names in a layer spec, and their spellings. Backend-neutral:
// eigen-mlp applies them on Eigen arrays (eigen-mlp/activation.hpp), the torch models as tensor
// operations, both from the same parsed layer list.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gantry::plugins {

enum class Activation { linear, relu, leaky_relu, tanh, sigmoid };

// The spelling used in layer specs ("leaky_relu"), and its inverse.
const char* activation_name(Activation activation);
std::optional<Activation> parse_activation(std::string_view name);

// "linear, relu, leaky_relu, tanh or sigmoid", for error messages.
std::string activation_names_listed();

}  // namespace gantry::plugins
