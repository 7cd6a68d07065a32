#include "eigen-mlp/gan_gradients.hpp"

#include <stdexcept>
#include <string>

#include "eigen-mlp/binary_cross_entropy.hpp"

namespace gantry::plugins {

namespace {

template <typename Scalar>
using ConstFlat = Eigen::Map<const Eigen::Array<Scalar, Eigen::Dynamic, 1>>;
template <typename Scalar>
using Flat = Eigen::Map<Eigen::Array<Scalar, Eigen::Dynamic, 1>>;

void require_rows(Eigen::Index rows, const char* what) {
  if (rows < 1) throw std::invalid_argument(std::string(what) + " needs at least one row");
}

}  // namespace

template <typename Scalar>
DiscriminatorStep GanGradients<Scalar>::discriminator(
    Network& discriminator, const Batch& batch, Eigen::Index real_rows,
    typename Network::Vector* parameter_gradient) {
  require_rows(batch.rows(), "the discriminator's loss");
  if (real_rows < 0 || real_rows > batch.rows()) {
    throw std::invalid_argument("real_rows is outside the discriminator's batch");
  }
  const Eigen::Index rows = batch.rows();
  const Eigen::Index fake_rows = rows - real_rows;
  discriminator.forward(batch);
  const Scalar* logits = discriminator.output_preactivation().data();
  Scalar* logit_gradient = logit_gradient_.reshape(rows, 1).data();

  // One mean over all rows, so each row weighs 1 / rows whatever the real:fake split.
  const Scalar gradient_scale = Scalar(1) / static_cast<Scalar>(rows);
  DiscriminatorStep step{0.0, 0.0, 0.0, 0.0};
  if (real_rows > 0) {
    CrossEntropyBlock block =
        cross_entropy_from_logits<Scalar>(ConstFlat<Scalar>(logits, real_rows), true,
                                          gradient_scale, Flat<Scalar>(logit_gradient, real_rows));
    step.loss_real = block.loss_sum / static_cast<double>(real_rows);
    step.accuracy_real =
        static_cast<double>(block.rows_classified_right) / static_cast<double>(real_rows);
  }
  if (fake_rows > 0) {
    CrossEntropyBlock block = cross_entropy_from_logits<Scalar>(
        ConstFlat<Scalar>(logits + real_rows, fake_rows), false, gradient_scale,
        Flat<Scalar>(logit_gradient + real_rows, fake_rows));
    step.loss_fake = block.loss_sum / static_cast<double>(fake_rows);
    step.accuracy_fake =
        static_cast<double>(block.rows_classified_right) / static_cast<double>(fake_rows);
  }
  discriminator.backward(logit_gradient_.view(), Network::GradientOf::preactivation,
                         parameter_gradient, false);
  return step;
}

template <typename Scalar>
double GanGradients<Scalar>::generator(Network& generator, Network& discriminator,
                                       const Batch& latent,
                                       typename Network::Vector* generator_gradient) {
  require_rows(latent.rows(), "the generator's loss");
  const Eigen::Index rows = latent.rows();
  discriminator.forward(generator.forward(latent));

  // -log D(G(z)) is the cross-entropy against the "real" label.
  CrossEntropyBlock block = cross_entropy_from_logits<Scalar>(
      ConstFlat<Scalar>(discriminator.output_preactivation().data(), rows), true,
      Scalar(1) / static_cast<Scalar>(rows),
      Flat<Scalar>(logit_gradient_.reshape(rows, 1).data(), rows));

  // D is frozen: only the gradient of its input is computed, to continue into G.
  discriminator.backward(logit_gradient_.view(), Network::GradientOf::preactivation, nullptr, true);
  generator.backward(discriminator.input_gradient(), Network::GradientOf::output,
                     generator_gradient, false);
  return block.loss_sum / static_cast<double>(rows);
}

template class GanGradients<float>;
template class GanGradients<double>;

}  // namespace gantry::plugins
