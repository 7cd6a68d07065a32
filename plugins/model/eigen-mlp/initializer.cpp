#include "eigen-mlp/initializer.hpp"

#include <cmath>

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

}  // namespace gantry::plugins
