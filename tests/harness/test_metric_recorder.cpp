#include <catch2/catch.hpp>

#include "gantry/run/metric_recorder.hpp"
#include "gantry/store/results_reader.hpp"
#include "test_support.hpp"

TEST_CASE("metrics reach the database in batches and end as summaries", "[metric_recorder]") {
  gantry::testing::ScratchDir dir;
  std::string path = (dir / "results.sqlite").string();
  gantry::ResultsDb db(path);
  std::int64_t sweep = db.ensure_sweep("demo", "x2.ini", "test");
  gantry::RunStart start{sweep, 1, "identity-1", "[data]\n", "data=x2@1.0.0", {}};
  std::int64_t run = db.begin_run(start, {}).value();
  gantry::RunArtifacts artifacts((dir / "run.h5").string(),
                                 {run, "demo", 1, "identity-1", "[data]\n", "0.1.0", "abc"});
  auto stored = [&] {
    gantry::ResultsReader reader(path);
    return std::get<std::int64_t>(reader.query("SELECT count(*) FROM metrics").rows.at(0).at(0));
  };

  gantry::MetricRecorder recorder(run, db, artifacts, 0.0, 3);
  recorder.record(10, "g_loss", 0.7);
  recorder.record(10, "d_loss", 0.6);
  CHECK(stored() == 0);  // below the batch size: still buffered
  recorder.record(20, "g_loss", 0.5);
  CHECK(stored() == 3);  // a full batch is written at once
  recorder.record(30, "g_loss", 0.4);
  recorder.flush();
  CHECK(stored() == 4);

  auto summaries = recorder.summaries();
  REQUIRE(summaries.size() == 2);
  CHECK(summaries[0] == std::pair<std::string, double>{"d_loss", 0.6});
  CHECK(summaries[1] == std::pair<std::string, double>{"g_loss", 0.4});  // the last value

  SECTION("an evaluation writes waiting points only once the write interval has passed") {
    gantry::MetricRecorder every_time(run, db, artifacts, 0.0, 100);
    every_time.record(40, "g_loss", 0.3);
    every_time.write_pending_if_due();
    CHECK(stored() == 5);  // an interval of 0 is always due
    gantry::MetricRecorder hourly(run, db, artifacts, 3600.0, 100);
    hourly.record(50, "g_loss", 0.2);
    hourly.write_pending_if_due();
    CHECK(stored() == 5);  // an hour has not passed
    hourly.write_pending();
    CHECK(stored() == 6);
  }
}
