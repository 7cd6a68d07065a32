// Sweeps through the real command line: resume, failures recorded, determinism across --jobs,
// and recovery from a killed sweep.
#include <H5Cpp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "cli_process.hpp"
#include "gantry/store/results_reader.hpp"
#include "small_experiment.hpp"
#include "test_support.hpp"

using gantry::testing::all_measurements;
using gantry::testing::BackgroundGantry;
using gantry::testing::count;
using gantry::testing::query;
using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;
using gantry::testing::wait_for_finished;

namespace {

const char* const kExperiment = R"([data]
plugin = x2
[trainer]
epochs = 300
eval_every = 100
log_every = 10
[eval]
heldout_rows = 200
generated_rows = 200
final_rows = 100
)";

std::vector<float> final_samples(const std::filesystem::path& db, const std::string& identity) {
  gantry::ResultsReader reader(db.string());
  auto rows = reader.query("SELECT hdf5_path FROM runs WHERE identity = '" + identity + "'").rows;
  REQUIRE(rows.size() == 1);
  H5::H5File file((db.parent_path() / gantry::value_text(rows[0][0])).string(), H5F_ACC_RDONLY);
  H5::DataSet samples = file.openDataSet("/samples/final");
  hsize_t dims[2];
  samples.getSpace().getSimpleExtentDims(dims);
  std::vector<float> values(dims[0] * dims[1]);
  samples.read(values.data(), H5::PredType::NATIVE_FLOAT);
  return values;
}

}  // namespace

TEST_CASE("a sweep records every run and a second invocation resumes without duplicates",
          "[cli][sweep]") {
  ScratchDir dir;
  dir.write("small.ini", kExperiment);
  const std::string sweep = "sweep small.ini --seeds 1-3 --grid trainer.k=1,2 --jobs 2";
  auto first = run_gantry(dir.path(), sweep);
  INFO(first.output);
  REQUIRE(first.exit_code == 0);
  auto db = dir / "gantry.sqlite";
  CHECK(count(db, "status = 'finished'") == "6");
  CHECK(query(db, "SELECT count(DISTINCT value) FROM params WHERE key = 'trainer.k'") ==
        "count(DISTINCT value)\n2\n");
  std::string before = all_measurements(db);

  auto second = run_gantry(dir.path(), sweep);
  CHECK(second.exit_code == 0);
  CHECK_THAT(second.output, Catch::Contains("recorded earlier 6 finished, 0 failed"));
  CHECK(count(db, "1") == "6");
  CHECK(all_measurements(db) == before);
  CHECK(query(db, "PRAGMA integrity_check") == "integrity_check\nok\n");

  auto listing = run_gantry(dir.path(), "runs --sweep small");
  CHECK(listing.exit_code == 0);
  CHECK_THAT(listing.output, Catch::Contains("trainer.k") && Catch::Contains("(6 rows)"));
  auto json = run_gantry(dir.path(), "query \"SELECT id, status FROM runs\" --format json");
  CHECK_THAT(json.output, Catch::Contains("\"status\": \"finished\""));
}

TEST_CASE("the same config and seed give bit-identical results whatever --jobs is",
          "[cli][sweep]") {
  ScratchDir dir;
  dir.write("small.ini", kExperiment);
  const std::string sweep = "sweep small.ini --seeds 1-2 --grid trainer.k=1,3 ";
  REQUIRE(
      run_gantry(dir.path(), sweep + "--jobs 1 --db serial.sqlite --artifacts serial").exit_code ==
      0);
  REQUIRE(run_gantry(dir.path(), sweep + "--jobs 2 --db parallel.sqlite --artifacts parallel")
              .exit_code == 0);
  std::string serial = all_measurements(dir / "serial.sqlite");
  CHECK(serial.size() > 1000);
  CHECK(serial == all_measurements(dir / "parallel.sqlite"));
  std::string identities = query(dir / "serial.sqlite", "SELECT identity FROM runs ORDER BY 1");
  std::string identity = identities.substr(identities.find('\n') + 1, 36);
  CHECK(final_samples(dir / "serial.sqlite", identity) ==
        final_samples(dir / "parallel.sqlite", identity));

  SECTION("a different seed gives different numbers") {
    REQUIRE(run_gantry(dir.path(), "run small.ini --seed 3 --db other.sqlite --artifacts other")
                .exit_code == 0);
    CHECK(query(dir / "other.sqlite", "SELECT value FROM summaries WHERE key = 'g_loss'") !=
          query(dir / "serial.sqlite", "SELECT value FROM summaries WHERE key = 'g_loss' LIMIT 1"));
  }
}

TEST_CASE("failed runs are recorded with their error and the sweep goes on", "[cli][sweep]") {
  ScratchDir dir;
  dir.write("faulty.ini", std::string(kExperiment) + "");
  std::string config = kExperiment;
  config.replace(config.find("plugin = x2"), 11, "plugin = faulty\nafter = 20");
  dir.write("faulty.ini", config);
  std::string plugin_dir =
      "--plugin-dir '" + gantry::testing::test_plugin_dir("faulty").string() + "'";
  auto result = run_gantry(
      dir.path(),
      "sweep faulty.ini --seeds 1 --grid data.fault=none,nan,throw --jobs 2 " + plugin_dir);
  INFO(result.output);
  CHECK(result.exit_code == 3);
  auto db = dir / "gantry.sqlite";
  CHECK(count(db, "status = 'finished'") == "1");
  CHECK(count(db, "status = 'failed' AND error LIKE 'diverged: d_loss_real is nan at step 20%'") ==
        "1");
  CHECK(count(db, "status = 'failed' AND error LIKE '%broke on purpose%'") == "1");
  // What a failed run measured before it failed is kept.
  CHECK(query(db,
              "SELECT count(*) > 0 FROM metrics JOIN runs ON runs.id = run_id WHERE runs.status = "
              "'failed'")
            .find("\n1\n") != std::string::npos);

  SECTION("failed runs are kept on resume, and rerun when asked") {
    auto again = run_gantry(
        dir.path(), "sweep faulty.ini --seeds 1 --grid data.fault=none,nan,throw " + plugin_dir);
    CHECK(again.exit_code == 3);  // the sweep still holds failed runs
    CHECK_THAT(again.output, Catch::Contains("recorded earlier 1 finished, 2 failed"));
    auto retry = run_gantry(
        dir.path(),
        "sweep faulty.ini --seeds 1 --grid data.fault=none,nan,throw --retry-failed " + plugin_dir);
    CHECK(retry.exit_code == 3);
    CHECK(count(db, "attempt = 2") == "2");
    CHECK(count(db, "1") == "3");
  }
}

TEST_CASE("a killed sweep resumes to the same results as an uninterrupted one", "[cli][sweep]") {
  ScratchDir dir;
  std::string config = kExperiment;
  // Runs long enough (about half a second each) that the kill lands while some still go on.
  config.replace(config.find("epochs = 300"), 12, "epochs = 30000");
  dir.write("long.ini", config);
  std::vector<std::string> sweep = {"sweep",  "long.ini",      "--seeds", "1-3",
                                    "--grid", "trainer.k=1,2", "--jobs",  "2"};
  auto db = dir / "gantry.sqlite";

  SECTION("kill -9") {
    BackgroundGantry gantry(dir.path(), sweep);
    REQUIRE(wait_for_finished(db, 2));
    gantry.stop(SIGKILL);
  }
  SECTION("Ctrl-C") {
    BackgroundGantry gantry(dir.path(), sweep);
    REQUIRE(wait_for_finished(db, 2));
    int status = gantry.stop(SIGINT);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 130);
  }
  int unfinished = std::stoi(count(db, "status <> 'finished'"));
  CHECK(unfinished + std::stoi(count(db, "status = 'finished'")) < 6);

  std::string command;
  for (const auto& part : sweep) command += part + " ";
  auto resumed = run_gantry(dir.path(), command);
  INFO(resumed.output);
  REQUIRE(resumed.exit_code == 0);
  CHECK(count(db, "status = 'finished'") == "6");
  CHECK(count(db, "1") == "6");
  CHECK(count(db, "attempt = 2") == std::to_string(unfinished));
  CHECK(query(db, "PRAGMA integrity_check") == "integrity_check\nok\n");

  REQUIRE(run_gantry(dir.path(), command + "--db clean.sqlite --artifacts clean").exit_code == 0);
  CHECK(all_measurements(db) == all_measurements(dir / "clean.sqlite"));
}

TEST_CASE("every reference experiment runs as shipped, shortened", "[cli][experiments]") {
  ScratchDir dir;
  // experiments/sine.ini needs the torch backend: tests/plugins/torch/test_torch_plugins.cpp.
  for (const char* name : {"x2", "tanh", "algebraic", "sine_mlp", "tanh_tuned", "sine_tuned"}) {
    INFO(name);
    std::string file =
        (gantry::testing::source_dir() / "experiments" / (std::string(name) + ".ini")).string();
    auto result = run_gantry(
        dir.path(), "run '" + file + "' --set trainer.epochs=3 --set eval.generated_rows=50");
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.output, Catch::Contains("eval.energy_distance"));
  }
  CHECK(count(dir / "gantry.sqlite", "status = 'finished'") == "6");
}

TEST_CASE("two sweeps started together on a database that does not exist yet both run",
          "[cli][sweep]") {
  ScratchDir dir;
  dir.write("small.ini", gantry::testing::kSmallExperiment);
  // Each trial raced to create the database; before creation was serialised most trials lost
  // one sweep to "not a Gantry results database" or "database is locked".
  for (int trial = 0; trial < 6; ++trial) {
    INFO("trial " << trial);
    std::string db = "race" + std::to_string(trial) + ".sqlite";
    auto start = [&](const std::string& seeds) {
      std::string command =
          "cd '" + dir.path().string() + "' && '" + gantry::testing::gantry_executable().string() +
          "' sweep small.ini --seeds " + seeds + " --db " + db + " > /dev/null 2>&1";
      return popen(command.c_str(), "r");
    };
    FILE* first = start("1-2");
    FILE* second = start("3-4");
    REQUIRE(first != nullptr);
    REQUIRE(second != nullptr);
    CHECK(WEXITSTATUS(pclose(first)) == 0);
    CHECK(WEXITSTATUS(pclose(second)) == 0);
    CHECK(count(dir / db, "status = 'finished'") == "4");
  }
}
