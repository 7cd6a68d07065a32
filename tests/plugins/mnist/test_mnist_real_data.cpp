// The mnist plugin on the real Fashion-MNIST files of Debian's dataset-fashion-mnist package
// (scripts/setup.sh installs it), or on the directory GANTRY_FASHION_MNIST_DIR names. Without
// the files, this executable exits with 77, which ctest reports as "Skipped" and names why.
#define CATCH_CONFIG_RUNNER
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <numeric>

#include <boost/random/uniform_real_distribution.hpp>
#include <catch2/catch.hpp>

#include "../data/data_test_support.hpp"
#include "idx_test_files.hpp"
#include "mnist/classifier_cache.hpp"
#include "mnist/mnist_data.hpp"
#include "mnist/mnist_files.hpp"
#include "mnist/trained_classifier.hpp"

using data_test::score_named;
using gantry::plugins::LabelledImages;

namespace {

std::filesystem::path fashion_dir() {
  const char* configured = std::getenv("GANTRY_FASHION_MNIST_DIR");
  return configured != nullptr && *configured != '\0' ? configured
                                                      : "/usr/share/datasets/fashion-mnist";
}

gantry::plugins::MnistFiles fashion_files() {
  return gantry::plugins::find_mnist_files(fashion_dir());
}

// The first `count` images of `images`.
LabelledImages first_images(const LabelledImages& images, int count) {
  LabelledImages head{images.height, images.width, {}, {}};
  std::size_t pixels = static_cast<std::size_t>(count) * images.height * images.width;
  head.pixels.assign(images.pixels.begin(), images.pixels.begin() + pixels);
  head.labels.assign(images.labels.begin(), images.labels.begin() + count);
  return head;
}

}  // namespace

TEST_CASE("the Fashion-MNIST files read as 60,000 + 10,000 balanced 28 x 28 images",
          "[mnist_real]") {
  auto files = fashion_files();
  auto train = gantry::plugins::read_labelled_images(files.train_images, files.train_labels);
  auto test = gantry::plugins::read_labelled_images(files.test_images, files.test_labels);
  CHECK(train.count() == 60000);
  CHECK(test.count() == 10000);
  CHECK(train.height == 28);
  CHECK(train.width == 28);
  std::vector<int> per_class(10, 0);
  for (auto label : train.labels) ++per_class[label];
  CHECK(per_class == std::vector<int>(10, 6000));
}

TEST_CASE("the classifier learns Fashion-MNIST from a small budget", "[mnist_real]") {
  auto files = fashion_files();
  auto train = gantry::plugins::read_labelled_images(files.train_images, files.train_labels);
  auto test = gantry::plugins::read_labelled_images(files.test_images, files.test_labels);
  gantry::plugins::ClassifierSettings settings;
  settings.hidden = 32;
  settings.epochs = 1;
  auto trained = gantry::plugins::train_classifier(first_images(train, 10000), test, settings);
  std::cout << "fashion-mnist, 10,000 training images, 1 epoch, 32 hidden: test accuracy "
            << trained.test_accuracy << '\n';
  CHECK(trained.test_accuracy > 0.7);
}

TEST_CASE("the mnist plugin on Fashion-MNIST: real rows score well, noise badly", "[mnist_real]") {
  mnist_test::TempDir cache("mnist-real-cache");
  gantry::plugins::forget_classifiers_in_process();
  auto started = std::chrono::steady_clock::now();
  auto data =
      data_test::make_data<gantry::plugins::MnistData>({{"dir", fashion_dir().string()},
                                                        {"split", "test"},
                                                        {"classes", "all"},
                                                        {"classifier_hidden", "128"},
                                                        {"classifier_epochs", "2"},
                                                        {"classifier_lr", "0.001"},
                                                        {"classifier_batch", "64"},
                                                        {"classifier_seed", "1"},
                                                        {"cache_dir", cache.path().string()}});
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  CHECK(data.classifier().origin == gantry::plugins::ClassifierOrigin::trained);
  double accuracy = data.classifier().trained->test_accuracy;
  std::cout << "fashion-mnist, default classifier (60,000 images, 2 epochs, 128 hidden): test "
               "accuracy "
            << accuracy << ", plugin constructed and classifier trained in " << took.count()
            << " s\n";
  CHECK(accuracy > 0.8);

  gantry::Random random(1);
  gantry::Matrix real = data.sample(1000, random);
  auto scores = data.score(real, real);
  CHECK(score_named(scores, "classes_covered") == 10);
  CHECK(score_named(scores, "class_evenness") > 0.95);
  CHECK(score_named(scores, "classifier_confidence") > 0.75);
  boost::random::uniform_real_distribution<float> pixel(-1.0f, 1.0f);
  gantry::Matrix noise(1000, 784);
  for (int i = 0; i < noise.size(); ++i) noise.data()[i] = pixel(random);
  double real_distance = score_named(scores, "frechet_distance");
  double noise_distance = score_named(data.score(noise, real), "frechet_distance");
  std::cout << "frechet_distance: 1,000 real test rows " << real_distance << ", uniform noise "
            << noise_distance << '\n';
  CHECK(noise_distance > 10 * real_distance);
}

int main(int argc, char* argv[]) {
  try {
    fashion_files();
  } catch (const std::exception& missing) {
    std::cout << "Skipped: the real Fashion-MNIST files are not here (" << missing.what()
              << "). Install Debian's dataset-fashion-mnist (scripts/setup.sh does) or set "
                 "GANTRY_FASHION_MNIST_DIR.\n";
    return 77;
  }
  return Catch::Session().run(argc, argv);
}
