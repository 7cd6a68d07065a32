#include "eigen-mlp/mlp_weights.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace gantry::plugins {
namespace {

std::string layer_name(std::size_t layer, const char* part) {
  return "layer_" + std::to_string(layer) + "/" + part;
}

// Each layer's kernel then bias, in the order Mlp::parameters() holds them.
template <typename Visit>
void for_each_tensor(const Mlp<float>& network, Visit visit) {
  std::int64_t inputs = network.input_dimensions();
  Eigen::Index offset = 0;
  for (std::size_t layer = 0; layer < network.layers().size(); ++layer) {
    const std::int64_t units = network.layers()[layer].units;
    visit(layer_name(layer, "kernel"), std::vector<std::int64_t>{inputs, units}, offset);
    offset += static_cast<Eigen::Index>(inputs * units);
    visit(layer_name(layer, "bias"), std::vector<std::int64_t>{units}, offset);
    offset += static_cast<Eigen::Index>(units);
    inputs = units;
  }
}

std::size_t count(const std::vector<std::int64_t>& shape) {
  std::size_t n = 1;
  for (std::int64_t extent : shape) n *= static_cast<std::size_t>(extent);
  return n;
}

}  // namespace

std::vector<WeightTensor> mlp_weights(const Mlp<float>& network) {
  std::vector<WeightTensor> tensors;
  const auto& parameters = network.parameters();
  for_each_tensor(
      network, [&](std::string name, std::vector<std::int64_t> shape, Eigen::Index offset) {
        const std::size_t n = count(shape);
        std::vector<float> values(parameters.data() + offset, parameters.data() + offset + n);
        tensors.push_back({std::move(name), std::move(shape), std::move(values)});
      });
  return tensors;
}

void load_mlp_weights(Mlp<float>& network, const std::vector<WeightTensor>& tensors) {
  auto& parameters = network.parameters();
  for_each_tensor(network, [&](const std::string& name, const std::vector<std::int64_t>& shape,
                               Eigen::Index offset) {
    auto it = std::find_if(tensors.begin(), tensors.end(),
                           [&](const WeightTensor& tensor) { return tensor.name == name; });
    if (it == tensors.end()) throw std::invalid_argument("no tensor '" + name + "'");
    if (it->shape != shape || it->values.size() != count(shape)) {
      throw std::invalid_argument("tensor '" + name + "' has another shape than this network's");
    }
    std::copy(it->values.begin(), it->values.end(), parameters.data() + offset);
  });
}

}  // namespace gantry::plugins
