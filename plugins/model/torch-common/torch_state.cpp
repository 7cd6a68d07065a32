#include "torch-common/torch_state.hpp"

#include <mutex>

namespace gantry::plugins::torch_backend {

void copy_into(const at::Tensor& tensor, const float* values) {
  at::NoGradGuard no_grad;     // an in-place copy into a parameter is not a step of training
  at::Tensor target = tensor;  // shares storage
  target.copy_(at::from_blob(const_cast<float*>(values), tensor.sizes(), at::kFloat));
}

void save_tensors(StateWriter& out, const std::vector<at::Tensor>& tensors) {
  for (const at::Tensor& tensor : tensors) {
    at::Tensor values = tensor.detach().to(at::kFloat).contiguous();
    out.array(values.data_ptr<float>(), static_cast<std::size_t>(values.numel()));
  }
}

void restore_tensors(StateReader& in, const std::vector<at::Tensor>& tensors) {
  for (const at::Tensor& tensor : tensors) {
    std::vector<float> values(static_cast<std::size_t>(tensor.numel()));
    in.array(values.data(), values.size());
    copy_into(tensor, values.data());
  }
}

void save_generator(StateWriter& out, at::Generator& generator) {
  std::lock_guard<std::mutex> lock(generator.mutex());
  at::Tensor state = generator.get_state().contiguous();
  out.array(state.data_ptr<std::uint8_t>(), static_cast<std::size_t>(state.numel()));
}

void restore_generator(StateReader& in, at::Generator& generator) {
  std::lock_guard<std::mutex> lock(generator.mutex());
  std::vector<std::uint8_t> bytes = in.array<std::uint8_t>();
  at::Tensor state = at::empty({static_cast<std::int64_t>(bytes.size())}, at::kByte);
  std::memcpy(state.data_ptr<std::uint8_t>(), bytes.data(), bytes.size());
  generator.set_state(state);
}

}  // namespace gantry::plugins::torch_backend
