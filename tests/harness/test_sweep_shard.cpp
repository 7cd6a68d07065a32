// Sharding a sweep's plan: K/N parsing, every run in exactly one share for any N, and the plan
// fingerprint that tells shards of one sweep from another's.
#include <cstdlib>
#include <map>

#include <catch2/catch.hpp>

#include "gantry/base/errors.hpp"
#include "gantry/sweep/sweep_shard.hpp"

using gantry::ConfigError;
using gantry::ShardSpec;
using gantry::SweepPlan;

namespace {

// One grid point (an empty experiment) with the given seeds: each run's identity is its seed's.
SweepPlan plan_of_seeds(std::vector<std::int64_t> seeds) {
  gantry::ResolvedExperiment nothing;
  std::vector<gantry::GridPoint> points{{nothing, gantry::RunIdentity(nothing)}};
  return SweepPlan(std::move(points), std::move(seeds));
}

SweepPlan fake_plan(int runs) {
  std::vector<std::int64_t> seeds;
  for (int i = 0; i < runs; ++i) seeds.push_back(i);
  return plan_of_seeds(seeds);
}

std::string identity_of_seed(std::int64_t seed) {
  return gantry::ResolvedExperiment().identity(seed);
}

}  // namespace

TEST_CASE("shard K/N parses shares counted from 1", "[shard]") {
  ShardSpec shard = gantry::parse_shard("3/8");
  CHECK(shard.index == 3);
  CHECK(shard.count == 8);
  CHECK(shard.name() == "shard-3-of-8");
  CHECK(gantry::parse_shard("1/1").count == 1);
  for (const char* bad : {"0/8", "9/8", "3", "3/", "/8", "a/b", "3/0", "", "-1/4", "2/4x"}) {
    INFO(bad);
    CHECK_THROWS_AS(gantry::parse_shard(bad), ConfigError);
  }
  CHECK_THROWS_WITH(gantry::parse_shard("9/8"), Catch::Contains("--shard '9/8'"));
}

TEST_CASE("the shares cover every run exactly once, for 1 to more shares than runs", "[shard]") {
  const int runs = 7;
  SweepPlan plan = fake_plan(runs);
  for (int count = 1; count <= runs + 3; ++count) {
    INFO("count " << count);
    std::map<std::string, int> seen;
    std::size_t smallest = plan.size(), largest = 0;
    for (int index = 1; index <= count; ++index) {
      SweepPlan share = gantry::select_shard(plan, ShardSpec{index, count});
      smallest = std::min(smallest, share.size());
      largest = std::max(largest, share.size());
      for (std::size_t run = 0; run < share.size(); ++run) ++seen[share.identity(run)];
    }
    CHECK(seen.size() == plan.size());
    for (const auto& [identity, times] : seen) CHECK(times == 1);
    // Balanced: shares differ by at most one run.
    CHECK(largest - smallest <= 1);
  }
}

TEST_CASE("a share keeps the plan's order and interleaves it", "[shard]") {
  SweepPlan share = gantry::select_shard(fake_plan(7), ShardSpec{2, 3});
  REQUIRE(share.size() == 2);
  CHECK(share.seed(0) == 1);
  CHECK(share.seed(1) == 4);
  CHECK(share.identity(1) == identity_of_seed(4));
  CHECK(share.run(1, 7, "demo").identity == identity_of_seed(4));

  SECTION("a share of a share is every product of the strides") {
    SweepPlan inner =
        gantry::select_shard(gantry::select_shard(fake_plan(20), ShardSpec{2, 3}), ShardSpec{2, 2});
    REQUIRE(inner.size() == 3);  // 1, 4, 7, 10, 13, 16, 19 -> 4, 10, 16
    CHECK(inner.seed(0) == 4);
    CHECK(inner.seed(2) == 16);
  }
  SECTION("more shares than runs leaves some empty") {
    CHECK(gantry::select_shard(fake_plan(3), ShardSpec{5, 8}).empty());
  }
}

TEST_CASE("the plan fingerprint names the whole sweep", "[shard]") {
  SweepPlan plan = fake_plan(5);
  std::string fingerprint = gantry::plan_fingerprint("demo", plan);
  CHECK(fingerprint.size() == 36);
  CHECK(gantry::plan_fingerprint("demo", fake_plan(5)) == fingerprint);
  CHECK(gantry::plan_fingerprint("other", plan) != fingerprint);
  CHECK(gantry::plan_fingerprint("demo", fake_plan(6)) != fingerprint);
  CHECK(gantry::plan_fingerprint("demo", plan_of_seeds({1, 0, 2, 3, 4})) != fingerprint);
}

TEST_CASE("shard slurm reads the array task's id and count", "[shard]") {
  setenv("SLURM_ARRAY_TASK_ID", "0", 1);
  setenv("SLURM_ARRAY_TASK_MIN", "0", 1);
  setenv("SLURM_ARRAY_TASK_COUNT", "4", 1);
  ShardSpec shard = gantry::shard_from_slurm_environment();
  CHECK(shard.index == 1);
  CHECK(shard.count == 4);
  setenv("SLURM_ARRAY_TASK_ID", "4", 1);
  setenv("SLURM_ARRAY_TASK_MIN", "1", 1);
  CHECK(gantry::shard_from_slurm_environment().index == 4);
  setenv("SLURM_ARRAY_TASK_ID", "four", 1);
  CHECK_THROWS_WITH(gantry::shard_from_slurm_environment(),
                    Catch::Contains("SLURM_ARRAY_TASK_ID='four' is not a task number"));
  unsetenv("SLURM_ARRAY_TASK_ID");
  CHECK_THROWS_WITH(gantry::shard_from_slurm_environment(),
                    Catch::Contains("SLURM_ARRAY_TASK_ID is not set"));
  unsetenv("SLURM_ARRAY_TASK_MIN");
  unsetenv("SLURM_ARRAY_TASK_COUNT");
}
