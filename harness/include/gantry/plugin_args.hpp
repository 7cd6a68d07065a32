// What a plugin's factory receives when the harness creates one of its objects.
#pragma once

#include <cstdint>

#include "gantry/options.hpp"

namespace gantry {

struct PluginArgs {
  const Options& options;  // every declared option, resolved and checked against its spec
  int sample_dimensions;   // columns of one data row; set for models, 0 for data plugins
  std::uint64_t seed;      // the run's seed: derive the plugin's own streams with make_stream
};

}  // namespace gantry
