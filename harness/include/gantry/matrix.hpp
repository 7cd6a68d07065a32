// The one matrix type that crosses the plugin boundary: row-major float, one sample per row.
// Data and trainer plugins see only this type, so they never depend on a model's backend.
#pragma once

#include <Eigen/Core>

namespace gantry {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

}  // namespace gantry
