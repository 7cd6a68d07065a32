// The products of a dense layer at the sizes of these GANs: a batch of a few hundred rows times
// a kernel of a few to a few dozen inputs and units. Eigen's blocked product zeroes, packs and
// blocks such matrices for longer than the arithmetic takes, and its coefficient-wise product
// sums each output packet in one chain of dependent multiply-adds. Here each output column is
// summed over the inputs in blocks of rows whose packets are independent chains, so the
// multiply-adds overlap, and the kernel's gradient sums its dot products over the batch the
// same way.
#pragma once

#include <Eigen/Core>

namespace gantry::plugins {

namespace small_product_detail {
constexpr int kBlockRows = 64;  // four AVX-512 packets of float
}

// output(i, unit) = start(unit) + sum over k of input(i, k) * weight(k, unit), in that order,
// for column-major `input` (rows x inner) and `output` (rows x units). `weight(k, unit)` reads
// the kernel in whatever layout it is stored; `start(unit)` is the bias, or 0.
template <typename Scalar, typename Weight, typename Start>
void small_product(const Scalar* input, Eigen::Index rows, Eigen::Index inner, Eigen::Index units,
                   const Weight& weight, const Start& start, Scalar* output) {
  constexpr int kBlockRows = small_product_detail::kBlockRows;
  using Block = Eigen::Array<Scalar, kBlockRows, 1>;
  const Eigen::Index full_rows = rows - rows % kBlockRows;
  for (Eigen::Index unit = 0; unit < units; ++unit) {
    const Scalar first = start(unit);
    Scalar* column = output + unit * rows;
    for (Eigen::Index row = 0; row < full_rows; row += kBlockRows) {
      Block sum = Block::Constant(first);
      for (Eigen::Index k = 0; k < inner; ++k) {
        sum += weight(k, unit) * Eigen::Map<const Block>(input + k * rows + row);
      }
      Eigen::Map<Block>(column + row) = sum;
    }
    for (Eigen::Index row = full_rows; row < rows; ++row) {
      Scalar sum = first;
      for (Eigen::Index k = 0; k < inner; ++k) sum += weight(k, unit) * input[k * rows + row];
      column[row] = sum;
    }
  }
}

// gradient[k * units + unit] = sum over i of input(i, k) * delta(i, unit): the gradient of a
// row-major kernel (inputs x units, as Keras stores it) from the column-major layer input
// (rows x inputs) and the gradient of its pre-activation (rows x units).
template <typename Scalar>
void small_kernel_gradient(const Scalar* input, const Scalar* delta, Eigen::Index rows,
                           Eigen::Index inputs, Eigen::Index units, Scalar* gradient) {
  constexpr int kBlockRows = small_product_detail::kBlockRows;
  using Block = Eigen::Array<Scalar, kBlockRows, 1>;
  const Eigen::Index full_rows = rows - rows % kBlockRows;
  for (Eigen::Index k = 0; k < inputs; ++k) {
    const Scalar* input_column = input + k * rows;
    for (Eigen::Index unit = 0; unit < units; ++unit) {
      const Scalar* delta_column = delta + unit * rows;
      Block sum = Block::Zero();
      for (Eigen::Index row = 0; row < full_rows; row += kBlockRows) {
        sum += Eigen::Map<const Block>(input_column + row) *
               Eigen::Map<const Block>(delta_column + row);
      }
      Scalar total = sum.sum();
      for (Eigen::Index row = full_rows; row < rows; ++row) {
        total += input_column[row] * delta_column[row];
      }
      gradient[k * units + unit] = total;
    }
  }
}

}  // namespace gantry::plugins
