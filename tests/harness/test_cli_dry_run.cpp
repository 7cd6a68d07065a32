// `gantry sweep --dry-run` through the real command line: it prints the plan's size, what the
// database holds of it and the first runs, exits 0, and leaves the directory as it was.
#include <catch2/catch.hpp>

#include <set>

#include "cli_process.hpp"
#include "small_experiment.hpp"
#include "test_support.hpp"

using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;

namespace {

std::set<std::string> files_in(const ScratchDir& dir) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path())) {
    names.insert(std::filesystem::relative(entry.path(), dir.path()).string());
  }
  return names;
}

}  // namespace

TEST_CASE("sweep --dry-run shows the plan and what is recorded, and writes nothing",
          "[cli][sweep][dry_run]") {
  ScratchDir dir;
  dir.write("small.ini", gantry::testing::kSmallExperiment);
  const std::string sweep = "sweep small.ini --grid trainer.k=1,2 ";
  auto fresh = run_gantry(dir.path(), sweep + "--seeds 1-3 --dry-run");
  INFO(fresh.output);
  REQUIRE(fresh.exit_code == 0);
  CHECK_THAT(fresh.output,
             Catch::Contains("dry run of sweep 'small': 6 runs planned") &&
                 Catch::Contains(
                     "recorded in gantry.sqlite and skipped: 0 finished, 0 failed, 0 running") &&
                 Catch::Contains("would run 6 (0 of them recorded already") &&
                 Catch::Contains("first runs:\n  seed=1 trainer.k=1\n  seed=2 trainer.k=1\n"
                                 "  seed=3 trainer.k=1\n  seed=1 trainer.k=2\n"
                                 "  seed=2 trainer.k=2\ndry run: nothing written\n"));
  CHECK(files_in(dir) == std::set<std::string>{"small.ini"});

  REQUIRE(run_gantry(dir.path(), sweep + "--seeds 1-2").exit_code == 0);
  const std::set<std::string> recorded = files_in(dir);
  auto resumed = run_gantry(dir.path(), sweep + "--seeds 1-3 --dry-run");
  INFO(resumed.output);
  CHECK(resumed.exit_code == 0);
  CHECK_THAT(resumed.output,
             Catch::Contains("6 runs planned") &&
                 Catch::Contains("gantry.sqlite and skipped: 4 finished, 0 failed") &&
                 Catch::Contains("would run 2 (0 of them"));
  CHECK(files_in(dir) == recorded);

  SECTION("one share of it") {
    auto share = run_gantry(dir.path(), sweep + "--seeds 1-3 --shard 1/2 --dry-run");
    INFO(share.output);
    CHECK(share.exit_code == 0);
    CHECK_THAT(share.output,
               Catch::Contains("sweep 'small', share 1/2 of its 6 runs: 3 runs planned") &&
                   Catch::Contains("2 finished") && Catch::Contains("would run 1 "));
    CHECK(files_in(dir) == recorded);
  }
  SECTION("another database, which does not exist yet, is not created") {
    auto other = run_gantry(dir.path(), sweep + "--seeds 1-3 --db other.sqlite --dry-run");
    CHECK(other.exit_code == 0);
    CHECK_THAT(other.output, Catch::Contains("recorded in other.sqlite and skipped: 0 finished"));
    CHECK(files_in(dir) == recorded);
  }
  SECTION("a Slurm dry run adds the summary of its tasks' shares") {
    auto slurm = run_gantry(dir.path(), sweep + "--seeds 1-3 --slurm --array 2 --dry-run");
    INFO(slurm.output);
    CHECK(slurm.exit_code == 0);
    CHECK_THAT(slurm.output, Catch::Contains("#SBATCH --array=1-2") &&
                                 Catch::Contains("dry run of sweep 'small' in 2 array tasks: 6 "
                                                 "runs planned") &&
                                 Catch::Contains("would run 6 "));
    CHECK(files_in(dir) == recorded);
  }
  SECTION("bad input fails as it would without --dry-run") {
    auto twice = run_gantry(dir.path(), sweep + "--seeds 1-3 --grid trainer.k=0 --dry-run");
    CHECK(twice.exit_code == 1);
    CHECK_THAT(twice.output, Catch::Contains("--grid: 'trainer.k' is given twice"));
    // A value the trainer's option table refuses, found when the plan is resolved.
    auto refused =
        run_gantry(dir.path(), "sweep small.ini --seeds 1-3 --set trainer.k=0 --dry-run");
    CHECK(refused.exit_code == 1);
    CHECK_THAT(refused.output, Catch::Contains("trainer.k"));
    CHECK(files_in(dir) == recorded);
  }
}

TEST_CASE("a plan of one run says so in the singular", "[cli][sweep][dry_run]") {
  ScratchDir dir;
  dir.write("small.ini", gantry::testing::kSmallExperiment);
  auto one = run_gantry(dir.path(), "sweep small.ini --seeds 1 --dry-run");
  INFO(one.output);
  CHECK(one.exit_code == 0);
  CHECK_THAT(one.output, Catch::Contains("dry run of sweep 'small': 1 run planned\n"));
}
