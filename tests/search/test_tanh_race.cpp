// The tanh notebook's question, "it is difficult to find the correct number of K", answered by
// a race: over K = 1, 2, 3, 5, 8 on experiments/tanh.ini with seeds 1-20 it keeps the full 5 x 20
// grid's best K, eliminates only Ks whose grid median is worse, and spends fewer runs than the
// grid. (docs/search.md shows this race's report.)
#include <catch2/catch.hpp>

#include <atomic>
#include <map>

#include "gantry/search/search_job.hpp"
#include "gantry/store/results_reader.hpp"
#include "quiet_observer.hpp"
#include "sweep_target.hpp"
#include "test_support.hpp"

using gantry::testing::QuietObserver;

namespace {

gantry::SearchOutcome search_k(gantry::SearchStrategy strategy, const std::string& name,
                               const gantry::testing::ScratchDir& dir) {
  gantry::SearchRequest request;
  request.sweep.experiment = (gantry::testing::source_dir() / "experiments" / "tanh.ini").string();
  request.sweep.seeds = "1-20";
  request.sweep.sweep_name = name;
  request.sweep.jobs = 2;
  request.sweep.plugin_dirs = {gantry::testing::bundled_plugin_dir().string()};
  request.strategy = strategy;
  request.space = {"trainer.k=1,2,3,5,8"};
  request.metric = "eval.energy_distance";
  std::atomic<bool> stop{false};
  QuietObserver observer;
  return gantry::execute_search(gantry::plan_search_request(request),
                                gantry::testing::target_in(dir), observer, stop);
}

}  // namespace

TEST_CASE("a race over K on tanh keeps the grid's best K for fewer runs", "[search][tanh]") {
  gantry::testing::ScratchDir dir;
  gantry::SearchOutcome grid = search_k(gantry::SearchStrategy::grid, "grid", dir);
  gantry::SearchOutcome race = search_k(gantry::SearchStrategy::race, "race", dir);
  REQUIRE(grid.standings.size() == 5);
  REQUIRE(race.end.has_value());

  std::map<std::string, double> grid_median;
  for (const auto& standing : grid.standings) grid_median[standing.label] = *standing.median;
  const std::string best = grid.standings.front().label;  // standings are best first

  CHECK(race.runs_spent < grid.runs_spent);
  std::vector<std::string> survivors;
  for (const auto& standing : race.standings) survivors.push_back(standing.label);
  CHECK(std::find(survivors.begin(), survivors.end(), best) != survivors.end());
  CHECK(race.eliminated > 0);
  for (const auto& [label, median] : grid_median) {
    bool survived = std::find(survivors.begin(), survivors.end(), label) != survivors.end();
    if (!survived) CHECK(median > grid_median[best]);
  }
  // A race's runs are the grid's runs: the survivors' medians over the seeds are the grid's.
  for (const auto& standing : race.standings) {
    if (standing.values == 20) CHECK(*standing.median == grid_median[standing.label]);
  }
}
