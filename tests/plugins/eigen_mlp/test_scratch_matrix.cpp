#include <catch2/catch.hpp>

#include <limits>
#include <new>

#include "eigen-mlp/scratch_matrix.hpp"

using gantry::plugins::ScratchMatrix;

TEST_CASE("a scratch matrix keeps its storage when it cannot grow", "[eigen_mlp][scratch]") {
  ScratchMatrix<float> scratch;
  scratch.reshape(3, 2).setConstant(1.5f);

  SECTION("a shape whose size overflows is refused") {
    const Eigen::Index huge = std::numeric_limits<Eigen::Index>::max() / 2;
    CHECK_THROWS_AS(scratch.reshape(huge, 4), std::bad_alloc);
  }
  SECTION("an allocation that fails leaves the old values (no double free at destruction)") {
    // 2^60 floats: no machine has them, so the allocation itself fails.
    CHECK_THROWS_AS(scratch.reshape(Eigen::Index{1} << 30, Eigen::Index{1} << 30), std::bad_alloc);
  }
  CHECK(scratch.rows() == 3);
  CHECK(scratch.cols() == 2);
  CHECK(scratch.view().sum() == 9.0f);
}

TEST_CASE("a scratch matrix grows once and then hands out smaller shapes", "[eigen_mlp][scratch]") {
  ScratchMatrix<double> scratch;
  scratch.reshape(4, 5).setZero();
  const double* storage = scratch.view().data();
  auto smaller = scratch.reshape(2, 3);
  CHECK(smaller.rows() == 2);
  CHECK(smaller.cols() == 3);
  CHECK(smaller.data() == storage);
  CHECK(scratch.reshape(5, 5).data() != storage);
}
