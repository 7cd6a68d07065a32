#include "gantry/sweep/run_worker.hpp"

#include <sys/resource.h>

#include <map>
#include <sstream>

#include "gantry/base/errors.hpp"
#include "gantry/plugin/plugin_catalog.hpp"
#include "gantry/store/results_db.hpp"
#include "gantry/sweep/sweep_plan.hpp"
#include "gantry/sweep/worker_protocol.hpp"

namespace gantry {
namespace {

void write_all(int fd, const std::string& bytes) {
  if (!worker::write_fully(fd, bytes)) throw StorageError("worker: the sweep stopped listening");
}

// The run's settings resolved again from their INI text, once per distinct text.
class ResolvedRuns {
 public:
  explicit ResolvedRuns(const PluginCatalog& catalog) : catalog_(catalog) {}

  PlannedRun planned(const worker::RunRequest& request) {
    auto found = points_.find(request.config);
    if (found == points_.end()) {
      std::istringstream text(request.config);
      GridPoint point = plan_point(read_experiment(text, "the sweep's run"), catalog_);
      found = points_.emplace(request.config, std::move(point)).first;
    }
    const GridPoint& point = found->second;
    if (point.identity.of(request.seed) != request.identity) {
      throw StorageError(
          "worker: the run's settings resolve to another identity here than in "
          "the sweep (a different gantry or plugin on the search path?)");
    }
    return PlannedRun{request.sweep_id, request.sweep_name, point.experiment, request.seed,
                      request.identity};
  }

 private:
  const PluginCatalog& catalog_;
  std::map<std::string, GridPoint> points_;
};

// resources.memory_limit (MB) as this process's address-space limit while one run runs; the
// previous limit comes back when it ends.
class MemoryLimit {
 public:
  explicit MemoryLimit(const ResolvedExperiment& experiment) {
    long long megabytes = std::stoll(experiment.value("resources.memory_limit"));
    if (megabytes <= 0 || getrlimit(RLIMIT_AS, &previous_) != 0) return;
    rlimit limited = previous_;
    limited.rlim_cur = static_cast<rlim_t>(megabytes) * 1024 * 1024;
    if (previous_.rlim_max != RLIM_INFINITY && limited.rlim_cur > previous_.rlim_max) return;
    set_ = setrlimit(RLIMIT_AS, &limited) == 0;
  }
  ~MemoryLimit() {
    if (set_) setrlimit(RLIMIT_AS, &previous_);
  }
  MemoryLimit(const MemoryLimit&) = delete;
  MemoryLimit& operator=(const MemoryLimit&) = delete;

 private:
  rlimit previous_{};
  bool set_ = false;
};

worker::Message ended(const RunOutcome& outcome) {
  return {worker::MessageKind::ended, outcome.run_id, outcome.status, outcome.wall_seconds,
          outcome.error};
}

}  // namespace

int serve_runs(const WorkerSettings& settings, std::istream& in, int out_fd,
               const std::atomic<bool>& stop_flag) {
  try {
    PluginCatalog catalog(settings.plugin_dirs);
    ResultsDb db(settings.db);
    RunStore store{db, settings.artifacts, std::filesystem::absolute(settings.db).parent_path()};
    ResolvedRuns resolved(catalog);
    while (auto request = worker::read_request(in)) {
      PlannedRun run = resolved.planned(*request);
      MemoryLimit limit(run.experiment);
      auto claimed = [&](std::int64_t run_id) {
        write_all(out_fd, worker::encode(worker::Message{worker::MessageKind::claimed, run_id}));
      };
      RunOutcome outcome = execute_run(run, store, catalog, request->policy, stop_flag, claimed);
      write_all(out_fd, worker::encode(ended(outcome)));
    }
    return 0;
  } catch (const StorageError& error) {
    worker::Message failure{worker::MessageKind::store_failed};
    failure.text = error.what();
    try {
      write_all(out_fd, worker::encode(failure));
    } catch (const StorageError&) {
      // The sweep is gone; nobody is left to tell.
    }
    return 1;
  }
}

}  // namespace gantry
