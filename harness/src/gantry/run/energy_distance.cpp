#include "gantry/run/energy_distance.hpp"

#include <stdexcept>
#include <string>

namespace gantry {
namespace {

using MatrixD = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Sum of Euclidean distances over all pairs (a_i, b_j). The product form |a|^2 + |b|^2 - 2ab
// turns the n*m*d work into one matrix product; in double precision its cancellation error is
// far below the distances that matter.
double sum_of_distances(const MatrixD& a, const MatrixD& b) {
  Eigen::VectorXd a_norms = a.rowwise().squaredNorm();
  Eigen::RowVectorXd b_norms = b.rowwise().squaredNorm().transpose();
  MatrixD squared = -2.0 * a * b.transpose();
  squared.colwise() += a_norms;
  squared.rowwise() += b_norms;
  return squared.cwiseMax(0.0).cwiseSqrt().sum();
}

}  // namespace

double energy_distance(const Matrix& x, const Matrix& y) {
  if (x.cols() != y.cols()) {
    throw std::invalid_argument("energy distance: samples have " + std::to_string(x.cols()) +
                                " and " + std::to_string(y.cols()) + " columns");
  }
  if (x.rows() < 2 || y.rows() < 2) {
    throw std::invalid_argument("energy distance needs at least 2 rows in each sample");
  }
  MatrixD xd = x.cast<double>();
  MatrixD yd = y.cast<double>();
  double n = static_cast<double>(xd.rows());
  double m = static_cast<double>(yd.rows());
  double between = sum_of_distances(xd, yd) / (n * m);
  // The diagonal of a sample with itself is zero, so dividing by n(n-1) excludes i = j.
  double within_x = sum_of_distances(xd, xd) / (n * (n - 1));
  double within_y = sum_of_distances(yd, yd) / (m * (m - 1));
  return 2.0 * between - within_x - within_y;
}

}  // namespace gantry
