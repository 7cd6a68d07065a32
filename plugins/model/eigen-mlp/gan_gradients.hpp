// The gradients of the two GAN losses, for the model's optimiser steps (float) and for the
// finite-difference checks in the tests (double):
//   D: mean binary cross-entropy over real (label 1) and fake (label 0) rows together;
//   G: the non-saturating loss -mean log D(G(z)), through a frozen D.
// Both work from D's logits (see binary_cross_entropy.hpp).
#pragma once

#include <Eigen/Core>

#include "eigen-mlp/mlp.hpp"
#include "eigen-mlp/scratch_matrix.hpp"
#include "gantry/gan_model.hpp"

namespace gantry::plugins {

template <typename Scalar>
class GanGradients {
 public:
  using Network = Mlp<Scalar>;
  using Batch = Eigen::Ref<const typename Network::Matrix>;

  // Runs D on `batch`, whose first real_rows rows are real and the rest fake, and writes the
  // gradient of the mean loss over all rows into *parameter_gradient. Returns the losses and
  // accuracies of this forward pass; a part without rows reports 0. `batch` must have a row.
  DiscriminatorStep discriminator(Network& discriminator, const Batch& batch,
                                  Eigen::Index real_rows,
                                  typename Network::Vector* parameter_gradient);

  // Runs D(G(latent)) and writes the gradient of the generator's loss with respect to G's
  // parameters into *generator_gradient; D's parameters are read, never written. Returns the
  // loss. `latent` must have a row.
  double generator(Network& generator, Network& discriminator, const Batch& latent,
                   typename Network::Vector* generator_gradient);

 private:
  ScratchMatrix<Scalar> logit_gradient_;
};

extern template class GanGradients<float>;
extern template class GanGradients<double>;

}  // namespace gantry::plugins
