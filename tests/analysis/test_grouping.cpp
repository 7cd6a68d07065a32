#include <catch2/catch.hpp>

#include "gantry/analysis/report/grouping.hpp"
#include "gantry/base/errors.hpp"

using gantry::RunRecord;
using gantry::analysis::group_runs;
using gantry::analysis::varying_parameters;

namespace {

RunRecord run(std::int64_t id, std::map<std::string, std::string> params) {
  RunRecord record;
  record.id = id;
  record.status = gantry::RecordedStatus::finished;
  record.params = std::move(params);
  return record;
}

}  // namespace

TEST_CASE("groups are the parameters that vary, seed and description aside", "[grouping]") {
  std::vector<RunRecord> runs = {
      run(1, {{"trainer.k", "10"}, {"data.plugin", "x2"}, {"experiment.description", "a"}}),
      run(2, {{"trainer.k", "2"}, {"data.plugin", "x2"}, {"experiment.description", "b"}}),
      run(3, {{"trainer.k", "10"}, {"data.plugin", "x2"}}),
      run(4, {{"trainer.k", "2"}, {"data.plugin", "x2"}, {"trainer.k_min", "1"}})};

  SECTION("varying parameters") {
    CHECK(varying_parameters(runs) == std::vector<std::string>{"trainer.k", "trainer.k_min"});
  }
  SECTION("numbers sort by value, and a missing parameter is '-'") {
    auto groups = group_runs(runs, {"trainer.k", "trainer.k_min"});
    REQUIRE(groups.size() == 3);
    CHECK(groups[0].name() == "trainer.k=2 trainer.k_min=1");
    CHECK(groups[1].name() == "trainer.k=2 trainer.k_min=-");
    CHECK(groups[2].name() == "trainer.k=10 trainer.k_min=-");
    REQUIRE(groups[2].runs.size() == 2);
    CHECK(groups[2].runs[0]->id == 1);
    CHECK(groups[2].runs[1]->id == 3);
  }
  SECTION("no grouping keys: one group of all runs") {
    auto groups = group_runs(runs, {});
    REQUIRE(groups.size() == 1);
    CHECK(groups[0].name() == "all runs");
    CHECK(groups[0].runs.size() == 4);
  }
  SECTION("an unknown key names the closest parameter") {
    CHECK_THROWS_WITH(group_runs(runs, {"trainer.kk"}),
                      Catch::Contains("did you mean 'trainer.k'"));
    CHECK_THROWS_AS(group_runs(runs, {"trainer.kk"}), gantry::ConfigError);
  }
}
