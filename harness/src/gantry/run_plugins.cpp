#include "gantry/run_plugins.hpp"

#include "gantry/plugin_catalog.hpp"

namespace gantry {

RunPlugins create_run_plugins(const ResolvedExperiment& experiment, const PluginCatalog& catalog,
                              std::uint64_t seed) {
  Options data_options = experiment.section("data");
  Options model_options = experiment.section("model");
  Options trainer_options = experiment.section("trainer");
  RunPlugins plugins;
  plugins.data =
      catalog.create_data(experiment.value("data.plugin"), PluginArgs{data_options, 0, seed});
  plugins.model = catalog.create_model(experiment.value("model.plugin"),
                                       PluginArgs{model_options, plugins.data->dimensions(), seed});
  plugins.trainer = catalog.create_trainer(experiment.value("trainer.plugin"),
                                           PluginArgs{trainer_options, 0, seed});
  return plugins;
}

}  // namespace gantry
