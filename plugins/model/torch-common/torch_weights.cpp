#include "torch-common/torch_weights.hpp"

#include "torch-common/torch_state.hpp"

#include <algorithm>
#include <stdexcept>

namespace gantry::plugins::torch_backend {

std::vector<WeightTensor> weights_of(const std::vector<NamedTensor>& tensors) {
  std::vector<WeightTensor> weights;
  for (const NamedTensor& named : tensors) {
    at::Tensor values = named.tensor.detach().to(at::kFloat).contiguous();
    WeightTensor weight{named.name, {}, {}};
    for (std::int64_t extent : values.sizes()) weight.shape.push_back(extent);
    weight.values.assign(values.data_ptr<float>(), values.data_ptr<float>() + values.numel());
    weights.push_back(std::move(weight));
  }
  return weights;
}

void load_into(const std::vector<NamedTensor>& tensors, const std::vector<WeightTensor>& weights) {
  for (const NamedTensor& named : tensors) {
    auto it = std::find_if(weights.begin(), weights.end(),
                           [&](const WeightTensor& weight) { return weight.name == named.name; });
    if (it == weights.end()) throw std::invalid_argument("no tensor '" + named.name + "'");
    std::vector<std::int64_t> shape(named.tensor.sizes().begin(), named.tensor.sizes().end());
    if (it->shape != shape ||
        static_cast<std::int64_t>(it->values.size()) != named.tensor.numel()) {
      throw std::invalid_argument("tensor '" + named.name +
                                  "' has another shape than this network's");
    }
    copy_into(named.tensor, it->values.data());
  }
}

std::vector<NamedTensor> dense_stack_tensors(const DenseStack& stack, const std::string& prefix) {
  std::vector<NamedTensor> tensors;
  for (std::size_t layer = 0; layer < stack.layers.size(); ++layer) {
    const std::string name = prefix + "layer_" + std::to_string(layer) + "/";
    tensors.push_back({name + "kernel", stack.parameters[2 * layer]});
    tensors.push_back({name + "bias", stack.parameters[2 * layer + 1]});
  }
  return tensors;
}

}  // namespace gantry::plugins::torch_backend
