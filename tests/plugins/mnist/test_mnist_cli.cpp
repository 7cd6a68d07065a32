// The mnist plugin through the real gantry executable: loaded by the catalog, a shortened run
// on a synthetic data set (with the dense eigen-mlp model, so no torch backend is needed) records
// its scores, a sweep of parallel runs shares one classifier, and a broken data file stops the
// run with a message naming it.
#include <catch2/catch.hpp>

#include "../../harness/test_support.hpp"
#include "idx_test_files.hpp"

using Catch::Matchers::Contains;
using gantry::testing::run_gantry;

namespace {

std::string experiment(const mnist_test::TempDir& data, const mnist_test::TempDir& cache) {
  return "[data]\nplugin = mnist\ndir = " + data.path().string() +
         "\nclassifier_hidden = 16\ncache_dir = " + cache.path().string() +
         "\n[model]\nplugin = eigen-mlp\ng_layers = 32:relu, 784:tanh\n"
         "d_layers = 32:relu, 1:sigmoid\nlatent_dim = 8\n"
         "[trainer]\nepochs = 20\nbatch = 32\neval_every = 10\n"
         "[eval]\nheldout_rows = 100\ngenerated_rows = 200\nfinal_rows = 10\n"
         "energy_rows = 100\nkeep_samples = false\n";
}

}  // namespace

TEST_CASE("gantry runs and sweeps the mnist plugin, recording its scores", "[mnist][cli]") {
  mnist_test::TempDir data("mnist-cli-data"), cache("mnist-cli-cache"), work("mnist-cli-run");
  mnist_test::write_synthetic_dataset(data.path());
  std::ofstream(work.path() / "mnist.ini") << experiment(data, cache);

  auto listed = run_gantry(work.path(), "plugins mnist");
  CHECK(listed.exit_code == 0);
  CHECK_THAT(listed.output, Contains("classifier_hidden") && Contains("cache_dir"));

  auto run = run_gantry(work.path(), "run mnist.ini --seed 3");
  INFO(run.output);
  CHECK(run.exit_code == 0);
  for (const char* score : {"eval.frechet_distance", "eval.classes_covered", "eval.class_evenness",
                            "eval.classifier_test_acc"}) {
    CHECK_THAT(run.output, Contains(score));
  }
  CHECK(std::distance(std::filesystem::directory_iterator(cache.path()),
                      std::filesystem::directory_iterator()) == 1);

  auto sweep =
      run_gantry(work.path(), "sweep mnist.ini --seeds 1-4 --jobs 2 --set data.classes=1,4");
  INFO(sweep.output);
  CHECK(sweep.exit_code == 0);
}

TEST_CASE("gantry names a broken mnist data file before training", "[mnist][cli]") {
  mnist_test::TempDir data("mnist-cli-data"), cache("mnist-cli-cache"), work("mnist-cli-run");
  mnist_test::write_synthetic_dataset(data.path());
  auto labels = data.path() / "t10k-labels-idx1-ubyte";
  auto bytes = mnist_test::read_file(labels);
  bytes.resize(bytes.size() - 10);
  mnist_test::write_file(labels, bytes);
  std::ofstream(work.path() / "mnist.ini") << experiment(data, cache);

  auto run = run_gantry(work.path(), "run mnist.ini");
  CHECK(run.exit_code != 0);
  CHECK_THAT(run.output, Contains(labels.string()) && Contains("truncated"));
}

#ifdef GANTRY_TEST_TORCH
TEST_CASE("experiments/mnist.ini runs end to end on torch-dcgan, shortened, on a small data set",
          "[mnist][cli][torch_dcgan]") {
  mnist_test::TempDir data("mnist-dcgan-data"), cache("mnist-dcgan-cache"), work("mnist-dcgan-run");
  mnist_test::write_synthetic_dataset(data.path());
  std::string experiment = (gantry::testing::source_dir() / "experiments" / "mnist.ini").string();
  auto run =
      run_gantry(work.path(), "run '" + experiment + "' --set data.dir=" + data.path().string() +
                                  " --set data.cache_dir=" + cache.path().string() +
                                  " --set data.classifier_hidden=16 --set trainer.epochs=3"
                                  " --set trainer.eval_every=3 --set eval.heldout_rows=64"
                                  " --set eval.generated_rows=64 --set eval.final_rows=8"
                                  " --set eval.energy_rows=64 --threads-per-run 1");
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.output, Contains("eval.frechet_distance") && Contains("eval.classes_covered") &&
                             Contains("g_loss"));
  // The evaluation at step 3 drew the 5 x 5 grid of the DCGAN's images.
  bool grid_drawn = false;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(work.path())) {
    grid_drawn = grid_drawn || entry.path().filename() == "step_3.png";
  }
  CHECK(grid_drawn);
}
#endif
