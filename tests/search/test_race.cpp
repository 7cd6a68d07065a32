// The race's decisions on numbers whose truth is known: a configuration that is truly worse is
// eliminated, configurations that are equal survive a round at about the rate alpha allows, and
// failed runs rank last.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>

#include "gantry/search/race.hpp"

using gantry::DecisionOutcome;
using gantry::RoundTest;

namespace {

// Uniform draws in [0, 1) from a fixed generator: the same numbers with every standard library.
class Uniform {
 public:
  explicit Uniform(std::uint64_t seed) : engine_(seed) {}
  double operator()() { return static_cast<double>(engine_() >> 11) * 0x1p-53; }

 private:
  std::mt19937_64 engine_;
};

// n seeds of k configurations: configuration j's value is noise + shift[j] (lower is better),
// each seed adding the same luck to every configuration, as training with one seed does.
std::vector<std::vector<double>> simulate(Uniform& uniform, std::size_t seeds,
                                          const std::vector<double>& shift) {
  std::vector<std::vector<double>> values(seeds, std::vector<double>(shift.size()));
  for (auto& block : values) {
    double luck = 3 * uniform();
    for (std::size_t j = 0; j < shift.size(); ++j) block[j] = luck + uniform() + shift[j];
  }
  return values;
}

int eliminated(const gantry::SearchRound& round) {
  int count = 0;
  for (const auto& decision : round.decisions)
    count += decision.outcome == DecisionOutcome::eliminated;
  return count;
}

}  // namespace

TEST_CASE("no test before the first-test seeds", "[race]") {
  Uniform uniform(1);
  auto round = gantry::decide_race_round({0, 1, 2}, simulate(uniform, 4, {0, 5, 5}), {0.05, 5});
  CHECK(round.test == RoundTest::none);
  CHECK(round.decisions.empty());
}

TEST_CASE("a truly worse configuration is eliminated", "[race]") {
  Uniform uniform(2);
  SECTION("among three, by Friedman and Conover against the best") {
    auto round = gantry::decide_race_round({4, 7, 9}, simulate(uniform, 8, {0, 0, 2}), {0.05, 5});
    CHECK(round.test == RoundTest::friedman);
    REQUIRE(round.p_value);
    CHECK(*round.p_value < 0.05);
    REQUIRE(eliminated(round) == 1);
    for (const auto& decision : round.decisions) {
      if (decision.outcome == DecisionOutcome::eliminated) {
        CHECK(decision.configuration == 9);
        CHECK(*decision.p_adjusted < 0.05);
      }
    }
  }
  SECTION("between the last two, by Wilcoxon signed-rank") {
    auto round = gantry::decide_race_round({3, 5}, simulate(uniform, 10, {1.5, 0}), {0.05, 5});
    CHECK(round.test == RoundTest::wilcoxon);
    REQUIRE(round.decisions.size() == 1);
    CHECK(round.decisions[0].configuration == 3);
    CHECK(round.decisions[0].against == 5);
    CHECK(round.decisions[0].outcome == DecisionOutcome::eliminated);
    // Every one of the 10 seeds favours configuration 5: the exact two-sided p is 2 / 2^10.
    CHECK_THAT(*round.p_value, Catch::Matchers::WithinRel(2.0 / 1024, 1e-12));
  }
}

TEST_CASE("failed runs rank last in their seed", "[race]") {
  const double failed = std::numeric_limits<double>::infinity();
  std::vector<std::vector<double>> values;
  for (int b = 0; b < 8; ++b) values.push_back({0.1 * b, 0.1 * b + 0.01, failed});
  auto round = gantry::decide_race_round({0, 1, 2}, values, {0.05, 5});
  REQUIRE(eliminated(round) >= 1);
  bool third_out = false;
  for (const auto& decision : round.decisions) {
    if (decision.configuration == 2) third_out = decision.outcome == DecisionOutcome::eliminated;
    if (decision.configuration == 2) CHECK_FALSE(decision.median);
  }
  CHECK(third_out);
}

TEST_CASE("equal configurations survive a round at about the rate alpha allows", "[race]") {
  // Under the null every within-seed ordering is equally likely, whatever the noise's law, so
  // uniform noise stands for any. Friedman gates the post-hoc tests and Holm adjusts them, so a
  // round eliminates some equal configuration at most about alpha of the time.
  Uniform uniform(3);
  int rounds_with_elimination = 0;
  const int trials = 2000;
  for (int trial = 0; trial < trials; ++trial) {
    auto round =
        gantry::decide_race_round({0, 1, 2, 3}, simulate(uniform, 10, {0, 0, 0, 0}), {0.05, 5});
    rounds_with_elimination += eliminated(round) > 0;
  }
  double rate = static_cast<double>(rounds_with_elimination) / trials;
  CHECK(rate > 0.01);
  CHECK(rate < 0.07);
}

TEST_CASE("successive halving keeps the best 1 / eta by median", "[race]") {
  std::vector<std::vector<double>> values{
      {3, 1, 2, 9, 5, 4}, {3, 1, 2, 9, 5, 4}, {3, 1, 2, 9, 5, 4}};
  auto round = gantry::decide_halving_rung({10, 11, 12, 13, 14, 15}, values, 3);
  CHECK(round.test == RoundTest::median);
  std::vector<int> kept;
  for (const auto& decision : round.decisions) {
    if (decision.outcome == DecisionOutcome::kept) kept.push_back(decision.configuration);
  }
  CHECK(kept == std::vector<int>{11, 12});
}
