// Binary cross-entropy of sigmoid outputs computed from their logits, as eigen-mlp computes it
// (eigen-mlp/binary_cross_entropy.hpp): no probability is ever clipped or rounded to 0 or 1, and
// the gradient with respect to a logit is sigmoid(z) - y, through
// at::binary_cross_entropy_with_logits.
#pragma once

#include <cstdint>

#include <ATen/ATen.h>

#include "gantry/gan_model.hpp"

namespace gantry::plugins::torch_backend {

// The loss of every element of `logits` against `labels` (same shape, 0 or 1), differentiable.
at::Tensor cross_entropy_terms(const at::Tensor& logits, const at::Tensor& labels);

// Labels for a discriminator batch of `rows` rows whose first real_rows are real: 1 then 0,
// as a rows x 1 tensor.
at::Tensor real_then_fake_labels(std::int64_t rows, std::int64_t real_rows);

// The losses and accuracies of one discriminator step from each row's loss and its probability
// of being real (both 1-D, real rows first); a part without rows reports 0. Accuracy is measured
// on the probability, as Keras' binary accuracy is: > 0.5 counts as real.
DiscriminatorStep summarize_discriminator(const at::Tensor& row_losses,
                                          const at::Tensor& probability_real,
                                          std::int64_t real_rows);

}  // namespace gantry::plugins::torch_backend
