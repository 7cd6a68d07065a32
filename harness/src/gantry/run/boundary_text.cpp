#include "gantry/run/boundary_text.hpp"

#include <cxxabi.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <typeinfo>

namespace gantry {

std::string shape(Eigen::Index rows, Eigen::Index cols) {
  return std::to_string(rows) + " x " + std::to_string(cols);
}

std::string a_shape(Eigen::Index rows, Eigen::Index cols) {
  std::string digits = std::to_string(rows);
  bool vowel =
      digits[0] == '8' || ((digits.size() == 2 || digits.size() == 5) &&
                           (digits.compare(0, 2, "11") == 0 || digits.compare(0, 2, "18") == 0));
  return (vowel ? "an " : "a ") + shape(rows, cols);
}

std::string a_matrix(const Matrix& matrix) {
  return a_shape(matrix.rows(), matrix.cols()) + " matrix";
}

// "NaN in row 3, column 2 of the 64 x 2 matrix", or empty when every value is finite. x - x is 0
// for a finite x and NaN otherwise, and Eigen sums in packets, so the common path is a few
// vector instructions (Eigen's allFinite() is a scalar loop); the scan runs only on a failure.
std::string first_non_finite(const Matrix& matrix) {
  if (std::isfinite((matrix.array() - matrix.array()).sum())) return {};
  for (Eigen::Index row = 0; row < matrix.rows(); ++row) {
    for (Eigen::Index col = 0; col < matrix.cols(); ++col) {
      float value = matrix(row, col);
      if (std::isfinite(value)) continue;
      return std::string(std::isnan(value) ? "NaN" : "an infinite value") + " in row " +
             std::to_string(row + 1) + ", column " + std::to_string(col + 1) + " of the " +
             shape(matrix.rows(), matrix.cols()) + " matrix";
    }
  }
  return {};
}

std::string demangled(const char* name) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> readable(
      abi::__cxa_demangle(name, nullptr, nullptr, &status), std::free);
  return status == 0 && readable ? readable.get() : name;
}

std::string current_exception_type() {
  const std::type_info* type = abi::__cxa_current_exception_type();
  return type ? demangled(type->name()) : "unknown type";
}

}  // namespace gantry
