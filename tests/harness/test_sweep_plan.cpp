#include <catch2/catch.hpp>
#include <limits>

#include "gantry/base/errors.hpp"
#include "gantry/sweep/sweep_plan.hpp"

using gantry::ConfigError;

TEST_CASE("seed lists parse ranges and lists in order", "[sweep_plan]") {
  CHECK(gantry::parse_seeds("1-4") == std::vector<std::int64_t>{1, 2, 3, 4});
  CHECK(gantry::parse_seeds("7") == std::vector<std::int64_t>{7});
  CHECK(gantry::parse_seeds("1,5,3") == std::vector<std::int64_t>{1, 5, 3});
  CHECK(gantry::parse_seeds("0-1,10-11") == std::vector<std::int64_t>{0, 1, 10, 11});
  // The largest seed ends a range (the loop once overflowed past it and never ended).
  const std::int64_t largest = std::numeric_limits<std::int64_t>::max();
  CHECK(gantry::parse_seeds("9223372036854775807") == std::vector<std::int64_t>{largest});
  CHECK(gantry::parse_seeds("9223372036854775806-9223372036854775807") ==
        std::vector<std::int64_t>{largest - 1, largest});
}

TEST_CASE("bad seed lists are refused with the offending part", "[sweep_plan]") {
  CHECK_THROWS_AS(gantry::parse_seeds("4-1"), ConfigError);
  CHECK_THROWS_AS(gantry::parse_seeds("1,1"), ConfigError);
  CHECK_THROWS_AS(gantry::parse_seeds("a-b"), ConfigError);
  CHECK_THROWS_AS(gantry::parse_seeds(""), ConfigError);
  CHECK_THROWS_AS(gantry::parse_seeds("-3"), ConfigError);
  CHECK_THROWS_WITH(gantry::parse_seeds("1,x"), Catch::Contains("'x'"));
}

TEST_CASE("grid axes parse key and values", "[sweep_plan]") {
  gantry::GridAxis axis = gantry::parse_grid_axis("trainer.k=1,2,3,5");
  CHECK(axis.key == "trainer.k");
  CHECK(axis.values == std::vector<std::string>{"1", "2", "3", "5"});
  CHECK_THROWS_AS(gantry::parse_grid_axis("k=1,2"), ConfigError);
  CHECK_THROWS_AS(gantry::parse_grid_axis("trainer.k"), ConfigError);
  CHECK_THROWS_AS(gantry::parse_grid_axis("trainer.k=1,,2"), ConfigError);
  CHECK_THROWS_AS(gantry::parse_grid_axis("trainer.k=1,1"), ConfigError);
}

TEST_CASE("runs in parallel share the cores; a single run gets them all", "[sweep_plan]") {
  CHECK(gantry::default_threads_per_run(2, 2, 32) == 1);
  CHECK(gantry::default_threads_per_run(8, 2, 32) == 4);
  CHECK(gantry::default_threads_per_run(8, 4, 2) == 4);  // only 2 runs can go in parallel
  CHECK(gantry::default_threads_per_run(8, 1, 32) == 8);
  CHECK(gantry::default_threads_per_run(2, 16, 32) == 1);  // never below 1
  CHECK(gantry::default_threads_per_run(6, 4, 1) == 6);
}
