// New rows from a finished run's generator (`gantry sample`): the run's plugins created again
// from its recorded settings and seed, the generator's weights loaded from its HDF5 file, and
// latent rows drawn from a stream of their own, so the same sample seed gives the same rows.
#pragma once

#include <cstdint>

#include "gantry/artifacts/weights_reader.hpp"
#include "gantry/config/experiment.hpp"
#include "gantry/matrix.hpp"

namespace gantry {

class PluginCatalog;

struct SampleRequest {
  std::int64_t run_seed = 0;      // the run's own seed: its plugins are created with it
  std::uint64_t sample_seed = 1;  // latent rows from make_stream(sample_seed, "sample")
  int rows = 1000;
};

// Throws ConfigError when the run's model plugin cannot load weights (built for plugin ABI 2),
// and RunError when it refuses the weights or fails while generating.
Matrix sample_generator(const ResolvedExperiment& experiment, const PluginCatalog& catalog,
                        const RunWeights& weights, const SampleRequest& request);

}  // namespace gantry
