#include "support/activation.hpp"

#include <array>

namespace gantry::plugins {

namespace {

constexpr std::array<Activation, 5> kActivations = {Activation::linear, Activation::relu,
                                                    Activation::leaky_relu, Activation::tanh,
                                                    Activation::sigmoid};

}  // namespace

const char* activation_name(Activation activation) {
  switch (activation) {
    case Activation::linear:
      return "linear";
    case Activation::relu:
      return "relu";
    case Activation::leaky_relu:
      return "leaky_relu";
    case Activation::tanh:
      return "tanh";
    case Activation::sigmoid:
      return "sigmoid";
  }
  return "?";
}

std::optional<Activation> parse_activation(std::string_view name) {
  for (Activation activation : kActivations) {
    if (name == activation_name(activation)) return activation;
  }
  return std::nullopt;
}

std::string activation_names_listed() {
  std::string listed;
  for (std::size_t i = 0; i < kActivations.size(); ++i) {
    if (i > 0) listed += i + 1 == kActivations.size() ? " or " : ", ";
    listed += activation_name(kActivations[i]);
  }
  return listed;
}

}  // namespace gantry::plugins
