// A column-major scratch matrix whose storage only grows. A training iteration alternates batch
// sizes (64 rows for D, 128 for G); an Eigen matrix would free and reallocate on every change,
// this one allocates once for the largest batch and hands out views of the current shape.
#pragma once

#include <limits>
#include <new>

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

  // Sets the shape; the contents are unspecified afterwards. Throws std::bad_alloc when the
  // storage cannot grow, and then keeps the previous shape and storage.
  View reshape(Eigen::Index rows, Eigen::Index cols) {
    if (rows > 0 && cols > std::numeric_limits<Eigen::Index>::max() / rows) {
      throw std::bad_alloc();
    }
    if (rows * cols > storage_.size()) {
      // Allocate before letting go: Eigen's resize frees first and, when the allocation then
      // fails, leaves a dangling pointer that the destructor frees again.
      Storage grown(rows * cols);
      storage_.swap(grown);
    }
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
  using Storage = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
  Storage storage_;
  Eigen::Index rows_ = 0;
  Eigen::Index cols_ = 0;
};

}  // namespace gantry::plugins
