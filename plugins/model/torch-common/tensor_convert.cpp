#include "torch-common/tensor_convert.hpp"

#include <cstring>
#include <stdexcept>
#include <string>

namespace gantry::plugins::torch_backend {

at::Tensor to_tensor(const Matrix& matrix) {
  at::Tensor tensor = at::empty({matrix.rows(), matrix.cols()}, at::kFloat);
  if (matrix.size() > 0) {
    std::memcpy(tensor.data_ptr<float>(), matrix.data(), sizeof(float) * matrix.size());
  }
  return tensor;
}

Matrix to_matrix(const at::Tensor& tensor) {
  if (tensor.dim() != 2) {
    throw std::invalid_argument("to_matrix: expected a 2-D tensor, got " +
                                std::to_string(tensor.dim()) + " dimensions");
  }
  at::Tensor dense = tensor.detach().to(at::kFloat).contiguous();
  Matrix matrix(dense.size(0), dense.size(1));
  if (matrix.size() > 0) {
    std::memcpy(matrix.data(), dense.data_ptr<float>(), sizeof(float) * matrix.size());
  }
  return matrix;
}

}  // namespace gantry::plugins::torch_backend
