// Exports the torch-dcgan model; the defaults are the MNIST DCGAN notebook's.
#include "gantry/plugin_export.hpp"
#include "torch-dcgan/torch_dcgan_model.hpp"

GANTRY_PLUGIN(model, gantry::plugins::TorchDcganModel, "torch-dcgan", "1.1.0",
              "The MNIST DCGAN notebook's convolutional generator and discriminator on LibTorch",
              gantry::plugins::kDcganOptions)
