// A column-major scratch matrix whose storage only grows. A training iteration alternates batch
// sizes (64 rows for D, 128 for G); an Eigen matrix would free and reallocate on every change,
// this one allocates once for the largest batch and hands out views of the current shape.
#pragma once

#include <Eigen/Core>

namespace gantry::plugins {

template <typename Scalar>
class ScratchMatrix {
 public:
  using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
  using View = Eigen::Map<Matrix>;
  using ConstView = Eigen::Map<const Matrix>;
  using FlatView = Eigen::Map<Eigen::Array<Scalar, Eigen::Dynamic, 1>>;
  using ConstFlatView = Eigen::Map<const Eigen::Array<Scalar, Eigen::Dynamic, 1>>;

  // Sets the shape; the contents are unspecified afterwards.
  View reshape(Eigen::Index rows, Eigen::Index cols) {
    if (rows * cols > storage_.size()) storage_.resize(rows * cols);
    rows_ = rows;
    cols_ = cols;
    return view();
  }

  // Takes the shape and values of `values`, converting a row-major batch to column-major.
  template <typename Derived>
  void assign(const Eigen::MatrixBase<Derived>& values) {
    reshape(values.rows(), values.cols()) = values;
  }

  Eigen::Index rows() const { return rows_; }
  Eigen::Index cols() const { return cols_; }

  View view() { return View(storage_.data(), rows_, cols_); }
  ConstView view() const { return ConstView(storage_.data(), rows_, cols_); }

  // The same values as one column, for element-wise work that ignores the shape.
  FlatView flat() { return FlatView(storage_.data(), rows_ * cols_); }
  ConstFlatView flat() const { return ConstFlatView(storage_.data(), rows_ * cols_); }

 private:
  Eigen::Matrix<Scalar, Eigen::Dynamic, 1> storage_;
  Eigen::Index rows_ = 0;
  Eigen::Index cols_ = 0;
};

}  // namespace gantry::plugins
