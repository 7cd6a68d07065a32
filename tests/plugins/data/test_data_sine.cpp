// The sine target: rows of sin(offset + x mul) / 2 + 0.5 at x = 0, 0.1, ..., 4.9 with
// offset ~ U(0, 100) and mul ~ U(1, 2), as in the sine-curves notebook, and the curve fit
// behind its scores.
#include <cmath>
#include <map>
#include <stdexcept>
#include <string>

#include <boost/math/constants/constants.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>
#include <catch2/catch.hpp>

#include "data_test_support.hpp"
#include "sine/sine_curve_fit.hpp"
#include "sine/sine_data.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using data_test::score_named;
using gantry::Matrix;
using gantry::plugins::sine_curve_value;
using gantry::plugins::SineData;

namespace {

constexpr double kTwoPi = boost::math::double_constants::two_pi;

std::map<std::string, std::string> notebook_options() {
  return {{"points", "50"},
          {"step", "0.1"},
          {"max_offset", "100"},
          {"mul_low", "1"},
          {"mul_high", "2"}};
}

SineData sine_data(std::map<std::string, std::string> changes = {}) {
  auto options = notebook_options();
  for (auto& [name, value] : changes) options[name] = value;
  return data_test::make_data<SineData>(options);
}

// Distance between two phases on the circle.
double phase_distance(double a, double b) {
  double difference = std::fmod(std::abs(a - b), kTwoPi);
  return std::min(difference, kTwoPi - difference);
}

Eigen::RowVectorXf curve_row(const SineData& data, double offset, double mul) {
  Eigen::RowVectorXf row(data.dimensions());
  for (int i = 0; i < row.size(); ++i) {
    row(i) = static_cast<float>(sine_curve_value(offset, mul, data.x_values()[i]));
  }
  return row;
}

}  // namespace

TEST_CASE("sine rows are 50 curve values at x = 0, 0.1, ..., 4.9", "[data_sine]") {
  SineData data = sine_data();
  gantry::Random random(6);
  Matrix rows = data.sample(200, random);

  SECTION("shape") {
    CHECK(data.dimensions() == 50);
    CHECK(rows.rows() == 200);
    CHECK(rows.cols() == 50);
    CHECK(data.x_values().front() == 0.0);
    CHECK_THAT(data.x_values()[1], WithinAbs(0.1, 1e-15));
    CHECK_THAT(data.x_values().back(), WithinAbs(4.9, 1e-12));
  }
  SECTION("values lie in [0, 1]") {
    CHECK(rows.minCoeff() >= 0.0f);
    CHECK(rows.maxCoeff() <= 1.0f);
  }
  SECTION("a configured grid") {
    SineData short_rows = sine_data({{"points", "10"}, {"step", "0.5"}});
    CHECK(short_rows.dimensions() == 10);
    CHECK(short_rows.sample(3, random).cols() == 10);
    CHECK_THAT(short_rows.x_values().back(), WithinAbs(4.5, 1e-12));
  }
}

TEST_CASE("each sine row draws its offset, then its mul, from the engine", "[data_sine]") {
  SineData data = sine_data();
  gantry::Random random(77);
  gantry::Random replay(77);
  Matrix rows = data.sample(3, random);
  boost::random::uniform_real_distribution<double> offset(0.0, 100.0);
  boost::random::uniform_real_distribution<double> mul(1.0, 2.0);
  for (Eigen::Index row = 0; row < rows.rows(); ++row) {
    double row_offset = offset(replay);
    double row_mul = mul(replay);
    for (int i = 0; i < data.dimensions(); ++i) {
      CHECK_THAT(rows(row, i),
                 WithinAbs(std::sin(row_offset + data.x_values()[i] * row_mul) / 2 + 0.5, 1e-7));
    }
  }
}

TEST_CASE("sine samples follow the engine's seed", "[data_sine]") {
  SineData data = sine_data();
  gantry::Random first(8);
  gantry::Random same(8);
  gantry::Random other(9);
  Matrix rows = data.sample(20, first);
  CHECK(rows == data.sample(20, same));
  CHECK(rows != data.sample(20, other));
}

TEST_CASE("the sine fit recovers a curve's offset and mul", "[data_sine]") {
  SineData data = sine_data();
  SECTION("inside the mul range") {
    auto fit = data.fitter().fit(curve_row(data, 42.0, 1.37));
    CHECK_THAT(fit.mul, WithinAbs(1.37, 1e-4));
    CHECK(phase_distance(fit.phase, 42.0) < 1e-3);
    CHECK(fit.phase >= 0.0);
    CHECK(fit.phase < kTwoPi);
    CHECK_THAT(fit.rmse, WithinAbs(0.0, 1e-5));
  }
  SECTION("at the ends of the mul range") {
    CHECK_THAT(data.fitter().fit(curve_row(data, 3.0, 1.0)).mul, WithinAbs(1.0, 1e-4));
    CHECK_THAT(data.fitter().fit(curve_row(data, 3.0, 2.0)).mul, WithinAbs(2.0, 1e-4));
  }
  SECTION("a faster curve than the family allows fits badly") {
    auto fit = data.fitter().fit(curve_row(data, 0.0, 3.0));
    CHECK(fit.rmse > 0.05);
    CHECK(fit.mul <= 2.0);
  }
  SECTION("a NaN value gives a NaN error") {
    Eigen::RowVectorXf row = curve_row(data, 1.0, 1.5);
    row(3) = std::nanf("");
    CHECK(std::isnan(data.fitter().fit(row).rmse));
  }
  SECTION("a row of the wrong length throws") {
    CHECK_THROWS_AS(data.fitter().fit(Eigen::RowVectorXf::Zero(49)), std::invalid_argument);
  }
}

TEST_CASE("fitted mul of sampled sine rows is uniform on [1, 2]", "[data_sine]") {
  constexpr int kRows = 2000;
  SineData data = sine_data();
  gantry::Random random(1234);
  Matrix rows = data.sample(kRows, random);
  Matrix fitted_mul(kRows, 1);
  double worst_rmse = 0.0;
  for (int row = 0; row < kRows; ++row) {
    auto fit = data.fitter().fit(rows.row(row));
    fitted_mul(row, 0) = static_cast<float>(fit.mul);
    worst_rmse = std::max(worst_rmse, fit.rmse);
  }
  auto moments = data_test::column_moments(fitted_mul, 0);
  CHECK(worst_rmse < 1e-5);
  CHECK_THAT(moments.mean, WithinAbs(1.5, 4 * data_test::uniform_mean_error(1.0, kRows)));
  CHECK_THAT(moments.variance,
             WithinAbs(1.0 / 12.0, 4 * data_test::uniform_variance_error(1.0, kRows)));
}

TEST_CASE("sine scores: real curves fit exactly, noise and flat lines do not", "[data_sine]") {
  SineData data = sine_data();
  gantry::Random random(55);
  Matrix real = data.sample(300, random);

  SECTION("real rows") {
    auto scores = data.score(real, real);
    CHECK_THAT(score_named(scores, "median_fit_rmse"), WithinAbs(0.0, 1e-5));
    CHECK_THAT(score_named(scores, "mean_fit_rmse"), WithinAbs(0.0, 1e-5));
    CHECK(score_named(scores, "out_of_range") == 0.0);
    CHECK_THAT(score_named(scores, "diversity_ratio"), WithinAbs(1.0, 1e-12));
  }
  SECTION("another real sample is about as diverse") {
    Matrix other = data.sample(300, random);
    CHECK_THAT(score_named(data.score(other, real), "diversity_ratio"), WithinAbs(1.0, 0.05));
  }
  SECTION("Gaussian noise of standard deviation 0.05") {
    Matrix noisy = real;
    boost::random::normal_distribution<double> noise(0.0, 0.05);
    for (Eigen::Index i = 0; i < noisy.size(); ++i) {
      noisy.data()[i] += static_cast<float>(noise(random));
    }
    auto scores = data.score(noisy, real);
    // The fit absorbs a little of the noise, so the error is at most the noise's deviation.
    CHECK_THAT(score_named(scores, "median_fit_rmse"), WithinAbs(0.048, 0.004));
    CHECK_THAT(score_named(scores, "mean_fit_rmse"), WithinAbs(0.048, 0.004));
    CHECK(score_named(scores, "out_of_range") > 0.0);
  }
  SECTION("a generator repeating one real curve fits it exactly but has no diversity") {
    Matrix repeated = real.row(0).replicate(10, 1);
    auto scores = data.score(repeated, real);
    CHECK_THAT(score_named(scores, "median_fit_rmse"), WithinAbs(0.0, 1e-5));
    CHECK(score_named(scores, "diversity_ratio") == 0.0);
  }
  SECTION("a collapsed generator's flat line at 0.5") {
    Matrix flat = Matrix::Constant(10, 50, 0.5f);
    auto scores = data.score(flat, real);
    CHECK(score_named(scores, "median_fit_rmse") > 0.25);
    CHECK(score_named(scores, "out_of_range") == 0.0);
    CHECK(score_named(scores, "diversity_ratio") == 0.0);
  }
}

TEST_CASE("sine out_of_range is the share of values outside [0, 1]", "[data_sine]") {
  SineData data = sine_data();
  Matrix rows = Matrix::Constant(2, 50, 0.5f);
  rows(0, 0) = -0.01f;
  rows(0, 1) = 1.01f;
  rows(1, 2) = 0.0f;
  rows(1, 3) = 1.0f;
  rows(1, 4) = std::nanf("");
  CHECK_THAT(score_named(data.score(rows, rows), "out_of_range"), WithinAbs(3.0 / 100.0, 1e-12));
}

TEST_CASE("sine refuses wrong columns and bad options", "[data_sine]") {
  Matrix two_columns = Matrix::Zero(3, 2);
  CHECK_THROWS_AS(sine_data().score(two_columns, two_columns), std::invalid_argument);
  CHECK_THROWS_WITH(sine_data().score(two_columns, two_columns),
                    Contains("2 columns") && Contains("expected 50"));

  CHECK_THROWS_AS(sine_data({{"points", "1"}}), gantry::OptionError);
  CHECK_THROWS_WITH(sine_data({{"points", "1"}}), Contains("points"));
  CHECK_THROWS_WITH(sine_data({{"step", "0"}}), Contains("step"));
  CHECK_THROWS_WITH(sine_data({{"max_offset", "-5"}}), Contains("max_offset"));
  CHECK_THROWS_AS(sine_data({{"mul_low", "2"}, {"mul_high", "1"}}), gantry::OptionError);
  CHECK_THROWS_WITH(sine_data({{"mul_low", "2"}, {"mul_high", "2"}}),
                    Contains("mul_low") && Contains("mul_high"));
}
