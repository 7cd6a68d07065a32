// Keras' uniform weight initialisers. Biases always start at zero, as Keras' Dense does.
#pragma once

#include <optional>
#include <string_view>

namespace gantry::plugins {

enum class Initializer { glorot_uniform, he_uniform };

// The spelling used in layer specs ("he_uniform"), and its inverse.
const char* initializer_name(Initializer initializer);
std::optional<Initializer> parse_initializer(std::string_view name);

// Weights are drawn from U(-limit, limit): glorot_uniform sqrt(6 / (fan_in + fan_out)),
// he_uniform sqrt(6 / fan_in).
double initializer_limit(Initializer initializer, long long fan_in, long long fan_out);

}  // namespace gantry::plugins
