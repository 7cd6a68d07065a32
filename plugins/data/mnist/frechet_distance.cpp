#include "mnist/frechet_distance.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include <Eigen/Eigenvalues>

namespace gantry::plugins {

FeatureMoments::FeatureMoments(int dimensions)
    : sum(Eigen::VectorXd::Zero(dimensions)),
      outer_sum(Eigen::MatrixXd::Zero(dimensions, dimensions)) {}

void FeatureMoments::add(const Eigen::Ref<const Eigen::VectorXd>& vector) {
  count += 1;
  sum += vector;
  outer_sum.selfadjointView<Eigen::Lower>().rankUpdate(vector);
}

FeatureMoments& FeatureMoments::operator+=(const FeatureMoments& other) {
  if (other.sum.size() != sum.size()) {
    throw std::invalid_argument("feature moments of " + std::to_string(other.sum.size()) + " and " +
                                std::to_string(sum.size()) + " dimensions");
  }
  count += other.count;
  sum += other.sum;
  outer_sum += other.outer_sum;
  return *this;
}

Gaussian FeatureMoments::gaussian() const {
  if (count < 2) {
    throw std::invalid_argument("a Gaussian needs at least two feature vectors, not " +
                                std::to_string(static_cast<long long>(count)));
  }
  Gaussian result;
  result.mean = sum / count;
  // add() fills only the lower triangle (rankUpdate); mirror it before use.
  Eigen::MatrixXd full = outer_sum.selfadjointView<Eigen::Lower>();
  result.covariance = (full - count * result.mean * result.mean.transpose()) / (count - 1);
  return result;
}

Gaussian fit_gaussian(const Eigen::MatrixXd& rows) {
  FeatureMoments moments(static_cast<int>(rows.cols()));
  for (Eigen::Index row = 0; row < rows.rows(); ++row) moments.add(rows.row(row).transpose());
  return moments.gaussian();
}

Eigen::MatrixXd psd_sqrt(const Eigen::MatrixXd& symmetric) {
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(symmetric);
  if (solver.info() != Eigen::Success) {
    throw std::runtime_error("eigendecomposition of a covariance matrix did not converge");
  }
  Eigen::VectorXd roots = solver.eigenvalues().cwiseMax(0.0).cwiseSqrt();
  return solver.eigenvectors() * roots.asDiagonal() * solver.eigenvectors().transpose();
}

double frechet_distance(const Gaussian& a, const Gaussian& b) {
  if (a.mean.size() != b.mean.size() || a.covariance.rows() != a.mean.size() ||
      b.covariance.rows() != b.mean.size()) {
    throw std::invalid_argument("Fréchet distance between Gaussians of " +
                                std::to_string(a.mean.size()) + " and " +
                                std::to_string(b.mean.size()) + " dimensions");
  }
  Eigen::MatrixXd root_a = psd_sqrt(a.covariance);
  Eigen::MatrixXd middle = root_a * b.covariance * root_a;
  // Symmetric in exact arithmetic; averaging with the transpose removes rounding asymmetry.
  middle = 0.5 * (middle + middle.transpose()).eval();
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(middle, Eigen::EigenvaluesOnly);
  if (solver.info() != Eigen::Success) {
    throw std::runtime_error("eigendecomposition in the Fréchet distance did not converge");
  }
  double cross_trace = solver.eigenvalues().cwiseMax(0.0).cwiseSqrt().sum();
  double distance = (a.mean - b.mean).squaredNorm() + a.covariance.trace() + b.covariance.trace() -
                    2.0 * cross_trace;
  return std::max(distance, 0.0);
}

}  // namespace gantry::plugins
