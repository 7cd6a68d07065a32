#include <catch2/catch.hpp>

#include "gantry/analysis/report/group_effect.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using namespace gantry::analysis;

namespace {

// A report of finished runs whose eval.energy_distance values are given per group of trainer.k.
Report report_of(const std::vector<std::vector<double>>& values) {
  auto runs = std::make_shared<std::vector<gantry::RunRecord>>();
  std::int64_t id = 0;
  for (std::size_t g = 0; g < values.size(); ++g) {
    for (double value : values[g]) {
      gantry::RunRecord run;
      run.id = ++id;
      run.status = gantry::RecordedStatus::finished;
      run.params["trainer.k"] = std::to_string(g + 1);
      run.summaries["eval.energy_distance"] = value;
      runs->push_back(run);
    }
  }
  Report report;
  report.runs = runs;
  report.request.group_by = {"trainer.k"};
  report.request.compare_metric = "eval.energy_distance";
  std::size_t next = 0;
  for (std::size_t g = 0; g < values.size(); ++g) {
    GroupReport group;
    group.group.labels = {{"trainer.k", std::to_string(g + 1)}};
    for (std::size_t i = 0; i < values[g].size(); ++i) group.group.runs.push_back(&(*runs)[next++]);
    report.groups.push_back(group);
  }
  return report;
}

}  // namespace

TEST_CASE("the comparison says in one sentence what the data support", "[group_effect]") {
  SECTION("clearly separated groups") {
    auto effect =
        group_effect(report_of({{1, 2, 3, 4, 5, 6, 7, 8}, {11, 12, 13, 14, 15, 16, 17, 18}}));
    REQUIRE(effect);
    REQUIRE(effect->pairs.size() == 1);
    // Exact Mann-Whitney for 8 vs 8 with complete separation: 2 / C(16, 8) = 2 / 12870.
    CHECK_THAT(effect->pairs[0].p_value, WithinAbs(2.0 / 12870.0, 1e-12));
    CHECK_THAT(effect->pairs[0].median_difference, WithinAbs(-10.0, 1e-12));
    CHECK_THAT(effect->conclusion, Contains("The data support that trainer.k changes"));
    CHECK_THAT(
        effect->pairs[0].sentence,
        Contains("trainer.k=1 vs trainer.k=2: difference in median eval.energy_distance -10"));
  }
  SECTION("overlapping groups") {
    auto effect = group_effect(report_of({{1, 5, 3, 7}, {2, 6, 4, 8}}));
    REQUIRE(effect);
    CHECK_THAT(effect->conclusion, Contains("The data do not show that trainer.k changes"));
    CHECK_THAT(effect->pairs[0].sentence, Contains("(not significant)"));
  }
  SECTION("Kruskal-Wallis below alpha while the exact pair test is not") {
    // 3 vs 3, separated: H = 27/7 = 3.857 gives p = 0.0495 by chi-squared (1 df), while the
    // exact Mann-Whitney p is 2 / C(6, 3) = 0.1: the borderline case.
    auto effect = group_effect(report_of({{1, 2, 3}, {4, 5, 6}}));
    REQUIRE(effect);
    REQUIRE(effect->test);
    CHECK(effect->test->p_value < 0.05);
    CHECK(effect->pairs[0].p_adjusted > 0.05);
    CHECK_THAT(effect->conclusion, Contains("no pair of groups differs after Holm adjustment"));
  }
  SECTION("all runs alike") {
    auto effect = group_effect(report_of({{1, 1}, {1, 1}}));
    REQUIRE(effect);
    CHECK_FALSE(effect->test);
    CHECK_THAT(effect->conclusion, Contains("Every run has the same"));
  }
  SECTION("one group: nothing to compare") {
    CHECK_FALSE(group_effect(report_of({{1, 2, 3}})));
  }
}
