// A sweep's dry run in-process: it counts what the real sweep would run and skip, decided the
// same way, and writes nothing: no database, no artifacts directory, no sweep row.
#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>
#include <set>
#include <sstream>

#include "gantry/cluster/sharded_sweep.hpp"
#include "gantry/store/sqlite.hpp"
#include "gantry/sweep/sweep_preview.hpp"
#include "small_experiment.hpp"
#include "sweep_target.hpp"
#include "test_support.hpp"

using gantry::testing::ScratchDir;
using gantry::testing::target_in;

namespace {

class SilentObserver final : public gantry::SweepObserver {
 public:
  void sweep_started(int, int, int) override {}
  void run_ended(const gantry::RunEnded&) override {}
  void sweep_ended() override {}
};

// The small experiment on the faulty data plugin: its data.fault=throw runs fail.
gantry::SweepRequest faulty_sweep(const ScratchDir& dir, const std::string& seeds) {
  std::string config = gantry::testing::kSmallExperiment;
  config.replace(config.find("plugin = x2"), 11, "plugin = faulty\nafter = 20");
  gantry::SweepRequest request;
  request.experiment = dir.write("faulty.ini", config).string();
  request.seeds = seeds;
  request.grid = {"data.fault=none,throw"};
  request.jobs = 2;
  request.plugin_dirs = {gantry::testing::bundled_plugin_dir().string(),
                         gantry::testing::test_plugin_dir("faulty").string()};
  return request;
}

gantry::SweepResult run_for_real(const gantry::SweepRequest& request, const ScratchDir& dir) {
  std::atomic<bool> stop{false};
  SilentObserver observer;
  return gantry::execute_sweep(gantry::plan_sweep_request(request), target_in(dir), observer, stop)
      .result;
}

gantry::SweepPreview preview(const gantry::SweepRequest& request, const ScratchDir& dir) {
  return gantry::preview_sweep(gantry::plan_sweep_request(request), target_in(dir), 3);
}

// Every file below `dir` with a hash of its contents, to see that nothing changed.
std::set<std::string> snapshot_of(const ScratchDir& dir) {
  std::set<std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path())) {
    std::string line = entry.path().string();
    if (entry.is_regular_file()) {
      std::ostringstream contents;
      contents << std::ifstream(entry.path(), std::ios::binary).rdbuf();
      line += " " + std::to_string(std::hash<std::string>{}(contents.str()));
    }
    files.insert(line);
  }
  return files;
}

}  // namespace

TEST_CASE("a dry run of a new sweep counts its runs and writes nothing", "[sweep][dry_run]") {
  ScratchDir dir;
  gantry::SweepPreview shown = preview(faulty_sweep(dir, "1-3"), dir);
  CHECK(shown.planned == 6);
  CHECK(shown.counts.to_run == 6);
  CHECK(shown.counts.to_run_again == 0);
  CHECK(shown.counts.recorded_finished + shown.counts.recorded_failed + shown.counts.busy == 0);
  CHECK(shown.first_runs == std::vector<std::string>{"seed=1 data.fault=none",
                                                     "seed=2 data.fault=none",
                                                     "seed=3 data.fault=none"});
  CHECK_FALSE(std::filesystem::exists(dir / "results.sqlite"));
  CHECK_FALSE(std::filesystem::exists(dir / "artifacts"));
}

TEST_CASE("a dry run counts recorded runs as the real sweep decides them", "[sweep][dry_run]") {
  ScratchDir dir;
  gantry::SweepResult first = run_for_real(faulty_sweep(dir, "1-2"), dir);
  REQUIRE(first.finished == 2);
  REQUIRE(first.failed == 2);
  const std::set<std::string> before = snapshot_of(dir);
  gantry::SweepRequest request = faulty_sweep(dir, "1-3");

  SECTION("failed runs are kept") {
    gantry::SweepPreview shown = preview(request, dir);
    CHECK(snapshot_of(dir) == before);
    CHECK(shown.planned == 6);
    CHECK(shown.counts.recorded_finished == 2);
    CHECK(shown.counts.recorded_failed == 2);
    CHECK(shown.counts.to_run == 2);
    CHECK(shown.counts.to_run_again == 0);
    gantry::SweepResult real = run_for_real(request, dir);
    CHECK(real.recorded_finished == shown.counts.recorded_finished);
    CHECK(real.recorded_failed == shown.counts.recorded_failed);
    CHECK(real.finished + real.failed == shown.counts.to_run);
  }
  SECTION("--retry-failed runs them again") {
    request.policy.retry_failed = true;
    gantry::SweepPreview shown = preview(request, dir);
    CHECK(snapshot_of(dir) == before);
    CHECK(shown.counts.recorded_finished == 2);
    CHECK(shown.counts.recorded_failed == 0);
    CHECK(shown.counts.to_run == 4);
    CHECK(shown.counts.to_run_again == 2);
    gantry::SweepResult real = run_for_real(request, dir);
    CHECK(real.recorded_failed == 0);
    CHECK(real.finished + real.failed == shown.counts.to_run);
  }
  SECTION("a share counts only its own runs") {
    gantry::PlannedSweep sweep = gantry::plan_sweep_request(request);
    gantry::SweepTarget target = target_in(dir);
    gantry::ShardedSweep share(gantry::ShardRequest{"2/2", "", ""}, sweep, target,
                               gantry::ShardUse::preview);
    gantry::SweepPreview shown = gantry::preview_sweep(sweep, target, 3);
    // Plan positions 1, 3, 5: seed 2 and none, seed 1 and throw, seed 3 and throw.
    CHECK(shown.planned == 3);
    CHECK(shown.counts.recorded_finished == 1);
    CHECK(shown.counts.recorded_failed == 1);
    CHECK(shown.counts.to_run == 1);
    CHECK(shown.first_runs.front() == "seed=2 data.fault=none");
    CHECK(snapshot_of(dir) == before);
  }
}

TEST_CASE("a dry run tells runs another process runs from runs left running", "[sweep][dry_run]") {
  ScratchDir dir;
  gantry::SweepRequest request = faulty_sweep(dir, "1");
  gantry::PlannedSweep sweep = gantry::plan_sweep_request(request);
  {
    // Claimed by this very process and never ended: left over, so rerun.
    gantry::ResultsDb db(target_in(dir).db);
    std::int64_t id = db.ensure_sweep(sweep.name, request.experiment, "test");
    for (std::size_t run = 0; run < sweep.plan.size(); ++run) {
      db.begin_run({id, sweep.plan.seed(run), sweep.plan.identity(run), "", "", {}}, {});
    }
  }
  gantry::SweepPreview stale = gantry::preview_sweep(sweep, target_in(dir), 0);
  CHECK(stale.counts.to_run == 2);
  CHECK(stale.counts.to_run_again == 2);
  CHECK(stale.counts.busy == 0);
  {
    // Claimed on another host: it may still be running there.
    gantry::sqlite::Connection connection(
        target_in(dir).db, gantry::sqlite::Connection::Mode::read_write_create, 1000);
    connection.execute("UPDATE runs SET host = 'elsewhere' WHERE seed = 1");
  }
  gantry::SweepPreview busy = gantry::preview_sweep(sweep, target_in(dir), 0);
  CHECK(busy.counts.busy == 2);
  CHECK(busy.counts.to_run == 0);
  gantry::SweepTarget own = target_in(dir);
  own.sole_owner = true;  // a shard's own database: nobody else runs them
  CHECK(gantry::preview_sweep(sweep, own, 0).counts.to_run == 2);
}
