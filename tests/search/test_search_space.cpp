// The search space: parsing --space, the grid of every choice, and the scrambled Sobol sample.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "gantry/base/errors.hpp"
#include "gantry/search/search_space.hpp"

using gantry::ConfigError;
using gantry::Dimension;
using gantry::DimensionKind;
using gantry::parse_dimension;

TEST_CASE("a --space argument parses as choices or a range", "[search_space]") {
  SECTION("choices, as numbers, plugin names or layer lists") {
    Dimension k = parse_dimension("trainer.k=1,2,3");
    CHECK(k.key == "trainer.k");
    CHECK(k.kind == DimensionKind::choice);
    CHECK(k.choices == std::vector<std::string>{"1", "2", "3"});
    Dimension layers = parse_dimension("model.g_layers=15:relu, 2:sigmoid|30:relu, 2:sigmoid");
    CHECK(layers.choices == std::vector<std::string>{"15:relu, 2:sigmoid", "30:relu, 2:sigmoid"});
  }
  SECTION("ranges") {
    Dimension lr = parse_dimension("model.lr=log:1e-4..1e-2");
    CHECK(lr.kind == DimensionKind::log_uniform);
    CHECK_THAT(lr.low, Catch::Matchers::WithinRel(1e-4, 1e-15));
    CHECK_THAT(lr.high, Catch::Matchers::WithinRel(1e-2, 1e-15));
    CHECK(parse_dimension("model.beta=uniform:0.5..0.9").kind == DimensionKind::uniform);
    Dimension width = parse_dimension("model.width=int:4..16");
    CHECK(width.kind == DimensionKind::integer);
    CHECK(width.low == 4);
    CHECK(width.high == 16);
  }
  SECTION("malformed specs name the argument") {
    CHECK_THROWS_WITH(parse_dimension("k=1,2"), Catch::Contains("section.key=SPEC"));
    CHECK_THROWS_WITH(parse_dimension("trainer.k="), Catch::Contains("no values"));
    CHECK_THROWS_WITH(parse_dimension("trainer.k=1,,2"), Catch::Contains("empty value"));
    CHECK_THROWS_WITH(parse_dimension("trainer.k=1,2,1"), Catch::Contains("listed twice"));
    CHECK_THROWS_WITH(parse_dimension("model.lr=log:0..1"), Catch::Contains("positive"));
    CHECK_THROWS_WITH(parse_dimension("model.lr=uniform:2..1"), Catch::Contains("A < B"));
    CHECK_THROWS_WITH(parse_dimension("model.lr=uniform:a..1"), Catch::Contains("not a number"));
    CHECK_THROWS_WITH(parse_dimension("model.lr=log:1e-4"), Catch::Contains("A..B"));
    CHECK_THROWS_WITH(parse_dimension("model.w=int:1.5..3"), Catch::Contains("whole numbers"));
  }
  SECTION("an empty space and a key given twice are refused") {
    CHECK_THROWS_AS(gantry::check_space({}), ConfigError);
    CHECK_THROWS_WITH(
        gantry::check_space({parse_dimension("trainer.k=1,2"), parse_dimension("trainer.k=3")}),
        Catch::Contains("given twice"));
  }
}

TEST_CASE("the grid orders configurations as gantry sweep --grid does", "[search_space]") {
  auto grid = gantry::grid_configurations(
      {parse_dimension("trainer.k=1,2"), parse_dimension("model.width=int:3..5")}, 1000);
  REQUIRE(grid.size() == 6);
  CHECK(grid.front().label() == "trainer.k=1 model.width=3");
  CHECK(grid[1].label() == "trainer.k=1 model.width=4");
  CHECK(grid.back().label() == "trainer.k=2 model.width=5");
  CHECK_THROWS_WITH(gantry::grid_configurations({parse_dimension("model.lr=log:1e-4..1e-2")}, 10),
                    Catch::Contains("no grid"));
  CHECK_THROWS_WITH(gantry::grid_configurations({parse_dimension("model.w=int:1..100")}, 10),
                    Catch::Contains("more than 10"));
}

TEST_CASE("the Sobol sample is reproducible, distinct and inside the space", "[search_space]") {
  std::vector<Dimension> space{parse_dimension("model.lr=log:1e-4..1e-2"),
                               parse_dimension("model.width=int:4..16"),
                               parse_dimension("model.opt=adam,sgd")};
  auto first = gantry::sample_configurations(space, 16, 7);
  auto again = gantry::sample_configurations(space, 16, 7);
  auto other = gantry::sample_configurations(space, 16, 8);
  REQUIRE(first.size() == 16);
  std::set<std::string> labels;
  for (std::size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].label() == again[i].label());
    labels.insert(first[i].label());
    double lr = std::stod(first[i].settings[0].second);
    CHECK(lr >= 1e-4);
    CHECK(lr <= 1e-2);
    int width = std::stoi(first[i].settings[1].second);
    CHECK(width >= 4);
    CHECK(width <= 16);
  }
  CHECK(labels.size() == 16);
  CHECK(first.front().label() != other.front().label());

  SECTION("a low-discrepancy sample covers each half of a range evenly") {
    auto many = gantry::sample_configurations({parse_dimension("model.x=uniform:0..1")}, 64, 3);
    int below = 0;
    for (const auto& point : many) below += std::stod(point.settings[0].second) < 0.5;
    CHECK(below == 32);  // every 2^m points of a (scrambled) Sobol sequence stratify [0, 1)
  }
  SECTION("a small space gives fewer configurations than asked") {
    CHECK(gantry::sample_configurations({parse_dimension("trainer.k=1,2,3")}, 10, 1).size() == 3);
  }
}
