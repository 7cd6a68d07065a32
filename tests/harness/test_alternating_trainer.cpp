#include <catch2/catch.hpp>
#include <map>

#include "alternating_trainer.hpp"

namespace {

// Records what the trainer asks of the model, so the schedule can be checked exactly.
class RecordingModel final : public gantry::GanModel {
 public:
  int latent_dimensions() const override { return 3; }
  gantry::Matrix sample_latent(int rows, gantry::Random&) const override {
    return gantry::Matrix::Zero(rows, 3);
  }
  gantry::Matrix generate(const gantry::Matrix& latent) override {
    return gantry::Matrix::Constant(latent.rows(), 2, -1.0f);
  }
  gantry::Matrix discriminate(const gantry::Matrix& samples) override {
    return gantry::Matrix::Constant(samples.rows(), 1, 0.5f);
  }
  gantry::DiscriminatorStep discriminator_step(const gantry::Matrix& real,
                                               const gantry::Matrix& fake) override {
    d_steps.push_back({real.rows(), fake.rows()});
    return {0.25, 0.75, 1.0, 0.5};
  }
  double generator_step(const gantry::Matrix& latent) override {
    g_batches.push_back(latent.rows());
    return g_loss;
  }
  std::vector<std::pair<Eigen::Index, Eigen::Index>> d_steps;
  std::vector<Eigen::Index> g_batches;
  double g_loss = 0.5;
};

class CountingData final : public gantry::DataSource {
 public:
  int dimensions() const override { return 2; }
  std::optional<gantry::ImageShape> image_shape() const override { return std::nullopt; }
  gantry::Matrix sample(int rows, gantry::Random&) const override {
    ++calls;
    return gantry::Matrix::Ones(rows, 2);
  }
  std::vector<gantry::Score> score(const gantry::Matrix&, const gantry::Matrix&) const override {
    return {};
  }
  mutable int calls = 0;
};

class RecordingSession final : public gantry::TrainingSession {
 public:
  gantry::DataSource& data() override { return data_; }
  gantry::GanModel& model() override { return model_; }
  gantry::Random& random(std::string_view name) override { return streams[std::string(name)]; }
  void log(long long step, const std::vector<gantry::Metric>& metrics) override {
    for (const auto& metric : metrics) logged[metric.key].push_back({step, metric.value});
  }
  void evaluate(long long step) override { evaluations.push_back(step); }
  bool stop_requested() const override { return false; }
  void step_done(long long /*step*/) override {}

  CountingData data_;
  RecordingModel model_;
  std::map<std::string, gantry::Random> streams;
  std::map<std::string, std::vector<std::pair<long long, double>>> logged;
  std::vector<long long> evaluations;
};

gantry::Options trainer_options(std::map<std::string, std::string> overrides) {
  std::map<std::string, std::string> values = {{"epochs", "10"},         {"k", "1"},
                                               {"batch", "8"},           {"d_batch", "0"},
                                               {"d_update", "separate"}, {"real_set", "fresh"},
                                               {"real_set_rows", "0"},   {"pretrain_epochs", "0"},
                                               {"pretrain_rows", "5"},   {"pretrain_batch", "4"},
                                               {"eval_every", "4"},      {"log_every", "3"}};
  for (const auto& [key, value] : overrides) values[key] = value;
  return gantry::Options(values);
}

void train(RecordingSession& session, std::map<std::string, std::string> overrides) {
  gantry::Options options = trainer_options(std::move(overrides));
  gantry::plugins::AlternatingTrainer trainer(gantry::PluginArgs{options, 0, 1});
  trainer.train(session);
}

}  // namespace

TEST_CASE("the alternating schedule takes K separate D steps per G step", "[alternating]") {
  RecordingSession session;
  train(session, {{"k", "3"}});
  // Separate updates: real rows alone, then fake rows alone, K times per epoch.
  REQUIRE(session.model_.d_steps.size() == 10 * 3 * 2);
  CHECK(session.model_.d_steps[0] == std::make_pair(Eigen::Index{4}, Eigen::Index{0}));
  CHECK(session.model_.d_steps[1] == std::make_pair(Eigen::Index{0}, Eigen::Index{4}));
  CHECK(session.model_.g_batches == std::vector<Eigen::Index>(10, 8));
  CHECK(session.data_.calls == 30);
}

TEST_CASE("joint updates put real and fake rows in one D step", "[alternating]") {
  RecordingSession session;
  train(session, {{"d_update", "joint"}, {"d_batch", "6"}});
  REQUIRE(session.model_.d_steps.size() == 10);
  CHECK(session.model_.d_steps[0] == std::make_pair(Eigen::Index{6}, Eigen::Index{6}));
}

TEST_CASE("logging and evaluation follow their cadence and always include the last step",
          "[alternating]") {
  RecordingSession session;
  train(session, {});
  CHECK(session.evaluations == std::vector<long long>{4, 8, 10});
  const auto& g_loss = session.logged.at("g_loss");
  REQUIRE(g_loss.size() == 4);
  CHECK(g_loss[0].first == 3);
  CHECK(g_loss[3].first == 10);
  CHECK(session.logged.at("d_loss_real").front().second == 0.25);
  CHECK(session.logged.at("d_acc_fake").front().second == 0.5);
}

TEST_CASE("a fixed real set is drawn once and reused", "[alternating]") {
  RecordingSession session;
  train(session, {{"real_set", "fixed"}, {"real_set_rows", "4"}, {"k", "2"}});
  CHECK(session.data_.calls == 1);
}

TEST_CASE("pre-training runs D alone over shuffled minibatches first", "[alternating]") {
  RecordingSession session;
  train(session, {{"pretrain_epochs", "1"}, {"epochs", "1"}});
  // 5 real + 5 fake rows in minibatches of 4: 3 steps, then the epoch's 2 separate steps.
  REQUIRE(session.model_.d_steps.size() == 3 + 2);
  Eigen::Index pretrain_rows = 0;
  for (int i = 0; i < 3; ++i) {
    pretrain_rows += session.model_.d_steps[i].first + session.model_.d_steps[i].second;
  }
  CHECK(pretrain_rows == 10);
  CHECK(session.logged.count("pretrain.d_loss_real") == 1);
}

TEST_CASE("a non-finite loss is logged at the step it appears", "[alternating]") {
  RecordingSession session;
  session.model_.g_loss = std::numeric_limits<double>::quiet_NaN();
  train(session, {{"log_every", "100"}});
  REQUIRE_FALSE(session.logged.at("g_loss").empty());
  CHECK(session.logged.at("g_loss").front().first == 1);
}

namespace {

// Plays back a list of k values and records what the loop reports.
class ScriptedPolicy final : public gantry::plugins::KPolicy {
 public:
  explicit ScriptedPolicy(std::vector<int> ks) : ks_(std::move(ks)) {}
  int k() const override { return ks_.at(observed.size()); }
  void observe(const gantry::plugins::EpochMeasurement& epoch) override {
    observed.push_back(epoch);
  }
  void append_metrics(std::vector<gantry::Metric>& metrics) const override {
    metrics.push_back({"policy.k", static_cast<double>(observed.back().k)});
  }
  std::vector<gantry::plugins::EpochMeasurement> observed;

 private:
  std::vector<int> ks_;
};

}  // namespace

TEST_CASE("the epoch loop takes each epoch's k from its policy and reports every epoch to it",
          "[alternating]") {
  RecordingSession session;
  gantry::Options options = trainer_options({{"epochs", "4"}, {"log_every", "1"}});
  auto policy = std::make_unique<ScriptedPolicy>(std::vector<int>{2, 1, 3, 1});
  ScriptedPolicy& seen = *policy;
  gantry::plugins::AlternatingTrainer trainer(gantry::plugins::AlternatingSchedule::from(options),
                                              std::move(policy));
  trainer.train(session);
  // Separate updates: two model calls per D step, 2 + 1 + 3 + 1 D steps.
  CHECK(session.model_.d_steps.size() == 2 * 7);
  REQUIRE(seen.observed.size() == 4);
  CHECK(seen.observed[2].step == 3);
  CHECK(seen.observed[2].k == 3);
  CHECK(seen.observed[2].loss_real == 0.25);
  CHECK(seen.observed[2].accuracy_real == 1.0);
  CHECK(seen.observed[2].accuracy_fake == 0.5);
  CHECK(seen.observed[2].g_loss == 0.5);
  const auto& logged_k = session.logged.at("policy.k");
  REQUIRE(logged_k.size() == 4);
  CHECK(logged_k[2] == std::make_pair(3LL, 3.0));
}
