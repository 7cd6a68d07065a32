#include "gantry/run/run_plugins.hpp"

#include <exception>
#include <optional>
#include <string>

#include "gantry/base/errors.hpp"
#include "gantry/plugin/plugin_catalog.hpp"

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

// The data's image layout, if any, checked once against its row width: the evaluation tiles
// rows into pictures with it.
std::optional<ImageShape> reported_image_shape(const std::string& label, const DataSource& data,
                                               int dimensions) {
  std::optional<ImageShape> shape;
  try {
    shape = data.image_shape();
  } catch (const std::exception& error) {
    throw ConfigError(label + ": image_shape() threw: " + error.what());
  } catch (...) {
    throw ConfigError(label + ": image_shape() threw an exception that is not a std::exception");
  }
  if (!shape) return shape;
  std::string text = std::to_string(shape->height) + " x " + std::to_string(shape->width) + " x " +
                     std::to_string(shape->channels);
  if (shape->height < 1 || shape->width < 1 || shape->channels < 1) {
    throw ConfigError(label + ": image_shape() returned " + text +
                      "; height, width and channels must be at least 1");
  }
  if (static_cast<long long>(shape->height) * shape->width * shape->channels != dimensions) {
    throw ConfigError(label + ": image_shape() " + text + " does not match its dimensions() " +
                      std::to_string(dimensions) + " (height x width x channels must equal it)");
  }
  return shape;
}

}  // namespace

RunPlugins create_run_plugins(const ResolvedExperiment& experiment, const PluginCatalog& catalog,
                              std::uint64_t seed) {
  Options data_options = experiment.section("data");
  Options model_options = experiment.section("model");
  Options trainer_options = experiment.section("trainer");
  int threads = static_cast<int>(experiment.section("resources").integer("threads_per_run"));
  RunPlugins plugins;
  plugins.data_name = experiment.value("data.plugin");
  plugins.model_name = experiment.value("model.plugin");
  plugins.trainer_name = experiment.value("trainer.plugin");
  plugins.data = catalog.create_data(plugins.data_name, PluginArgs{data_options, 0, seed, threads});
  plugins.data_dimensions =
      reported_dimensions("data plugin '" + plugins.data_name + "'", "dimensions()",
                          [&] { return plugins.data->dimensions(); });
  plugins.image_shape = reported_image_shape("data plugin '" + plugins.data_name + "'",
                                             *plugins.data, plugins.data_dimensions);
  plugins.model = catalog.create_model(
      plugins.model_name, PluginArgs{model_options, plugins.data_dimensions, seed, threads});
  plugins.latent_dimensions =
      reported_dimensions("model plugin '" + plugins.model_name + "'", "latent_dimensions()",
                          [&] { return plugins.model->latent_dimensions(); });
  plugins.trainer =
      catalog.create_trainer(plugins.trainer_name, PluginArgs{trainer_options, 0, seed, threads});
  return plugins;
}

}  // namespace gantry
