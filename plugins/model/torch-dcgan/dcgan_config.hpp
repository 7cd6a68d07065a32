// The torch-dcgan options (the MNIST DCGAN notebook's numbers as defaults) and their reading:
// every failure is a gantry::OptionError naming the option.
#pragma once

#include "gantry/option_spec.hpp"
#include "gantry/options.hpp"
#include "support/optimizer_settings.hpp"
#include "support/option_reading.hpp"

namespace gantry::plugins {

inline constexpr OptionSpec kDcganOptions[] = {
    option::integer("image_height", "28", "Rows of pixels of an image", 4, 4096),
    option::integer("image_width", "28", "Columns of pixels of an image", 4, 4096),
    option::integer("channels", "1",
                    "Channels of an image; data rows are height x width x channels values, "
                    "row-major, channels last",
                    1, 64),
    option::integer("latent_dim", "100", "Columns of the generator's latent input", 1, 1000000),
    option::choice("latent", "normal", "normal|uniform",
                   "Latent distribution: N(0, 1), or U(latent_low, latent_high)"),
    option::real("latent_low", "-1", "Lower end of the uniform latent range"),
    option::real("latent_high", "1", "Upper end of the uniform latent range"),
    option::integer("g_dense_channels", "128",
                    "Channels of the generator's dense layer, reshaped to height x width", 1, 4096),
    option::integer("g_filters1", "128", "Filters of G's first transposed convolution", 1, 4096),
    option::integer("g_filters2", "64", "Filters of G's second transposed convolution", 1, 4096),
    option::integer("d_filters1", "32", "Filters of D's first convolution (stride 2)", 1, 4096),
    option::integer("d_filters2", "64", "Filters of D's second convolution (stride 2)", 1, 4096),
    option::integer("d_filters3", "128", "Filters of D's third convolution (stride 2)", 1, 4096),
    option::integer("d_filters4", "256", "Filters of D's fourth convolution (stride 1)", 1, 4096),
    option::integer("kernel_size", "3", "Kernel size of every convolution (odd)", 1, 31),
    option::real("bn_momentum", "0.8",
                 "Batch normalisation momentum, as Keras counts it: running = m running + (1 - m) "
                 "batch",
                 0, 1),
    option::real_above("bn_epsilon", "0.001", "Batch normalisation epsilon (Keras' default)", 0),
    option::real("dropout", "0.25", "Dropout rate after each convolution (training only)", 0, 1),
    option::real("leaky_relu_slope", "0.2", "Slope of D's LeakyReLU for negative inputs", 0),
    option::choice("g_optimizer", "adam", "adam|sgd", "Generator optimiser"),
    option::real_above("g_lr", "0.0002", "Generator learning rate", 0),
    option::real("g_beta1", "0.5", "Generator Adam beta_1 (below 1)", 0, 1),
    option::real("g_beta2", "0.999", "Generator Adam beta_2 (below 1)", 0, 1),
    option::real_above("g_epsilon", "1e-7", "Generator Adam epsilon (Keras' default 1e-7)", 0),
    option::choice("d_optimizer", "adam", "adam|sgd", "Discriminator optimiser"),
    option::real_above("d_lr", "0.0002", "Discriminator learning rate", 0),
    option::real("d_beta1", "0.5", "Discriminator Adam beta_1 (below 1)", 0, 1),
    option::real("d_beta2", "0.999", "Discriminator Adam beta_2 (below 1)", 0, 1),
    option::real_above("d_epsilon", "1e-7", "Discriminator Adam epsilon (Keras' default 1e-7)", 0),
};

struct DcganConfig {
  int height = 28, width = 28, channels = 1;
  LatentSettings latent;
  int g_dense_channels = 128, g_filters1 = 128, g_filters2 = 64;
  int d_filters[4] = {32, 64, 128, 256};
  int kernel_size = 3;
  double bn_momentum = 0.8;  // Keras' convention; torch's momentum is 1 - this
  double bn_epsilon = 1e-3;
  double dropout = 0.25;
  double leaky_relu_slope = 0.2;
  OptimizerSettings generator_optimizer;
  OptimizerSettings discriminator_optimizer;
  // Not an option: how the transposed convolutions are computed (the same function either way,
  // see transposed_conv_same). The benchmark compares both.
  bool transposed_by_convolution = true;
  // Not an option either: generate runs G on at most this many rows at a time. Inference treats
  // rows independently (no dropout, running statistics), and the images do not depend on it
  // (test_torch_dcgan checks it); G on 1,000 rows at once makes tensors of 400 MB that no cache
  // holds, which took a quarter longer.
  int inference_rows = 50;
};

// Reads and checks every option; the image's height x width x channels must equal the data's
// sample_dimensions.
DcganConfig read_dcgan_config(const Options& options, int sample_dimensions);

}  // namespace gantry::plugins
