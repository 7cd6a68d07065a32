// The tanh target: x ~ U(-waves pi, waves pi), y = -tanh(x), both columns min-max scaled to
// [0, 1], by default by the sample's own extremes as the tanh-k-overpowering notebook does.
#include <cmath>
#include <stdexcept>

#include <boost/math/constants/constants.hpp>
#include <catch2/catch.hpp>

#include "data_test_support.hpp"
#include "tanh/tanh_data.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using data_test::score_named;
using gantry::Matrix;
using gantry::plugins::TanhData;
using gantry::plugins::TanhScaling;

namespace {

constexpr double kPi = boost::math::double_constants::pi;

TanhData tanh_data(const char* scaling, const char* waves = "1") {
  return data_test::make_data<TanhData>({{"waves", waves}, {"scaling", scaling}});
}

}  // namespace

TEST_CASE("tanh's scaled curve runs from (0, 1) through (0.5, 0.5) to (1, 0)", "[data_tanh]") {
  SECTION("one wave") {
    TanhData data = tanh_data("range");
    const auto& curve = data.target().curve;
    CHECK_THAT(curve(0.0), WithinAbs(1.0, 1e-12));
    CHECK_THAT(curve(0.5), WithinAbs(0.5, 1e-12));
    CHECK_THAT(curve(1.0), WithinAbs(0.0, 1e-12));
    // x = 0.75 is pi / 2 before scaling.
    CHECK_THAT(curve(0.75),
               WithinAbs((std::tanh(kPi) - std::tanh(kPi / 2)) / (2 * std::tanh(kPi)), 1e-12));
  }
  SECTION("two waves: x = 0.25 is -pi before scaling") {
    TanhData data = tanh_data("range", "2");
    const auto& curve = data.target().curve;
    double bound = std::tanh(2 * kPi);
    CHECK_THAT(curve(0.25), WithinAbs((bound + std::tanh(kPi)) / (2 * bound), 1e-12));
  }
}

TEST_CASE("tanh with sample scaling spans exactly [0, 1] like MinMaxScaler", "[data_tanh]") {
  TanhData data = tanh_data("sample");
  REQUIRE(data.scaling() == TanhScaling::sample);
  gantry::Random random(17);
  Matrix rows = data.sample(1000, random);

  SECTION("shape") {
    CHECK(data.dimensions() == 2);
    CHECK(rows.rows() == 1000);
    CHECK(rows.cols() == 2);
  }
  SECTION("both columns span exactly [0, 1]") {
    CHECK(rows.col(0).minCoeff() == 0.0f);
    CHECK(rows.col(0).maxCoeff() == 1.0f);
    CHECK(rows.col(1).minCoeff() == 0.0f);
    CHECK(rows.col(1).maxCoeff() == 1.0f);
  }
  SECTION("y falls as x rises: the smallest x has the largest y") {
    Eigen::Index smallest_x = 0;
    Eigen::Index largest_x = 0;
    rows.col(0).minCoeff(&smallest_x);
    rows.col(0).maxCoeff(&largest_x);
    CHECK(rows(smallest_x, 1) == 1.0f);
    CHECK(rows(largest_x, 1) == 0.0f);
  }
  SECTION("rows lie close to the theoretically scaled curve") {
    auto scores = data.score(rows, rows);
    CHECK(score_named(scores, "median_abs_residual") < 5e-3);
    CHECK(score_named(scores, "mean_abs_residual") < 5e-3);
    CHECK(score_named(scores, "outside_x_range") == 0.0);
    CHECK(score_named(scores, "x_coverage") == 1.0);
  }
}

TEST_CASE("tanh with sample scaling maps a lone row to the centre", "[data_tanh]") {
  TanhData data = tanh_data("sample");
  gantry::Random random(1);
  Matrix row = data.sample(1, random);
  CHECK(row(0, 0) == 0.5f);
  CHECK(row(0, 1) == 0.5f);
  CHECK_THAT(score_named(data.score(row, row), "median_abs_residual"), WithinAbs(0.0, 1e-7));
  CHECK(data.sample(0, random).rows() == 0);
}

TEST_CASE("tanh with range scaling puts every row on the curve", "[data_tanh]") {
  constexpr int kRows = 20000;
  TanhData data = tanh_data("range");
  REQUIRE(data.scaling() == TanhScaling::range);
  gantry::Random random(23);
  Matrix rows = data.sample(kRows, random);

  SECTION("values") {
    CHECK(rows.minCoeff() >= 0.0f);
    CHECK(rows.maxCoeff() <= 1.0f);
    for (Eigen::Index row = 0; row < 100; ++row) {
      CHECK_THAT(rows(row, 1), WithinAbs(data.target().curve(rows(row, 0)), 1e-6));
    }
    auto scores = data.score(rows, rows);
    CHECK_THAT(score_named(scores, "median_abs_residual"), WithinAbs(0.0, 1e-6));
    CHECK_THAT(score_named(scores, "mean_abs_residual"), WithinAbs(0.0, 1e-6));
  }
  SECTION("scaled x is uniform on [0, 1]") {
    auto moments = data_test::column_moments(rows, 0);
    CHECK_THAT(moments.mean, WithinAbs(0.5, 4 * data_test::uniform_mean_error(1.0, kRows)));
    CHECK_THAT(moments.variance,
               WithinAbs(1.0 / 12.0, 4 * data_test::uniform_variance_error(1.0, kRows)));
  }
  SECTION("a single row is not moved to the centre") {
    Matrix row = data.sample(1, random);
    CHECK(row(0, 0) != 0.5f);
    CHECK_THAT(row(0, 1), WithinAbs(data.target().curve(row(0, 0)), 1e-6));
  }
}

TEST_CASE("tanh samples follow the engine's seed", "[data_tanh]") {
  for (const char* scaling : {"sample", "range"}) {
    TanhData data = tanh_data(scaling);
    gantry::Random first(4);
    gantry::Random same(4);
    gantry::Random other(5);
    Matrix rows = data.sample(50, first);
    CHECK(rows == data.sample(50, same));
    CHECK(rows != data.sample(50, other));
  }
}

TEST_CASE("tanh scores worsen for shifted rows and count x outside [0, 1]", "[data_tanh]") {
  TanhData data = tanh_data("range");
  gantry::Random random(12);
  Matrix real = data.sample(1000, random);

  SECTION("shifted up by 0.05") {
    Matrix generated = real;
    generated.col(1).array() += 0.05f;
    auto scores = data.score(generated, real);
    CHECK_THAT(score_named(scores, "median_abs_residual"), WithinAbs(0.05, 1e-5));
    CHECK_THAT(score_named(scores, "mean_abs_residual"), WithinAbs(0.05, 1e-5));
  }
  SECTION("rows on the curve but only for x below 0.5 cover half the domain") {
    Matrix generated = real;
    generated.col(0).array() *= 0.4999f;
    for (Eigen::Index row = 0; row < generated.rows(); ++row) {
      generated(row, 1) = static_cast<float>(data.target().curve(generated(row, 0)));
    }
    auto scores = data.score(generated, real);
    CHECK_THAT(score_named(scores, "median_abs_residual"), WithinAbs(0.0, 1e-6));
    CHECK_THAT(score_named(scores, "x_coverage"), WithinAbs(0.5, 1e-12));
  }
  SECTION("x outside the scaled domain") {
    Matrix generated(5, 2);
    generated << -0.1f, 1.0f, 0.0f, 1.0f, 0.5f, 0.5f, 1.0f, 0.0f, 1.2f, 0.0f;
    CHECK_THAT(score_named(data.score(generated, real), "outside_x_range"), WithinAbs(0.4, 1e-12));
  }
}

TEST_CASE("tanh refuses wrong columns and bad options", "[data_tanh]") {
  Matrix three_columns = Matrix::Zero(2, 3);
  CHECK_THROWS_AS(tanh_data("sample").score(three_columns, three_columns), std::invalid_argument);
  CHECK_THROWS_WITH(tanh_data("sample").score(three_columns, three_columns),
                    Contains("3 columns") && Contains("expected 2"));
  CHECK_THROWS_WITH(tanh_data("sample", "0"), Contains("waves"));
  CHECK_THROWS_AS(tanh_data("sample", "-1"), gantry::OptionError);
  CHECK_THROWS_AS(tanh_data("minmax"), gantry::OptionError);
  CHECK_THROWS_WITH(tanh_data("minmax"), Contains("scaling") && Contains("sample|range"));
}
