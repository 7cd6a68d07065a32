#include "eigen-mlp/mlp.hpp"

#include <stdexcept>
#include <string>
#include <utility>

#include "eigen-mlp/activation.hpp"
#include "eigen-mlp/small_product.hpp"

namespace gantry::plugins {

namespace {

std::string shape_text(Eigen::Index rows, Eigen::Index cols) {
  return std::to_string(rows) + " x " + std::to_string(cols);
}

}  // namespace

template <typename Scalar>
Mlp<Scalar>::Mlp(int input_dimensions, std::vector<LayerSpec> layers, Scalar leaky_relu_slope)
    : input_dimensions_(input_dimensions),
      layers_(std::move(layers)),
      leaky_relu_slope_(leaky_relu_slope),
      outputs_(layers_.empty() ? 0 : layers_.size() - 1),
      deltas_(layers_.size()) {
  require_dense_stack(input_dimensions_, layers_);
  Eigen::Index inputs = input_dimensions_;
  Eigen::Index offset = 0;
  for (const LayerSpec& layer : layers_) {
    shapes_.push_back({inputs, layer.units, offset});
    offset += inputs * layer.units + layer.units;
    inputs = layer.units;
  }
  parameters_ = Vector::Zero(offset);
}

template <typename Scalar>
Eigen::Map<const typename Mlp<Scalar>::Kernel> Mlp<Scalar>::weights(int layer) const {
  const LayerShape& shape = shapes_.at(layer);
  return Eigen::Map<const Kernel>(parameters_.data() + shape.weights_offset, shape.inputs,
                                  shape.units);
}

template <typename Scalar>
Eigen::Map<const typename Mlp<Scalar>::RowVector> Mlp<Scalar>::bias(int layer) const {
  const LayerShape& shape = shapes_.at(layer);
  return Eigen::Map<const RowVector>(
      parameters_.data() + shape.weights_offset + shape.inputs * shape.units, shape.units);
}

template <typename Scalar>
void Mlp<Scalar>::initialize(Random& random) {
  parameters_.setZero();
  for (std::size_t layer = 0; layer < layers_.size(); ++layer) {
    const LayerShape& shape = shapes_[layer];
    draw_kernel(layers_[layer].initializer, shape.inputs, shape.units, random,
                parameters_.data() + shape.weights_offset);
  }
}

template <typename Scalar>
void Mlp<Scalar>::require_input_shape(Eigen::Index cols) const {
  if (cols != input_dimensions_) {
    throw std::invalid_argument("the network takes " + std::to_string(input_dimensions_) +
                                " columns, got a batch of " + std::to_string(cols));
  }
}

template <typename Scalar>
void Mlp<Scalar>::require_gradient_shape(Eigen::Index rows, Eigen::Index cols) const {
  if (rows != input_.rows() || cols != output_dimensions()) {
    throw std::invalid_argument("backward() needs a " +
                                shape_text(input_.rows(), output_dimensions()) + " gradient, got " +
                                shape_text(rows, cols));
  }
}

template <typename Scalar>
void Mlp<Scalar>::run_forward() {
  const Eigen::Index rows = input_.rows();
  for (int layer = 0; layer <= last_layer(); ++layer) {
    ScratchMatrix<Scalar>& target = layer == last_layer() ? last_preactivation_ : outputs_[layer];
    const LayerShape& shape = shapes_[layer];
    auto preactivation = target.reshape(rows, shape.units);
    Eigen::Map<const Kernel> kernel = weights(layer);
    Eigen::Map<const RowVector> layer_bias = bias(layer);
    small_product(
        layer_input(layer).data(), rows, shape.inputs, shape.units,
        [&](Eigen::Index k, Eigen::Index unit) { return kernel(k, unit); },
        [&](Eigen::Index unit) { return layer_bias[unit]; }, preactivation.data());
    Activation activation = layers_[layer].activation;
    if (layer < last_layer()) {
      activate<Scalar>(activation, leaky_relu_slope_, target.flat());
    } else if (activation != Activation::linear) {
      last_output_.assign(preactivation);
      activate<Scalar>(activation, leaky_relu_slope_, last_output_.flat());
    }
  }
}

template <typename Scalar>
typename Mlp<Scalar>::ConstView Mlp<Scalar>::layer_input(int layer) const {
  return layer == 0 ? input_.view() : layer_output(layer - 1);
}

template <typename Scalar>
typename Mlp<Scalar>::ConstView Mlp<Scalar>::layer_output(int layer) const {
  if (layer < last_layer()) return outputs_[layer].view();
  return layers_[layer].activation == Activation::linear ? last_preactivation_.view()
                                                         : last_output_.view();
}

template <typename Scalar>
void Mlp<Scalar>::run_backward(GradientOf gradient_of, Vector* parameter_gradient,
                               bool compute_input_gradient) {
  const Eigen::Index rows = input_.rows();
  if (parameter_gradient != nullptr) parameter_gradient->resize(parameters_.size());
  Activation last_activation = layers_.back().activation;
  if (gradient_of == GradientOf::output && last_activation != Activation::linear) {
    multiply_by_derivative<Scalar>(last_activation, leaky_relu_slope_,
                                   std::as_const(last_output_).flat(), deltas_.back().flat());
  }

  for (int layer = last_layer(); layer >= 0; --layer) {
    const LayerShape& shape = shapes_[layer];
    ConstView delta = std::as_const(deltas_[layer]).view();
    if (parameter_gradient != nullptr) {
      Scalar* kernel_gradient = parameter_gradient->data() + shape.weights_offset;
      small_kernel_gradient(layer_input(layer).data(), delta.data(), rows, shape.inputs,
                            shape.units, kernel_gradient);
      Eigen::Map<RowVector>(kernel_gradient + shape.inputs * shape.units, shape.units) =
          delta.colwise().sum();
    }
    if (layer == 0 && !compute_input_gradient) break;
    ScratchMatrix<Scalar>& below = layer > 0 ? deltas_[layer - 1] : input_gradient_;
    auto input_side = below.reshape(rows, shape.inputs);
    if (shape.units == 1) {
      // An outer product (the discriminator's output layer): spelled out, Eigen runs a
      // column-wise scale instead of a general matrix product.
      input_side.noalias() = delta.col(0) * weights(layer).col(0).transpose();
    } else {
      Eigen::Map<const Kernel> kernel = weights(layer);
      small_product(
          delta.data(), rows, shape.units, shape.inputs,
          [&](Eigen::Index unit, Eigen::Index input) { return kernel(input, unit); },
          [](Eigen::Index) { return Scalar(0); }, input_side.data());
    }
    if (layer > 0) {
      multiply_by_derivative<Scalar>(layers_[layer - 1].activation, leaky_relu_slope_,
                                     std::as_const(outputs_[layer - 1]).flat(), below.flat());
    }
  }
}

template class Mlp<float>;
template class Mlp<double>;

}  // namespace gantry::plugins
