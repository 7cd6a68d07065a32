#include "torch-common/dense_stack.hpp"

#include <utility>

#include "support/initializer.hpp"
#include "torch-common/tensor_convert.hpp"

namespace gantry::plugins::torch_backend {

DenseStack make_dense_stack(int input_dimensions, std::vector<LayerSpec> layers, Random& random) {
  require_dense_stack(input_dimensions, layers);
  DenseStack stack{input_dimensions, std::move(layers), {}};
  int inputs = input_dimensions;
  for (const LayerSpec& layer : stack.layers) {
    Matrix kernel(inputs, layer.units);  // row-major, as draw_kernel fills it
    draw_kernel(layer.initializer, inputs, layer.units, random, kernel.data());
    Matrix bias = Matrix::Zero(1, layer.units);
    inputs = layer.units;
    stack.parameters.push_back(to_tensor(kernel).requires_grad_(true));
    stack.parameters.push_back(to_tensor(bias).view({-1}).clone().requires_grad_(true));
  }
  return stack;
}

at::Tensor activate(Activation activation, double leaky_relu_slope, const at::Tensor& z) {
  switch (activation) {
    case Activation::linear:
      return z;
    case Activation::relu:
      return at::relu(z);
    case Activation::leaky_relu:
      return at::leaky_relu(z, leaky_relu_slope);
    case Activation::tanh:
      return at::tanh(z);
    case Activation::sigmoid:
      return at::sigmoid(z);
  }
  return z;
}

at::Tensor forward(const DenseStack& stack, const at::Tensor& input, double leaky_relu_slope,
                   bool logits) {
  at::Tensor x = input;
  const std::size_t layers = stack.layers.size();
  for (std::size_t layer = 0; layer < layers; ++layer) {
    x = at::addmm(stack.parameters[2 * layer + 1], x, stack.parameters[2 * layer]);
    const Activation activation = stack.layers[layer].activation;
    if (layer + 1 == layers && logits && activation == Activation::sigmoid) break;
    x = activate(activation, leaky_relu_slope, x);
  }
  return x;
}

}  // namespace gantry::plugins::torch_backend
