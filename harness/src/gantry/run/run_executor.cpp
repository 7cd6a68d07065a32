#include "gantry/run/run_executor.hpp"

#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

#include "gantry/artifacts/checkpoint_file.hpp"
#include "gantry/artifacts/run_artifacts.hpp"
#include "gantry/base/build_info.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/plugin/plugin_catalog.hpp"
#include "gantry/run/run_lease.hpp"
#include "gantry/run/run_plugins.hpp"
#include "gantry/run/run_session.hpp"
#include "gantry/store/busy_retry.hpp"
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

namespace {

// What a run measured, kept whether it finished or not: often the interesting part is just
// before a failure.
struct Measured {
  long long steps = 0;
  std::vector<std::pair<std::string, double>> summaries;
};

RunPlugins plugins_for_seed(const PlannedRun& plan, const PluginCatalog& catalog) {
  try {
    return create_run_plugins(plan.experiment, catalog, static_cast<std::uint64_t>(plan.seed));
  } catch (const GantryError& error) {
    // The plan created these plugins with seed 0; this seed's factory call failed.
    throw RunError(std::string(error.what()) + " (creating the run's plugins for seed " +
                   std::to_string(plan.seed) + ")");
  }
}

// The checkpoint an interrupted attempt of this run left, when the run may use one; a damaged
// one is reported on stderr and skipped (the previous one, or step 0, is used instead).
std::optional<Checkpoint> checkpoint_to_resume(const std::string& file, const PlannedRun& plan,
                                               std::int64_t run_id,
                                               const CheckpointSettings& settings) {
  if (!settings.enabled()) return std::nullopt;
  std::vector<std::string> problems;
  std::optional<Checkpoint> checkpoint = read_checkpoint(file, plan.identity, problems);
  for (const std::string& problem : problems) {
    std::fprintf(stderr, "run %lld: %s; not used\n", static_cast<long long>(run_id),
                 problem.c_str());
  }
  return checkpoint;
}

// Says once per process, for each plugin that cannot save its state, that its runs restart from
// step 0 when interrupted: a sweep's worker runs many runs of the same plugins.
void note_unable_to_checkpoint(const RunPlugins& plugins, const RunSession& session,
                               const CheckpointSettings& settings) {
  if (!settings.enabled() || session.can_checkpoint()) return;
  static std::mutex mutex;
  static std::set<std::string> noted;
  std::lock_guard lock(mutex);
  for (const auto& [name, saves_state] :
       {std::pair{"model plugin '" + plugins.model_name + "'", session.model_saves_state()},
        std::pair{"trainer plugin '" + plugins.trainer_name + "'",
                  session.trainer_saves_state()}}) {
    if (saves_state || !noted.insert(name).second) continue;
    std::fprintf(stderr,
                 "note: %s cannot save its state (built without Checkpointable, plugin ABI 2?): "
                 "its runs restart from step 0 when interrupted\n",
                 name.c_str());
  }
}

// The run's file: continued from the checkpoint's step, or, without one (or when the file of
// the interrupted attempt cannot be continued), created afresh.
RunArtifacts open_artifacts(const std::string& file, const RunAttributes& attributes,
                            std::optional<Checkpoint>& checkpoint) {
  if (checkpoint) {
    try {
      return RunArtifacts::resumed(file, attributes.run_id, checkpoint->step);
    } catch (const StorageError& error) {
      std::fprintf(stderr, "run %lld: %s; starting from step 0\n",
                   static_cast<long long>(attributes.run_id), error.what());
      checkpoint.reset();
    }
  }
  return RunArtifacts(file, attributes);
}

// Creates the run's file and plugins, then prepares, trains (from its checkpoint, if an
// interrupted attempt left one) and finishes; throws whatever ended the run early. `measured`
// holds what was measured, however it ended.
void train_and_evaluate(const PlannedRun& plan, const RunStart& start, std::int64_t run_id,
                        RunStore& store, const PluginCatalog& catalog,
                        const std::atomic<bool>& stop_flag, Measured& measured) {
  const std::string file =
      (store.artifacts_dir / plan.sweep_name / artifact_file_name(run_id, plan.identity)).string();
  CheckpointSettings checkpoints =
      CheckpointSettings::from(plan.experiment.section("checkpoint"), plan.identity);
  std::optional<Checkpoint> checkpoint = checkpoint_to_resume(file, plan, run_id, checkpoints);
  RunArtifacts artifacts =
      open_artifacts(file,
                     RunAttributes{run_id, plan.sweep_name, plan.seed, plan.identity, start.config,
                                   gantry_version(), gantry_git_commit()},
                     checkpoint);
  store.db.set_hdf5_path(run_id, recorded_path(file, store.db_dir));
  RunPlugins plugins = plugins_for_seed(plan, catalog);
  RunSession session(
      run_id, static_cast<std::uint64_t>(plan.seed), plugins,
      EvalSettings::from(plan.experiment.section("eval"), plan.experiment.section("images"),
                         plan.experiment.section("resources")),
      checkpoints, store.db, artifacts, stop_flag);
  // Read from the session before it (and the plugin objects it refers to) goes out of scope.
  auto keep_results = [&] {
    measured.steps = session.last_step();
    measured.summaries = session.summaries();
    session.flush();
  };
  note_unable_to_checkpoint(plugins, session, checkpoints);
  try {
    session.prepare();
    if (checkpoint && session.can_checkpoint()) {
      try {
        session.resume(*checkpoint);
      } catch (const RunError&) {
        remove_checkpoints(file);  // whole but unusable: the next attempt starts from step 0
        throw;
      }
      store.db.set_resumed_from(run_id, checkpoint->step);
    }
    session.train();
    if (stop_flag.load()) throw Interrupted();
    session.finish();
  } catch (...) {
    try {
      keep_results();
    } catch (const std::exception&) {
      // The run's own error is the one to report.
    }
    throw;
  }
  keep_results();
  remove_checkpoints(file);  // a finished run keeps its networks in its HDF5 file instead
}

// Runs the claimed run and says how it ended; never throws for the run's own failures.
void run_claimed(const PlannedRun& plan, const RunStart& start, RunStore& store,
                 const PluginCatalog& catalog, const std::atomic<bool>& stop_flag,
                 RunOutcome& outcome, Measured& measured) {
  try {
    train_and_evaluate(plan, start, outcome.run_id, store, catalog, stop_flag, measured);
    outcome.status = RunStatus::finished;
  } catch (const Interrupted&) {
    outcome.status = RunStatus::interrupted;
    outcome.error = "interrupted";
  } catch (const StorageError&) {
    throw;  // the machinery, not the run: execute_run leaves the run to be rerun
  } catch (const std::exception& error) {
    outcome.status = RunStatus::failed;
    outcome.error = error.what();
  } catch (...) {
    // Plugin calls are guarded by the session and the catalog; this is a last resort.
    outcome.status = RunStatus::failed;
    outcome.error = "an exception that is not a std::exception ended the run";
  }
}

// An allocation that failed said in words, with the limit the run set, if it set one.
std::string memory_note(const std::string& error, const PlannedRun& plan) {
  if (error.find("bad_alloc") == std::string::npos) return "";
  std::string limit = plan.experiment.value("resources.memory_limit");
  return limit == "0" ? " (out of memory)"
                      : " (out of memory: resources.memory_limit = " + limit + " MB)";
}

// After the store failed mid-run: marks the run interrupted, so the next invocation reruns it
// (if even that cannot be written, the row stays "running" under this dead process, which the
// next invocation also reruns). Never blames the run.
void leave_for_rerun(RunStore& store, std::int64_t run_id, const StorageError& error) noexcept {
  try {
    store.db.mark_interrupted(run_id, std::string("the results store failed: ") + error.what() +
                                          "; rerun the sweep once it can be written");
  } catch (...) {
  }
}

}  // namespace

RunOutcome execute_run(const PlannedRun& plan, RunStore& store, const PluginCatalog& catalog,
                       const ResumePolicy& policy, const std::atomic<bool>& stop_flag,
                       const std::function<void(std::int64_t)>& on_claimed) {
  const ResolvedExperiment& experiment = plan.experiment;
  RunStart start{plan.sweep_id,
                 plan.seed,
                 plan.identity,
                 experiment.to_ini(),
                 experiment.plugins(),
                 params_of(experiment),
                 std::stod(experiment.value("resources.lease_seconds"))};
  RunOutcome outcome;
  std::optional<std::int64_t> claimed =
      retry_when_busy([&] { return store.db.begin_run(start, policy); });
  if (!claimed) {
    outcome.status = RunStatus::not_claimed;
    return outcome;
  }
  outcome.run_id = *claimed;
  if (on_claimed) on_claimed(outcome.run_id);
  RunLease lease(store.db, outcome.run_id, start.lease_seconds);
  auto started = std::chrono::steady_clock::now();
  Measured measured;
  try {
    run_claimed(plan, start, store, catalog, stop_flag, outcome, measured);
  } catch (const StorageError& error) {
    leave_for_rerun(store, outcome.run_id, error);
    throw;
  }
  outcome.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (outcome.status == RunStatus::failed) outcome.error += memory_note(outcome.error, plan);

  if (outcome.status == RunStatus::interrupted) {
    retry_when_busy([&] {
      store.db.mark_interrupted(outcome.run_id, "interrupted; resumed by rerunning the sweep");
    });
    return outcome;
  }
  RecordedStatus status =
      outcome.status == RunStatus::finished ? RecordedStatus::finished : RecordedStatus::failed;
  RunEnd end{status, outcome.wall_seconds, measured.steps, outcome.error,
             std::move(measured.summaries)};
  retry_when_busy([&] { store.db.end_run(outcome.run_id, end); });
  return outcome;
}

}  // namespace gantry
