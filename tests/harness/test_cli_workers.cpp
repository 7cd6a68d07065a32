// Runs execute in worker processes: a plugin that crashes the process fails its own run with the
// cause in words and the sweep goes on; per-run memory and time limits; and the numbers are
// those of a run executed in-process, bit for bit.
#include <catch2/catch.hpp>

#include <atomic>

#include "cli_process.hpp"
#include "gantry/sweep/sweep_job.hpp"
#include "small_experiment.hpp"
#include "sweep_target.hpp"
#include "test_support.hpp"

using gantry::testing::all_measurements;
using gantry::testing::count;
using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;

namespace {

const char* const kFaulty = R"([data]
plugin = faulty
after = 3
[trainer]
epochs = 50
eval_every = 10
)";

class SilentObserver final : public gantry::SweepObserver {
 public:
  void sweep_started(int, int, int) override {}
  void run_ended(const gantry::RunEnded&) override {}
  void sweep_ended() override {}
};

}  // namespace

TEST_CASE("a plugin that crashes its process fails its run, not the sweep", "[cli][workers]") {
  ScratchDir dir;
  dir.write("faulty.ini", kFaulty);
  const std::string sweep =
      "sweep faulty.ini --seeds 1-3 --grid data.fault=none,segfault,abort "
      "--jobs 2 --plugin-dir '" +
      gantry::testing::test_plugin_dir("faulty").string() + "' ";
  auto first = run_gantry(dir.path(), sweep);
  INFO(first.output);
  CHECK(first.exit_code == 3);
  auto db = dir / "gantry.sqlite";
  CHECK(count(db, "status = 'finished'") == "3");
  CHECK(count(db,
              "status = 'failed' AND error LIKE "
              "'its worker process was killed by SIGSEGV (Segmentation fault)%'") == "3");
  CHECK(count(db,
              "status = 'failed' AND error LIKE "
              "'its worker process was killed by SIGABRT (Aborted)%'") == "3");

  SECTION("a rerun keeps the failed runs") {
    auto again = run_gantry(dir.path(), sweep);
    CHECK(again.exit_code == 3);
    CHECK(count(db, "attempt = 1") == "9");
  }
  SECTION("--retry-failed runs them again, and they fail again the same way") {
    auto retried = run_gantry(dir.path(), sweep + "--retry-failed");
    CHECK(retried.exit_code == 3);
    CHECK(count(db, "attempt = 2") == "6");
    CHECK(count(db, "error LIKE '%killed by SIG%'") == "6");
  }
}

TEST_CASE("a run over its time or memory limit fails with that reason", "[cli][workers]") {
  ScratchDir dir;
  dir.write("small.ini", gantry::testing::kSmallExperiment);
  auto db = dir / "gantry.sqlite";
  SECTION("resources.time_limit") {
    auto slow = run_gantry(dir.path(),
                           "run small.ini --set trainer.epochs=10000000 "
                           "--set resources.time_limit=0.5");
    INFO(slow.output);
    CHECK(slow.exit_code == 3);
    CHECK(count(db,
                "status = 'failed' AND error LIKE "
                "'its worker process was stopped at resources.time_limit = 0.5 s after step%'") ==
          "1");
    // A limit is a resource: it changes no run's identity, so the same run without it is the
    // run recorded as failed, kept (not run for ten million epochs).
    CHECK(run_gantry(dir.path(), "run small.ini --set trainer.epochs=10000000").exit_code == 3);
    CHECK(count(db, "attempt = 1") == "1");
  }
  SECTION("resources.memory_limit") {
    auto big = run_gantry(dir.path(),
                          "run small.ini --set resources.memory_limit=300 "
                          "--set trainer.batch=10000000 --set trainer.d_batch=5000000");
    INFO(big.output);
    CHECK(big.exit_code == 3);
    CHECK(count(db,
                "status = 'failed' AND error LIKE "
                "'%(out of memory: resources.memory_limit = 300 MB)'") == "1");
  }
}

TEST_CASE("a run in a worker process gives the numbers of a run in-process", "[cli][workers]") {
  ScratchDir dir;
  dir.write("small.ini", gantry::testing::kSmallExperiment);
  REQUIRE(run_gantry(dir.path(), "sweep small.ini --seeds 1-3 --grid trainer.k=1,2 --jobs 2")
              .exit_code == 0);

  gantry::SweepRequest request;
  request.experiment = (dir / "small.ini").string();
  request.seeds = "1-3";
  request.grid = {"trainer.k=1,2"};
  request.jobs = 2;
  request.plugin_dirs = {gantry::testing::bundled_plugin_dir().string()};
  gantry::SweepTarget in_process = gantry::testing::target_in(dir);  // no worker_executable
  std::atomic<bool> stop{false};
  SilentObserver observer;
  gantry::execute_sweep(gantry::plan_sweep_request(request), in_process, observer, stop);
  CHECK(all_measurements(dir / "gantry.sqlite") == all_measurements(in_process.db));
}
