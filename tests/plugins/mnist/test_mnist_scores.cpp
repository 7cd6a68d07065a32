// The class-histogram scores on predictions with known answers.
#include <cmath>

#include <catch2/catch.hpp>

#include "mnist/mnist_scores.hpp"

using Catch::Matchers::WithinAbs;
using gantry::plugins::class_histogram_scores;

namespace {

const std::vector<int> kAll = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

}  // namespace

TEST_CASE("every class equally often: all covered, evenness 1", "[mnist]") {
  std::vector<int> predicted;
  for (int i = 0; i < 1000; ++i) predicted.push_back(i % 10);
  auto scores = class_histogram_scores(predicted, kAll);
  CHECK(scores.classes_covered == 10);
  CHECK_THAT(scores.class_evenness, WithinAbs(1.0, 1e-12));
  CHECK(scores.other_class_share == 0);
}

TEST_CASE("mode collapse: one class covered, evenness 0", "[mnist]") {
  auto scores = class_histogram_scores(std::vector<int>(1000, 4), kAll);
  CHECK(scores.classes_covered == 1);
  CHECK_THAT(scores.class_evenness, WithinAbs(0.0, 1e-12));
}

TEST_CASE("two classes half and half: evenness log 2 / log 10", "[mnist]") {
  std::vector<int> predicted(500, 3);
  predicted.insert(predicted.end(), 500, 7);
  auto scores = class_histogram_scores(predicted, kAll);
  CHECK(scores.classes_covered == 2);
  CHECK_THAT(scores.class_evenness, WithinAbs(std::log(2.0) / std::log(10.0), 1e-12));
}

TEST_CASE("with a class filter, coverage and evenness count the selected classes only", "[mnist]") {
  std::vector<int> selected = {0, 3, 7};
  // 300 each of 0, 3, 7, and 100 rows of an unselected class.
  std::vector<int> predicted(300, 0);
  predicted.insert(predicted.end(), 300, 3);
  predicted.insert(predicted.end(), 300, 7);
  predicted.insert(predicted.end(), 100, 5);
  auto scores = class_histogram_scores(predicted, selected);
  CHECK(scores.classes_covered == 3);
  CHECK_THAT(scores.class_evenness, WithinAbs(1.0, 1e-12));
  CHECK_THAT(scores.other_class_share, WithinAbs(0.1, 1e-12));

  SECTION("a single selected class is even when anything lands in it") {
    auto single = class_histogram_scores(predicted, {3});
    CHECK(single.classes_covered == 1);
    CHECK(single.class_evenness == 1.0);
    CHECK_THAT(single.other_class_share, WithinAbs(0.7, 1e-12));
  }
  SECTION("nothing in the selected classes") {
    auto none = class_histogram_scores(std::vector<int>(10, 5), selected);
    CHECK(none.classes_covered == 0);
    CHECK(none.class_evenness == 0.0);
    CHECK(none.other_class_share == 1.0);
  }
}
