// Checkpoints end to end: a run killed with SIGKILL, or stopped with SIGTERM, continues from its
// checkpoint on the next invocation, to metrics, summaries and HDF5 samples identical to an
// uninterrupted run's; a damaged checkpoint is reported and the previous one (or step 0) used.
#include <H5Cpp.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "cli_process.hpp"
#include "run_samples.hpp"
#include "test_support.hpp"

using Catch::Matchers::Contains;
using gantry::testing::all_measurements;
using gantry::testing::BackgroundGantry;
using gantry::testing::query;
using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;
namespace fs = std::filesystem;

namespace {

// About a second and a half of x2 training, checkpointed every 10,000 of its 150,000 steps.
const char* const kLongRun = R"([experiment]
name = long
[data]
plugin = x2
[trainer]
epochs = 150000
eval_every = 30000
log_every = 100
[eval]
heldout_rows = 200
generated_rows = 200
final_rows = 100
energy_rows = 200
[checkpoint]
every_steps = 10000
every_seconds = 0
)";

fs::path run_dir(const ScratchDir& dir) {
  return dir / "gantry-artifacts" / "long";
}

// The file of the run ending in `suffix` (".h5", ".ckpt", ".ckpt.prev"), or "" when none yet.
fs::path run_file(const ScratchDir& dir, const std::string& suffix) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(run_dir(dir), error)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 && name[0] != '.') {
      return entry.path();
    }
  }
  return {};
}

bool wait_for(const ScratchDir& dir, const std::string& suffix) {
  for (int attempt = 0; attempt < 600; ++attempt) {
    if (!run_file(dir, suffix).empty()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

std::string samples_of(const ScratchDir& dir) {
  return gantry::testing::samples_of(run_file(dir, ".h5"));
}

void damage(const fs::path& file) {
  std::fstream io(file, std::ios::in | std::ios::out | std::ios::binary);
  io.seekp(40);
  io.put('\x5a');
}

std::string resumed_from(const ScratchDir& dir) {
  std::string csv = query(dir / "gantry.sqlite", "SELECT resumed_from_step FROM runs");
  return csv.substr(csv.find('\n') + 1, csv.size() - csv.find('\n') - 2);
}

}  // namespace

TEST_CASE("an interrupted run continues from its checkpoint to the uninterrupted run's numbers",
          "[cli][checkpoint]") {
  ScratchDir reference;
  reference.write("long.ini", kLongRun);
  REQUIRE(run_gantry(reference.path(), "run long.ini").exit_code == 0);
  CHECK(resumed_from(reference) == "0");

  ScratchDir dir;
  dir.write("long.ini", kLongRun);
  std::string expected_resume;
  SECTION("killed with SIGKILL after its first checkpoint") {
    BackgroundGantry run(dir.path(), {"run", "long.ini"});
    REQUIRE(wait_for(dir, ".ckpt"));
    run.stop(SIGKILL);
  }
  SECTION("killed with a damaged last checkpoint: the previous one is used, and said so") {
    BackgroundGantry run(dir.path(), {"run", "long.ini"});
    REQUIRE(wait_for(dir, ".ckpt.prev"));
    run.stop(SIGKILL);
    damage(run_file(dir, ".ckpt"));
    expected_resume = "damaged";
  }
  SECTION("killed with both checkpoints damaged: from step 0") {
    BackgroundGantry run(dir.path(), {"run", "long.ini"});
    REQUIRE(wait_for(dir, ".ckpt.prev"));
    run.stop(SIGKILL);
    damage(run_file(dir, ".ckpt"));
    fs::resize_file(run_file(dir, ".ckpt.prev"), 100);  // truncated
    expected_resume = "from 0";
  }
  SECTION("stopped with SIGTERM: it checkpoints where it stops") {
    BackgroundGantry run(dir.path(), {"run", "long.ini"});
    REQUIRE(wait_for(dir, ".ckpt"));
    int status = run.stop(SIGTERM);
    CHECK(WEXITSTATUS(status) == 130);
    expected_resume = "at the stop";
  }
  CHECK(query(dir / "gantry.sqlite", "SELECT status FROM runs") == "status\nrunning\n");
  auto resumed = run_gantry(dir.path(), "run long.ini");
  INFO(resumed.output);
  REQUIRE(resumed.exit_code == 0);
  const long long from = std::stoll(resumed_from(dir));
  if (expected_resume == "from 0") {
    CHECK(from == 0);
    CHECK_THAT(resumed.output, Contains("truncated") && Contains("its checksum does not match"));
  } else {
    CHECK(from > 0);
    CHECK(from < 150000);
  }
  if (expected_resume == "damaged") CHECK_THAT(resumed.output, Contains("is damaged"));
  if (expected_resume == "at the stop") CHECK(from % 10000 != 0);  // not a periodic one
  CHECK(all_measurements(dir / "gantry.sqlite") == all_measurements(reference / "gantry.sqlite"));
  CHECK(samples_of(dir) == samples_of(reference));
  // A finished run keeps its weights in its HDF5 file, not its checkpoints.
  CHECK(run_file(dir, ".ckpt").empty());
  CHECK(run_file(dir, ".ckpt.prev").empty());
}

TEST_CASE("adaptive-k's controller continues from a checkpoint as if never stopped",
          "[cli][checkpoint]") {
  // The same run under adaptive-k, whose k each epoch depends on the controller's state.
  std::string experiment = kLongRun;
  experiment.replace(experiment.find("[trainer]\n"), 10,
                     "[trainer]\nplugin = adaptive-k\nk_max = 4\nadjust_every = 50\n");
  experiment.replace(experiment.find("epochs = 150000"), 15, "epochs = 60000");
  ScratchDir reference, dir;
  reference.write("long.ini", experiment);
  dir.write("long.ini", experiment);
  REQUIRE(run_gantry(reference.path(), "run long.ini").exit_code == 0);
  {
    BackgroundGantry run(dir.path(), {"run", "long.ini"});
    REQUIRE(wait_for(dir, ".ckpt"));
    run.stop(SIGKILL);
  }
  auto resumed = run_gantry(dir.path(), "run long.ini");
  INFO(resumed.output);
  REQUIRE(resumed.exit_code == 0);
  CHECK(std::stoll(resumed_from(dir)) > 0);
  // k is logged every epoch: the schedule itself is among the measurements compared.
  CHECK(
      query(dir / "gantry.sqlite", "SELECT count(DISTINCT value) > 1 FROM metrics WHERE key = 'k'")
          .find("\n1\n") != std::string::npos);
  CHECK(all_measurements(dir / "gantry.sqlite") == all_measurements(reference / "gantry.sqlite"));
  CHECK(samples_of(dir) == samples_of(reference));
}
