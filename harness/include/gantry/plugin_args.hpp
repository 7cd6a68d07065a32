// What a plugin's factory receives when the harness creates one of its objects.
#pragma once

#include <cstdint>

#include "gantry/options.hpp"

namespace gantry {

struct PluginArgs {
  const Options& options;  // every declared option, resolved and checked against its spec
  int sample_dimensions;   // columns of one data row; set for models, 0 for data plugins
  std::uint64_t seed;      // the run's seed: derive the plugin's own streams with make_stream
  // Threads the run may use for its own computation (a backend's intra-op parallelism); the
  // sweep sets it so that parallel runs never oversubscribe the cores.
  int threads = 1;
};

}  // namespace gantry
