#include "gantry/run/run_sampler.hpp"

#include "gantry/base/errors.hpp"
#include "gantry/model_weights.hpp"
#include "gantry/plugin/plugin_catalog.hpp"
#include "gantry/random.hpp"
#include "gantry/run/run_plugins.hpp"

namespace gantry {

Matrix sample_generator(const ResolvedExperiment& experiment, const PluginCatalog& catalog,
                        const RunWeights& weights, const SampleRequest& request) {
  RunPlugins plugins =
      create_run_plugins(experiment, catalog, static_cast<std::uint64_t>(request.run_seed));
  auto* model = dynamic_cast<ModelWeights*>(plugins.model.get());
  if (model == nullptr) {
    throw ConfigError("model plugin '" + plugins.model_name +
                      "' cannot load weights (built for plugin ABI 2; rebuild it)");
  }
  const std::string label = "model plugin '" + plugins.model_name + "'";
  try {
    model->load_weights(Network::generator, weights.generator);
    Random latent = make_stream(request.sample_seed, "sample");
    Matrix rows = plugins.model->generate(plugins.model->sample_latent(request.rows, latent));
    if (rows.rows() != request.rows || rows.cols() != plugins.data_dimensions) {
      throw RunError(label + " generated " + std::to_string(rows.rows()) + " x " +
                     std::to_string(rows.cols()) + " rows; expected " +
                     std::to_string(request.rows) + " x " +
                     std::to_string(plugins.data_dimensions));
    }
    return rows;
  } catch (const GantryError&) {
    throw;
  } catch (const std::exception& error) {
    throw RunError(label + ": " + error.what());
  }
}

}  // namespace gantry
