// Exports the mnist data plugin; its options are declared in mnist_options.hpp.
#include "gantry/plugin_export.hpp"
#include "mnist/mnist_data.hpp"
#include "mnist/mnist_options.hpp"

namespace {

namespace opt = gantry::plugins::mnist_options;

constexpr gantry::OptionSpec kOptions[] = {
    opt::dir,
    opt::split,
    opt::classes,
    opt::classifier_hidden,
    opt::classifier_epochs,
    opt::classifier_lr,
    opt::classifier_batch,
    opt::classifier_seed,
    opt::cache_dir,
};

}  // namespace

GANTRY_PLUGIN(data, gantry::plugins::MnistData, "mnist", "1.0.0",
              "MNIST or Fashion-MNIST images (IDX files) as 784 values in [-1, 1], scored by a "
              "cached classifier",
              kOptions)
