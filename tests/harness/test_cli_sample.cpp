// `gantry sample` end to end on an eigen-mlp run: the finished run's generator, rebuilt from its
// recorded settings and weights, draws rows that NumPy reads, the same for the same seed; and
// each case it cannot serve gets one message naming why.
#include <H5Cpp.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>

#include "cli_process.hpp"
#include "test_support.hpp"

using Catch::Matchers::Contains;
using gantry::testing::query;
using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;

namespace {

const char* const kExperiment = R"([data]
plugin = x2
[trainer]
epochs = 300
eval_every = 100
log_every = 10
)";

std::string hdf5_of_run(const std::filesystem::path& db, int run) {
  std::string csv = query(db, "SELECT hdf5_path FROM runs WHERE id = " + std::to_string(run));
  return (db.parent_path() / csv.substr(csv.find('\n') + 1, csv.size() - csv.find('\n') - 2))
      .string();
}

}  // namespace

TEST_CASE("gantry sample draws new rows from a finished run's generator", "[cli][sample]") {
  ScratchDir dir;
  dir.write("x2.ini", kExperiment);
  REQUIRE(run_gantry(dir.path(), "sweep x2.ini --seeds 1-2").exit_code == 0);

  SECTION("the same seed draws the same rows; another seed, others") {
    auto first = run_gantry(dir.path(), "sample 1 -n 500 --out a.npy");
    INFO(first.output);
    REQUIRE(first.exit_code == 0);
    CHECK_THAT(first.output, Contains("500 rows of 2 columns from run 1's generator (seed 1)"));
    REQUIRE(run_gantry(dir.path(), "sample 1 -n 500 --out b.npy").exit_code == 0);
    REQUIRE(run_gantry(dir.path(), "sample 1 -n 500 --out c.npy --seed 2").exit_code == 0);
    CHECK(dir.read("a.npy") == dir.read("b.npy"));
    CHECK(dir.read("a.npy") != dir.read("c.npy"));
    CHECK(dir.read("a.npy").size() == 128 + 500 * 2 * 4);
  }

  SECTION("NumPy reads the .npy file, and the HDF5 file holds the same rows") {
    REQUIRE(run_gantry(dir.path(), "sample 2 -n 7 --out rows.npy").exit_code == 0);
    REQUIRE(run_gantry(dir.path(), "sample 2 -n 7 --out rows.h5").exit_code == 0);
    // Debian's python3-numpy, a dependency of python3-torch (scripts/setup.sh).
    std::string check = "cd '" + dir.path().string() +
                        "' && /usr/bin/python3 -c \"import numpy; a = numpy.load('rows.npy'); "
                        "assert a.shape == (7, 2) and a.dtype == numpy.float32\"";
    CHECK(std::system(check.c_str()) == 0);
    H5::H5File file((dir / "rows.h5").string(), H5F_ACC_RDONLY);
    std::vector<float> rows(14);
    file.openDataSet("samples").read(rows.data(), H5::PredType::NATIVE_FLOAT);
    std::string npy = dir.read("rows.npy");
    CHECK(std::memcmp(npy.data() + 128, rows.data(), 14 * sizeof(float)) == 0);
  }

  SECTION("what it cannot serve, it names") {
    auto missing = run_gantry(dir.path(), "sample 9 --out a.npy");
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.output, Contains("no run 9 in"));
    auto extension = run_gantry(dir.path(), "sample 1 --out a.csv");
    CHECK(extension.exit_code == 1);
    CHECK_THAT(extension.output, Contains("name a .npy file (NumPy) or a .h5 / .hdf5 file"));
    auto rows = run_gantry(dir.path(), "sample 1 -n 0 --out a.npy");
    CHECK_THAT(rows.output, Contains("--rows 0: draw from 1 to"));
    CHECK_FALSE(std::filesystem::exists(dir / "a.npy"));
  }

  SECTION("a run of an older layout, without weights, gets a clear message") {
    {
      H5::H5File file(hdf5_of_run(dir / "gantry.sqlite", 1), H5F_ACC_RDWR);
      file.unlink("/weights");
      H5::Attribute version = file.openAttribute("gantry_layout_version");
      std::int64_t two = 2;
      version.write(H5::PredType::NATIVE_INT64, &two);
    }
    auto result = run_gantry(dir.path(), "sample 1 --out a.npy");
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.output,
               Contains("keeps no weights: it is of layout version 2, written before Gantry kept "
                        "a finished run's networks"));
  }
}

TEST_CASE(
    "a model plugin built for plugin ABI 2 still runs, says it cannot checkpoint, and its "
    "runs keep no weights",
    "[cli][sample]") {
  ScratchDir dir;
  dir.write("abi2.ini", R"([data]
plugin = x2
[model]
plugin = faulty
[trainer]
epochs = 40
eval_every = 20
log_every = 10
)");
  const std::string plugins =
      " --plugin-dir '" + gantry::testing::test_plugin_dir("abi2_model").string() + "'";
  auto run = run_gantry(dir.path(), "run abi2.ini" + plugins);
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK(query(dir / "gantry.sqlite", "SELECT status FROM runs") == "status\nfinished\n");
  CHECK_THAT(run.output, Contains("model plugin 'faulty' cannot save its state") &&
                             Contains("its runs restart from step 0 when interrupted"));
  auto sample = run_gantry(dir.path(), "sample 1 --out a.npy" + plugins);
  CHECK(sample.exit_code == 1);
  CHECK_THAT(sample.output,
             Contains("keeps no weights: its model plugin keeps none (built for plugin ABI 2)"));
}
