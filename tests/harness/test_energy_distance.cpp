#include <boost/random/normal_distribution.hpp>
#include <catch2/catch.hpp>

#include "gantry/random.hpp"
#include "gantry/run/energy_distance.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

gantry::Matrix normal_rows(int rows, int cols, float mean, std::uint64_t seed) {
  gantry::Random random(seed);
  boost::random::normal_distribution<float> normal(mean, 1.0f);
  gantry::Matrix values(rows, cols);
  for (Eigen::Index i = 0; i < values.size(); ++i) values.data()[i] = normal(random);
  return values;
}

}  // namespace

TEST_CASE("energy distance is near zero for two samples of one distribution", "[energy_distance]") {
  double same = gantry::energy_distance(normal_rows(800, 2, 0, 1), normal_rows(800, 2, 0, 2));
  CHECK_THAT(same, WithinAbs(0.0, 0.02));
}

TEST_CASE("energy distance grows with the shift between distributions", "[energy_distance]") {
  gantry::Matrix base = normal_rows(500, 2, 0, 3);
  double near = gantry::energy_distance(base, normal_rows(500, 2, 0.5f, 4));
  double far = gantry::energy_distance(base, normal_rows(500, 2, 2.0f, 5));
  CHECK(near > 0.05);
  CHECK(far > near * 4);
}

TEST_CASE("energy distance matches the definition on a hand-computed case", "[energy_distance]") {
  // x = {0, 1}, y = {3, 5} in one dimension:
  // E|X-Y| = (3 + 5 + 2 + 4) / 4 = 3.5; E|X-X'| (i != j) = 1; E|Y-Y'| = 2 -> 2 * 3.5 - 1 - 2 = 4.
  gantry::Matrix x(2, 1), y(2, 1);
  x << 0, 1;
  y << 3, 5;
  CHECK_THAT(gantry::energy_distance(x, y), WithinRel(4.0, 1e-9));
}

TEST_CASE("energy distance rejects mismatched or tiny samples", "[energy_distance]") {
  CHECK_THROWS_AS(gantry::energy_distance(gantry::Matrix::Zero(3, 2), gantry::Matrix::Zero(3, 3)),
                  std::invalid_argument);
  CHECK_THROWS_AS(gantry::energy_distance(gantry::Matrix::Zero(1, 2), gantry::Matrix::Zero(3, 2)),
                  std::invalid_argument);
}
