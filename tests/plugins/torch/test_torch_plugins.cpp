// The torch plugins through the real `gantry`: they load and report their options (torch-mlp's
// exactly eigen-mlp's), a few DCGAN iterations run end to end on synthetic images, and the
// conv1d sine experiment runs.
#include <catch2/catch.hpp>

#include "cli_process.hpp"
#include "test_support.hpp"

using gantry::testing::query;
using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;
using gantry::testing::test_plugin_dir;

namespace {

// The option lines of one plugin in `gantry plugins` output, without its heading and summary.
std::string option_block(const std::string& listing, const std::string& heading) {
  std::size_t start = listing.find(heading);
  if (start == std::string::npos) return "";
  start = listing.find("\n    ", start);
  std::size_t end = listing.find("\n\n", start);
  std::string block =
      listing.substr(start, end == std::string::npos ? std::string::npos : end - start);
  while (!block.empty() && block.back() == '\n') block.pop_back();  // the last plugin's block
  return block;
}

}  // namespace

TEST_CASE("gantry plugins lists the torch models, torch-mlp with eigen-mlp's options",
          "[torch][cli]") {
  ScratchDir dir;
  auto result = run_gantry(dir.path(), "plugins --kind model");
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.output,
             Catch::Contains("torch 1.13") && Catch::Contains("model torch-mlp 1.1.0") &&
                 Catch::Contains("model torch-conv1d 1.1.0") &&
                 Catch::Contains("model torch-dcgan 1.1.0") &&
                 Catch::Contains("model.image_height") && Catch::Contains("model.d_channels"));
  std::string eigen = option_block(result.output, "model eigen-mlp ");
  CHECK(eigen.size() > 100);
  CHECK(option_block(result.output, "model torch-mlp ") == eigen);
}

TEST_CASE("a few DCGAN iterations run end to end on synthetic 28 x 28 images",
          "[torch][torch_dcgan][cli]") {
  ScratchDir dir;
  dir.write("dcgan.ini", R"([experiment]
name = dcgan_smoke
[data]
plugin = test-images
[model]
plugin = torch-dcgan
[trainer]
plugin = alternating
epochs = 3
batch = 32
d_batch = 32
d_update = separate
eval_every = 3
log_every = 1
[eval]
heldout_rows = 16
generated_rows = 16
final_rows = 16
energy_rows = 16
)");
  auto result = run_gantry(dir.path(), "run dcgan.ini --seed 3 --plugin-dir '" +
                                           test_plugin_dir("images").string() + "'");
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  std::string db = (dir / "gantry.sqlite").string();
  CHECK(query(db, "SELECT status FROM runs") == "status\nfinished\n");
  CHECK(query(db, "SELECT count(*) FROM metrics WHERE key = 'g_loss'") == "count(*)\n3\n");
  CHECK(query(db, "SELECT count(*) FROM metrics WHERE key = 'eval.brightness_gap'") ==
        "count(*)\n1\n");

  SECTION("gantry sample draws new images from the run's generator, the same for the same seed") {
    const std::string plugins = " --plugin-dir '" + test_plugin_dir("images").string() + "'";
    REQUIRE(run_gantry(dir.path(), "sample 1 -n 4 --out a.npy" + plugins).exit_code == 0);
    REQUIRE(run_gantry(dir.path(), "sample 1 -n 4 --out b.npy" + plugins).exit_code == 0);
    CHECK(dir.read("a.npy") == dir.read("b.npy"));
    // 128 header bytes, then 4 images of 28 x 28 floats.
    CHECK(dir.read("a.npy").size() == 128 + 4 * 784 * 4);
  }
}

TEST_CASE("the sine experiment runs with the Conv1D discriminator", "[torch][torch_conv1d][cli]") {
  ScratchDir dir;
  // The notebook's schedule at a tenth of its batch and a few epochs: the suite's time budget.
  auto result = run_gantry(
      dir.path(), "run '" + (gantry::testing::source_dir() / "experiments" / "sine.ini").string() +
                      "' --set trainer.epochs=4 --set trainer.batch=1000 --set trainer.d_batch=1000"
                      " --set trainer.pretrain_rows=1000 --set trainer.eval_every=2");
  INFO(result.output);
  REQUIRE(result.exit_code == 0);
  std::string db = (dir / "gantry.sqlite").string();
  CHECK(query(db, "SELECT count(*) FROM metrics WHERE key = 'eval.energy_distance'") ==
        "count(*)\n2\n");
  CHECK(query(db, "SELECT count(*) FROM metrics WHERE key = 'pretrain.d_loss_real'") ==
        "count(*)\n1\n");

  SECTION("gantry sample draws new curves from the run's generator") {
    auto sample = run_gantry(dir.path(), "sample 1 -n 3 --out curves.npy --seed 5");
    INFO(sample.output);
    REQUIRE(sample.exit_code == 0);
    CHECK(dir.read("curves.npy").size() == 128 + 3 * 50 * 4);
  }
}
