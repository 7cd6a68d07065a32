#include <catch2/catch.hpp>

#include <map>

#include "gantry/run/standard_evaluation.hpp"

using Catch::Matchers::WithinAbs;

namespace {

std::map<std::string, double> by_key(const std::vector<gantry::Metric>& metrics) {
  std::map<std::string, double> values;
  for (const auto& metric : metrics) values[metric.key] = metric.value;
  return values;
}

gantry::Matrix column(std::initializer_list<float> values) {
  gantry::Matrix matrix(static_cast<Eigen::Index>(values.size()), 1);
  Eigen::Index row = 0;
  for (float value : values) matrix(row++, 0) = value;
  return matrix;
}

}  // namespace

TEST_CASE("the discriminator's read-outs of an evaluation", "[standard_evaluation]") {
  // Expected values worked by hand: real {0.9, 0.4, 0.6, 0.5} has mean 0.6 and deviations
  // {0.3, -0.2, 0, -0.1}, population variance 0.14 / 4; generated {0.2, 0.7, 0.5} has mean 1.4 / 3
  // and deviations {-0.8, 0.7, 0.1} / 3, population variance (1.14 / 9) / 3.
  auto values = by_key(
      gantry::discriminator_metrics(column({0.9f, 0.4f, 0.6f, 0.5f}), column({0.2f, 0.7f, 0.5f})));
  REQUIRE(values.size() == 9);
  CHECK_THAT(values["eval.d_acc_real"], WithinAbs(0.5, 1e-12));        // 0.9, 0.6 above 0.5
  CHECK_THAT(values["eval.d_acc_fake"], WithinAbs(2.0 / 3.0, 1e-12));  // 0.2, 0.5 at most 0.5
  CHECK_THAT(values["eval.d_balanced_acc"], WithinAbs((0.5 + 2.0 / 3.0) / 2, 1e-12));
  CHECK_THAT(values["eval.d_mean_real"], WithinAbs(0.6, 1e-6));
  CHECK_THAT(values["eval.d_std_real"], WithinAbs(std::sqrt(0.14 / 4), 1e-6));
  CHECK_THAT(values["eval.d_mean_fake"], WithinAbs(1.4 / 3, 1e-6));
  CHECK_THAT(values["eval.d_std_fake"], WithinAbs(std::sqrt(1.14 / 9 / 3), 1e-6));
  CHECK_THAT(values["eval.d_gap"], WithinAbs(0.6 - 1.4 / 3, 1e-6));
  // sign(logit D): +1, -1, +1, 0 (exactly 0.5 is neither side).
  CHECK_THAT(values["eval.d_sign_real"], WithinAbs(0.25, 1e-12));
}

TEST_CASE("the energy distance uses at most the rows both samples have", "[standard_evaluation]") {
  gantry::Matrix heldout = column({0.0f, 1.0f, 2.0f, 3.0f});
  gantry::Metric shifted = gantry::energy_metric(heldout, column({10.0f, 11.0f}), 1000);
  CHECK(shifted.key == "eval.energy_distance");
  // The first two rows of each, by hand: E|X-Y| = (10 + 11 + 9 + 10) / 4, and the within-sample
  // terms (i != j) are 1 each: 2 * 10 - 1 - 1.
  CHECK_THAT(shifted.value, WithinAbs(18.0, 1e-9));
  // Asking for 3 rows uses 2: the generated sample has no more.
  CHECK_THAT(gantry::energy_metric(heldout, column({10.0f, 11.0f}), 3).value,
             WithinAbs(18.0, 1e-9));
}
