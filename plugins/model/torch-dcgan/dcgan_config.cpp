#include "torch-dcgan/dcgan_config.hpp"

#include <string>

namespace gantry::plugins {

DcganConfig read_dcgan_config(const Options& options, int sample_dimensions) {
  DcganConfig config;
  config.height = read_int_option(options, "image_height", 4, 4096);
  config.width = read_int_option(options, "image_width", 4, 4096);
  config.channels = read_int_option(options, "channels", 1, 64);
  const long long pixels = static_cast<long long>(config.height) * config.width * config.channels;
  if (pixels != sample_dimensions) {
    throw OptionError(
        "options image_height x image_width x channels = " + std::to_string(config.height) + " x " +
        std::to_string(config.width) + " x " + std::to_string(config.channels) + " = " +
        std::to_string(pixels) + " values, but the data rows have " +
        std::to_string(sample_dimensions) + " columns");
  }
  config.latent = read_latent_options(options);
  config.g_dense_channels = read_int_option(options, "g_dense_channels", 1, 4096);
  config.g_filters1 = read_int_option(options, "g_filters1", 1, 4096);
  config.g_filters2 = read_int_option(options, "g_filters2", 1, 4096);
  for (int i = 0; i < 4; ++i) {
    config.d_filters[i] = read_int_option(options, "d_filters" + std::to_string(i + 1), 1, 4096);
  }
  config.kernel_size = read_int_option(options, "kernel_size", 1, 31);
  if (config.kernel_size % 2 == 0) {
    throw OptionError("option 'kernel_size' = " + std::to_string(config.kernel_size) +
                      " must be odd, so that 'same' transposed convolutions keep the image size");
  }
  config.bn_momentum = read_real_option(options, "bn_momentum", 0.0, 1.0, false);
  config.bn_epsilon = options.real("bn_epsilon");
  if (!(config.bn_epsilon > 0.0)) {
    throw OptionError("option 'bn_epsilon' = " + spell_number(config.bn_epsilon) +
                      " must be greater than 0");
  }
  config.dropout = read_real_option(options, "dropout", 0.0, 1.0, false);
  config.leaky_relu_slope = read_real_option(options, "leaky_relu_slope", 0.0, 1e6, true);
  config.generator_optimizer = read_optimizer_options(options, "g_");
  config.discriminator_optimizer = read_optimizer_options(options, "d_");
  return config;
}

}  // namespace gantry::plugins
