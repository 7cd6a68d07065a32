#include "torch-common/torch_random.hpp"

#include <cmath>

#include <ATen/CPUGeneratorImpl.h>
#include <boost/random/uniform_real_distribution.hpp>

namespace gantry::plugins::torch_backend {

at::Generator make_generator(std::uint64_t run_seed, std::string_view stream_name) {
  return at::make_generator<at::CPUGeneratorImpl>(stream_seed(run_seed, stream_name));
}

at::Tensor dropout(const at::Tensor& input, double rate, at::Generator& generator) {
  if (rate <= 0.0) return input;
  const double keep = 1.0 - rate;
  at::Tensor mask;
  {
    at::NoGradGuard no_grad;
    // The generator's state is shared by every call on it; its mutex keeps draws whole.
    mask = at::empty_like(input).bernoulli_(keep, generator).div_(keep);
  }
  return input * mask;
}

at::Tensor uniform_tensor(const std::vector<std::int64_t>& shape, double limit, Random& random) {
  at::Tensor values = at::empty(shape, at::kFloat);
  boost::random::uniform_real_distribution<double> draw(-limit, limit);
  float* data = values.data_ptr<float>();
  for (std::int64_t i = 0; i < values.numel(); ++i) data[i] = static_cast<float>(draw(random));
  return values;
}

double glorot_limit(std::int64_t fan_in, std::int64_t fan_out) {
  return std::sqrt(6.0 / static_cast<double>(fan_in + fan_out));
}

}  // namespace gantry::plugins::torch_backend
