// Sharding a sweep's plan: K/N parsing, every run in exactly one share for any N, and the plan
// fingerprint that tells shards of one sweep from another's.
#include <cstdlib>
#include <map>

#include <catch2/catch.hpp>

#include "gantry/base/errors.hpp"
#include "gantry/sweep/sweep_shard.hpp"

using gantry::ConfigError;
using gantry::PlannedRun;
using gantry::ShardSpec;

namespace {

std::vector<PlannedRun> fake_plan(int runs) {
  std::vector<PlannedRun> plan;
  for (int i = 0; i < runs; ++i) {
    plan.push_back(PlannedRun{0, "demo", {}, i % 3, "identity-" + std::to_string(i)});
  }
  return plan;
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
  std::vector<PlannedRun> plan = fake_plan(runs);
  for (int count = 1; count <= runs + 3; ++count) {
    INFO("count " << count);
    std::map<std::string, int> seen;
    std::size_t smallest = plan.size(), largest = 0;
    for (int index = 1; index <= count; ++index) {
      std::vector<PlannedRun> share = gantry::select_shard(plan, ShardSpec{index, count});
      smallest = std::min(smallest, share.size());
      largest = std::max(largest, share.size());
      for (const PlannedRun& run : share) ++seen[run.identity];
    }
    CHECK(seen.size() == plan.size());
    for (const auto& [identity, times] : seen) CHECK(times == 1);
    // Balanced: shares differ by at most one run.
    CHECK(largest - smallest <= 1);
  }
}

TEST_CASE("a share keeps the plan's order and interleaves it", "[shard]") {
  std::vector<PlannedRun> share = gantry::select_shard(fake_plan(7), ShardSpec{2, 3});
  REQUIRE(share.size() == 2);
  CHECK(share[0].identity == "identity-1");
  CHECK(share[1].identity == "identity-4");
}

TEST_CASE("the plan fingerprint names the whole sweep", "[shard]") {
  std::vector<PlannedRun> plan = fake_plan(5);
  std::string fingerprint = gantry::plan_fingerprint("demo", plan);
  CHECK(fingerprint.size() == 36);
  CHECK(gantry::plan_fingerprint("demo", fake_plan(5)) == fingerprint);
  CHECK(gantry::plan_fingerprint("other", plan) != fingerprint);
  CHECK(gantry::plan_fingerprint("demo", fake_plan(6)) != fingerprint);
  std::swap(plan[0], plan[1]);
  CHECK(gantry::plan_fingerprint("demo", plan) != fingerprint);
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
