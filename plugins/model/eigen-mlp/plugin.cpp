// Exports the eigen-mlp model; the defaults reproduce the x2-function notebook's networks and
// Keras' Adam.
#include "eigen-mlp/eigen_mlp_model.hpp"
#include "gantry/plugin_export.hpp"
#include "support/mlp_options.hpp"

GANTRY_PLUGIN(model, gantry::plugins::EigenMlpModel, "eigen-mlp", "1.1.0",
              "Dense generator and discriminator on Eigen (float), Keras initialisers and Adam",
              gantry::plugins::kMlpOptions)
