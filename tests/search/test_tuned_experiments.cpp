// The tuned experiments learn their curves on seeds no search used (docs/search.md, "Tuned
// experiments"): one held-out seed each, as shipped, through the command line. The targets are
// the ones the experiments were tuned for; the seeds' values are in docs/search.md's check.
#include <catch2/catch.hpp>
#include <string>

#include "cli_process.hpp"
#include "test_support.hpp"

using gantry::testing::query;
using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;

namespace {

double summary(const std::filesystem::path& db, const std::string& key) {
  std::string csv = query(db, "SELECT value FROM summaries WHERE key = '" + key + "'");
  REQUIRE(csv.rfind("value\n", 0) == 0);
  return std::stod(csv.substr(6));
}

std::string experiment(const std::string& name) {
  return (gantry::testing::source_dir() / "experiments" / (name + ".ini")).string();
}

}  // namespace

TEST_CASE("tanh_tuned.ini learns the curve on seed 1001", "[cli][search][tuned]") {
  ScratchDir dir;
  auto result = run_gantry(dir.path(), "run '" + experiment("tanh_tuned") + "' --seed 1001");
  REQUIRE(result.exit_code == 0);
  CHECK(summary(dir / "gantry.sqlite", "eval.energy_distance") <= 0.003);
  CHECK(summary(dir / "gantry.sqlite", "eval.median_abs_residual") <= 0.005);
  CHECK(summary(dir / "gantry.sqlite", "eval.x_coverage") >= 0.95);
}

TEST_CASE("sine_tuned.ini learns diverse curves on seed 1002", "[cli][search][tuned]") {
  ScratchDir dir;
  auto result = run_gantry(dir.path(), "run '" + experiment("sine_tuned") + "' --seed 1002");
  REQUIRE(result.exit_code == 0);
  CHECK(summary(dir / "gantry.sqlite", "eval.median_fit_rmse") <= 0.1);
  CHECK(summary(dir / "gantry.sqlite", "eval.diversity_ratio") >= 0.6);
}
