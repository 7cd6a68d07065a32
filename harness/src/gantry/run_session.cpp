#include "gantry/run_session.hpp"

#include <cmath>

#include "gantry/energy_distance.hpp"
#include "gantry/errors.hpp"

namespace gantry {
namespace {

// Pending metric points are written once this many have accumulated, bounding both memory and
// what a killed run can lose, while keeping one transaction per batch.
constexpr std::size_t kMetricBatchSize = 4096;

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

EvalSettings EvalSettings::from(const Options& eval) {
  return EvalSettings{static_cast<int>(eval.integer("heldout_rows")),
                      static_cast<int>(eval.integer("generated_rows")),
                      static_cast<int>(eval.integer("final_rows")),
                      static_cast<int>(eval.integer("energy_rows")), eval.boolean("keep_samples")};
}

RunSession::RunSession(std::int64_t run_id, std::uint64_t seed, DataSource& data, GanModel& model,
                       EvalSettings eval, ResultsDb& db, RunArtifacts& artifacts,
                       const std::atomic<bool>& stop_flag)
    : run_id_(run_id),
      seed_(seed),
      data_(data),
      model_(model),
      eval_(eval),
      db_(db),
      artifacts_(artifacts),
      stop_flag_(stop_flag) {}

Random& RunSession::random(std::string_view name) {
  auto found = streams_.find(name);
  if (found == streams_.end()) {
    found = streams_.emplace(std::string(name), make_stream(seed_, name)).first;
  }
  return found->second;
}

void RunSession::record(long long step, const std::string& key, double value) {
  pending_.push_back(MetricPoint{key, step, value});
  curves_[key].emplace_back(step, value);
  if (pending_.size() >= kMetricBatchSize) {
    db_.append_metrics(run_id_, pending_);
    pending_.clear();
  }
}

void RunSession::log(long long step, const std::vector<Metric>& metrics) {
  if (stop_requested()) throw Interrupted();
  last_step_ = std::max(last_step_, step);
  // Every value of the step is recorded before a divergence fails the run: the others show how.
  const Metric* diverged = nullptr;
  for (const Metric& metric : metrics) {
    record(step, metric.key, metric.value);
    if (diverged == nullptr && !std::isfinite(metric.value)) diverged = &metric;
  }
  if (diverged != nullptr) {
    throw RunError("diverged: " + diverged->key + " is " +
                   (std::isnan(diverged->value) ? "NaN" : "infinite") + " at step " +
                   std::to_string(step));
  }
}

Matrix RunSession::generated_rows(int rows, const std::string& stream) {
  Matrix generated = model_.generate(model_.sample_latent(rows, random(stream)));
  if (generated.rows() != rows || generated.cols() != data_.dimensions()) {
    throw RunError("the model generated a " + std::to_string(generated.rows()) + " x " +
                   std::to_string(generated.cols()) + " matrix; expected " + std::to_string(rows) +
                   " x " + std::to_string(data_.dimensions()));
  }
  return generated;
}

void RunSession::prepare() {
  heldout_ = data_.sample(eval_.heldout_rows, random("heldout"));
  artifacts_.write_samples("real", heldout_);
}

void RunSession::evaluate(long long step) {
  if (stop_requested()) throw Interrupted();
  last_step_ = std::max(last_step_, step);
  Matrix fake = generated_rows(eval_.generated_rows, "eval");
  Matrix on_real = model_.discriminate(heldout_);
  Matrix on_fake = model_.discriminate(fake);
  double accuracy_real = share(on_real, true);
  double accuracy_fake = share(on_fake, false);
  record(step, "eval.d_acc_real", accuracy_real);
  record(step, "eval.d_acc_fake", accuracy_fake);
  record(step, "eval.d_balanced_acc", (accuracy_real + accuracy_fake) / 2.0);
  record(step, "eval.d_mean_real", mean(on_real));
  record(step, "eval.d_std_real", standard_deviation(on_real));
  record(step, "eval.d_mean_fake", mean(on_fake));
  record(step, "eval.d_std_fake", standard_deviation(on_fake));
  record(step, "eval.d_gap", mean(on_real) - mean(on_fake));
  record(step, "eval.d_sign_real", mean_logit_sign(on_real));
  for (const Score& score : data_.score(fake, heldout_)) {
    record(step, "eval." + score.name, score.value);
  }
  int energy_rows = std::min<int>(
      {eval_.energy_rows, static_cast<int>(heldout_.rows()), static_cast<int>(fake.rows())});
  record(step, "eval.energy_distance",
         energy_distance(heldout_.topRows(energy_rows), fake.topRows(energy_rows)));
  if (eval_.keep_samples) artifacts_.write_samples("step_" + std::to_string(step), fake, step);
  db_.append_metrics(run_id_, pending_);
  pending_.clear();
}

void RunSession::finish() {
  artifacts_.write_samples("final", generated_rows(eval_.final_rows, "final"), last_step_);
}

void RunSession::flush() {
  db_.append_metrics(run_id_, pending_);
  pending_.clear();
  artifacts_.write_curves(curves_);
}

std::vector<std::pair<std::string, double>> RunSession::summaries() const {
  std::vector<std::pair<std::string, double>> last_values;
  for (const auto& [key, points] : curves_) {
    if (!points.empty()) last_values.emplace_back(key, points.back().second);
  }
  return last_values;
}

}  // namespace gantry
