// Text for the messages of the plugin boundary: matrix shapes with their article, the first
// non-finite value of a matrix, and the type of an exception that is not a std::exception.
#pragma once

#include <string>

#include "gantry/matrix.hpp"

namespace gantry {

// "64 x 3"
std::string shape(Eigen::Index rows, Eigen::Index cols);
// "a 64 x 3", "an 8 x 3", "an 11 x 3": the shape with its article.
std::string a_shape(Eigen::Index rows, Eigen::Index cols);
// "a 64 x 3 matrix"
std::string a_matrix(const Matrix& matrix);
// "NaN in row 3, column 2 of the 64 x 2 matrix", or empty when every value is finite.
std::string first_non_finite(const Matrix& matrix);
// A type name as written in C++: "std::logic_error".
std::string demangled(const char* name);
// What the exception being handled is, for a message: "std::logic_error", "int".
std::string current_exception_type();

}  // namespace gantry
