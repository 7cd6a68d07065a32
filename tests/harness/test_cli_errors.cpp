// Bad input through the real command line: one clear message, a non-zero exit code, and
// nothing half-written.
#include <catch2/catch.hpp>

#include "gantry/store/results_reader.hpp"
#include "small_experiment.hpp"
#include "test_support.hpp"

using gantry::testing::kSmallExperiment;
using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;

namespace {

std::string runs_recorded(const ScratchDir& dir) {
  if (!std::filesystem::exists(dir / "gantry.sqlite")) return "no database";
  gantry::ResultsReader reader((dir / "gantry.sqlite").string());
  return gantry::value_text(reader.query("SELECT count(*) FROM runs").rows[0][0]);
}

}  // namespace

TEST_CASE("bad experiment input exits non-zero with a message naming the problem", "[cli]") {
  ScratchDir dir;
  dir.write("small.ini", kSmallExperiment);
  struct Case {
    std::string arguments;
    std::string expected;
  };
  std::vector<Case> cases = {
      {"run missing.ini", "cannot read experiment file 'missing.ini'"},
      {"run malformed.ini", "malformed"},
      {"run small.ini --set data.plugin=nope", "unknown data plugin 'nope'"},
      {"run small.ini --set trainer.epoch=5", "did you mean 'trainer.epochs'"},
      {"run small.ini --set trainer.k=0", "trainer.k: '0' is out of range"},
      {"run small.ini --set trainer.batch=1", "trainer.batch: '1' is out of range"},
      {"run small.ini --set model.g_lr=-0.01", "model.g_lr: '-0.01' is out of range"},
      {"run small.ini --set trainer.k=abc", "not an integer"},
      {"run small.ini --set model.d_layers=25:rleu,1:sigmoid", "rleu"},
      {"sweep small.ini --seeds 3-1", "runs backwards"},
      {"sweep small.ini --seeds 1-2 --grid trainer.k=1,0", "trainer.k: '0' is out of range"},
      {"run small.ini --db missing-dir/x.sqlite", "cannot open database"},
      {"run small.ini --sweep ../escape", "sweep name '../escape'"},
      {"run small.ini --plugin-dir no-such-dir", "--plugin-dir 'no-such-dir' is not a directory"},
      {"run small.ini --seed -1", "not a non-negative integer"},
      {"run small.ini --set trainer.batch=4294967298",
       "trainer.batch: '4294967298' is out of range"},
  };
  dir.write("malformed.ini", "[data\nplugin = x2\n");
  for (const Case& c : cases) {
    INFO("gantry " << c.arguments);
    auto result = run_gantry(dir.path(), c.arguments);
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.output, Catch::Contains(c.expected));
    CHECK(runs_recorded(dir) == "no database");
  }
}

TEST_CASE("an artifacts directory that cannot be written fails before any run", "[cli]") {
  ScratchDir dir;
  dir.write("small.ini", kSmallExperiment);
  dir.write("a-file", "not a directory");
  auto result = run_gantry(dir.path(), "run small.ini --artifacts a-file/sub");
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.output, Catch::Contains("cannot write to the artifacts directory"));
  CHECK(runs_recorded(dir) == "0");
}

TEST_CASE("reading commands name what they cannot show", "[cli]") {
  ScratchDir dir;
  dir.write("small.ini", kSmallExperiment);
  REQUIRE(run_gantry(dir.path(), "run small.ini").exit_code == 0);
  auto metrics = run_gantry(dir.path(), "runs --metrics g_los");
  CHECK(metrics.exit_code == 1);
  CHECK_THAT(metrics.output, Catch::Contains("no run has a summary 'g_los'") &&
                                 Catch::Contains("did you mean 'g_loss'"));
  auto plugins = run_gantry(dir.path(), "plugins --plugin-dir no-such-dir");
  CHECK(plugins.exit_code == 1);
  CHECK_THAT(plugins.output, Catch::Contains("--plugin-dir 'no-such-dir' is not a directory"));
}

TEST_CASE("command-line misuse exits with the usage code", "[cli]") {
  ScratchDir dir;
  CHECK(run_gantry(dir.path(), "frobnicate").exit_code == 2);
  CHECK(run_gantry(dir.path(), "sweep").exit_code == 2);
  CHECK(run_gantry(dir.path(), "run x.ini --no-such-flag").exit_code == 2);
  auto help = run_gantry(dir.path(), "sweep --help");
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.output, Catch::Contains("--grid"));
}

TEST_CASE("queries that would write are refused and change nothing", "[cli]") {
  ScratchDir dir;
  dir.write("small.ini", kSmallExperiment);
  REQUIRE(run_gantry(dir.path(), "run small.ini").exit_code == 0);
  auto result = run_gantry(dir.path(), "query \"DELETE FROM runs\"");
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.output, Catch::Contains("read-only"));
  CHECK(runs_recorded(dir) == "1");
  auto bad_sql = run_gantry(dir.path(), "query \"SELECT nope FROM runs\"");
  CHECK(bad_sql.exit_code == 1);
  CHECK_THAT(bad_sql.output, Catch::Contains("no such column"));
}

TEST_CASE("a database of a newer schema is refused without being touched", "[cli]") {
  ScratchDir dir;
  dir.write("small.ini", kSmallExperiment);
  REQUIRE(run_gantry(dir.path(), "run small.ini").exit_code == 0);
  REQUIRE(
      std::system(("sqlite3 '" + (dir / "gantry.sqlite").string() + "' 'PRAGMA user_version = 99'")
                      .c_str()) == 0);
  auto result = run_gantry(dir.path(), "run small.ini --seed 2");
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.output, Catch::Contains("schema version 99"));
  auto listing = run_gantry(dir.path(), "runs");
  CHECK(listing.exit_code == 1);
}
