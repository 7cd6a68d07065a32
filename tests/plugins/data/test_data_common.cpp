// Shared pieces of the data plugins: summaries, curve scores, option checks and the uniform
// curve source.
#include <cmath>
#include <limits>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "common/curve_scores.hpp"
#include "common/option_checks.hpp"
#include "common/summary_statistics.hpp"
#include "common/uniform_curve_data.hpp"
#include "data_test_support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using gantry::Matrix;
using gantry::OptionError;
using gantry::Options;
using namespace gantry::plugins;

namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

double identity(double x) {
  return x;
}

}  // namespace

TEST_CASE("median and mean summarise per-row errors", "[data_common]") {
  SECTION("odd count: the middle value") {
    CHECK(median({5.0, 1.0, 3.0}) == 3.0);
  }
  SECTION("even count: the mean of the two middle values") {
    CHECK(median({4.0, 1.0, 3.0, 10.0}) == 3.5);
  }
  SECTION("mean") {
    CHECK_THAT(mean({1.0, 2.0, 6.0}), WithinAbs(3.0, 1e-12));
  }
  SECTION("a NaN makes both NaN, so a diverged generator is not scored as good") {
    CHECK(std::isnan(median({1.0, kNan, 2.0})));
    CHECK(std::isnan(mean({1.0, kNan, 2.0})));
  }
  SECTION("no values throw") {
    CHECK_THROWS_AS(median({}), std::invalid_argument);
    CHECK_THROWS_AS(mean({}), std::invalid_argument);
  }
}

TEST_CASE("curve scores measure residuals and the share outside the domain", "[data_common]") {
  CurveTarget target{identity, -1.0, 1.0};

  SECTION("residuals are |y - f(x)| per row") {
    Matrix rows(4, 2);
    rows << -0.5f, -0.5f,  // on the curve
        0.0f, 0.25f,       // 0.25 above
        0.5f, 0.0f,        // 0.5 below
        1.0f, 2.0f;        // 1 above
    auto scores = score_curve(rows, target);
    REQUIRE(scores.size() == 3);
    CHECK_THAT(data_test::score_named(scores, "median_abs_residual"), WithinAbs(0.375, 1e-7));
    CHECK_THAT(data_test::score_named(scores, "mean_abs_residual"), WithinAbs(0.4375, 1e-7));
    CHECK(data_test::score_named(scores, "outside_x_range") == 0.0);
  }

  SECTION("the domain is closed; rows beyond it and NaN x count as outside") {
    Matrix rows(5, 2);
    rows << -1.0f, -1.0f, 1.0f, 1.0f, -1.01f, -1.01f, 3.0f, 3.0f, static_cast<float>(kNan), 0.0f;
    auto scores = score_curve(rows, target);
    CHECK_THAT(data_test::score_named(scores, "outside_x_range"), WithinAbs(0.6, 1e-12));
  }

  SECTION("a wrong number of columns names expected and actual") {
    Matrix rows = Matrix::Zero(3, 3);
    CHECK_THROWS_AS(score_curve(rows, target), std::invalid_argument);
    CHECK_THROWS_WITH(score_curve(rows, target), Contains("3 columns") && Contains("expected 2"));
  }

  SECTION("no rows throw instead of scoring NaN") {
    CHECK_THROWS_AS(score_curve(Matrix(0, 2), target), std::invalid_argument);
  }
}

TEST_CASE("x_coverage counts the bins of the domain that hold a row's x", "[data_common]") {
  CurveTarget target{identity, -1.0, 1.0};

  SECTION("one row in each of the first five of ten bins of width 0.2: half covered") {
    Matrix rows(6, 2);
    rows << -0.9f, 0.0f, -0.7f, 0.0f, -0.5f, 0.0f, -0.3f, 0.0f, -0.1f, 0.0f, -0.15f, 0.0f;
    CHECK_THAT(x_coverage(rows, target, 10), WithinAbs(0.5, 1e-12));
  }
  SECTION("both ends of the closed domain fill the first and last bins") {
    Matrix rows(2, 2);
    rows << -1.0f, 0.0f, 1.0f, 0.0f;
    CHECK_THAT(x_coverage(rows, target), WithinAbs(2.0 / kCoverageBins, 1e-12));
  }
  SECTION("rows outside the domain and NaN x fill no bin") {
    Matrix rows(3, 2);
    rows << -1.5f, 0.0f, 2.0f, 0.0f, static_cast<float>(kNan), 0.0f;
    CHECK(x_coverage(rows, target) == 0.0);
  }
  SECTION("rows evenly spread along the domain cover all of it") {
    Matrix rows(200, 2);
    for (int row = 0; row < 200; ++row) {
      rows(row, 0) = static_cast<float>(-1.0 + 2.0 * (row + 0.5) / 200.0);
      rows(row, 1) = 0.0f;
    }
    CHECK(x_coverage(rows, target) == 1.0);
  }
  SECTION("a wrong number of columns or no bins throw") {
    CHECK_THROWS_AS(x_coverage(Matrix::Zero(3, 3), target), std::invalid_argument);
    CHECK_THROWS_AS(x_coverage(Matrix::Zero(3, 2), target, 0), std::invalid_argument);
  }
}

TEST_CASE("diversity_ratio compares mean pairwise distances", "[data_common]") {
  SECTION("mean_pairwise_distance of three points on a line: (1 + 3 + 2) / 3") {
    Matrix rows(3, 2);
    rows << 0.0f, 0.0f, 0.0f, 1.0f, 0.0f, 3.0f;
    CHECK_THAT(mean_pairwise_distance(rows), WithinAbs(2.0, 1e-12));
  }
  SECTION("a 3-4-5 triangle's sides, in two dimensions") {
    Matrix rows(3, 2);
    rows << 0.0f, 0.0f, 3.0f, 0.0f, 0.0f, 4.0f;
    CHECK_THAT(mean_pairwise_distance(rows), WithinAbs(4.0, 1e-12));
  }
  SECTION("generated rows spread half as far as real rows score 0.5") {
    Matrix real(3, 2);
    real << 0.0f, 0.0f, 0.0f, 2.0f, 0.0f, 6.0f;
    Matrix generated = real * 0.5f;
    CHECK_THAT(diversity_ratio(generated, real), WithinAbs(0.5, 1e-12));
    CHECK_THAT(diversity_ratio(real, real), WithinAbs(1.0, 1e-12));
  }
  SECTION("a collapsed generator scores 0") {
    Matrix real(2, 2);
    real << 0.0f, 0.0f, 1.0f, 1.0f;
    CHECK(diversity_ratio(Matrix::Constant(5, 2, 0.5f), real) == 0.0);
  }
  SECTION("undefined: fewer than two rows, identical real rows, or a NaN value") {
    Matrix real(2, 2);
    real << 0.0f, 0.0f, 1.0f, 1.0f;
    Matrix nan_row = real;
    nan_row(1, 0) = static_cast<float>(kNan);
    CHECK(std::isnan(mean_pairwise_distance(Matrix::Zero(1, 2))));
    CHECK(std::isnan(diversity_ratio(real, Matrix::Zero(3, 2))));
    CHECK(std::isnan(diversity_ratio(nan_row, real)));
  }
}

TEST_CASE("option checks name the offending option", "[data_common]") {
  Options options({{"low", "2"},
                   {"high", "1"},
                   {"infinite", "inf"},
                   {"count", "1"},
                   {"mode", "fast"},
                   {"word", "abc"}});

  SECTION("finite_real refuses infinity and text") {
    CHECK_THROWS_WITH(finite_real(options, "infinite"), Contains("'infinite'"));
    CHECK_THROWS_AS(finite_real(options, "word"), OptionError);
    CHECK(finite_real(options, "low") == 2.0);
  }
  SECTION("real_above is strict") {
    CHECK_THROWS_WITH(real_above(options, "low", 2.0),
                      Contains("'low'") && Contains("greater than 2"));
    CHECK(real_above(options, "low", 1.5) == 2.0);
  }
  SECTION("integer_at_least") {
    CHECK_THROWS_WITH(integer_at_least(options, "count", 2), Contains("'count'"));
    CHECK(integer_at_least(options, "count", 1) == 1);
  }
  SECTION("require_ordered names both options") {
    CHECK_THROWS_AS(require_ordered(options, "low", "high"), OptionError);
    CHECK_THROWS_WITH(require_ordered(options, "low", "high"),
                      Contains("'low'") && Contains("'high'"));
    CHECK_NOTHROW(require_ordered(options, "high", "low"));
  }
}

TEST_CASE("a uniform curve source draws x in its range and scores its own rows as exact",
          "[data_common]") {
  UniformCurveData data(identity, Options({{"x_low", "2"}, {"x_high", "3"}}));
  gantry::Random random(11);
  Matrix rows = data.sample(500, random);

  REQUIRE(rows.rows() == 500);
  REQUIRE(rows.cols() == 2);
  CHECK(rows.col(0).minCoeff() >= 2.0f);
  CHECK(rows.col(0).maxCoeff() <= 3.0f);
  CHECK(rows.col(0) == rows.col(1));
  auto scores = data.score(rows, rows);
  CHECK(data_test::score_named(scores, "median_abs_residual") == 0.0);
  CHECK(data_test::score_named(scores, "outside_x_range") == 0.0);
  CHECK(data.sample(0, random).rows() == 0);
  CHECK_THROWS_AS(data.sample(-1, random), std::invalid_argument);
}
