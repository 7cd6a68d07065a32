// The harness's standard evaluation of a step, the same whichever plugins run: what the
// discriminator says of held-out real rows and of generated rows (accuracies, means, spreads,
// the gap, ADA's overfitting sign), the data plugin's own scores and the energy distance.
// Arithmetic only: the model and data it is given are the checked ones (checked_plugins.hpp).
#pragma once

#include <vector>

#include "gantry/data_source.hpp"
#include "gantry/matrix.hpp"
#include "gantry/training_session.hpp"

namespace gantry {

// "eval.d_acc_real", "eval.d_acc_fake", "eval.d_balanced_acc", "eval.d_mean_real",
// "eval.d_std_real", "eval.d_mean_fake", "eval.d_std_fake", "eval.d_gap", "eval.d_sign_real",
// from D's probabilities on real and on generated rows (each a column of at least one row).
std::vector<Metric> discriminator_metrics(const Matrix& on_real, const Matrix& on_fake);

// The data plugin's scores of the generated rows as "eval.<name>".
std::vector<Metric> score_metrics(const DataSource& data, const Matrix& generated,
                                  const Matrix& heldout);

// "eval.energy_distance" over the first `energy_rows` of each sample (at most as many as both
// have).
Metric energy_metric(const Matrix& heldout, const Matrix& generated, int energy_rows);

}  // namespace gantry
