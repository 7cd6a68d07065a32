// `gantry search` as a user runs it: killed with SIGKILL mid-search and run again, each strategy
// ends exactly where an uninterrupted search ends, with no run twice; bad input gets one clear
// message and a non-zero exit code.
#include <catch2/catch.hpp>

#include <signal.h>

#include "cli_process.hpp"
#include "test_support.hpp"

using gantry::testing::BackgroundGantry;
using gantry::testing::query;
using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;

namespace {

std::string experiment() {
  return (gantry::testing::source_dir() / "experiments" / "x2.ini").string();
}

std::vector<std::string> search_arguments(const std::string& strategy) {
  return {"search",
          experiment(),
          "--strategy",
          strategy,
          "--space",
          strategy == "random" ? "trainer.k=int:1..4" : "trainer.k=1,2,4",
          "--configurations",
          "3",
          "--metric",
          "eval.energy_distance",
          "--seeds",
          "1-6",
          "--first-test",
          "3",
          "--rungs",
          "2",
          "--set",
          "trainer.epochs=3000",
          "--jobs",
          "2",
          "--plugin-dir",
          gantry::testing::bundled_plugin_dir().string()};
}

std::string shell_line(const std::vector<std::string>& arguments) {
  std::string line;
  for (std::size_t i = 1; i < arguments.size(); ++i) line += " '" + arguments[i] + "'";
  return "search" + line;
}

// Everything a search decides and records, which must not depend on being killed.
std::string recorded(const std::filesystem::path& db) {
  return query(db, "SELECT strategy, state, end_reason, runs_spent FROM searches") +
         query(db, "SELECT * FROM search_rounds ORDER BY round") +
         query(db,
               "SELECT round, configuration, outcome, test, statistic, p_value, p_adjusted, median "
               "FROM search_decisions ORDER BY round, configuration") +
         query(db, "SELECT identity, status FROM runs ORDER BY identity") +
         query(db,
               "SELECT r.identity, s.key, s.value FROM summaries s JOIN runs r ON r.id = s.run_id "
               "ORDER BY r.identity, s.key");
}

}  // namespace

TEST_CASE("a search killed with SIGKILL continues to the same end", "[cli_search]") {
  for (const std::string strategy : {"race", "halving", "random", "grid"}) {
    INFO(strategy);
    ScratchDir whole, killed;
    auto arguments = search_arguments(strategy);
    REQUIRE(run_gantry(whole.path(), shell_line(arguments)).exit_code == 0);
    {
      BackgroundGantry search(killed.path(), arguments);
      REQUIRE(gantry::testing::wait_for_finished(killed / "gantry.sqlite", 3));
      search.stop(SIGKILL);
    }
    // Killed mid-search, not after it ended.
    CHECK(query(killed / "gantry.sqlite", "SELECT state FROM searches") == "state\nsearching\n");
    auto resumed = run_gantry(killed.path(), shell_line(arguments));
    CHECK(resumed.exit_code == 0);
    CHECK(recorded(killed / "gantry.sqlite") == recorded(whole / "gantry.sqlite"));
  }
}

TEST_CASE("a search refuses bad input with one clear message", "[cli_search]") {
  ScratchDir dir;
  std::string base = "search '" + experiment() + "' --seeds 1-6 --plugin-dir '" +
                     gantry::testing::bundled_plugin_dir().string() + "' --set trainer.epochs=100 ";
  SECTION("an empty space") {
    auto result = run_gantry(dir.path(), base + "--metric eval.energy_distance");
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.output, Catch::Contains("the search space is empty"));
  }
  SECTION("a malformed SPEC") {
    auto result = run_gantry(dir.path(), base + "--metric m --space trainer.k=int:3..1");
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.output, Catch::Contains("'trainer.k=int:3..1': the range runs backwards"));
  }
  SECTION("an unknown strategy") {
    auto result =
        run_gantry(dir.path(), base + "--metric m --space trainer.k=1,2 --strategy anneal");
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.output, Catch::Contains("--strategy 'anneal'"));
  }
  SECTION("a budget smaller than one round") {
    auto result = run_gantry(dir.path(), base + "--metric m --space trainer.k=1,2 --budget 5");
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.output,
               Catch::Contains("--budget 5 is smaller than the search's first round"));
  }
  SECTION("a metric that no run records") {
    auto result = run_gantry(dir.path(), base + "--metric eval.fid --space trainer.k=1,2");
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.output, Catch::Contains("--metric 'eval.fid': no run of the first round"));
  }
  SECTION("a sweep name that holds another search") {
    REQUIRE(run_gantry(dir.path(), base + "--metric eval.energy_distance --space trainer.k=1,2")
                .exit_code == 0);
    auto result =
        run_gantry(dir.path(), base + "--metric eval.energy_distance --space trainer.k=1,3");
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.output,
               Catch::Contains("holds another search (space trainer.k: recorded 1,2, this "
                               "command 1,3)"));
  }
}
