// The sweep job in-process: what `gantry sweep` does, without a child process.
#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>

#include "gantry/base/errors.hpp"
#include "gantry/store/results_reader.hpp"
#include "gantry/sweep/sweep_job.hpp"
#include "sweep_target.hpp"
#include "test_support.hpp"

using gantry::testing::ScratchDir;
using gantry::testing::target_in;

namespace {

// Counts what the engine reports, as the command line's progress bar would draw it.
class CountingObserver final : public gantry::SweepObserver {
 public:
  void sweep_started(int planned, int recorded, int busy) override {
    this->planned = planned;
    this->recorded = recorded;
    this->busy = busy;
    ++started;
  }
  void run_ended(const gantry::RunEnded& run) override {
    std::lock_guard lock(mutex);
    ++ended;
    if (run.failed) ++failed;
  }
  void sweep_ended() override { ++finished; }

  std::mutex mutex;
  int planned = -1, recorded = -1, busy = -1;
  int started = 0, ended = 0, failed = 0, finished = 0;
};

gantry::SweepRequest short_x2_sweep(int jobs) {
  gantry::SweepRequest request;
  request.experiment = (gantry::testing::source_dir() / "experiments" / "x2.ini").string();
  request.seeds = "1-2";
  request.grid = {"trainer.k=1,2"};
  request.overrides = {"trainer.epochs=60", "trainer.eval_every=30"};
  request.jobs = jobs;
  request.plugin_dirs = {gantry::testing::bundled_plugin_dir().string()};
  return request;
}

gantry::Table metrics_of(const std::string& db) {
  gantry::ResultsReader reader(db);
  return reader.query(
      "SELECT r.identity, m.key, m.step, m.value FROM metrics m JOIN runs r ON r.id = m.run_id "
      "ORDER BY r.identity, m.key, m.step");
}

}  // namespace

TEST_CASE("a sweep job plans, records and reports every run", "[sweep_job]") {
  ScratchDir dir;
  std::atomic<bool> stop{false};
  gantry::SweepRequest request = short_x2_sweep(2);
  gantry::PlannedSweep sweep = gantry::plan_sweep_request(request);
  REQUIRE(sweep.plan.size() == 4);
  CHECK(sweep.name == "x2");
  CHECK(sweep.jobs == 2);

  CountingObserver observer;
  gantry::SweepReport report = gantry::execute_sweep(sweep, target_in(dir), observer, stop);
  CHECK(report.result.finished == 4);
  CHECK(report.result.complete());
  CHECK(report.first_run_id.has_value());
  CHECK(observer.started == 1);
  CHECK(observer.planned == 4);
  CHECK(observer.recorded == 0);
  CHECK(observer.ended == 4);
  CHECK(observer.failed == 0);
  CHECK(observer.finished == 1);

  SECTION("run again, it resumes: nothing is rerun") {
    gantry::PlannedSweep again = gantry::plan_sweep_request(request);
    CountingObserver second;
    gantry::SweepReport rerun = gantry::execute_sweep(again, target_in(dir), second, stop);
    CHECK(rerun.result.recorded_finished == 4);
    CHECK(rerun.result.finished == 0);
    CHECK(second.recorded == 4);
    CHECK(second.ended == 0);
    CHECK(rerun.first_run_id == report.first_run_id);
  }
}

TEST_CASE("a sweep's numbers do not depend on the runs in parallel", "[sweep_job]") {
  ScratchDir serial_dir, parallel_dir;
  std::atomic<bool> stop{false};
  CountingObserver observer;
  for (auto [jobs, dir] : {std::pair<int, const ScratchDir*>{1, &serial_dir}, {2, &parallel_dir}}) {
    gantry::SweepRequest request = short_x2_sweep(jobs);
    gantry::PlannedSweep sweep = gantry::plan_sweep_request(request);
    gantry::execute_sweep(sweep, target_in(*dir), observer, stop);
  }
  gantry::Table serial = metrics_of(target_in(serial_dir).db);
  gantry::Table parallel = metrics_of(target_in(parallel_dir).db);
  REQUIRE(serial.rows.size() > 10);
  CHECK(serial.rows == parallel.rows);
}

TEST_CASE("a bad request is refused before anything is recorded", "[sweep_job]") {
  ScratchDir dir;
  gantry::SweepRequest request = short_x2_sweep(1);
  SECTION("an unknown grid key") {
    request.grid = {"trainer.kk=1,2"};
    CHECK_THROWS_AS(gantry::plan_sweep_request(request), gantry::ConfigError);
  }
  SECTION("a grid of more points than a plan holds") {
    std::string values;
    for (int value = 1; value <= 1000; ++value)
      values += (value > 1 ? "," : "") + std::to_string(value);
    request.grid = {"trainer.k=" + values, "trainer.epochs=" + values};
    CHECK_THROWS_WITH(gantry::plan_sweep_request(request),
                      Catch::Contains("1000 x 1000 values make more than 100000 grid points"));
  }
  SECTION("a negative --jobs") {
    request.jobs = -1;
    CHECK_THROWS_WITH(gantry::plan_sweep_request(request), Catch::Contains("--jobs"));
  }
  SECTION("a plugin directory that does not exist") {
    request.plugin_dirs = {(dir / "nowhere").string()};
    CHECK_THROWS_WITH(gantry::plan_sweep_request(request), Catch::Contains("nowhere"));
  }
  SECTION("a sweep name that cannot be a directory") {
    request.sweep_name = "../up";
    CHECK_THROWS_WITH(gantry::plan_sweep_request(request), Catch::Contains("sweep name"));
  }
  SECTION("a sweep name too long for a directory") {
    request.sweep_name = std::string(300, 'a');
    CHECK_THROWS_WITH(gantry::plan_sweep_request(request),
                      Catch::Contains("300 characters long; at most 128"));
  }
  CHECK_FALSE(std::filesystem::exists(dir / "results.sqlite"));
}

TEST_CASE("an unwritable artifacts directory fails before a run is recorded", "[sweep_job]") {
  ScratchDir dir;
  std::atomic<bool> stop{false};
  gantry::SweepRequest request = short_x2_sweep(1);
  gantry::PlannedSweep sweep = gantry::plan_sweep_request(request);
  gantry::SweepTarget target = target_in(dir);
  dir.write("file", "not a directory");
  target.artifacts = (dir / "file" / "below").string();
  CountingObserver observer;
  CHECK_THROWS_AS(gantry::execute_sweep(sweep, target, observer, stop), gantry::StorageError);
  CHECK(observer.started == 0);
  gantry::ResultsReader reader(target.db);
  CHECK(reader.query("SELECT count(*) FROM runs").rows.at(0).at(0) ==
        gantry::Value{std::int64_t{0}});
}

TEST_CASE("a stopped sweep counts the runs it never started apart from interrupted ones",
          "[sweep_job]") {
  // Stops the sweep as its first run ends, as Ctrl-C between two runs would.
  class StopAfterFirst final : public gantry::SweepObserver {
   public:
    explicit StopAfterFirst(std::atomic<bool>& stop) : stop_(stop) {}
    void sweep_started(int, int, int) override {}
    void run_ended(const gantry::RunEnded&) override { stop_ = true; }
    void sweep_ended() override {}

   private:
    std::atomic<bool>& stop_;
  };
  ScratchDir dir;
  std::atomic<bool> stop{false};
  StopAfterFirst observer(stop);
  gantry::PlannedSweep sweep = gantry::plan_sweep_request(short_x2_sweep(1));
  gantry::SweepReport report = gantry::execute_sweep(sweep, target_in(dir), observer, stop);
  CHECK(report.result.finished == 1);
  CHECK(report.result.interrupted == 0);
  CHECK(report.result.not_started == 3);
}
