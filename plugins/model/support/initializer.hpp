// Keras' uniform weight initialisers. Biases always start at zero, as Keras' Dense does. Every
// backend draws a dense kernel with draw_kernel, so one seed gives the same initial weights on
// eigen-mlp and torch-mlp.
#pragma once

#include <optional>
#include <string_view>

#include "gantry/random.hpp"

namespace gantry::plugins {

enum class Initializer { glorot_uniform, he_uniform };

// The spelling used in layer specs ("he_uniform"), and its inverse.
const char* initializer_name(Initializer initializer);
std::optional<Initializer> parse_initializer(std::string_view name);

// Weights are drawn from U(-limit, limit): glorot_uniform sqrt(6 / (fan_in + fan_out)),
// he_uniform sqrt(6 / fan_in).
double initializer_limit(Initializer initializer, long long fan_in, long long fan_out);

// Fills kernel[0 .. inputs * units) with one layer's initial kernel (inputs x units, row-major
// as Keras stores it), drawn from `random` in double and rounded to Scalar, like the data
// plugins: the same numbers for any Scalar. Defined for float and double.
template <typename Scalar>
void draw_kernel(Initializer initializer, long long inputs, long long units, Random& random,
                 Scalar* kernel);

extern template void draw_kernel<float>(Initializer, long long, long long, Random&, float*);
extern template void draw_kernel<double>(Initializer, long long, long long, Random&, double*);

}  // namespace gantry::plugins
