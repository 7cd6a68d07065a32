// A fake model and session for trainer tests: the model's discriminator reports accuracies from
// a script of the epoch (generator steps so far + 1), and the session records logged metrics and
// how many discriminator steps came before each generator step.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gantry/training_session.hpp"

namespace gantry::testing {

// (accuracy_real, accuracy_fake) that D reports in an epoch, from 1.
using AccuracyScript = std::function<std::pair<double, double>(long long epoch)>;

class ScriptedModel final : public GanModel {
 public:
  int latent_dimensions() const override { return 3; }
  Matrix sample_latent(int rows, Random&) const override { return Matrix::Zero(rows, 3); }
  Matrix generate(const Matrix& latent) override { return Matrix::Constant(latent.rows(), 2, 0); }
  Matrix discriminate(const Matrix& samples) override {
    return Matrix::Constant(samples.rows(), 1, 0.5f);
  }
  DiscriminatorStep discriminator_step(const Matrix&, const Matrix&) override {
    ++d_steps_this_epoch;
    auto [real, fake] = script(static_cast<long long>(d_steps_per_g_step.size()) + 1);
    return {0.25, 0.75, real, fake};
  }
  double generator_step(const Matrix&) override {
    d_steps_per_g_step.push_back(d_steps_this_epoch);
    d_steps_this_epoch = 0;
    return g_loss;
  }

  AccuracyScript script = [](long long) { return std::make_pair(0.5, 0.5); };
  double g_loss = 0.5;
  int d_steps_this_epoch = 0;
  std::vector<int> d_steps_per_g_step;  // model calls, so 2k per epoch for separate updates
};

class OnesData final : public DataSource {
 public:
  int dimensions() const override { return 2; }
  std::optional<gantry::ImageShape> image_shape() const override { return std::nullopt; }
  Matrix sample(int rows, Random&) const override { return Matrix::Ones(rows, 2); }
  std::vector<Score> score(const Matrix&, const Matrix&) const override { return {}; }
};

class ScriptedSession final : public TrainingSession {
 public:
  DataSource& data() override { return data_; }
  GanModel& model() override { return model_; }
  Random& random(std::string_view name) override { return streams_[std::string(name)]; }
  void log(long long step, const std::vector<Metric>& metrics) override {
    for (const auto& metric : metrics) logged[metric.key].push_back({step, metric.value});
  }
  void evaluate(long long step) override { evaluations.push_back(step); }
  bool stop_requested() const override { return false; }
  void step_done(long long /*step*/) override {}

  // The values logged under `key`, without their steps.
  std::vector<double> values(const std::string& key) const {
    std::vector<double> result;
    for (const auto& [step, value] : logged.at(key)) result.push_back(value);
    return result;
  }
  std::vector<long long> steps(const std::string& key) const {
    std::vector<long long> result;
    for (const auto& [step, value] : logged.at(key)) result.push_back(step);
    return result;
  }

  OnesData data_;
  ScriptedModel model_;
  std::map<std::string, std::vector<std::pair<long long, double>>> logged;
  std::vector<long long> evaluations;

 private:
  std::map<std::string, Random> streams_;
};

}  // namespace gantry::testing
