// The race through the whole engine on a data plugin whose truth is known
// (tests/harness/test_plugins/known_truth.cpp): three equal configurations and one worse by half
// the within-seed noise range. How often equal ones are wrongly eliminated is measured on many
// simulated races in test_race.cpp and bench/race_rates.cpp; here, one race's decisions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>

#include "gantry/search/search_job.hpp"
#include "quiet_observer.hpp"
#include "sweep_target.hpp"
#include "test_support.hpp"

using gantry::testing::ScratchDir;
using gantry::testing::target_in;

using gantry::testing::QuietObserver;

namespace {

const char* const kExperiment = R"([data]
plugin = known-truth
[model]
plugin = eigen-mlp
g_layers = 2:linear
d_layers = 1:sigmoid
latent_dim = 1
[trainer]
epochs = 1
eval_every = 1
[eval]
heldout_rows = 50
generated_rows = 10
final_rows = 10
energy_rows = 10
)";

}  // namespace

TEST_CASE("a race drops the truly worse configuration of a known-truth plugin", "[search][race]") {
  ScratchDir dir;
  gantry::SearchRequest request;
  request.sweep.experiment = dir.write("known.ini", kExperiment).string();
  request.sweep.seeds = "1-20";
  request.sweep.jobs = 2;
  request.sweep.plugin_dirs = {gantry::testing::test_plugin_dir("known_truth").string(),
                               gantry::testing::bundled_plugin_dir().string()};
  request.strategy = gantry::SearchStrategy::race;
  request.space = {"data.profile=equal-a,equal-b,worse,equal-c"};
  request.metric = "eval.known";
  std::atomic<bool> stop{false};
  QuietObserver observer;
  gantry::SearchOutcome outcome =
      gantry::execute_search(gantry::plan_search_request(request), target_in(dir), observer, stop);

  REQUIRE(outcome.end.has_value());
  std::vector<std::string> survivors;
  for (const auto& standing : outcome.standings) survivors.push_back(standing.label);
  CHECK(std::find(survivors.begin(), survivors.end(), "data.profile=worse") == survivors.end());
  // Equal ones may lose at the rate the race's repeated tests allow (about one race in six,
  // bench/race_rates.cpp); on these seeds none does.
  CHECK(survivors.size() == 3);
  CHECK(outcome.eliminated == 1);
  CHECK(outcome.runs_spent < 80);
}
