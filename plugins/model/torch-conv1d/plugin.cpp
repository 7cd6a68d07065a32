// Exports the torch-conv1d model; the defaults are the sine-curves notebook's.
#include "gantry/plugin_export.hpp"
#include "torch-conv1d/torch_conv1d_model.hpp"

GANTRY_PLUGIN(model, gantry::plugins::TorchConv1dModel, "torch-conv1d", "1.1.0",
              "The sine-curves notebook's dense generator and Conv1D discriminator on LibTorch",
              gantry::plugins::kConv1dOptions)
