#include "torch-dcgan/dcgan_networks.hpp"

#include "torch-common/torch_random.hpp"

namespace gantry::plugins::dcgan {

namespace tb = torch_backend;

namespace {

// Keras' fans for a k x k kernel: receptive field times input and output channels, so
// glorot's limit is the same for a convolution and its transposed twin.
at::Tensor conv_kernel(std::int64_t first, std::int64_t second, int k, Random& random) {
  const std::int64_t field = static_cast<std::int64_t>(k) * k;
  return tb::uniform_tensor({first, second, k, k}, tb::glorot_limit(first * field, second * field),
                            random)
      .requires_grad_(true);
}

at::Tensor zero_bias(std::int64_t units) {
  return at::zeros({units}).requires_grad_(true);
}

BatchNorm make_norm(std::int64_t channels) {
  return {at::ones({channels}).requires_grad_(true), at::zeros({channels}).requires_grad_(true),
          at::zeros({channels}), at::ones({channels})};
}

at::Tensor normalize(const at::Tensor& x, BatchNorm& norm, const DcganConfig& config, Mode mode) {
  const bool batch_statistics = mode != Mode::inference;
  const bool update = mode == Mode::train;
  // Keras' momentum m keeps m of the running value; torch's momentum is the new batch's share.
  return at::batch_norm(x, norm.gamma, norm.beta,
                        update || !batch_statistics ? norm.running_mean : at::Tensor(),
                        update || !batch_statistics ? norm.running_var : at::Tensor(),
                        batch_statistics, 1.0 - config.bn_momentum, config.bn_epsilon, false);
}

at::Tensor drop(const at::Tensor& x, const DcganConfig& config, Mode mode,
                at::Generator& generator) {
  return mode == Mode::inference ? x : tb::dropout(x, config.dropout, generator);
}

// Height and width after D's three stride-2 'same' convolutions and the zero row and column.
std::int64_t reduced(std::int64_t size) {
  size = (size + 1) / 2;
  size = (size + 1) / 2 + 1;
  return (size + 1) / 2;
}

}  // namespace

std::vector<at::Tensor> Generator::parameters() const {
  return {dense_kernel, dense_bias, kernels[0],     biases[0],     norms[0].gamma, norms[0].beta,
          kernels[1],   biases[1],  norms[1].gamma, norms[1].beta, kernels[2],     biases[2]};
}

std::vector<at::Tensor> Discriminator::parameters() const {
  std::vector<at::Tensor> all;
  for (int i = 0; i < 4; ++i) {
    all.push_back(kernels[i]);
    all.push_back(biases[i]);
    if (i > 0) {
      all.push_back(norms[i - 1].gamma);
      all.push_back(norms[i - 1].beta);
    }
  }
  all.push_back(dense_kernel);
  all.push_back(dense_bias);
  return all;
}

Generator make_generator(const DcganConfig& config, Random& random) {
  Generator g;
  const std::int64_t units =
      static_cast<std::int64_t>(config.g_dense_channels) * config.height * config.width;
  g.dense_kernel = tb::uniform_tensor({config.latent.dimensions, units},
                                      tb::glorot_limit(config.latent.dimensions, units), random)
                       .requires_grad_(true);
  g.dense_bias = zero_bias(units);
  const std::int64_t channels[4] = {config.g_dense_channels, config.g_filters1, config.g_filters2,
                                    config.channels};
  for (int i = 0; i < 3; ++i) {
    g.kernels[i] = conv_kernel(channels[i], channels[i + 1], config.kernel_size, random);
    g.biases[i] = zero_bias(channels[i + 1]);
  }
  g.norms[0] = make_norm(config.g_filters1);
  g.norms[1] = make_norm(config.g_filters2);
  return g;
}

Discriminator make_discriminator(const DcganConfig& config, Random& random) {
  Discriminator d;
  std::int64_t inputs = config.channels;
  for (int i = 0; i < 4; ++i) {
    d.kernels[i] = conv_kernel(config.d_filters[i], inputs, config.kernel_size, random);
    d.biases[i] = zero_bias(config.d_filters[i]);
    if (i > 0) d.norms[i - 1] = make_norm(config.d_filters[i]);
    inputs = config.d_filters[i];
  }
  const std::int64_t features = inputs * reduced(config.height) * reduced(config.width);
  d.dense_kernel =
      tb::uniform_tensor({features, 1}, tb::glorot_limit(features, 1), random).requires_grad_(true);
  d.dense_bias = zero_bias(1);
  return d;
}

at::Tensor transposed_conv_same(const at::Tensor& input, const at::Tensor& kernel,
                                const at::Tensor& bias, bool by_convolution) {
  const std::int64_t padding = kernel.size(2) / 2;
  if (by_convolution) {
    return at::conv2d(input, kernel.flip({2, 3}).transpose(0, 1), bias, at::IntArrayRef{1, 1},
                      at::IntArrayRef{padding, padding});
  }
  return at::conv_transpose2d(input, kernel, bias, at::IntArrayRef{1, 1},
                              at::IntArrayRef{padding, padding});
}

at::Tensor conv_same(const at::Tensor& input, const at::Tensor& kernel, const at::Tensor& bias,
                     int stride) {
  const std::int64_t k = kernel.size(2);
  const std::int64_t strides[2] = {stride, stride};
  auto padding = [&](std::int64_t size) {
    const std::int64_t out = (size + stride - 1) / stride;
    return std::max<std::int64_t>((out - 1) * stride + k - size, 0);
  };
  const std::int64_t pad_h = padding(input.size(2));
  const std::int64_t pad_w = padding(input.size(3));
  if (pad_h % 2 == 0 && pad_w % 2 == 0) {
    return at::conv2d(input, kernel, bias, strides, at::IntArrayRef{pad_h / 2, pad_w / 2});
  }
  // TensorFlow puts the odd pixel after (bottom, right).
  at::Tensor padded =
      at::constant_pad_nd(input, {pad_w / 2, pad_w - pad_w / 2, pad_h / 2, pad_h - pad_h / 2});
  return at::conv2d(padded, kernel, bias, strides, at::IntArrayRef{0, 0});
}

at::Tensor generate_images(Generator& g, const DcganConfig& config, const at::Tensor& latent,
                           Mode mode, at::Generator& dropout) {
  at::Tensor x = at::relu(at::addmm(g.dense_bias, latent, g.dense_kernel));
  x = x.view({latent.size(0), config.g_dense_channels, config.height, config.width});
  for (int i = 0; i < 2; ++i) {
    x = transposed_conv_same(x, g.kernels[i], g.biases[i], config.transposed_by_convolution);
    x = drop(x, config, mode, dropout);
    x = at::relu(normalize(x, g.norms[i], config, mode));
  }
  x = transposed_conv_same(x, g.kernels[2], g.biases[2], config.transposed_by_convolution);
  return at::tanh(x);
}

at::Tensor discriminator_logits(Discriminator& d, const DcganConfig& config,
                                const at::Tensor& images, Mode mode, at::Generator& dropout) {
  static constexpr int kStrides[4] = {2, 2, 2, 1};
  at::Tensor x = images;
  for (int i = 0; i < 4; ++i) {
    x = conv_same(x, d.kernels[i], d.biases[i], kStrides[i]);
    if (i == 1) x = at::constant_pad_nd(x, {0, 1, 0, 1});  // ZeroPadding2D(((0, 1), (0, 1)))
    if (i > 0) x = normalize(x, d.norms[i - 1], config, mode);
    x = drop(at::leaky_relu(x, config.leaky_relu_slope), config, mode, dropout);
  }
  return at::addmm(d.dense_bias, x.flatten(1), d.dense_kernel);
}

}  // namespace gantry::plugins::dcgan
