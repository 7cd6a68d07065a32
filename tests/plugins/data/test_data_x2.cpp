// The x2 target: rows (x, x^2), x ~ U(-0.5, 0.5) by default, as in the x2-function notebook.
#include <cmath>
#include <stdexcept>

#include <boost/random/normal_distribution.hpp>
#include <catch2/catch.hpp>

#include "data_test_support.hpp"
#include "x2/x2_data.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using data_test::score_named;
using gantry::Matrix;
using gantry::plugins::X2Data;

namespace {

X2Data notebook_x2() {
  return data_test::make_data<X2Data>({{"x_low", "-0.5"}, {"x_high", "0.5"}});
}

}  // namespace

TEST_CASE("x2 rows lie on y = x^2 inside the notebook's range", "[data_x2]") {
  X2Data data = notebook_x2();
  gantry::Random random(7);
  Matrix rows = data.sample(1000, random);

  SECTION("shape") {
    CHECK(data.dimensions() == 2);
    CHECK(rows.rows() == 1000);
    CHECK(rows.cols() == 2);
  }
  SECTION("values") {
    CHECK(rows.col(0).minCoeff() >= -0.5f);
    CHECK(rows.col(0).maxCoeff() <= 0.5f);
    for (Eigen::Index row = 0; row < rows.rows(); ++row) {
      CHECK_THAT(rows(row, 1), WithinAbs(rows(row, 0) * rows(row, 0), 1e-7));
    }
  }
  SECTION("real rows score a zero residual and none outside") {
    auto scores = data.score(rows, rows);
    CHECK_THAT(score_named(scores, "median_abs_residual"), WithinAbs(0.0, 1e-7));
    CHECK_THAT(score_named(scores, "mean_abs_residual"), WithinAbs(0.0, 1e-7));
    CHECK(score_named(scores, "outside_x_range") == 0.0);
  }
}

TEST_CASE("x2 draws x uniformly from [x_low, x_high]", "[data_x2]") {
  constexpr int kRows = 20000;
  gantry::Random random(2024);

  SECTION("the notebook's range") {
    Matrix rows = notebook_x2().sample(kRows, random);
    auto moments = data_test::column_moments(rows, 0);
    CHECK_THAT(moments.mean, WithinAbs(0.0, 4 * data_test::uniform_mean_error(1.0, kRows)));
    CHECK_THAT(moments.variance,
               WithinAbs(1.0 / 12.0, 4 * data_test::uniform_variance_error(1.0, kRows)));
  }
  SECTION("a configured range") {
    auto data = data_test::make_data<X2Data>({{"x_low", "1"}, {"x_high", "3"}});
    Matrix rows = data.sample(kRows, random);
    auto moments = data_test::column_moments(rows, 0);
    CHECK(rows.col(0).minCoeff() >= 1.0f);
    CHECK(rows.col(0).maxCoeff() <= 3.0f);
    CHECK_THAT(moments.mean, WithinAbs(2.0, 4 * data_test::uniform_mean_error(2.0, kRows)));
    CHECK_THAT(moments.variance,
               WithinAbs(4.0 / 12.0, 4 * data_test::uniform_variance_error(2.0, kRows)));
  }
}

TEST_CASE("x2 samples follow the engine's seed", "[data_x2]") {
  X2Data data = notebook_x2();
  gantry::Random first(99);
  gantry::Random same(99);
  gantry::Random other(100);
  Matrix rows = data.sample(50, first);
  CHECK(rows == data.sample(50, same));
  CHECK(rows != data.sample(50, other));
}

TEST_CASE("x2 scores worsen for shifted and noisy rows", "[data_x2]") {
  X2Data data = notebook_x2();
  gantry::Random random(5);
  Matrix real = data.sample(2000, random);
  Matrix generated = real;

  SECTION("shifted up by 0.1") {
    generated.col(1).array() += 0.1f;
    auto scores = data.score(generated, real);
    CHECK_THAT(score_named(scores, "median_abs_residual"), WithinAbs(0.1, 1e-6));
    CHECK_THAT(score_named(scores, "mean_abs_residual"), WithinAbs(0.1, 1e-6));
  }
  SECTION("Gaussian noise of standard deviation 0.05") {
    boost::random::normal_distribution<double> noise(0.0, 0.05);
    for (Eigen::Index row = 0; row < generated.rows(); ++row) {
      generated(row, 1) += static_cast<float>(noise(random));
    }
    // The median of |N(0, s)| is 0.6745 s.
    auto scores = data.score(generated, real);
    CHECK_THAT(score_named(scores, "median_abs_residual"), WithinAbs(0.6745 * 0.05, 0.003));
    CHECK(score_named(scores, "mean_abs_residual") > 0.03);
  }
}

TEST_CASE("x2 outside_x_range counts rows outside [-0.5, 0.5]", "[data_x2]") {
  Matrix rows(4, 2);
  rows << -0.6f, 0.36f, -0.5f, 0.25f, 0.5f, 0.25f, 0.7f, 0.49f;
  auto scores = notebook_x2().score(rows, rows);
  CHECK_THAT(score_named(scores, "outside_x_range"), WithinAbs(0.5, 1e-12));
  CHECK_THAT(score_named(scores, "median_abs_residual"), WithinAbs(0.0, 1e-7));
}

TEST_CASE("x2 refuses generated rows with the wrong number of columns", "[data_x2]") {
  Matrix rows = Matrix::Zero(10, 3);
  CHECK_THROWS_AS(notebook_x2().score(rows, rows), std::invalid_argument);
  CHECK_THROWS_WITH(notebook_x2().score(rows, rows),
                    Contains("3 columns") && Contains("expected 2"));
}

TEST_CASE("x2 refuses bad options, naming them", "[data_x2]") {
  using Options = std::map<std::string, std::string>;
  SECTION("x_low above x_high") {
    CHECK_THROWS_AS(data_test::make_data<X2Data>(Options{{"x_low", "1"}, {"x_high", "0"}}),
                    gantry::OptionError);
    CHECK_THROWS_WITH(data_test::make_data<X2Data>(Options{{"x_low", "1"}, {"x_high", "0"}}),
                      Contains("x_low") && Contains("x_high"));
  }
  SECTION("an empty range") {
    CHECK_THROWS_AS(data_test::make_data<X2Data>(Options{{"x_low", "0"}, {"x_high", "0"}}),
                    gantry::OptionError);
  }
  SECTION("a bound that is not a finite number") {
    CHECK_THROWS_WITH(data_test::make_data<X2Data>(Options{{"x_low", "nan"}, {"x_high", "1"}}),
                      Contains("x_low"));
    CHECK_THROWS_WITH(data_test::make_data<X2Data>(Options{{"x_low", "0"}, {"x_high", "wide"}}),
                      Contains("x_high"));
  }
}
