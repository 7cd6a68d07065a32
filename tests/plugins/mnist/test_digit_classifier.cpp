// The scoring classifier on synthetic images: it learns them, is reproducible from its seed, and
// its cache file round-trips while truncated, corrupt or foreign files are refused.
#include <catch2/catch.hpp>

#include "idx_test_files.hpp"
#include "mnist/classifier_cache_file.hpp"
#include "mnist/digit_classifier.hpp"
#include "mnist/image_rows.hpp"
#include "mnist/trained_classifier.hpp"

using Catch::Matchers::Contains;
using gantry::plugins::CacheFileError;
using gantry::plugins::ClassifierSettings;
using gantry::plugins::decode_classifier;
using gantry::plugins::DigitClassifier;
using gantry::plugins::encode_classifier;
using gantry::plugins::train_classifier;
using gantry::plugins::TrainedClassifier;

namespace {

ClassifierSettings small_settings() {
  ClassifierSettings settings;
  settings.hidden = 16;
  settings.epochs = 3;
  settings.batch = 32;
  settings.seed = 9;
  return settings;
}

}  // namespace

TEST_CASE("the classifier learns separable synthetic classes", "[digit_classifier]") {
  auto train = mnist_test::synthetic_images(500, 1);
  auto test = mnist_test::synthetic_images(200, 2);
  TrainedClassifier trained = train_classifier(train, test, small_settings());
  CHECK(trained.test_accuracy > 0.95);
  CHECK(trained.classifier.hidden() == 16);
  CHECK(trained.classifier.inputs() == 784);
  for (const auto& moments : trained.test_features) CHECK(moments.count == 20);

  Eigen::MatrixXf p = trained.classifier.probabilities(
      trained.classifier.features(gantry::plugins::all_image_rows(test)));
  CHECK(p.rows() == 200);
  CHECK((p.rowwise().sum().array() - 1.0f).abs().maxCoeff() < 1e-5f);
}

TEST_CASE("the classifier is the same for the same seed and differs for another",
          "[digit_classifier]") {
  auto train = mnist_test::synthetic_images(200, 1);
  ClassifierSettings settings = small_settings();
  settings.epochs = 1;
  auto first = DigitClassifier::train(train, settings);
  auto again = DigitClassifier::train(train, settings);
  settings.seed = 10;
  auto other = DigitClassifier::train(train, settings);
  CHECK(first.weights().w1 == again.weights().w1);
  CHECK(first.weights().w2 == again.weights().w2);
  CHECK(first.weights().w1 != other.weights().w1);
}

TEST_CASE("the classifier refuses rows of the wrong width and empty training sets",
          "[digit_classifier]") {
  auto trained = DigitClassifier::train(mnist_test::synthetic_images(20, 1), small_settings());
  CHECK_THROWS_WITH(trained.features(gantry::Matrix::Zero(3, 100)),
                    Contains("784") && Contains("100"));
  CHECK_THROWS_AS(
      DigitClassifier::train(gantry::plugins::LabelledImages{28, 28, {}, {}}, small_settings()),
      std::invalid_argument);
}

TEST_CASE("a cache file round-trips and refuses anything else", "[digit_classifier]") {
  ClassifierSettings settings = small_settings();
  settings.epochs = 1;
  TrainedClassifier trained = train_classifier(mnist_test::synthetic_images(100, 1),
                                               mnist_test::synthetic_images(50, 2), settings);
  const std::uint64_t key = 0x1234;
  std::string bytes = encode_classifier(trained, settings, key);

  TrainedClassifier back = decode_classifier(bytes, settings, key);
  CHECK(back.test_accuracy == trained.test_accuracy);
  CHECK(back.classifier.weights().w1 == trained.classifier.weights().w1);
  CHECK(back.classifier.weights().b2 == trained.classifier.weights().b2);
  CHECK(back.test_features[3].outer_sum == trained.test_features[3].outer_sum);

  SECTION("truncated") {
    CHECK_THROWS_WITH(decode_classifier(bytes.substr(0, bytes.size() - 8), settings, key),
                      Contains("size"));
    CHECK_THROWS_AS(decode_classifier(bytes.substr(0, 20), settings, key), CacheFileError);
  }
  SECTION("a flipped byte") {
    bytes[bytes.size() / 2] ^= 0x40;
    CHECK_THROWS_WITH(decode_classifier(bytes, settings, key), Contains("checksum"));
  }
  SECTION("another magic") {
    bytes[0] = 'X';
    CHECK_THROWS_WITH(decode_classifier(bytes, settings, key), Contains("magic"));
  }
  SECTION("other settings or data") {
    ClassifierSettings other = settings;
    other.hidden = 32;
    CHECK_THROWS_WITH(decode_classifier(bytes, other, key), Contains("hidden units"));
    CHECK_THROWS_WITH(decode_classifier(bytes, settings, key + 1), Contains("data key"));
  }
}
