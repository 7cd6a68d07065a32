#include "support/initializer.hpp"

#include <cmath>

#include <boost/random/uniform_real_distribution.hpp>

namespace gantry::plugins {

const char* initializer_name(Initializer initializer) {
  switch (initializer) {
    case Initializer::glorot_uniform:
      return "glorot_uniform";
    case Initializer::he_uniform:
      return "he_uniform";
  }
  return "?";
}

std::optional<Initializer> parse_initializer(std::string_view name) {
  for (Initializer initializer : {Initializer::glorot_uniform, Initializer::he_uniform}) {
    if (name == initializer_name(initializer)) return initializer;
  }
  return std::nullopt;
}

double initializer_limit(Initializer initializer, long long fan_in, long long fan_out) {
  switch (initializer) {
    case Initializer::glorot_uniform:
      return std::sqrt(6.0 / static_cast<double>(fan_in + fan_out));
    case Initializer::he_uniform:
      return std::sqrt(6.0 / static_cast<double>(fan_in));
  }
  return 0.0;
}

template <typename Scalar>
void draw_kernel(Initializer initializer, long long inputs, long long units, Random& random,
                 Scalar* kernel) {
  double limit = initializer_limit(initializer, inputs, units);
  boost::random::uniform_real_distribution<double> draw(-limit, limit);
  for (long long i = 0; i < inputs * units; ++i) kernel[i] = static_cast<Scalar>(draw(random));
}

template void draw_kernel<float>(Initializer, long long, long long, Random&, float*);
template void draw_kernel<double>(Initializer, long long, long long, Random&, double*);

}  // namespace gantry::plugins
