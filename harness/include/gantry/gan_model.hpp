// Model plugin interface: a generator/discriminator pair on one backend, with its optimisers.
#pragma once

#include "gantry/matrix.hpp"
#include "gantry/random.hpp"

namespace gantry {

// Losses and accuracies of one discriminator step, measured in its forward pass (before the
// update, as Keras' train_on_batch reports them). Fields of an empty batch part are 0.
struct DiscriminatorStep {
  double loss_real;      // binary cross-entropy of D on the real rows, label 1
  double loss_fake;      // binary cross-entropy of D on the fake rows, label 0
  double accuracy_real;  // share of real rows with D(x) > 0.5
  double accuracy_fake;  // share of fake rows with D(x) <= 0.5
};

class GanModel {
 public:
  virtual ~GanModel() = default;

  virtual int latent_dimensions() const = 0;

  // Latent noise in the configured distribution, one row per sample.
  virtual Matrix sample_latent(int rows, Random& random) const = 0;

  // G(z) in inference mode (no dropout, batch statistics frozen).
  virtual Matrix generate(const Matrix& latent) = 0;

  // D(x): probability that each row is real, as an n x 1 matrix, in inference mode.
  virtual Matrix discriminate(const Matrix& samples) = 0;

  // One optimiser step of D on the union of `real` (label 1) and `fake` (label 0) rows,
  // minimising the mean binary cross-entropy over all rows. Either part may have zero rows.
  virtual DiscriminatorStep discriminator_step(const Matrix& real, const Matrix& fake) = 0;

  // One optimiser step of G through a frozen D with "real" labels (the non-saturating loss
  // -mean log D(G(z))). Returns that loss, measured before the update.
  virtual double generator_step(const Matrix& latent) = 0;
};

}  // namespace gantry
