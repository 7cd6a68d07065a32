// A dense feed-forward network with Keras' Dense layout: z = x W + b with the kernel W of shape
// inputs x units, then the activation. A batch has one sample per row. forward() caches every
// layer's output so backward() can return the gradients of the parameters and of the input.
//
// Templated on the scalar so tests can check gradients in double; the model uses float. Batches
// are column-major inside (each unit's values over the batch contiguous), which suits the
// narrow layers of these GANs: the products vectorise along the batch. Buffers are reused
// between calls, so a training step allocates nothing once the largest batch has been seen.
#pragma once

#include <vector>

#include <Eigen/Core>

#include "eigen-mlp/scratch_matrix.hpp"
#include "gantry/random.hpp"
#include "support/layer_spec.hpp"

namespace gantry::plugins {

template <typename Scalar>
class Mlp {
 public:
  using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;  // a batch
  using Kernel = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
  using RowVector = Eigen::Matrix<Scalar, 1, Eigen::Dynamic>;
  using ConstView = Eigen::Map<const Matrix>;

  // What the gradient handed to backward() is taken with respect to: the last layer's
  // activated output, or its pre-activation (a sigmoid output whose loss is computed from
  // logits, for numerical stability).
  enum class GradientOf { output, preactivation };

  // Throws std::invalid_argument for no layers or fewer than one input (require_dense_stack).
  Mlp(int input_dimensions, std::vector<LayerSpec> layers, Scalar leaky_relu_slope);

  int input_dimensions() const { return input_dimensions_; }
  int output_dimensions() const { return layers_.back().units; }
  const std::vector<LayerSpec>& layers() const { return layers_; }

  // Every weight and bias in one vector, layer by layer: the kernel (inputs x units, row-major
  // as Keras stores it), then the bias. Optimisers update it in one pass; gradients share it.
  Vector& parameters() { return parameters_; }
  const Vector& parameters() const { return parameters_; }
  Eigen::Map<const Kernel> weights(int layer) const;
  Eigen::Map<const RowVector> bias(int layer) const;

  // Keras' initialisation: each kernel from its layer's initializer (draw_kernel), in layer
  // order and row-major within a kernel; biases zero.
  void initialize(Random& random);

  // Runs the network on a batch of input_dimensions() columns, in either storage order, and
  // returns the last layer's output. The view, like output(), is valid until the next forward().
  template <typename Derived>
  ConstView forward(const Eigen::MatrixBase<Derived>& input) {
    require_input_shape(input.cols());
    input_.assign(input);
    run_forward();
    return output();
  }
  ConstView output() const { return layer_output(last_layer()); }
  // The last layer before its activation (the logits of a sigmoid output).
  ConstView output_preactivation() const { return last_preactivation_.view(); }

  // Backpropagates `gradient` (one row per row of the last forward batch) through the cached
  // forward pass. Writes d loss / d parameters() into *parameter_gradient unless it is null
  // (a frozen network), and d loss / d input into input_gradient() if compute_input_gradient.
  template <typename Derived>
  void backward(const Eigen::MatrixBase<Derived>& gradient, GradientOf gradient_of,
                Vector* parameter_gradient, bool compute_input_gradient) {
    require_gradient_shape(gradient.rows(), gradient.cols());
    deltas_.back().assign(gradient);
    run_backward(gradient_of, parameter_gradient, compute_input_gradient);
  }
  ConstView input_gradient() const { return input_gradient_.view(); }

 private:
  struct LayerShape {
    Eigen::Index inputs;
    Eigen::Index units;
    Eigen::Index weights_offset;  // the bias follows the kernel
  };

  void require_input_shape(Eigen::Index cols) const;
  void require_gradient_shape(Eigen::Index rows, Eigen::Index cols) const;
  void run_forward();
  void run_backward(GradientOf gradient_of, Vector* parameter_gradient,
                    bool compute_input_gradient);

  int last_layer() const { return static_cast<int>(layers_.size()) - 1; }
  ConstView layer_input(int layer) const;
  ConstView layer_output(int layer) const;

  int input_dimensions_;
  std::vector<LayerSpec> layers_;
  std::vector<LayerShape> shapes_;
  Scalar leaky_relu_slope_;
  Vector parameters_;

  ScratchMatrix<Scalar> input_;
  std::vector<ScratchMatrix<Scalar>> outputs_;  // activated outputs of all but the last layer
  ScratchMatrix<Scalar> last_preactivation_;
  ScratchMatrix<Scalar> last_output_;          // unused when the last layer is linear
  std::vector<ScratchMatrix<Scalar>> deltas_;  // d loss / d pre-activation, per layer
  ScratchMatrix<Scalar> input_gradient_;
};

extern template class Mlp<float>;
extern template class Mlp<double>;

}  // namespace gantry::plugins
