// Gaussians fitted to feature vectors and the Fréchet distance between two of them, the
// distance behind FID:
//   d^2 = |mu1 - mu2|^2 + tr(S1) + tr(S2) - 2 tr( (S1^(1/2) S2 S1^(1/2))^(1/2) ).
// The matrix square roots come from symmetric eigendecompositions with negative eigenvalues
// (rounding noise of singular covariances) clamped to zero, which keeps the result real and
// stable where the general sqrtm of S1 S2 is not.
#pragma once

#include <Eigen/Core>

namespace gantry::plugins {

struct Gaussian {
  Eigen::VectorXd mean;
  Eigen::MatrixXd covariance;
};

// Running sums of feature vectors, so the Gaussian of any union of groups (e.g. of the classes a
// filter selects) follows from per-group sums without keeping the vectors.
struct FeatureMoments {
  double count = 0;
  Eigen::VectorXd sum;        // sum of the vectors
  Eigen::MatrixXd outer_sum;  // sum of v v^T

  explicit FeatureMoments(int dimensions = 0);
  void add(const Eigen::Ref<const Eigen::VectorXd>& vector);
  FeatureMoments& operator+=(const FeatureMoments& other);
  // Mean and unbiased covariance; throws std::invalid_argument with fewer than two vectors.
  Gaussian gaussian() const;
};

// The Gaussian of the rows of `rows` (one vector per row).
Gaussian fit_gaussian(const Eigen::MatrixXd& rows);

// The symmetric positive semi-definite square root of a symmetric matrix.
Eigen::MatrixXd psd_sqrt(const Eigen::MatrixXd& symmetric);

// The Fréchet distance squared (as FID reports it), never negative. Throws
// std::invalid_argument when the dimensions differ.
double frechet_distance(const Gaussian& a, const Gaussian& b);

}  // namespace gantry::plugins
