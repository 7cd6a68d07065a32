#include "gantry/run/run_executor.hpp"

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

#include "gantry/artifacts/run_artifacts.hpp"
#include "gantry/base/build_info.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/plugin/plugin_catalog.hpp"
#include "gantry/run/run_plugins.hpp"
#include "gantry/run/run_session.hpp"
#include "gantry/store/results_db.hpp"

namespace gantry {
namespace {

std::vector<ParamValue> params_of(const ResolvedExperiment& experiment) {
  std::vector<ParamValue> params;
  for (const Setting& setting : experiment.settings()) {
    params.push_back(ParamValue{setting.key, setting.option.typed(setting.value)});
  }
  return params;
}

}  // namespace

RunOutcome execute_run(const PlannedRun& plan, RunStore& store, const PluginCatalog& catalog,
                       const ResumePolicy& policy, const std::atomic<bool>& stop_flag) {
  const ResolvedExperiment& experiment = plan.experiment;
  RunStart start{plan.sweep_id,        plan.seed,
                 plan.identity,        experiment.to_ini(),
                 experiment.plugins(), params_of(experiment)};
  RunOutcome outcome;
  std::optional<std::int64_t> claimed = store.db.begin_run(start, policy);
  if (!claimed) {
    outcome.status = RunStatus::not_claimed;
    return outcome;
  }
  outcome.run_id = *claimed;
  auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };

  // Read from the session before it (and the plugin objects it refers to) goes out of scope.
  long long steps = 0;
  std::vector<std::pair<std::string, double>> summaries;
  try {
    std::filesystem::path file =
        store.artifacts_dir / plan.sweep_name / artifact_file_name(outcome.run_id, plan.identity);
    RunArtifacts artifacts(file.string(),
                           RunAttributes{outcome.run_id, plan.sweep_name, plan.seed, plan.identity,
                                         start.config, gantry_version(), gantry_git_commit()});
    store.db.set_hdf5_path(outcome.run_id, recorded_path(file, store.db_dir));

    const auto seed = static_cast<std::uint64_t>(plan.seed);
    RunPlugins plugins;
    try {
      plugins = create_run_plugins(experiment, catalog, seed);
    } catch (const GantryError& error) {
      // The plan created these plugins with seed 0; this seed's factory call failed.
      throw RunError(std::string(error.what()) + " (creating the run's plugins for seed " +
                     std::to_string(plan.seed) + ")");
    }
    RunSession session(outcome.run_id, seed, plugins,
                       EvalSettings::from(experiment.section("eval"), experiment.section("images")),
                       store.db, artifacts, stop_flag);
    auto keep_results = [&] {
      steps = session.last_step();
      summaries = session.summaries();
      session.flush();
    };
    try {
      session.prepare();
      session.train();
      if (stop_flag.load()) throw Interrupted();
      session.finish();
    } catch (...) {
      // Keep what was measured up to the failure: it is often the interesting part.
      try {
        keep_results();
      } catch (const std::exception&) {
      }
      throw;
    }
    keep_results();
    outcome.status = RunStatus::finished;
  } catch (const Interrupted&) {
    outcome.status = RunStatus::interrupted;
    outcome.error = "interrupted";
  } catch (const std::exception& error) {
    outcome.status = RunStatus::failed;
    outcome.error = error.what();
  } catch (...) {
    // Plugin calls are guarded by the session and the catalog; this is a last resort.
    outcome.status = RunStatus::failed;
    outcome.error = "an exception that is not a std::exception ended the run";
  }
  outcome.wall_seconds = elapsed();

  if (outcome.status == RunStatus::interrupted) {
    store.db.mark_interrupted(outcome.run_id, "interrupted; resumed by rerunning the sweep");
    return outcome;
  }
  store.db.end_run(outcome.run_id,
                   RunEnd{outcome.status == RunStatus::finished ? RecordedStatus::finished
                                                                : RecordedStatus::failed,
                          outcome.wall_seconds, steps, outcome.error, std::move(summaries)});
  return outcome;
}

}  // namespace gantry
