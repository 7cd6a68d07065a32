// The race in `gantry report`: round by round, who was eliminated, when and by which test, and
// the runs spent against the grid, in every format; a sweep that is no search has no such
// section, and a database from before the search tables still reports.
#include <catch2/catch.hpp>

#include <atomic>
#include <sstream>

#include <nlohmann/json.hpp>

#include "gantry/analysis/render/report_render.hpp"
#include "gantry/analysis/report/report.hpp"
#include "gantry/search/search_job.hpp"
#include "gantry/store/results_snapshot.hpp"
#include "gantry/store/sqlite.hpp"
#include "quiet_observer.hpp"
#include "sweep_target.hpp"
#include "test_support.hpp"

using gantry::analysis::ReportFormat;
using gantry::testing::ScratchDir;
using gantry::testing::target_in;

using gantry::testing::QuietObserver;

namespace {

// x2 trained for 20 epochs against 300 and 400: the short one is eliminated in the second round.
gantry::SearchOutcome race_on_x2(const ScratchDir& dir) {
  gantry::SearchRequest request;
  request.sweep.experiment = (gantry::testing::source_dir() / "experiments" / "x2.ini").string();
  request.sweep.seeds = "1-8";
  request.sweep.overrides = {"trainer.eval_every=10"};
  request.sweep.jobs = 2;
  request.sweep.plugin_dirs = {gantry::testing::bundled_plugin_dir().string()};
  request.space = {"trainer.epochs=20,300,400"};
  request.metric = "eval.energy_distance";
  request.first_test = 3;
  std::atomic<bool> stop{false};
  QuietObserver observer;
  return gantry::execute_search(gantry::plan_search_request(request), target_in(dir), observer,
                                stop);
}

std::string render(const gantry::analysis::Report& report, ReportFormat format) {
  std::ostringstream out;
  gantry::analysis::write_report(out, report, format);
  return out.str();
}

}  // namespace

TEST_CASE("the report shows a search round by round", "[search_report]") {
  ScratchDir dir;
  gantry::SearchOutcome outcome = race_on_x2(dir);
  REQUIRE(outcome.end.has_value());
  gantry::ResultsSnapshot snapshot(target_in(dir).db);
  gantry::analysis::Report report = gantry::analysis::build_report(snapshot, {});
  REQUIRE(report.searches.size() == 1);
  const gantry::SearchRecord& search = report.searches.front().record;
  CHECK(report.searches.front().sweep == "x2");
  CHECK(search.state == gantry::SearchState::ended);
  CHECK(search.runs_spent == outcome.runs_spent);
  CHECK(search.header.grid_runs == 24);
  REQUIRE_FALSE(search.rounds.empty());
  CHECK(search.rounds.front().seeds == "1-3");
  CHECK(search.rounds.front().runs == 9);
  int eliminated = 0;
  for (const auto& e : search.eliminated) eliminated += e.has_value();
  CHECK(eliminated == outcome.eliminated);
  CHECK(eliminated == 1);
  CHECK(search.eliminated[0] == 1);  // trainer.epochs=20, in the second round (counted from 0)

  std::string table = render(report, ReportFormat::table);
  CHECK_THAT(table, Catch::Contains("Search 'x2': race on eval.energy_distance"));
  CHECK_THAT(table,
             Catch::Contains(std::to_string(outcome.runs_spent) + " runs spent, against 24"));
  CHECK_THAT(table, Catch::Contains("- round 2: trainer.epochs=20 eliminated (Conover against"));
  CHECK_THAT(table, Catch::Contains("Survivors: trainer.epochs=300, trainer.epochs=400"));

  auto json = nlohmann::json::parse(render(report, ReportFormat::json));
  REQUIRE(json["searches"].size() == 1);
  CHECK(json["searches"][0]["strategy"] == "race");
  CHECK(json["searches"][0]["rounds"].size() == search.rounds.size());
  CHECK(json["searches"][0]["configurations"].size() == 3);

  std::string csv = render(report, ReportFormat::csv);
  CHECK_THAT(csv, Catch::Contains("search,x2,,,,strategy,race"));
  CHECK_THAT(csv, Catch::Contains("search_round,x2,,0,,seeds,1-3"));
}

TEST_CASE("a database from before the search tables reports without a search", "[search_report]") {
  ScratchDir dir;
  race_on_x2(dir);
  {
    gantry::sqlite::Connection raw(target_in(dir).db, gantry::sqlite::Connection::Mode::read_write,
                                   1000);
    raw.execute(
        "DROP TABLE search_decisions; DROP TABLE search_rounds; DROP TABLE search_configurations; "
        "DROP TABLE searches; PRAGMA user_version = 2");
  }
  gantry::ResultsSnapshot snapshot(target_in(dir).db);
  gantry::analysis::Report report = gantry::analysis::build_report(snapshot, {});
  CHECK(report.searches.empty());
  CHECK_FALSE(report.groups.empty());
  CHECK_THAT(render(report, ReportFormat::table), !Catch::Contains("Search '"));
}
