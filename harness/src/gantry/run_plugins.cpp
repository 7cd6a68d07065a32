#include "gantry/run_plugins.hpp"

#include <exception>
#include <string>

#include "gantry/errors.hpp"
#include "gantry/plugin_catalog.hpp"

namespace gantry {
namespace {

// A dimension a plugin reports, checked once when the plugins are created: every shape check
// of the run compares against it, so it must be a usable width.
template <typename Query>
int reported_dimensions(const std::string& label, const char* call, Query query) {
  int dimensions = 0;
  try {
    dimensions = query();
  } catch (const std::exception& error) {
    throw ConfigError(label + ": " + call + " threw: " + error.what());
  } catch (...) {
    throw ConfigError(label + ": " + call + " threw an exception that is not a std::exception");
  }
  if (dimensions < 1) {
    throw ConfigError(label + ": " + call + " returned " + std::to_string(dimensions) +
                      "; it must be at least 1");
  }
  return dimensions;
}

}  // namespace

RunPlugins create_run_plugins(const ResolvedExperiment& experiment, const PluginCatalog& catalog,
                              std::uint64_t seed) {
  Options data_options = experiment.section("data");
  Options model_options = experiment.section("model");
  Options trainer_options = experiment.section("trainer");
  RunPlugins plugins;
  plugins.data_name = experiment.value("data.plugin");
  plugins.model_name = experiment.value("model.plugin");
  plugins.trainer_name = experiment.value("trainer.plugin");
  plugins.data = catalog.create_data(plugins.data_name, PluginArgs{data_options, 0, seed});
  plugins.data_dimensions =
      reported_dimensions("data plugin '" + plugins.data_name + "'", "dimensions()",
                          [&] { return plugins.data->dimensions(); });
  plugins.model = catalog.create_model(plugins.model_name,
                                       PluginArgs{model_options, plugins.data_dimensions, seed});
  plugins.latent_dimensions =
      reported_dimensions("model plugin '" + plugins.model_name + "'", "latent_dimensions()",
                          [&] { return plugins.model->latent_dimensions(); });
  plugins.trainer =
      catalog.create_trainer(plugins.trainer_name, PluginArgs{trainer_options, 0, seed});
  return plugins;
}

}  // namespace gantry
