#include "gantry/run/run_session.hpp"

#include <cmath>
#include <exception>
#include <memory>
#include <typeinfo>

#include "gantry/run/boundary_text.hpp"
#include "gantry/run/checked_plugins.hpp"
#include "gantry/run/energy_distance.hpp"
#include "gantry/base/errors.hpp"

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

template <typename Call>
auto RunSession::guarded(const std::string& plugin, const char* call, Call&& body)
    -> decltype(body()) {
  try {
    return body();
  } catch (const std::exception& error) {
    fail(plugin + " threw " + demangled(typeid(error).name()) + " from " + call + " " + where() +
         ": " + error.what());
  } catch (...) {
    fail(plugin + " threw an exception of type '" + current_exception_type() +
         "', which is not a std::exception, from " + call + " " + where());
  }
}

EvalSettings EvalSettings::from(const Options& eval, const Options& images) {
  return EvalSettings{static_cast<int>(eval.integer("heldout_rows")),
                      static_cast<int>(eval.integer("generated_rows")),
                      static_cast<int>(eval.integer("final_rows")),
                      static_cast<int>(eval.integer("energy_rows")),
                      eval.boolean("keep_samples"),
                      static_cast<int>(images.integer("grid")),
                      images.boolean("png")};
}

RunSession::RunSession(std::int64_t run_id, std::uint64_t seed, const RunPlugins& plugins,
                       EvalSettings eval, ResultsDb& db, RunArtifacts& artifacts,
                       const std::atomic<bool>& stop_flag)
    : run_id_(run_id),
      seed_(seed),
      plugins_(plugins),
      data_label_("data plugin '" + plugins.data_name + "'"),
      model_label_("model plugin '" + plugins.model_name + "'"),
      trainer_label_("trainer plugin '" + plugins.trainer_name + "'"),
      checked_data_(std::make_unique<CheckedData>(*this, *plugins.data)),
      checked_model_(std::make_unique<CheckedModel>(*this, *plugins.model)),
      eval_(eval),
      db_(db),
      artifacts_(artifacts),
      stop_flag_(stop_flag) {}

RunSession::~RunSession() = default;

DataSource& RunSession::data() {
  return *checked_data_;
}

GanModel& RunSession::model() {
  return *checked_model_;
}

std::string RunSession::where() const {
  std::string after =
      stepped_ ? "after step " + std::to_string(latest_step_) : "before the first logged step";
  switch (phase_) {
    case Phase::preparing:
      return "while drawing the held-out rows, before training";
    case Phase::training:
      return after;
    case Phase::evaluating:
      return "at the evaluation of step " + std::to_string(latest_step_);
    case Phase::finishing:
      return "while generating the final samples, " + after;
  }
  return after;
}

void RunSession::fail(const std::string& message) {
  if (failure_.empty()) failure_ = message;
  throw RunError(message);
}

void RunSession::non_finite(const std::string& problem) {
  if (phase_ != Phase::training) fail(problem);
  if (pending_.empty()) pending_ = problem;
}

void RunSession::raise_pending(const std::string& when) {
  if (!failure_.empty()) throw RunError(failure_);
  if (!pending_.empty()) fail(pending_ + " (detected " + when + ")");
}

Random& RunSession::random(std::string_view name) {
  auto found = streams_.find(name);
  if (found == streams_.end()) {
    found = streams_.emplace(std::string(name), make_stream(seed_, name)).first;
  }
  return found->second;
}

void RunSession::record(long long step, const std::string& key, double value) {
  pending_metrics_.push_back(MetricPoint{key, step, value});
  curves_[key].emplace_back(step, value);
  if (pending_metrics_.size() >= kMetricBatchSize) {
    db_.append_metrics(run_id_, pending_metrics_);
    pending_metrics_.clear();
  }
}

void RunSession::log(long long step, const std::vector<Metric>& metrics) {
  if (stop_requested()) throw Interrupted();
  if (!failure_.empty()) throw RunError(failure_);
  last_step_ = std::max(last_step_, step);
  // Every value of the step is recorded before a divergence fails the run: the others show how.
  const Metric* diverged = nullptr;
  for (const Metric& metric : metrics) {
    record(step, metric.key, metric.value);
    if (diverged == nullptr && !std::isfinite(metric.value)) diverged = &metric;
  }
  if (diverged != nullptr) {
    // A non-finite value a plugin returned earlier in the step is the likely cause.
    fail("diverged: " + diverged->key + " is " +
         (std::isnan(diverged->value) ? "NaN" : "infinite") + " at step " + std::to_string(step) +
         (pending_.empty() ? "" : "; cause: " + pending_));
  }
  raise_pending("when the trainer logged step " + std::to_string(step));
  stepped_ = true;
  latest_step_ = step;
}

// Shapes and values are checked by the decorators: rows x the data's columns, all finite.
Matrix RunSession::generated_rows(int rows, const std::string& stream) {
  return checked_model_->generate(checked_model_->sample_latent(rows, random(stream)));
}

void RunSession::prepare() {
  phase_ = Phase::preparing;
  heldout_ = checked_data_->sample(eval_.heldout_rows, random("heldout"));
  artifacts_.write_samples(layout::kHeldoutReal, heldout_);
  if (plugins_.image_shape && eval_.image_grid > 0) {
    // A stream of its own: the grid changes no other number of the run.
    grid_latent_ =
        checked_model_->sample_latent(eval_.image_grid * eval_.image_grid, random("image_grid"));
  }
}

void RunSession::train() {
  phase_ = Phase::training;
  try {
    plugins_.trainer->train(*this);
  } catch (const GantryError&) {
    // The harness's own: a boundary check, a divergence, an interrupt, the results store.
    throw;
  } catch (const std::exception& error) {
    raise_pending("when the trainer threw");
    fail(trainer_label_ + " threw " + demangled(typeid(error).name()) + " from train() " + where() +
         ": " + error.what());
  } catch (...) {
    raise_pending("when the trainer threw");
    fail(trainer_label_ + " threw an exception of type '" + current_exception_type() +
         "', which is not a std::exception, from train() " + where());
  }
  raise_pending("when training ended");
}

void RunSession::evaluate(long long step) {
  if (stop_requested()) throw Interrupted();
  raise_pending("at the evaluation of step " + std::to_string(step));
  last_step_ = std::max(last_step_, step);
  stepped_ = true;
  latest_step_ = step;
  phase_ = Phase::evaluating;
  Matrix fake = generated_rows(eval_.generated_rows, "eval");
  Matrix on_real = checked_model_->discriminate(heldout_);
  Matrix on_fake = checked_model_->discriminate(fake);
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
  for (const Score& score : checked_data_->score(fake, heldout_)) {
    record(step, "eval." + score.name, score.value);
  }
  int energy_rows = std::min<int>(
      {eval_.energy_rows, static_cast<int>(heldout_.rows()), static_cast<int>(fake.rows())});
  record(step, "eval.energy_distance",
         energy_distance(heldout_.topRows(energy_rows), fake.topRows(energy_rows)));
  if (eval_.keep_samples) artifacts_.write_samples(layout::evaluation(step), fake, step);
  if (grid_latent_.rows() > 0) {
    artifacts_.write_images(layout::evaluation(step), checked_model_->generate(grid_latent_),
                            *plugins_.image_shape, step, eval_.image_grid, eval_.image_png);
  }
  db_.append_metrics(run_id_, pending_metrics_);
  pending_metrics_.clear();
  phase_ = Phase::training;
}

void RunSession::finish() {
  raise_pending("when training ended");
  phase_ = Phase::finishing;
  artifacts_.write_samples(layout::kFinal, generated_rows(eval_.final_rows, "final"), last_step_);
}

void RunSession::flush() {
  db_.append_metrics(run_id_, pending_metrics_);
  pending_metrics_.clear();
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
