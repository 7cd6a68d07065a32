// Image data through the real command line: the evaluation keeps a grid of images from latents
// fixed for the run, in the HDF5 file and as PNG; a data plugin whose image shape contradicts its
// width is refused; threads per run are recorded and leave the run identity alone.
#include <H5Cpp.h>

#include <catch2/catch.hpp>
#include <thread>

#include "cli_process.hpp"
#include "gantry/sweep/sweep_plan.hpp"
#include "test_support.hpp"
#include "tiny_images_experiment.hpp"

using gantry::testing::count;
using gantry::testing::query;
using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;
using gantry::testing::tiny_images_plugin_dir_option;

namespace {

std::filesystem::path only_hdf5(const std::filesystem::path& db) {
  std::string csv = query(db, "SELECT hdf5_path FROM runs");
  return db.parent_path() / csv.substr(csv.find('\n') + 1, csv.size() - csv.find('\n') - 2);
}

std::vector<hsize_t> dataset_shape(const std::filesystem::path& file, const std::string& path) {
  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  H5::DataSpace space = h5.openDataSet(path).getSpace();
  std::vector<hsize_t> dims(static_cast<std::size_t>(space.getSimpleExtentNdims()));
  space.getSimpleExtentDims(dims.data());
  return dims;
}

std::vector<float> dataset_values(const std::filesystem::path& file, const std::string& path) {
  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  H5::DataSet dataset = h5.openDataSet(path);
  std::vector<float> values(static_cast<std::size_t>(dataset.getSpace().getSimpleExtentNpoints()));
  dataset.read(values.data(), H5::PredType::NATIVE_FLOAT);
  return values;
}

}  // namespace

TEST_CASE("image data keeps a grid of images at every evaluation, in HDF5 and as PNG",
          "[cli][images]") {
  ScratchDir dir;
  dir.write("images.ini", gantry::testing::kTinyImagesExperiment);
  auto result = run_gantry(dir.path(), "run images.ini --seed 3" + tiny_images_plugin_dir_option());
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  auto h5 = only_hdf5(dir / "gantry.sqlite");
  CHECK(dataset_shape(h5, "/images/step_10") == std::vector<hsize_t>{25, 6, 4, 1});
  CHECK(dataset_shape(h5, "/images/step_20") == std::vector<hsize_t>{25, 6, 4, 1});
  auto png_dir = h5.parent_path() / h5.stem();
  CHECK(std::filesystem::exists(png_dir / "step_10.png"));
  CHECK(std::filesystem::exists(png_dir / "step_20.png"));

  SECTION("the grid's latents are fixed: the same seed draws the same images again") {
    std::vector<float> first = dataset_values(h5, "/images/step_20");
    auto again =
        run_gantry(dir.path(), "run images.ini --seed 3 --rerun" + tiny_images_plugin_dir_option());
    REQUIRE(again.exit_code == 0);
    CHECK(dataset_values(h5, "/images/step_20") == first);
  }
  SECTION("the grid changes no measured number and can be switched off") {
    auto off = run_gantry(dir.path(),
                          "run images.ini --seed 3 --set images.grid=0 --db off.sqlite "
                          "--artifacts off" +
                              tiny_images_plugin_dir_option());
    REQUIRE(off.exit_code == 0);
    const std::string metrics = "SELECT key, step, value FROM metrics ORDER BY 1, 2";
    CHECK(query(dir / "off.sqlite", metrics) == query(dir / "gantry.sqlite", metrics));
    auto off_h5 = only_hdf5(dir / "off.sqlite");
    H5::H5File file(off_h5.string(), H5F_ACC_RDONLY);
    CHECK_FALSE(file.nameExists("/images"));
    CHECK_FALSE(std::filesystem::exists(off_h5.parent_path() / off_h5.stem()));
  }
  SECTION("images.png = false keeps the HDF5 grid only") {
    auto no_png = run_gantry(dir.path(), "run images.ini --seed 4 --set images.png=false" +
                                             tiny_images_plugin_dir_option());
    REQUIRE(no_png.exit_code == 0);
    std::string csv = query(dir / "gantry.sqlite", "SELECT hdf5_path FROM runs WHERE seed = 4");
    auto file = dir.path() / csv.substr(csv.find('\n') + 1, csv.size() - csv.find('\n') - 2);
    CHECK(dataset_shape(file, "/images/step_20")[0] == 25);
    CHECK_FALSE(std::filesystem::exists(file.parent_path() / file.stem()));
  }
}

TEST_CASE("an image shape that contradicts the data's width is refused before any run",
          "[cli][images]") {
  ScratchDir dir;
  dir.write("images.ini", gantry::testing::kTinyImagesExperiment);
  auto result = run_gantry(
      dir.path(), "run images.ini --set data.claimed_height=5" + tiny_images_plugin_dir_option());
  CHECK(result.exit_code != 0);
  CHECK_THAT(result.output, Catch::Contains("image_shape() 5 x 4 x 1 does not match its "
                                            "dimensions() 24"));
  CHECK_FALSE(std::filesystem::exists(dir / "gantry-artifacts"));
}

TEST_CASE("threads per run are recorded and do not change a run's identity",
          "[cli][images][threads]") {
  ScratchDir dir;
  dir.write("images.ini", gantry::testing::kTinyImagesExperiment);
  const std::string threads = "SELECT value FROM params WHERE key = 'resources.threads_per_run'";
  auto sweep = run_gantry(
      dir.path(), "sweep images.ini --seeds 1-2 --jobs 2" + tiny_images_plugin_dir_option());
  REQUIRE(sweep.exit_code == 0);
  auto expected = std::to_string(gantry::default_threads_per_run(
      static_cast<int>(std::max(1u, std::thread::hardware_concurrency())), 2, 2));
  CHECK(query(dir / "gantry.sqlite", threads) == "value\n" + expected + "\n" + expected + "\n");

  auto again = run_gantry(dir.path(), "sweep images.ini --seeds 1-2 --threads-per-run 3" +
                                          tiny_images_plugin_dir_option());
  CHECK(again.exit_code == 0);
  CHECK_THAT(again.output, Catch::Contains("recorded earlier 2 finished"));
  CHECK(count(dir / "gantry.sqlite", "1") == "2");

  auto bad = run_gantry(dir.path(), "sweep images.ini --seeds 1 --threads-per-run -2" +
                                        tiny_images_plugin_dir_option());
  CHECK(bad.exit_code != 0);
  CHECK_THAT(bad.output, Catch::Contains("--threads-per-run"));
}
