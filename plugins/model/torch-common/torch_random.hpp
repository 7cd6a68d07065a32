// Seeded randomness of the torch models. Nothing here touches torch's process-global generator:
// several runs train in parallel threads of one process, and each must draw the same numbers
// from its seed whatever the others do.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <ATen/ATen.h>

#include "gantry/random.hpp"

namespace gantry::plugins::torch_backend {

// A CPU generator of its own, seeded from make_stream's seed of `stream_name` under `run_seed`.
at::Generator make_generator(std::uint64_t run_seed, std::string_view stream_name);

// Inverted dropout as Keras applies it in training: each element is zeroed with probability
// `rate` (a mask drawn from `generator`) and the rest scaled by 1 / (1 - rate). rate 0 is a no-op.
at::Tensor dropout(const at::Tensor& input, double rate, at::Generator& generator);

// A float tensor of `shape` filled row-major from U(-limit, limit), drawn in double from
// `random` with Boost.Random as eigen-mlp draws its kernels.
at::Tensor uniform_tensor(const std::vector<std::int64_t>& shape, double limit, Random& random);

// Keras' glorot_uniform limit sqrt(6 / (fan_in + fan_out)).
double glorot_limit(std::int64_t fan_in, std::int64_t fan_out);

}  // namespace gantry::plugins::torch_backend
