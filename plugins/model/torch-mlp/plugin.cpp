// Exports the torch-mlp model with eigen-mlp's option table, so an experiment switches backend
// with --set model.plugin=torch-mlp.
#include "gantry/plugin_export.hpp"
#include "support/mlp_options.hpp"
#include "torch-mlp/torch_mlp_model.hpp"

GANTRY_PLUGIN(model, gantry::plugins::TorchMlpModel, "torch-mlp", "1.1.0",
              "eigen-mlp's dense generator and discriminator on LibTorch: same options, initial "
              "weights and Keras optimisers",
              gantry::plugins::kMlpOptions)
