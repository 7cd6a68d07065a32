// The adaptive-k trainer end to end on a scripted model whose discriminator accuracy the test
// controls: k follows D's strength, the model sees as many D steps as the logged k, the
// alternating trainer's metrics and cadence are kept, and bad k bounds are refused.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <string>

#include "adaptive_k_trainer.hpp"
#include "scripted_session.hpp"

using gantry::testing::ScriptedSession;

namespace {

gantry::Options trainer_options(const std::map<std::string, std::string>& overrides) {
  // The plugin's defaults, with a short run logged every epoch and a decision every 2 epochs.
  std::map<std::string, std::string> values = {{"epochs", "12"},
                                               {"k", "1"},
                                               {"batch", "8"},
                                               {"d_batch", "0"},
                                               {"d_update", "separate"},
                                               {"real_set", "fresh"},
                                               {"real_set_rows", "0"},
                                               {"pretrain_epochs", "0"},
                                               {"pretrain_rows", "5"},
                                               {"pretrain_batch", "4"},
                                               {"eval_every", "4"},
                                               {"log_every", "1"},
                                               {"k_min", "1"},
                                               {"k_max", "4"},
                                               {"signal", "balanced_accuracy"},
                                               {"target_accuracy", "0.75"},
                                               {"target_sign", "0.6"},
                                               {"tolerance", "0.05"},
                                               {"adjust_every", "2"}};
  for (const auto& [key, value] : overrides) values[key] = value;
  return gantry::Options(values);
}

void train(ScriptedSession& session, const std::map<std::string, std::string>& overrides) {
  gantry::Options options = trainer_options(overrides);
  gantry::plugins::AdaptiveKTrainer trainer(gantry::PluginArgs{options, 0, 1});
  trainer.train(session);
}

// The k the model saw in each epoch: separate updates make two model calls per D step.
std::vector<double> model_ks(const ScriptedSession& session, int calls_per_step = 2) {
  std::vector<double> ks;
  for (int calls : session.model_.d_steps_per_g_step) ks.push_back(calls / calls_per_step);
  return ks;
}

}  // namespace

TEST_CASE("adaptive-k raises k while D is weak and lowers it while D is strong", "[adaptive_k]") {
  ScriptedSession session;

  SECTION("a weak D: k rises every adjust_every epochs up to k_max") {
    session.model_.script = [](long long) { return std::make_pair(0.5, 0.5); };
    train(session, {});
    std::vector<double> expected = {1, 1, 2, 2, 3, 3, 4, 4, 4, 4, 4, 4};
    CHECK(session.values("k") == expected);
    CHECK(model_ks(session) == expected);
  }
  SECTION("a strong D: k falls every adjust_every epochs down to k_min") {
    session.model_.script = [](long long) { return std::make_pair(1.0, 0.95); };
    train(session, {{"k", "4"}, {"k_min", "2"}});
    std::vector<double> expected = {4, 4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2};
    CHECK(session.values("k") == expected);
    CHECK(model_ks(session) == expected);
  }
  SECTION("D on target: k holds") {
    session.model_.script = [](long long) { return std::make_pair(0.8, 0.7); };
    train(session, {{"k", "3"}});
    CHECK(session.values("k") == std::vector<double>(12, 3));
    CHECK(model_ks(session) == std::vector<double>(12, 3));
  }
  SECTION("D weak, then strong: k rises, then falls") {
    session.model_.script = [](long long epoch) {
      return epoch <= 6 ? std::make_pair(0.6, 0.6) : std::make_pair(1.0, 1.0);
    };
    train(session, {});
    std::vector<double> ks = session.values("k");
    CHECK(ks == std::vector<double>{1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 2, 2});
    CHECK(model_ks(session) == ks);
  }
  SECTION("the sign signal follows D's accuracy on real rows only") {
    // acc_real 0.95: r = 0.9 > 0.65, too strong, though the balanced accuracy 0.475 is weak.
    session.model_.script = [](long long) { return std::make_pair(0.95, 0.0); };
    train(session, {{"signal", "sign"}, {"k", "4"}, {"epochs", "6"}});
    CHECK(session.values("k") == std::vector<double>{4, 4, 3, 3, 2, 2});
    for (double strength : session.values("d_strength")) CHECK(strength == Approx(0.9));
  }
  SECTION("joint updates: one model call per D step") {
    session.model_.script = [](long long) { return std::make_pair(0.5, 0.5); };
    train(session, {{"d_update", "joint"}, {"epochs", "6"}});
    CHECK(session.values("k") == std::vector<double>{1, 1, 2, 2, 3, 3});
    CHECK(model_ks(session, 1) == session.values("k"));
  }
}

TEST_CASE(
    "adaptive-k logs the alternating metrics at the log cadence, k and d_strength every epoch",
    "[adaptive_k]") {
  ScriptedSession session;
  session.model_.script = [](long long epoch) {
    return epoch <= 2 ? std::make_pair(0.5, 0.3) : std::make_pair(1.0, 1.0);
  };

  SECTION("the training metrics at the cadence, the schedule every epoch") {
    train(session, {{"log_every", "3"}, {"epochs", "10"}});
    for (const char* key : {"d_loss_real", "d_loss_fake", "d_acc_real", "d_acc_fake", "g_loss"}) {
      CAPTURE(key);
      CHECK(session.steps(key) == std::vector<long long>{3, 6, 9, 10});
    }
    for (const char* key : {"k", "d_strength"}) {
      CAPTURE(key);
      CHECK(session.steps(key) == std::vector<long long>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    }
    CHECK(session.evaluations == std::vector<long long>{4, 8, 10});
    // Epoch 3 used the k raised after the weak epochs 1 and 2, and D was at 1.0 in it.
    CHECK(session.values("k")[2] == 2);
    CHECK(session.values("d_strength")[2] == 1.0);
  }
  SECTION("d_strength is the epoch's balanced accuracy") {
    train(session, {{"epochs", "2"}});
    CHECK(session.values("d_strength") == std::vector<double>{0.4, 0.4});
    CHECK(session.values("d_acc_real") == std::vector<double>{0.5, 0.5});
  }
  SECTION("a divergence is still logged at its step, with k") {
    session.model_.g_loss = std::numeric_limits<double>::quiet_NaN();
    train(session, {{"log_every", "100"}});
    CHECK(session.steps("g_loss").front() == 1);
    CHECK(session.steps("k").front() == 1);
  }
}

TEST_CASE("adaptive-k refuses k, k_min and k_max that cannot hold", "[adaptive_k]") {
  ScriptedSession session;
  std::map<std::string, std::string> overrides;
  std::string expected;

  SECTION("k_min below 1") {
    overrides = {{"k_min", "0"}};
    expected = "option 'k_min' = 0 must be at least 1";
  }
  SECTION("k_max below k_min") {
    overrides = {{"k_min", "5"}, {"k_max", "3"}, {"k", "4"}};
    expected = "option 'k_max' = 3 must be at least option 'k_min' = 5";
  }
  SECTION("k below k_min") {
    overrides = {{"k_min", "2"}, {"k", "1"}};
    expected =
        "option 'k' = 1 (the initial k) must be between option 'k_min' = 2 and option "
        "'k_max' = 4";
  }
  SECTION("k above k_max") {
    overrides = {{"k", "5"}};
    expected =
        "option 'k' = 5 (the initial k) must be between option 'k_min' = 1 and option "
        "'k_max' = 4";
  }
  SECTION("an unknown signal") {
    overrides = {{"signal", "loss"}};
    expected = "option 'signal' = 'loss' must be one of balanced_accuracy|sign";
  }
  gantry::Options options = trainer_options(overrides);
  CHECK_THROWS_AS(gantry::plugins::AdaptiveKTrainer(gantry::PluginArgs{options, 0, 1}),
                  gantry::OptionError);
  CHECK_THROWS_WITH(gantry::plugins::AdaptiveKTrainer(gantry::PluginArgs{options, 0, 1}), expected);
}
