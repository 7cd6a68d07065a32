// Conversions between gantry::Matrix (row-major float, one sample per row) and 2-D float tensors.
#pragma once

#include <ATen/ATen.h>

#include "gantry/matrix.hpp"

namespace gantry::plugins::torch_backend {

// A rows x cols float tensor holding a copy of `matrix` (the tensor owns its memory).
at::Tensor to_tensor(const Matrix& matrix);

// A copy of a 2-D tensor (any float dtype or layout) as a Matrix.
Matrix to_matrix(const at::Tensor& tensor);

}  // namespace gantry::plugins::torch_backend
