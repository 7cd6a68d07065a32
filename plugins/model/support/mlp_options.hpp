// The option table of the dense MLP models, shared by eigen-mlp and torch-mlp so that any
// experiment switches backend with --set model.plugin=torch-mlp: same names, defaults, bounds and
// help. read_mlp_config (mlp_config.hpp) reads exactly these options.
#pragma once

#include "gantry/option_spec.hpp"

namespace gantry::plugins {

inline constexpr OptionSpec kMlpOptions[] = {
    option::text(
        "g_layers", "15:relu:he_uniform, 2:linear",
        "Generator layers, comma separated units:activation[:initializer]; activations linear, "
        "relu, leaky_relu, tanh, sigmoid; initializers glorot_uniform (default), he_uniform. "
        "The last layer's units must equal the data's columns"),
    option::text("d_layers", "25:relu:he_uniform, 1:sigmoid",
                 "Discriminator layers, as g_layers; the last layer must be 1:sigmoid"),
    option::integer("latent_dim", "5", "Columns of the generator's latent input", 1, 1000000),
    option::choice("latent", "normal", "normal|uniform",
                   "Latent distribution: N(0, 1), or U(latent_low, latent_high)"),
    option::real("latent_low", "-1",
                 "Lower end of the uniform latent range (must be below latent_high)"),
    option::real("latent_high", "1", "Upper end of the uniform latent range"),
    option::real("leaky_relu_slope", "0.2", "Slope of leaky_relu for negative inputs", 0),
    option::choice("g_optimizer", "adam", "adam|sgd", "Generator optimiser"),
    option::real_above("g_lr", "0.001", "Generator learning rate", 0),
    option::real("g_beta1", "0.9", "Generator Adam beta_1 (below 1)", 0, 1),
    option::real("g_beta2", "0.999", "Generator Adam beta_2 (below 1)", 0, 1),
    option::real_above("g_epsilon", "1e-7", "Generator Adam epsilon (Keras' default 1e-7)", 0),
    option::choice("d_optimizer", "adam", "adam|sgd", "Discriminator optimiser"),
    option::real_above("d_lr", "0.001", "Discriminator learning rate", 0),
    option::real("d_beta1", "0.9", "Discriminator Adam beta_1 (below 1)", 0, 1),
    option::real("d_beta2", "0.999", "Discriminator Adam beta_2 (below 1)", 0, 1),
    option::real_above("d_epsilon", "1e-7", "Discriminator Adam epsilon (Keras' default 1e-7)", 0),
};

}  // namespace gantry::plugins
