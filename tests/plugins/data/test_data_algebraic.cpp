// The algebraic target: rows (x, x^2 sin(3x) / (x^2 + 2)), x ~ U(-1, 1) by default, as in the
// algebraic-function notebook.
#include <cmath>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "algebraic/algebraic_data.hpp"
#include "data_test_support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using data_test::score_named;
using gantry::Matrix;
using gantry::plugins::algebraic_curve;
using gantry::plugins::AlgebraicData;

namespace {

AlgebraicData notebook_algebraic() {
  return data_test::make_data<AlgebraicData>({{"x_low", "-1"}, {"x_high", "1"}});
}

}  // namespace

TEST_CASE("the algebraic curve reproduces the notebook's printed samples", "[data_algebraic]") {
  // generate_real_samples(5) in the notebook printed these (x, y) pairs.
  CHECK_THAT(algebraic_curve(-0.351729), WithinAbs(-0.05067992, 1e-7));
  CHECK_THAT(algebraic_curve(-0.53748979), WithinAbs(-0.12610645, 1e-7));
  CHECK_THAT(algebraic_curve(0.98975672), WithinAbs(0.05637502, 1e-7));
  CHECK(algebraic_curve(0.0) == 0.0);
}

TEST_CASE("algebraic rows lie on the curve inside [-1, 1]", "[data_algebraic]") {
  AlgebraicData data = notebook_algebraic();
  gantry::Random random(3);
  Matrix rows = data.sample(1000, random);

  SECTION("shape") {
    CHECK(data.dimensions() == 2);
    CHECK(rows.rows() == 1000);
    CHECK(rows.cols() == 2);
  }
  SECTION("values") {
    CHECK(rows.col(0).minCoeff() >= -1.0f);
    CHECK(rows.col(0).maxCoeff() <= 1.0f);
    for (Eigen::Index row = 0; row < rows.rows(); ++row) {
      CHECK_THAT(rows(row, 1), WithinAbs(algebraic_curve(rows(row, 0)), 1e-7));
    }
  }
  SECTION("real rows score a zero residual and none outside") {
    auto scores = data.score(rows, rows);
    CHECK_THAT(score_named(scores, "median_abs_residual"), WithinAbs(0.0, 1e-7));
    CHECK_THAT(score_named(scores, "mean_abs_residual"), WithinAbs(0.0, 1e-7));
    CHECK(score_named(scores, "outside_x_range") == 0.0);
  }
}

TEST_CASE("algebraic draws x uniformly from [x_low, x_high]", "[data_algebraic]") {
  constexpr int kRows = 20000;
  gantry::Random random(31);

  SECTION("the notebook's range") {
    Matrix rows = notebook_algebraic().sample(kRows, random);
    auto moments = data_test::column_moments(rows, 0);
    CHECK_THAT(moments.mean, WithinAbs(0.0, 4 * data_test::uniform_mean_error(2.0, kRows)));
    CHECK_THAT(moments.variance,
               WithinAbs(4.0 / 12.0, 4 * data_test::uniform_variance_error(2.0, kRows)));
  }
  SECTION("a configured range") {
    auto data = data_test::make_data<AlgebraicData>({{"x_low", "-3"}, {"x_high", "-2"}});
    Matrix rows = data.sample(kRows, random);
    auto moments = data_test::column_moments(rows, 0);
    CHECK_THAT(moments.mean, WithinAbs(-2.5, 4 * data_test::uniform_mean_error(1.0, kRows)));
    CHECK_THAT(moments.variance,
               WithinAbs(1.0 / 12.0, 4 * data_test::uniform_variance_error(1.0, kRows)));
  }
}

TEST_CASE("algebraic samples follow the engine's seed", "[data_algebraic]") {
  AlgebraicData data = notebook_algebraic();
  gantry::Random first(42);
  gantry::Random same(42);
  gantry::Random other(43);
  Matrix rows = data.sample(50, first);
  CHECK(rows == data.sample(50, same));
  CHECK(rows != data.sample(50, other));
}

TEST_CASE("algebraic scores worsen for shifted rows and count rows outside the domain",
          "[data_algebraic]") {
  AlgebraicData data = notebook_algebraic();
  gantry::Random random(8);
  Matrix real = data.sample(1000, random);

  SECTION("shifted down by 0.2") {
    Matrix generated = real;
    generated.col(1).array() -= 0.2f;
    auto scores = data.score(generated, real);
    CHECK_THAT(score_named(scores, "median_abs_residual"), WithinAbs(0.2, 1e-6));
    CHECK_THAT(score_named(scores, "mean_abs_residual"), WithinAbs(0.2, 1e-6));
  }
  SECTION("x stretched beyond [-1, 1]") {
    Matrix generated(4, 2);
    generated << -1.5f, 0.0f, -1.0f, 0.0f, 0.25f, 0.0f, 2.0f, 0.0f;
    CHECK_THAT(score_named(data.score(generated, real), "outside_x_range"), WithinAbs(0.5, 1e-12));
  }
}

TEST_CASE("algebraic refuses wrong columns and bad options", "[data_algebraic]") {
  Matrix one_column = Matrix::Zero(4, 1);
  CHECK_THROWS_WITH(notebook_algebraic().score(one_column, one_column),
                    Contains("1 columns") && Contains("expected 2"));
  CHECK_THROWS_AS(notebook_algebraic().score(one_column, one_column), std::invalid_argument);
  CHECK_THROWS_AS(data_test::make_data<AlgebraicData>({{"x_low", "1"}, {"x_high", "-1"}}),
                  gantry::OptionError);
  CHECK_THROWS_WITH(data_test::make_data<AlgebraicData>({{"x_low", "1"}, {"x_high", "-1"}}),
                    Contains("x_low"));
}
