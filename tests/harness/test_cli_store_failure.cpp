// A store that cannot be written mid-sweep (here a file-size limit, as a full disk behaves) stops
// the sweep with one message and a non-zero exit, records no run as failed for it, and leaves
// the store intact: the same command finishes the sweep once there is room, with the numbers of
// an uninterrupted sweep.
#include <catch2/catch.hpp>

#include "cli_process.hpp"
#include "small_experiment.hpp"
#include "test_support.hpp"

using gantry::testing::all_measurements;
using gantry::testing::count;
using gantry::testing::query;
using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;

TEST_CASE("a full disk stops the sweep without blaming a run", "[cli][sweep][store_failure]") {
  ScratchDir dir;
  std::string tanh = (gantry::testing::source_dir() / "experiments" / "tanh.ini").string();
  std::string command = "sweep '" + tanh + "' --seeds 1-8 --set trainer.epochs=200 --jobs 2 ";
  // 150 KB per file: the database holds its tables, then its write-ahead log fills up mid-sweep.
  // SIGXFSZ ignored, so a write past the limit fails with EFBIG, as on a full disk.
  auto full = run_gantry(dir.path(), command, "trap '' XFSZ; ulimit -f 300;");
  INFO(full.output);
  CHECK(full.exit_code == 1);
  CHECK_THAT(full.output, Catch::Contains("the sweep stopped: database 'gantry.sqlite'") &&
                              Catch::Contains("No run was recorded as failed"));
  CHECK(count(dir / "gantry.sqlite", "status = 'failed'") == "0");
  CHECK(query(dir / "gantry.sqlite", "PRAGMA integrity_check") == "integrity_check\nok\n");

  auto rerun = run_gantry(dir.path(), command);
  INFO(rerun.output);
  REQUIRE(rerun.exit_code == 0);
  CHECK(count(dir / "gantry.sqlite", "status = 'finished'") == "8");
  REQUIRE(run_gantry(dir.path(), command + "--db clean.sqlite --artifacts clean").exit_code == 0);
  CHECK(all_measurements(dir / "gantry.sqlite") == all_measurements(dir / "clean.sqlite"));
}

TEST_CASE("reading a database needs no space on a full disk", "[cli][store_failure]") {
  ScratchDir dir;
  dir.write("small.ini", gantry::testing::kSmallExperiment);
  REQUIRE(run_gantry(dir.path(), "sweep small.ini --seeds 1-2").exit_code == 0);
  std::filesystem::remove(dir / "gantry.sqlite-shm");
  std::filesystem::remove(dir / "gantry.sqlite-wal");
  // Not a byte may be written: SQLite cannot create its shared-memory file to lock the database.
  const std::string full_disk = "trap '' XFSZ; ulimit -f 0;";
  auto runs = run_gantry(dir.path(), "runs", full_disk);
  INFO(runs.output);
  CHECK(runs.exit_code == 0);
  CHECK_THAT(runs.output, Catch::Contains("(2 rows)"));
  CHECK(run_gantry(dir.path(), "report", full_disk).exit_code == 0);
  CHECK(run_gantry(dir.path(), "query 'SELECT count(*) FROM runs'", full_disk).exit_code == 0);
}

TEST_CASE("a full disk under the artifacts alone stops the sweep the same way",
          "[cli][store_failure]") {
  ScratchDir dir;
  dir.write("small.ini", gantry::testing::kSmallExperiment);
  // 300,000 held-out rows make a 2.4 MB HDF5 dataset past the 500 KB limit, while the
  // database stays small: the HDF5 write is what fails (it used to segfault after "H5Dclose
  // failed").
  const std::string command = "run small.ini --set eval.heldout_rows=300000";
  auto full = run_gantry(dir.path(), command, "trap '' XFSZ; ulimit -f 1000;");
  INFO(full.output);
  CHECK(full.exit_code == 1);
  CHECK_THAT(full.output, Catch::Contains("the sweep stopped: HDF5 file") &&
                              Catch::Contains("No run was recorded as failed"));
  CHECK(count(dir / "gantry.sqlite", "status = 'failed'") == "0");
  CHECK(run_gantry(dir.path(), command).exit_code == 0);
  CHECK(count(dir / "gantry.sqlite", "status = 'finished'") == "1");
}
