// Checkpoints on the LibTorch backend through the real `gantry`: a torch-mlp run and a short
// torch-dcgan run killed with SIGKILL after a checkpoint continue, on the next invocation, to the
// metrics, summaries and HDF5 samples of an uninterrupted run.
#include <catch2/catch.hpp>

#include "cli_process.hpp"
#include "run_samples.hpp"
#include "test_support.hpp"

using gantry::testing::all_measurements;
using gantry::testing::BackgroundGantry;
using gantry::testing::query;
using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;
using gantry::testing::test_plugin_dir;
namespace fs = std::filesystem;

namespace {

// The run's file with `extension` (".ckpt", ".h5") below `artifacts`, or "" when none yet.
fs::path run_file(const fs::path& artifacts, const std::string& extension) {
  std::error_code error;
  for (const auto& entry : fs::recursive_directory_iterator(artifacts, error)) {
    if (entry.path().extension() == extension) return entry.path();
  }
  return {};
}

// Runs `experiment` straight in one directory, and killed after its first checkpoint then run
// again in another; returns both directories' measurements and where the second resumed.
struct Comparison {
  std::string uninterrupted, resumed;                  // metrics and summaries
  std::string uninterrupted_samples, resumed_samples;  // the HDF5 files' /samples
  std::string resumed_from;
};

Comparison compare(const std::string& experiment, const std::vector<std::string>& options) {
  ScratchDir straight, killed;
  straight.write("e.ini", experiment);
  killed.write("e.ini", experiment);
  std::string line = "run e.ini";
  std::vector<std::string> arguments{"run", "e.ini"};
  for (const auto& option : options) {
    line += " '" + option + "'";
    arguments.push_back(option);
  }
  auto reference = run_gantry(straight.path(), line);
  INFO(reference.output);
  REQUIRE(reference.exit_code == 0);
  {
    BackgroundGantry run(killed.path(), arguments);
    bool found = false;
    for (int attempt = 0; attempt < 3000 && !found; ++attempt) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      found = !run_file(killed / "gantry-artifacts", ".ckpt").empty();
    }
    REQUIRE(found);
    run.stop(SIGKILL);
  }
  auto again = run_gantry(killed.path(), line);
  INFO(again.output);
  REQUIRE(again.exit_code == 0);
  std::string from = query(killed / "gantry.sqlite", "SELECT resumed_from_step FROM runs");
  return {all_measurements(straight / "gantry.sqlite"), all_measurements(killed / "gantry.sqlite"),
          gantry::testing::samples_of(run_file(straight / "gantry-artifacts", ".h5")),
          gantry::testing::samples_of(run_file(killed / "gantry-artifacts", ".h5")),
          from.substr(from.find('\n') + 1, from.size() - from.find('\n') - 2)};
}

}  // namespace

TEST_CASE("a torch-mlp run killed after a checkpoint continues to the uninterrupted numbers",
          "[torch][torch_mlp][checkpoint]") {
  Comparison result = compare(R"([experiment]
name = torch_long
[data]
plugin = x2
[model]
plugin = torch-mlp
[trainer]
epochs = 4000
eval_every = 1000
log_every = 50
[checkpoint]
every_steps = 250
every_seconds = 0
)",
                              {});
  CHECK(std::stoll(result.resumed_from) > 0);
  CHECK(result.resumed == result.uninterrupted);
  CHECK(result.resumed_samples == result.uninterrupted_samples);
}

TEST_CASE(
    "a short torch-dcgan run killed after a checkpoint continues to the uninterrupted numbers",
    "[torch][torch_dcgan][checkpoint]") {
  Comparison result = compare(R"([experiment]
name = dcgan_long
[data]
plugin = test-images
[model]
plugin = torch-dcgan
[trainer]
plugin = alternating
epochs = 6
batch = 32
d_batch = 32
eval_every = 3
log_every = 1
[eval]
heldout_rows = 16
generated_rows = 16
final_rows = 16
energy_rows = 16
[checkpoint]
every_steps = 1
every_seconds = 0
)",
                              {"--plugin-dir", test_plugin_dir("images").string()});
  CHECK(std::stoll(result.resumed_from) > 0);
  CHECK(result.resumed == result.uninterrupted);
  CHECK(result.resumed_samples == result.uninterrupted_samples);
}
