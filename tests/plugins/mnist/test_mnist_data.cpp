// The mnist data plugin on a synthetic data set the test writes: options, scaling to [-1, 1],
// the class filter, the scores, and the classifier cache (trained once, then loaded; a corrupt
// file retrained).
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <thread>

#include <boost/random/uniform_real_distribution.hpp>
#include <catch2/catch.hpp>

#include "../data/data_test_support.hpp"
#include "idx_test_files.hpp"
#include "mnist/classifier_cache.hpp"
#include "mnist/mnist_data.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using data_test::score_named;
using gantry::Matrix;
using gantry::plugins::ClassifierOrigin;
using gantry::plugins::MnistData;
using Values = std::map<std::string, std::string>;

namespace {

// Every option at its default except the data and cache directories and a small classifier.
Values options_for(const mnist_test::TempDir& data, const mnist_test::TempDir& cache,
                   Values overrides = {}) {
  Values values = {{"dir", data.path().string()},
                   {"split", "train"},
                   {"classes", "all"},
                   {"classifier_hidden", "16"},
                   {"classifier_epochs", "3"},
                   {"classifier_lr", "0.001"},
                   {"classifier_batch", "32"},
                   {"classifier_seed", "1"},
                   {"cache_dir", cache.path().string()}};
  for (auto& [key, value] : overrides) values[key] = value;
  return values;
}

// The class of a sampled row, from the marker pixel the synthetic set puts in its last value.
int marked_class(const Matrix& rows, int row) {
  float pixel = (rows(row, 783) + 1.0f) * 127.5f;
  return static_cast<int>(std::lround((pixel - 1.0f) / 10.0f));
}

struct Fixture {
  mnist_test::TempDir data{"mnist-data"};
  mnist_test::TempDir cache{"mnist-cache"};
  Fixture() {
    mnist_test::write_synthetic_dataset(data.path());
    gantry::plugins::forget_classifiers_in_process();
  }
  MnistData make(Values overrides = {}) const {
    return data_test::make_data<MnistData>(options_for(data, cache, std::move(overrides)));
  }
};

}  // namespace

TEST_CASE("mnist rows are 784 pixels scaled to [-1, 1]", "[mnist]") {
  Fixture fixture;
  MnistData data = fixture.make();
  CHECK(data.dimensions() == 784);
  CHECK(data.available_images() == 600);
  gantry::Random random(3);
  Matrix rows = data.sample(400, random);
  REQUIRE(rows.rows() == 400);
  REQUIRE(rows.cols() == 784);
  CHECK(rows.minCoeff() == -1.0f);
  CHECK(rows.maxCoeff() == 1.0f);
  // Byte 10 c + 1 at the last pixel: 0 -> -1, 255 -> 1, p -> p / 127.5 - 1.
  for (int row = 0; row < rows.rows(); ++row) {
    int label = marked_class(rows, row);
    REQUIRE(label >= 0);
    REQUIRE(label <= 9);
    CHECK_THAT(rows(row, 783), WithinAbs((10 * label + 1) / 127.5 - 1, 1e-6));
  }
}

TEST_CASE("mnist samples follow the engine's seed", "[mnist]") {
  Fixture fixture;
  MnistData data = fixture.make();
  gantry::Random first(5), same(5), other(6);
  Matrix rows = data.sample(20, first);
  CHECK(rows == data.sample(20, same));
  CHECK(rows != data.sample(20, other));
  CHECK(data.sample(0, first).rows() == 0);
}

TEST_CASE("the class filter samples the selected classes only, all of them", "[mnist]") {
  Fixture fixture;
  MnistData data = fixture.make({{"classes", "7, 0,3"}});
  CHECK(data.settings().classes == std::vector<int>{0, 3, 7});
  CHECK(data.available_images() == 180);
  gantry::Random random(4);
  Matrix rows = data.sample(300, random);
  std::set<int> seen;
  for (int row = 0; row < rows.rows(); ++row) seen.insert(marked_class(rows, row));
  CHECK(seen == std::set<int>{0, 3, 7});
}

TEST_CASE("the test split is sampled when asked for", "[mnist]") {
  Fixture fixture;
  CHECK(fixture.make({{"split", "test"}}).available_images() == 200);
}

TEST_CASE("mnist scores real rows well and noise and collapse badly", "[mnist]") {
  Fixture fixture;
  MnistData data = fixture.make();
  gantry::Random random(8);
  Matrix real = data.sample(1000, random);
  auto scores = data.score(real, real);
  CHECK(score_named(scores, "classes_covered") == 10);
  CHECK(score_named(scores, "class_evenness") > 0.98);
  CHECK(score_named(scores, "other_class_share") == 0);
  CHECK(score_named(scores, "classifier_confidence") > 0.8);
  CHECK(score_named(scores, "classifier_test_acc") > 0.95);
  double real_distance = score_named(scores, "frechet_distance");

  SECTION("uniform noise") {
    boost::random::uniform_real_distribution<float> pixel(-1.0f, 1.0f);
    Matrix noise(1000, 784);
    for (int i = 0; i < noise.size(); ++i) noise.data()[i] = pixel(random);
    CHECK(score_named(data.score(noise, real), "frechet_distance") > 10 * real_distance);
  }
  SECTION("one image repeated: mode collapse") {
    Matrix collapsed = real.row(0).replicate(1000, 1);
    auto collapsed_scores = data.score(collapsed, real);
    CHECK(score_named(collapsed_scores, "classes_covered") == 1);
    CHECK(score_named(collapsed_scores, "class_evenness") == 0);
    CHECK(score_named(collapsed_scores, "frechet_distance") > real_distance);
  }
  SECTION("rows of the wrong width") {
    CHECK_THROWS_WITH(data.score(Matrix::Zero(10, 100), real), Contains("expected 784"));
  }
}

TEST_CASE("with a class filter the scores count the selected classes", "[mnist]") {
  Fixture fixture;
  MnistData filtered = fixture.make({{"classes", "2,5"}});
  MnistData all = fixture.make();
  gantry::Random random(9);
  Matrix everything = all.sample(1000, random);
  auto scores = filtered.score(everything, everything);
  CHECK(score_named(scores, "classes_covered") == 2);
  CHECK_THAT(score_named(scores, "other_class_share"), WithinAbs(0.8, 0.05));
  Matrix selected = filtered.sample(1000, random);
  CHECK(score_named(filtered.score(selected, selected), "frechet_distance") <
        score_named(scores, "frechet_distance"));
}

TEST_CASE("the classifier is trained once, then loaded from its cache file", "[mnist]") {
  Fixture fixture;
  MnistData first = fixture.make();
  CHECK(first.classifier().origin == ClassifierOrigin::trained);
  REQUIRE(std::filesystem::exists(first.classifier().cache_file));
  CHECK(first.classifier().cache_file.parent_path() == fixture.cache.path());

  CHECK(fixture.make().classifier().origin == ClassifierOrigin::in_process);

  gantry::plugins::forget_classifiers_in_process();
  MnistData loaded = fixture.make();
  CHECK(loaded.classifier().origin == ClassifierOrigin::cache_file);
  CHECK(loaded.classifier().trained->classifier.weights().w1 ==
        first.classifier().trained->classifier.weights().w1);

  SECTION("other classifier settings are another file") {
    MnistData other = fixture.make({{"classifier_seed", "2"}});
    CHECK(other.classifier().origin == ClassifierOrigin::trained);
    CHECK(other.classifier().cache_file != first.classifier().cache_file);
  }
  SECTION("a corrupt cache file is retrained and rewritten") {
    auto bytes = mnist_test::read_file(first.classifier().cache_file);
    bytes[bytes.size() / 3] ^= 0x01;
    mnist_test::write_file(first.classifier().cache_file, bytes);
    gantry::plugins::forget_classifiers_in_process();
    MnistData retrained = fixture.make();
    CHECK(retrained.classifier().origin == ClassifierOrigin::trained);
    CHECK_THAT(retrained.classifier().note, Contains("checksum"));
    gantry::plugins::forget_classifiers_in_process();
    CHECK(fixture.make().classifier().origin == ClassifierOrigin::cache_file);
  }
  SECTION("a directory where the cache file belongs costs a retraining, not the run") {
    std::filesystem::remove(first.classifier().cache_file);
    std::filesystem::create_directory(first.classifier().cache_file);
    gantry::plugins::forget_classifiers_in_process();
    MnistData retrained = fixture.make();
    CHECK(retrained.classifier().origin == ClassifierOrigin::trained);
    CHECK_THAT(retrained.classifier().note,
               Contains("not a regular file") && Contains("cache not written"));
  }
  SECTION("changed data files are another file") {
    mnist_test::write_images(fixture.data.path(), "t10k", mnist_test::synthetic_images(200, 7), "");
    CHECK(fixture.make().classifier().origin == ClassifierOrigin::trained);
  }
}

TEST_CASE("plugins constructed in parallel threads train the classifier once", "[mnist]") {
  Fixture fixture;
  std::vector<ClassifierOrigin> origins(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < origins.size(); ++i) {
    threads.emplace_back([&, i] { origins[i] = fixture.make().classifier().origin; });
  }
  for (auto& thread : threads) thread.join();
  CHECK(std::count(origins.begin(), origins.end(), ClassifierOrigin::trained) == 1);
  CHECK(std::count(origins.begin(), origins.end(), ClassifierOrigin::in_process) == 3);
}

TEST_CASE("mnist refuses bad options and missing data, naming them", "[mnist]") {
  Fixture fixture;
  auto refused = [&](Values overrides, const std::string& problem) {
    CHECK_THROWS_AS(fixture.make(overrides), gantry::OptionError);
    CHECK_THROWS_WITH(fixture.make(overrides), Contains(problem));
  };
  refused({{"classes", "0,11"}}, "'11' is not a class label");
  refused({{"classes", "3,3"}}, "class 3 is listed twice");
  refused({{"classes", ""}}, "no classes");
  refused({{"classes", "1,"}}, "no classes");
  refused({{"split", "validation"}}, "train|test");
  refused({{"classifier_hidden", "2"}}, "classifier_hidden");
  refused({{"classifier_epochs", "0"}}, "classifier_epochs");
  refused({{"classifier_lr", "0"}}, "classifier_lr");
  refused({{"classifier_batch", "many"}}, "not an integer");
  refused({{"dir", ""}}, "option 'dir' is empty");

  SECTION("a directory without the files") {
    mnist_test::TempDir empty("mnist-empty");
    CHECK_THROWS_WITH(fixture.make({{"dir", empty.path().string()}}),
                      Contains(empty.path().string()) && Contains("train-images-idx3-ubyte") &&
                          Contains("scripts/get-data.sh"));
  }
  SECTION("a class with no images in the split") {
    mnist_test::TempDir partial("mnist-partial");
    auto images = mnist_test::synthetic_images(20, 1);
    for (auto& label : images.labels) label = label % 5;  // classes 0..4 only
    mnist_test::write_images(partial.path(), "train", images);
    mnist_test::write_images(partial.path(), "t10k", mnist_test::synthetic_images(20, 2));
    CHECK_THROWS_WITH(fixture.make({{"dir", partial.path().string()}, {"classes", "2,8"}}),
                      Contains("class 8 has no images"));
  }
  SECTION("images that are not 28 x 28") {
    mnist_test::TempDir small("mnist-small");
    gantry::plugins::LabelledImages images{4, 4, gantry::plugins::LabelledImages{}.pixels, {}};
    images.pixels.assign(10 * 16, 0);
    images.labels.assign(10, 1);
    mnist_test::write_images(small.path(), "train", images);
    mnist_test::write_images(small.path(), "t10k", images);
    CHECK_THROWS_WITH(fixture.make({{"dir", small.path().string()}}),
                      Contains("4 x 4") && Contains("28 x 28"));
  }
}
