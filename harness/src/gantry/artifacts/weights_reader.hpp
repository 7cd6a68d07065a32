// Reads a finished run's networks back from its HDF5 file (/weights, layout version 3), for
// `gantry sample`.
#pragma once

#include <string>
#include <vector>

#include "gantry/model_weights.hpp"

namespace gantry {

struct RunWeights {
  int layout_version = 0;
  std::vector<WeightTensor> generator, discriminator;  // in name order
};

// Throws StorageError naming the file when it cannot be read, or has no /weights: written by an
// older Gantry (layout version below 3), or by a model plugin that keeps none (plugin ABI 2),
// or by a run that did not finish.
RunWeights read_run_weights(const std::string& path);

}  // namespace gantry
