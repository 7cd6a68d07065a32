#include "gantry/run/standard_evaluation.hpp"

#include <algorithm>
#include <cmath>

#include "gantry/run/energy_distance.hpp"

namespace gantry {
namespace {

double mean(const Matrix& column) {
  return static_cast<double>(column.mean());
}

double standard_deviation(const Matrix& column) {
  double average = mean(column);
  double sum = 0.0;
  for (Eigen::Index i = 0; i < column.size(); ++i) {
    double deviation = column(i) - average;
    sum += deviation * deviation;
  }
  return std::sqrt(sum / static_cast<double>(column.size()));
}

double share(const Matrix& probabilities, bool real) {
  Eigen::Index hits = 0;
  for (Eigen::Index i = 0; i < probabilities.size(); ++i) {
    hits += real ? probabilities(i) > 0.5f : probabilities(i) <= 0.5f;
  }
  return static_cast<double>(hits) / static_cast<double>(probabilities.size());
}

// Adaptive discriminator augmentation's overfitting statistic r = E[sign(logit D(x))] on real
// rows (Karras et al. 2020). D outputs probabilities, and logit D(x) > 0 exactly when D(x) > 0.5.
double mean_logit_sign(const Matrix& probabilities) {
  double sum = 0.0;
  for (Eigen::Index i = 0; i < probabilities.size(); ++i) {
    sum += probabilities(i) > 0.5f ? 1.0 : (probabilities(i) < 0.5f ? -1.0 : 0.0);
  }
  return sum / static_cast<double>(probabilities.size());
}

}  // namespace

std::vector<Metric> discriminator_metrics(const Matrix& on_real, const Matrix& on_fake) {
  double accuracy_real = share(on_real, true);
  double accuracy_fake = share(on_fake, false);
  return {{"eval.d_acc_real", accuracy_real},
          {"eval.d_acc_fake", accuracy_fake},
          {"eval.d_balanced_acc", (accuracy_real + accuracy_fake) / 2.0},
          {"eval.d_mean_real", mean(on_real)},
          {"eval.d_std_real", standard_deviation(on_real)},
          {"eval.d_mean_fake", mean(on_fake)},
          {"eval.d_std_fake", standard_deviation(on_fake)},
          {"eval.d_gap", mean(on_real) - mean(on_fake)},
          {"eval.d_sign_real", mean_logit_sign(on_real)}};
}

std::vector<Metric> score_metrics(const DataSource& data, const Matrix& generated,
                                  const Matrix& heldout) {
  std::vector<Metric> metrics;
  for (const Score& score : data.score(generated, heldout)) {
    metrics.push_back({"eval." + score.name, score.value});
  }
  return metrics;
}

Metric energy_metric(const Matrix& heldout, const Matrix& generated, int energy_rows) {
  int rows = std::min<int>(
      {energy_rows, static_cast<int>(heldout.rows()), static_cast<int>(generated.rows())});
  return {"eval.energy_distance", energy_distance(heldout.topRows(rows), generated.topRows(rows))};
}

}  // namespace gantry
