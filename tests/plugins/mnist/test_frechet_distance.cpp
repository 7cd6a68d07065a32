// The Fréchet distance on Gaussians with known answers, and the feature moments it is fed from.
#include <cmath>

#include <Eigen/Eigenvalues>
#include <catch2/catch.hpp>

#include "mnist/frechet_distance.hpp"

using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using gantry::plugins::FeatureMoments;
using gantry::plugins::fit_gaussian;
using gantry::plugins::frechet_distance;
using gantry::plugins::Gaussian;

namespace {

Eigen::MatrixXd random_spd(int n, unsigned seed) {
  std::srand(seed);
  Eigen::MatrixXd a = Eigen::MatrixXd::Random(n, n);
  return a * a.transpose() + 0.1 * Eigen::MatrixXd::Identity(n, n);
}

}  // namespace

TEST_CASE("identical Gaussians are at distance 0", "[frechet]") {
  Gaussian g{Eigen::VectorXd::LinSpaced(5, -1, 3), random_spd(5, 3)};
  CHECK_THAT(frechet_distance(g, g), WithinAbs(0.0, 1e-9));
}

TEST_CASE("diagonal covariances: |mu1 - mu2|^2 + sum (s1 - s2)^2 in standard deviations",
          "[frechet]") {
  Eigen::VectorXd sd1(3), sd2(3);
  sd1 << 1.0, 2.0, 0.5;
  sd2 << 3.0, 2.0, 0.1;
  Gaussian a{Eigen::Vector3d(0, 1, 2), sd1.cwiseAbs2().asDiagonal()};
  Gaussian b{Eigen::Vector3d(1, 1, 0), sd2.cwiseAbs2().asDiagonal()};
  double expected = 1 + 0 + 4 + (sd1 - sd2).squaredNorm();
  CHECK_THAT(frechet_distance(a, b), WithinRel(expected, 1e-12));
  CHECK_THAT(frechet_distance(b, a), WithinRel(expected, 1e-12));
}

TEST_CASE("against the identity: tr(S) + n - 2 tr(S^(1/2))", "[frechet]") {
  Eigen::MatrixXd s = random_spd(4, 11);
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(s);
  double root_trace = solver.eigenvalues().cwiseSqrt().sum();
  Gaussian a{Eigen::VectorXd::Zero(4), Eigen::MatrixXd::Identity(4, 4)};
  Gaussian b{Eigen::VectorXd::Zero(4), s};
  double expected = s.trace() + 4 - 2 * root_trace;
  CHECK_THAT(frechet_distance(a, b), WithinRel(expected, 1e-10));
  CHECK_THAT(frechet_distance(b, a), WithinRel(expected, 1e-10));
}

TEST_CASE("singular covariances give a finite, non-negative distance", "[frechet]") {
  Eigen::MatrixXd rank_one = Eigen::Vector3d(1, 2, 3) * Eigen::Vector3d(1, 2, 3).transpose();
  Gaussian a{Eigen::VectorXd::Zero(3), rank_one};
  Gaussian b{Eigen::VectorXd::Zero(3), Eigen::MatrixXd::Zero(3, 3)};
  CHECK_THAT(frechet_distance(a, a), WithinAbs(0.0, 1e-9));
  // Against a point mass the distance is the trace.
  CHECK_THAT(frechet_distance(a, b), WithinRel(14.0, 1e-12));
}

TEST_CASE("Gaussians of different dimensions are refused", "[frechet]") {
  Gaussian a{Eigen::VectorXd::Zero(3), Eigen::MatrixXd::Identity(3, 3)};
  Gaussian b{Eigen::VectorXd::Zero(2), Eigen::MatrixXd::Identity(2, 2)};
  CHECK_THROWS_AS(frechet_distance(a, b), std::invalid_argument);
}

TEST_CASE("feature moments of groups combine into the Gaussian of their union", "[frechet]") {
  std::srand(5);
  Eigen::MatrixXd rows = Eigen::MatrixXd::Random(50, 4);
  Gaussian direct = fit_gaussian(rows);

  FeatureMoments first(4), second(4);
  for (int r = 0; r < 20; ++r) first.add(rows.row(r).transpose());
  for (int r = 20; r < 50; ++r) second.add(rows.row(r).transpose());
  first += second;
  Gaussian combined = first.gaussian();

  Eigen::VectorXd mean = rows.colwise().mean().transpose();
  Eigen::MatrixXd centred = rows.rowwise() - mean.transpose();
  Eigen::MatrixXd covariance = centred.transpose() * centred / 49.0;
  CHECK((direct.mean - mean).norm() < 1e-12);
  CHECK((direct.covariance - covariance).norm() < 1e-12);
  CHECK((combined.covariance - covariance).norm() < 1e-12);
  CHECK_THROWS_AS(FeatureMoments(4).gaussian(), std::invalid_argument);
}
