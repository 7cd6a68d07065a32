#include <catch2/catch.hpp>

#include "gantry/analysis/report/group_effect.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using namespace gantry::analysis;

namespace {

// A report of finished runs whose eval.energy_distance values are given per group of trainer.k.
Report report_of(const std::vector<std::vector<double>>& values,
                 const ReportRequest& request = {}) {
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
  report.request = request;
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

// Reference values: R 4's wilcox.test(x, y, conf.int = TRUE) for the shift and its interval
// (the exact branch: no ties, fewer than 50 runs); Cliff's delta and the seeds needed by hand.
TEST_CASE("each pair gets a verdict: shift, Cliff's delta and the seeds it needs",
          "[group_effect][verdict]") {
  SECTION("separated groups of 8: decided") {
    auto effect =
        group_effect(report_of({{1, 2, 3, 4, 5, 6, 7, 8}, {11, 12, 13, 14, 15, 16, 17, 18}}));
    REQUIRE(effect);
    const PairwiseComparison& pair = effect->pairs.at(0);
    // wilcox.test(1:8, 11:18, conf.int = TRUE): estimate -10, interval [-13, -7].
    CHECK_THAT(pair.shift.estimate, WithinAbs(-10.0, 1e-12));
    CHECK_THAT(pair.shift.ci_low, WithinAbs(-13.0, 1e-12));
    CHECK_THAT(pair.shift.ci_high, WithinAbs(-7.0, 1e-12));
    CHECK(pair.shift.exact);
    // Every run of the first group is below every run of the second.
    CHECK_THAT(pair.cliffs_delta, WithinAbs(-1.0, 1e-12));
    // Resamples stay separated. With 4 seeds a group the test rejects every one of them: exact
    // p = 2 / C(8, 4) = 0.029, and with ties s^2 <= 16/12 * 9 = 12 gives z >= 7.5 / sqrt(12) =
    // 2.17, p <= 0.030. With 3 it rejects almost none: exact p = 2 / C(6, 3) = 0.1, and only
    // resamples of three equal values in both groups reach p = 0.047.
    REQUIRE(pair.seeds_needed);
    CHECK(*pair.seeds_needed == 4);
    CHECK(pair.seeds_verdict == SeedsVerdict::decided);
    CHECK(pair.verdict ==
          "trainer.k=1 vs trainer.k=2: decided: 4 seeds per group suffice for 80% power (each has "
          "8)");
  }
  SECTION("separated groups, the smaller of 3: undecided") {
    auto effect = group_effect(report_of({{1, 2, 3}, {4, 5, 6, 7, 8, 9, 10}}));
    REQUIRE(effect);
    const PairwiseComparison& pair = effect->pairs.at(0);
    // wilcox.test(1:3, 4:10, conf.int = TRUE): estimate -5, interval [-8, -2].
    CHECK_THAT(pair.shift.estimate, WithinAbs(-5.0, 1e-12));
    CHECK_THAT(pair.shift.ci_low, WithinAbs(-8.0, 1e-12));
    CHECK_THAT(pair.shift.ci_high, WithinAbs(-2.0, 1e-12));
    CHECK_THAT(pair.cliffs_delta, WithinAbs(-1.0, 1e-12));
    REQUIRE(pair.seeds_needed);
    CHECK(*pair.seeds_needed == 4);  // as above: separation needs 4 a group, whatever the sizes
    CHECK(pair.seeds_verdict == SeedsVerdict::undecided);
    CHECK_THAT(
        pair.verdict,
        Contains(
            "undecided: about 4 seeds per group needed for 80% power (the smaller group has 3)"));
  }
  SECTION("overlapping groups at another confidence") {
    ReportRequest request;
    request.confidence = 0.8;
    auto effect = group_effect(report_of({{1, 5, 3, 7}, {2, 6, 4, 8}}, request));
    REQUIRE(effect);
    const PairwiseComparison& pair = effect->pairs.at(0);
    // wilcox.test(c(1, 5, 3, 7), c(2, 6, 4, 8), conf.int = TRUE, conf.level = 0.8): estimate
    // -1, interval [-5, 3].
    CHECK_THAT(pair.shift.estimate, WithinAbs(-1.0, 1e-12));
    CHECK_THAT(pair.shift.ci_low, WithinAbs(-5.0, 1e-12));
    CHECK_THAT(pair.shift.ci_high, WithinAbs(3.0, 1e-12));
    // 6 of the 16 pairs have the first higher, 10 the second: (6 - 10) / 16.
    CHECK_THAT(pair.cliffs_delta, WithinAbs(-0.25, 1e-12));
    // Even full separation needs 4 seeds a group, so this needs more than the 4 it has.
    CHECK(pair.seeds_verdict != SeedsVerdict::decided);
    CHECK_THAT(pair.verdict, Contains("undecided: ") && Contains("(each has 4)"));
  }
  SECTION("the search stops at max_seeds") {
    ReportRequest request;
    request.seeds_needed.max_seeds = 3;  // separated groups need 4 (see above)
    auto effect = group_effect(report_of({{1, 2, 3, 4}, {11, 12, 13, 14}}, request));
    REQUIRE(effect);
    const PairwiseComparison& pair = effect->pairs.at(0);
    CHECK_FALSE(pair.seeds_needed);
    CHECK(pair.seeds_verdict == SeedsVerdict::out_of_reach);
    CHECK_THAT(pair.verdict, Contains("undecided: more than 3 seeds per group needed"));
  }
  SECTION("no difference at all is out of reach") {
    auto effect = group_effect(report_of({{1, 1}, {1, 1}}));
    REQUIRE(effect);
    const PairwiseComparison& pair = effect->pairs.at(0);
    CHECK_THAT(pair.shift.estimate, WithinAbs(0.0, 1e-12));
    CHECK_THAT(pair.cliffs_delta, WithinAbs(0.0, 1e-12));
    CHECK(pair.seeds_verdict == SeedsVerdict::out_of_reach);
    CHECK_THAT(pair.verdict, Contains("more than 200 seeds per group needed"));
  }
}
