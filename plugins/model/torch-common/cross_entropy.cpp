#include "torch-common/cross_entropy.hpp"

#include <ATen/core/grad_mode.h>

namespace gantry::plugins::torch_backend {

at::Tensor cross_entropy_terms(const at::Tensor& logits, const at::Tensor& labels) {
  return at::binary_cross_entropy_with_logits(logits, labels, {}, {}, at::Reduction::None);
}

at::Tensor real_then_fake_labels(std::int64_t rows, std::int64_t real_rows) {
  at::Tensor labels = at::zeros({rows, 1}, at::kFloat);
  labels.narrow(0, 0, real_rows).fill_(1.0f);
  return labels;
}

DiscriminatorStep summarize_discriminator(const at::Tensor& row_losses,
                                          const at::Tensor& probability_real,
                                          std::int64_t real_rows) {
  at::NoGradGuard no_grad;
  DiscriminatorStep step{0.0, 0.0, 0.0, 0.0};
  const std::int64_t rows = row_losses.size(0);
  const std::int64_t fake_rows = rows - real_rows;
  // Summed in double, as eigen-mlp divides a float sum by the row count in double.
  at::Tensor losses = row_losses.detach();
  at::Tensor p = probability_real.detach();
  if (real_rows > 0) {
    step.loss_real =
        losses.narrow(0, 0, real_rows).sum().item<float>() / static_cast<double>(real_rows);
    step.accuracy_real = p.narrow(0, 0, real_rows).gt(0.5f).sum().item<std::int64_t>() /
                         static_cast<double>(real_rows);
  }
  if (fake_rows > 0) {
    step.loss_fake =
        losses.narrow(0, real_rows, fake_rows).sum().item<float>() / static_cast<double>(fake_rows);
    step.accuracy_fake = p.narrow(0, real_rows, fake_rows).le(0.5f).sum().item<std::int64_t>() /
                         static_cast<double>(fake_rows);
  }
  return step;
}

}  // namespace gantry::plugins::torch_backend
