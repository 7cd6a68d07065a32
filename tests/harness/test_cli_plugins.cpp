// `gantry plugins` through the real command line: what is found, where from, and problems.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;
using gantry::testing::test_plugin_dir;

TEST_CASE("gantry plugins lists the bundled plugins with their options and defaults",
          "[cli][plugins]") {
  ScratchDir dir;
  auto result = run_gantry(dir.path(), "plugins");
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.output, Catch::Contains("model eigen-mlp 1.1.0") &&
                                Catch::Contains("trainer alternating") &&
                                Catch::Contains("data tanh") &&
                                Catch::Contains("trainer.k                   = 1") &&
                                Catch::Contains("eval.heldout_rows"));
}

TEST_CASE("plugins are also found through --plugin-dir and GANTRY_PLUGIN_PATH", "[cli][plugins]") {
  ScratchDir dir;
  auto by_flag = run_gantry(
      dir.path(), "plugins faulty --plugin-dir '" + test_plugin_dir("faulty").string() + "'");
  CHECK(by_flag.exit_code == 0);
  CHECK_THAT(by_flag.output, Catch::Contains("data faulty 0.0.1"));
  auto by_environment =
      run_gantry(dir.path(), "plugins faulty",
                 "GANTRY_PLUGIN_PATH='" + test_plugin_dir("faulty").string() + "'");
  CHECK(by_environment.exit_code == 0);
  CHECK_THAT(by_environment.output, Catch::Contains("data faulty 0.0.1"));
  CHECK(run_gantry(dir.path(), "plugins faulty").exit_code == 1);
}

TEST_CASE("gantry plugins reports broken plugin files and exits non-zero", "[cli][plugins]") {
  ScratchDir dir;
  auto result = run_gantry(dir.path(),
                           "plugins --plugin-dir '" + test_plugin_dir("duplicate_name_a").string() +
                               "' --plugin-dir '" + test_plugin_dir("duplicate_name_b").string() +
                               "' --plugin-dir '" + test_plugin_dir("wrong_abi").string() + "'");
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.output, Catch::Contains("two data plugins are named 'same'") &&
                                Catch::Contains("gantry-data-future.so") &&
                                Catch::Contains("model eigen-mlp"));
}
