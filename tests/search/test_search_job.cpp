// `gantry search` in-process: its runs are ordinary runs, bit for bit those of a grid sweep; a
// stopped search continues to the end an uninterrupted one reaches; bad requests are refused.
#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>

#include "gantry/base/errors.hpp"
#include "gantry/search/search_job.hpp"
#include "gantry/store/results_reader.hpp"
#include "sweep_target.hpp"
#include "test_support.hpp"

using gantry::SearchStrategy;
using gantry::testing::ScratchDir;
using gantry::testing::target_in;

namespace {

// Counts what the search reports, and asks it to stop after `stop_after` runs when set.
class CountingObserver final : public gantry::SearchObserver {
 public:
  explicit CountingObserver(std::atomic<bool>& stop, int stop_after = -1)
      : stop_(stop), stop_after_(stop_after) {}
  void sweep_started(int, int, int) override {}
  void run_ended(const gantry::RunEnded&) override {
    std::lock_guard lock(mutex_);
    if (++runs == stop_after_) stop_ = true;
  }
  void sweep_ended() override {}
  void round_started(const gantry::RoundProgress&) override { ++rounds; }
  void round_decided(const gantry::SearchRound&, const std::vector<std::string>&) override {}

  int runs = 0, rounds = 0;

 private:
  std::mutex mutex_;
  std::atomic<bool>& stop_;
  int stop_after_;
};

gantry::SearchRequest x2_search(SearchStrategy strategy) {
  gantry::SearchRequest request;
  request.sweep.experiment = (gantry::testing::source_dir() / "experiments" / "x2.ini").string();
  request.sweep.seeds = "1-6";
  request.sweep.overrides = {"trainer.epochs=60", "trainer.eval_every=30"};
  request.sweep.jobs = 2;
  request.sweep.plugin_dirs = {gantry::testing::bundled_plugin_dir().string()};
  request.strategy = strategy;
  request.space = {"trainer.k=1,2,4"};
  request.metric = "eval.energy_distance";
  request.first_test = 3;
  request.rungs = 2;
  return request;
}

gantry::SearchOutcome search(const gantry::SearchRequest& request, const ScratchDir& dir,
                             int stop_after = -1) {
  std::atomic<bool> stop{false};
  CountingObserver observer(stop, stop_after);
  return gantry::execute_search(gantry::plan_search_request(request), target_in(dir), observer,
                                stop);
}

gantry::Table select(const ScratchDir& dir, const std::string& sql) {
  gantry::ResultsReader reader(target_in(dir).db);
  return reader.query(sql);
}

const char* const kMetrics =
    "SELECT r.identity, m.key, m.step, m.value FROM metrics m JOIN runs r ON r.id = m.run_id "
    "ORDER BY r.identity, m.key, m.step";
const char* const kSearchState =
    "SELECT s.state, s.end_reason, s.runs_spent, d.round, d.configuration, d.outcome, d.test, "
    "d.statistic, d.p_value, d.p_adjusted, d.median FROM searches s LEFT JOIN search_decisions d "
    "USING (sweep_id) ORDER BY d.round, d.configuration";
const char* const kRounds =
    "SELECT round, seeds, length, alive, runs, test, statistic, p_value FROM search_rounds "
    "ORDER BY round";

}  // namespace

TEST_CASE("a grid search records exactly the runs of gantry sweep --grid", "[search_job]") {
  ScratchDir searched, swept;
  gantry::SearchOutcome outcome = search(x2_search(SearchStrategy::grid), searched);
  CHECK(outcome.stop == gantry::SearchStop::ended);
  CHECK(outcome.end == gantry::SearchEnd::all_run);
  CHECK(outcome.runs_spent == 18);
  CHECK(outcome.standings.size() == 3);

  gantry::SweepRequest sweep = x2_search(SearchStrategy::grid).sweep;
  sweep.grid = {"trainer.k=1,2,4"};
  std::atomic<bool> stop{false};
  CountingObserver observer(stop);
  gantry::execute_sweep(gantry::plan_sweep_request(sweep), target_in(swept), observer, stop);

  gantry::Table from_search = select(searched, kMetrics);
  REQUIRE(from_search.rows.size() > 100);
  CHECK(from_search.rows == select(swept, kMetrics).rows);
}

TEST_CASE("a race's runs are the grid's runs of the same configuration and seed", "[search_job]") {
  ScratchDir raced, grid;
  gantry::SearchOutcome race = search(x2_search(SearchStrategy::race), raced);
  search(x2_search(SearchStrategy::grid), grid);
  CHECK(race.stop == gantry::SearchStop::ended);
  CHECK(race.runs_spent <= 18);
  gantry::Table race_metrics = select(raced, kMetrics);
  gantry::Table grid_metrics = select(grid, kMetrics);
  REQUIRE_FALSE(race_metrics.rows.empty());
  // Every row the race recorded is the grid's row of that identity, key and step.
  std::size_t matched = 0;
  for (const auto& row : race_metrics.rows) {
    matched += std::find(grid_metrics.rows.begin(), grid_metrics.rows.end(), row) !=
               grid_metrics.rows.end();
  }
  CHECK(matched == race_metrics.rows.size());
}

TEST_CASE("a stopped search continues to the end an uninterrupted one reaches", "[search_job]") {
  for (SearchStrategy strategy : {SearchStrategy::race, SearchStrategy::halving,
                                  SearchStrategy::random, SearchStrategy::grid}) {
    gantry::SearchRequest request = x2_search(strategy);
    if (strategy == SearchStrategy::random) request.space = {"trainer.k=int:1..4"};
    request.configurations = 3;
    ScratchDir whole, stopped;
    gantry::SearchOutcome uninterrupted = search(request, whole);
    REQUIRE(uninterrupted.stop == gantry::SearchStop::ended);

    gantry::SearchOutcome first = search(request, stopped, 5);
    CHECK(first.stop == gantry::SearchStop::interrupted);
    gantry::SearchOutcome resumed = search(request, stopped);
    CHECK(resumed.stop == gantry::SearchStop::ended);
    CHECK(resumed.end == uninterrupted.end);
    CHECK(resumed.runs_spent == uninterrupted.runs_spent);
    CHECK(select(stopped, kSearchState).rows == select(whole, kSearchState).rows);
    CHECK(select(stopped, kRounds).rows == select(whole, kRounds).rows);
    CHECK(select(stopped, kMetrics).rows == select(whole, kMetrics).rows);
    CHECK(select(stopped, "SELECT count(*) FROM runs").rows ==
          select(whole, "SELECT count(*) FROM runs").rows);
  }
}

TEST_CASE("a search refuses what it cannot run, naming why", "[search_job]") {
  ScratchDir dir;
  gantry::SearchRequest request = x2_search(SearchStrategy::race);
  SECTION("an empty space") {
    request.space.clear();
    CHECK_THROWS_WITH(gantry::plan_search_request(request), Catch::Contains("space is empty"));
  }
  SECTION("a malformed SPEC") {
    request.space = {"trainer.k=log:1"};
    CHECK_THROWS_WITH(gantry::plan_search_request(request), Catch::Contains("A..B"));
  }
  SECTION("a setting no plugin declares") {
    request.space = {"trainer.kk=1,2"};
    CHECK_THROWS_AS(gantry::plan_search_request(request), gantry::ConfigError);
  }
  SECTION("a budget smaller than one round") {
    request.budget = 8;  // 3 configurations on the first 3 seeds are 9 runs
    CHECK_THROWS_WITH(gantry::plan_search_request(request), Catch::Contains("--budget 8"));
  }
  SECTION("a race of one configuration") {
    request.space = {"trainer.k=2"};
    CHECK_THROWS_WITH(gantry::plan_search_request(request), Catch::Contains("two configurations"));
  }
  SECTION("a metric no run records") {
    request.metric = "eval.no_such_metric";
    CHECK_THROWS_WITH(search(request, dir),
                      Catch::Contains("no_such_metric") && Catch::Contains("eval.energy_distance"));
    SECTION("and the search may then be started again with the right one") {
      request.metric = "eval.energy_distance";
      CHECK(search(request, dir).stop == gantry::SearchStop::ended);
    }
  }
  SECTION("another search under the same sweep name") {
    search(request, dir);
    request.alpha = 0.1;
    CHECK_THROWS_WITH(search(request, dir),
                      Catch::Contains("alpha: recorded 0.05, this command 0.1"));
  }
  SECTION("a sweep name that holds a plain sweep") {
    std::atomic<bool> stop{false};
    CountingObserver observer(stop);
    gantry::execute_sweep(gantry::plan_sweep_request(request.sweep), target_in(dir), observer,
                          stop);
    CHECK_THROWS_WITH(search(request, dir), Catch::Contains("not a search"));
  }
}
