// The MNIST DCGAN notebook's two networks as plain tensors and forward functions (no torch::nn
// modules: those would initialise from, and draw dropout masks with, torch's process-global
// generator). Images are NCHW inside; the model converts from and to the harness's rows.
#pragma once

#include <cstdint>
#include <vector>

#include <ATen/ATen.h>

#include "gantry/random.hpp"
#include "torch-dcgan/dcgan_config.hpp"

namespace gantry::plugins::dcgan {

// train: dropout on, batch statistics, running statistics updated (an optimiser step of this
// network). frozen: the same but running statistics left alone (D inside the generator's
// step). inference: no dropout, running statistics (generate, discriminate).
enum class Mode { train, frozen, inference };

struct BatchNorm {
  at::Tensor gamma, beta;                // trained
  at::Tensor running_mean, running_var;  // updated in Mode::train only
};

// Dense (latent -> g_dense_channels x H x W, ReLU), then three 'same' transposed convolutions:
// g_filters1 and g_filters2 each followed by dropout, batch norm and ReLU, then `channels` with
// tanh.
struct Generator {
  at::Tensor dense_kernel, dense_bias;  // latent x units, as Keras stores a Dense kernel
  at::Tensor kernels[3], biases[3];     // ConvTranspose2d layout: in x out x k x k
  BatchNorm norms[2];
  std::vector<at::Tensor> parameters() const;
};

// Four 'same' convolutions (strides 2, 2, 2, 1) with LeakyReLU and dropout, batch norm after
// the last three, one row and column of zeros after the second; then a dense logit.
struct Discriminator {
  at::Tensor kernels[4], biases[4];  // Conv2d layout: out x in x k x k
  BatchNorm norms[3];
  at::Tensor dense_kernel, dense_bias;  // features x 1
  std::vector<at::Tensor> parameters() const;
};

// Keras' glorot_uniform kernels and zero biases, drawn from `random` (G's then D's, layer by
// layer); batch norm gamma 1, beta 0, running mean 0 and variance 1.
Generator make_generator(const DcganConfig& config, Random& random);
Discriminator make_discriminator(const DcganConfig& config, Random& random);

// G(latent) as images, N x channels x H x W in [-1, 1].
at::Tensor generate_images(Generator& generator, const DcganConfig& config,
                           const at::Tensor& latent, Mode mode, at::Generator& dropout);

// D's logits (N x 1) for images N x channels x H x W.
at::Tensor discriminator_logits(Discriminator& discriminator, const DcganConfig& config,
                                const at::Tensor& images, Mode mode, at::Generator& dropout);

// Keras' Conv2DTranspose(padding="same", strides=1) with a kernel in ConvTranspose2d layout
// (in x out x k x k, k odd). by_convolution computes it as the stride-1 convolution with the
// kernel flipped and its channel axes swapped, which is the same function (test_conv_transpose
// checks it against at::conv_transpose2d, values and gradients).
at::Tensor transposed_conv_same(const at::Tensor& input, const at::Tensor& kernel,
                                const at::Tensor& bias, bool by_convolution);

// Keras' Conv2D(padding="same") at `stride`: TensorFlow pads (k - 1) in total for stride 1 and
// the odd pixel at the bottom and right for stride 2, which torch's symmetric padding does not.
at::Tensor conv_same(const at::Tensor& input, const at::Tensor& kernel, const at::Tensor& bias,
                     int stride);

}  // namespace gantry::plugins::dcgan
