// The three plugin objects of one run, created from a resolved experiment.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "gantry/config/experiment.hpp"
#include "gantry/data_source.hpp"
#include "gantry/gan_model.hpp"
#include "gantry/trainer.hpp"

namespace gantry {

class PluginCatalog;

struct RunPlugins {
  std::shared_ptr<DataSource> data;
  std::shared_ptr<GanModel> model;
  std::shared_ptr<Trainer> trainer;
  // The plugins' names, as the experiment gives them: errors at the boundary name the plugin.
  std::string data_name;
  std::string model_name;
  std::string trainer_name;
  // What the data and model plugins reported when created (both at least 1); every shape that
  // crosses the boundary during the run is checked against these.
  int data_dimensions = 0;
  int latent_dimensions = 0;
  // The data's image layout (its product equals data_dimensions), or nullopt for non-images.
  std::optional<ImageShape> image_shape;
};

// Creates data, then model (which needs the data's row width), then trainer. A plugin that
// rejects its options, or reports a row width or latent size below 1, throws ConfigError naming
// the plugin. Sweeps call this once per grid point
// before anything is recorded, so options only a plugin can judge (a layer list, a range) are
// bad input, not a failed run. Each plugin gets resources.threads_per_run as PluginArgs::threads.
RunPlugins create_run_plugins(const ResolvedExperiment& experiment, const PluginCatalog& catalog,
                              std::uint64_t seed);

}  // namespace gantry
