#include "gantry/run_session.hpp"

#include <cxxabi.h>

#include <cmath>
#include <cstdlib>
#include <exception>
#include <memory>
#include <typeinfo>

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

std::string shape(Eigen::Index rows, Eigen::Index cols) {
  return std::to_string(rows) + " x " + std::to_string(cols);
}

// "a 64 x 3", "an 8 x 3", "an 11 x 3": the shape with its article.
std::string a_shape(Eigen::Index rows, Eigen::Index cols) {
  std::string digits = std::to_string(rows);
  bool vowel =
      digits[0] == '8' || ((digits.size() == 2 || digits.size() == 5) &&
                           (digits.compare(0, 2, "11") == 0 || digits.compare(0, 2, "18") == 0));
  return (vowel ? "an " : "a ") + shape(rows, cols);
}

std::string a_matrix(const Matrix& matrix) {
  return a_shape(matrix.rows(), matrix.cols()) + " matrix";
}

// "NaN in row 3, column 2 of the 64 x 2 matrix", or empty when every value is finite. x - x is 0
// for a finite x and NaN otherwise, and Eigen sums in packets, so the common path is a few
// vector instructions (Eigen's allFinite() is a scalar loop); the scan runs only on a failure.
std::string first_non_finite(const Matrix& matrix) {
  if (std::isfinite((matrix.array() - matrix.array()).sum())) return {};
  for (Eigen::Index row = 0; row < matrix.rows(); ++row) {
    for (Eigen::Index col = 0; col < matrix.cols(); ++col) {
      float value = matrix(row, col);
      if (std::isfinite(value)) continue;
      return std::string(std::isnan(value) ? "NaN" : "an infinite value") + " in row " +
             std::to_string(row + 1) + ", column " + std::to_string(col + 1) + " of the " +
             shape(matrix.rows(), matrix.cols()) + " matrix";
    }
  }
  return {};
}

std::string demangled(const char* name) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> readable(
      abi::__cxa_demangle(name, nullptr, nullptr, &status), std::free);
  return status == 0 && readable ? readable.get() : name;
}

// What the exception being handled is, for a message: "std::logic_error", "an int".
std::string current_exception_type() {
  const std::type_info* type = abi::__cxa_current_exception_type();
  return type ? demangled(type->name()) : "unknown type";
}

}  // namespace

// The data plugin as the trainer and the evaluation see it.
class RunSession::CheckedData final : public DataSource {
 public:
  CheckedData(RunSession& session, DataSource& plugin) : session_(session), plugin_(plugin) {}

  // As reported when the plugin was created: every check of the run uses this one value.
  int dimensions() const override { return session_.plugins_.data_dimensions; }
  std::optional<ImageShape> image_shape() const override { return session_.plugins_.image_shape; }

  Matrix sample(int rows, Random& random) const override {
    Matrix real = session_.guarded(session_.data_label_, "sample()",
                                   [&] { return plugin_.sample(rows, random); });
    if (real.rows() != rows || real.cols() != dimensions()) {
      session_.fail(session_.data_label_ + " returned " + a_matrix(real) + " from sample(" +
                    std::to_string(rows) + "); expected " + shape(rows, dimensions()) +
                    " (its dimensions() is " + std::to_string(dimensions()) + ") " +
                    session_.where());
    }
    std::string bad = first_non_finite(real);
    if (!bad.empty()) {
      session_.non_finite(session_.data_label_ + " returned " + bad + " from sample() " +
                          session_.where());
    }
    return real;
  }

  std::vector<Score> score(const Matrix& generated, const Matrix& real) const override {
    return session_.guarded(session_.data_label_, "score()",
                            [&] { return plugin_.score(generated, real); });
  }

 private:
  RunSession& session_;
  DataSource& plugin_;
};

// The model plugin as the trainer and the evaluation see it. A wrong shape a trainer passes in
// is the trainer's mistake and is named so; it is refused before the model can read past a
// matrix.
class RunSession::CheckedModel final : public GanModel {
 public:
  CheckedModel(RunSession& session, GanModel& plugin) : session_(session), plugin_(plugin) {}

  int latent_dimensions() const override { return session_.plugins_.latent_dimensions; }

  Matrix sample_latent(int rows, Random& random) const override {
    Matrix latent = session_.guarded(session_.model_label_, "sample_latent()",
                                     [&] { return plugin_.sample_latent(rows, random); });
    if (latent.rows() != rows || latent.cols() != latent_dimensions()) {
      session_.fail(session_.model_label_ + " returned " + a_matrix(latent) +
                    " from sample_latent(" + std::to_string(rows) + "); expected " +
                    shape(rows, latent_dimensions()) + " (its latent_dimensions() is " +
                    std::to_string(latent_dimensions()) + ") " + session_.where());
    }
    check_finite(latent, "sample_latent()");
    return latent;
  }

  Matrix generate(const Matrix& latent) override {
    check_input(latent, latent_dimensions(), "latent", "generate()");
    Matrix generated = session_.guarded(session_.model_label_, "generate()",
                                        [&] { return plugin_.generate(latent); });
    int columns = session_.plugins_.data_dimensions;
    if (generated.rows() != latent.rows() || generated.cols() != columns) {
      session_.fail(session_.model_label_ + " returned " + a_matrix(generated) +
                    " from generate(); expected " + shape(latent.rows(), columns) + " (" +
                    std::to_string(latent.rows()) + " latent rows; data '" +
                    session_.plugins_.data_name + "' has " + std::to_string(columns) +
                    " columns) " + session_.where());
    }
    check_finite(generated, "generate()");
    return generated;
  }

  Matrix discriminate(const Matrix& samples) override {
    check_input(samples, session_.plugins_.data_dimensions, "sample", "discriminate()");
    Matrix probabilities = session_.guarded(session_.model_label_, "discriminate()",
                                            [&] { return plugin_.discriminate(samples); });
    if (probabilities.rows() != samples.rows() || probabilities.cols() != 1) {
      session_.fail(session_.model_label_ + " returned " + a_matrix(probabilities) +
                    " from discriminate(); expected " + shape(samples.rows(), 1) +
                    " (one probability per row) " + session_.where());
    }
    check_finite(probabilities, "discriminate()");
    return probabilities;
  }

  DiscriminatorStep discriminator_step(const Matrix& real, const Matrix& fake) override {
    check_input(real, session_.plugins_.data_dimensions, "real", "discriminator_step()");
    check_input(fake, session_.plugins_.data_dimensions, "fake", "discriminator_step()");
    DiscriminatorStep step = session_.guarded(session_.model_label_, "discriminator_step()", [&] {
      return plugin_.discriminator_step(real, fake);
    });
    check_finite(step.loss_real, "loss_real", "discriminator_step()");
    check_finite(step.loss_fake, "loss_fake", "discriminator_step()");
    check_finite(step.accuracy_real, "accuracy_real", "discriminator_step()");
    check_finite(step.accuracy_fake, "accuracy_fake", "discriminator_step()");
    return step;
  }

  double generator_step(const Matrix& latent) override {
    check_input(latent, latent_dimensions(), "latent", "generator_step()");
    double loss = session_.guarded(session_.model_label_, "generator_step()",
                                   [&] { return plugin_.generator_step(latent); });
    check_finite(loss, "its loss", "generator_step()");
    return loss;
  }

 private:
  // A matrix handed to the model by the trainer. An empty part (no rows) may have any width.
  void check_input(const Matrix& input, int columns, const char* what, const char* call) const {
    if (input.cols() == columns || input.rows() == 0) return;
    session_.fail(session_.trainer_label_ + " passed " + a_shape(input.rows(), input.cols()) + " " +
                  what + " matrix to " + call + " of " + session_.model_label_ +
                  "; its rows must have " + std::to_string(columns) + " columns " +
                  session_.where());
  }

  void check_finite(const Matrix& output, const char* call) const {
    std::string bad = first_non_finite(output);
    if (!bad.empty()) {
      session_.non_finite(session_.model_label_ + " returned " + bad + " from " + call + " " +
                          session_.where());
    }
  }

  void check_finite(double value, const char* field, const char* call) const {
    if (std::isfinite(value)) return;
    session_.non_finite(session_.model_label_ + " returned " +
                        (std::isnan(value) ? "NaN" : "an infinite value") + " as " + field +
                        " from " + call + " " + session_.where());
  }

  RunSession& session_;
  GanModel& plugin_;
};

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

EvalSettings EvalSettings::from(const Options& eval) {
  return EvalSettings{static_cast<int>(eval.integer("heldout_rows")),
                      static_cast<int>(eval.integer("generated_rows")),
                      static_cast<int>(eval.integer("final_rows")),
                      static_cast<int>(eval.integer("energy_rows")), eval.boolean("keep_samples")};
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
  artifacts_.write_samples("real", heldout_);
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
  if (eval_.keep_samples) artifacts_.write_samples("step_" + std::to_string(step), fake, step);
  db_.append_metrics(run_id_, pending_metrics_);
  pending_metrics_.clear();
  phase_ = Phase::training;
}

void RunSession::finish() {
  raise_pending("when training ended");
  phase_ = Phase::finishing;
  artifacts_.write_samples("final", generated_rows(eval_.final_rows, "final"), last_step_);
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
