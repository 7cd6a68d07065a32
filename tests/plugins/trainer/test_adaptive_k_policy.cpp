// The adaptive k policy alone: fed epoch measurements directly, no trainer or model.
#include <catch2/catch.hpp>

#include <vector>

#include "adaptive_k_policy.hpp"

using gantry::plugins::AdaptiveKPolicy;
using gantry::plugins::AdaptiveKSettings;
using gantry::plugins::EpochMeasurement;
using gantry::plugins::StrengthSignal;

namespace {

EpochMeasurement epoch(double accuracy_real, double accuracy_fake, int k = 1) {
  return {1, k, 0.5, 0.5, accuracy_real, accuracy_fake, 0.5};
}

// Feeds `epochs` epochs with the same accuracies and returns the k after each.
std::vector<int> feed(AdaptiveKPolicy& policy, int epochs, double accuracy_real,
                      double accuracy_fake) {
  std::vector<int> ks;
  for (int i = 0; i < epochs; ++i) {
    policy.observe(epoch(accuracy_real, accuracy_fake, policy.k()));
    ks.push_back(policy.k());
  }
  return ks;
}

}  // namespace

TEST_CASE("the balanced-accuracy policy steers k towards the target within its bounds",
          "[adaptive_k]") {
  // Target 0.75 +- 0.05, a decision after every epoch, k from 2 to 4, starting at 3.
  AdaptiveKSettings settings{StrengthSignal::balanced_accuracy, 0.75, 0.05, 1, 2, 4, 3};
  AdaptiveKPolicy policy(settings);
  REQUIRE(policy.k() == 3);

  SECTION("a weak D gets more steps, up to k_max") {
    CHECK(feed(policy, 3, 0.6, 0.5) == std::vector<int>{4, 4, 4});
  }
  SECTION("a strong D gets fewer steps, down to k_min") {
    CHECK(feed(policy, 3, 1.0, 0.9) == std::vector<int>{2, 2, 2});
  }
  SECTION("k holds inside the tolerance band, on either side of the target") {
    CHECK(feed(policy, 2, 0.78, 0.78) == std::vector<int>{3, 3});
    CHECK(feed(policy, 2, 0.72, 0.72) == std::vector<int>{3, 3});
    CHECK(feed(policy, 1, 0.85, 0.65) == std::vector<int>{3});  // mean 0.75
  }
  SECTION("just outside the band k moves") {
    CHECK(feed(policy, 1, 0.81, 0.81) == std::vector<int>{2});
    CHECK(feed(policy, 2, 0.69, 0.69) == std::vector<int>{3, 4});
  }
  SECTION("the accuracies on fake rows count as much as those on real rows") {
    // Real rows all right, fake rows all wrong: 0.5, weak.
    CHECK(feed(policy, 1, 1.0, 0.0) == std::vector<int>{4});
  }
}

TEST_CASE("the sign policy uses 2 acc_real - 1, ADA's E[sign(logit)] on real rows",
          "[adaptive_k]") {
  // Target 0.6 +- 0.05: acc_real 0.8 gives 0.6, inside; fake accuracies do not matter.
  AdaptiveKSettings settings{StrengthSignal::sign, 0.6, 0.05, 1, 1, 5, 3};
  AdaptiveKPolicy policy(settings);

  SECTION("inside the band, whatever D does on fake rows") {
    CHECK(feed(policy, 1, 0.8, 0.0) == std::vector<int>{3});
    CHECK(feed(policy, 1, 0.8, 1.0) == std::vector<int>{3});
  }
  SECTION("acc_real 0.9: r = 0.8, too strong, although balanced accuracy would be 0.45") {
    CHECK(feed(policy, 1, 0.9, 0.0) == std::vector<int>{2});
  }
  SECTION("acc_real 0.7: r = 0.4, too weak") {
    CHECK(feed(policy, 1, 0.7, 1.0) == std::vector<int>{4});
  }
  SECTION("the logged strength is r") {
    policy.observe(epoch(0.9, 0.0, 3));
    std::vector<gantry::Metric> metrics;
    policy.append_metrics(metrics);
    REQUIRE(metrics.size() == 2);
    CHECK(metrics[0].key == "k");
    CHECK(metrics[0].value == 3);
    CHECK(metrics[1].key == "d_strength");
    CHECK(metrics[1].value == Approx(0.8));
  }
}

TEST_CASE("the policy decides on the mean over adjust_every epochs, then starts a new window",
          "[adaptive_k]") {
  AdaptiveKSettings settings{StrengthSignal::balanced_accuracy, 0.75, 0.05, 4, 1, 8, 4};
  AdaptiveKPolicy policy(settings);

  SECTION("no decision before the window is full") {
    CHECK(feed(policy, 3, 0.0, 0.0) == std::vector<int>{4, 4, 4});
    CHECK(feed(policy, 1, 0.0, 0.0) == std::vector<int>{5});
  }
  SECTION("strong and weak epochs that average to the target hold k") {
    // 1.0, 1.0, 0.5, 0.5: mean 0.75, although the last epoch alone is weak.
    feed(policy, 2, 1.0, 1.0);
    CHECK(feed(policy, 2, 0.5, 0.5) == std::vector<int>{4, 4});
  }
  SECTION("one outlier moves the mean only by its share") {
    // 0.0, then three of 0.9: mean 0.675, weak.
    feed(policy, 1, 0.0, 0.0);
    CHECK(feed(policy, 3, 0.9, 0.9) == std::vector<int>{4, 4, 5});
  }
  SECTION("each decision averages only the epochs since the previous one") {
    feed(policy, 4, 0.0, 0.0);  // weak: k 5
    REQUIRE(policy.k() == 5);
    // Four epochs at 0.76 hold k: the earlier weak epochs (a mean of 0.38) are not averaged in.
    CHECK(feed(policy, 4, 0.76, 0.76) == std::vector<int>{5, 5, 5, 5});
  }
  SECTION("the logged k is the k the epoch used, not the next one") {
    feed(policy, 3, 0.0, 0.0);
    policy.observe(epoch(0.0, 0.0, 4));
    REQUIRE(policy.k() == 5);
    std::vector<gantry::Metric> metrics;
    policy.append_metrics(metrics);
    CHECK(metrics.at(0).value == 4);
    CHECK(metrics.at(1).value == 0.0);
  }
}

TEST_CASE("the policy refuses k bounds that cannot hold", "[adaptive_k]") {
  AdaptiveKSettings settings{StrengthSignal::balanced_accuracy, 0.75, 0.05, 10, 1, 8, 3};
  REQUIRE_NOTHROW(AdaptiveKPolicy(settings));
  SECTION("k_min below 1") {
    settings.k_min = 0;
    CHECK_THROWS_WITH(AdaptiveKPolicy(settings),
                      Catch::Contains("'k_min' = 0") && Catch::Contains("at least 1"));
  }
  SECTION("k_max below k_min") {
    settings.k_min = 4;
    settings.k_max = 2;
    settings.initial_k = 3;
    CHECK_THROWS_AS(AdaptiveKPolicy(settings), gantry::OptionError);
  }
  SECTION("a zero window") {
    settings.adjust_every = 0;
    CHECK_THROWS_WITH(AdaptiveKPolicy(settings), Catch::Contains("'adjust_every' = 0"));
  }
  SECTION("a negative tolerance") {
    settings.tolerance = -0.1;
    CHECK_THROWS_WITH(AdaptiveKPolicy(settings), Catch::Contains("'tolerance' = -0.1"));
  }
}
