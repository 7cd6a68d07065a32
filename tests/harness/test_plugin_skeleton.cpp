#include <catch2/catch.hpp>

#include "gantry/base/errors.hpp"
#include "gantry/scaffold/plugin_skeleton.hpp"
#include "test_support.hpp"

using Catch::Matchers::Contains;
using gantry::plugin_skeleton;

TEST_CASE("gantry new plugin writes a skeleton named after the plugin", "[plugin_skeleton]") {
  for (const char* kind : {"data", "model", "trainer"}) {
    INFO(kind);
    auto files = plugin_skeleton(kind, "noisy-line2");
    REQUIRE(files.size() == 4);
    CHECK(files[0].path == "CMakeLists.txt");
    CHECK(files[1].path == "noisy-line2.hpp");
    CHECK(files[3].path == "test_noisy-line2.cpp");
    CHECK_THAT(files[0].content, Contains("gantry_add_plugin(NAME noisy-line2 KIND " +
                                          std::string(kind) + " SOURCES plugin.cpp)"));
    CHECK_THAT(files[1].content, Contains("class NoisyLine2 final"));
    CHECK_THAT(files[2].content,
               Contains("GANTRY_PLUGIN(" + std::string(kind) + ", NoisyLine2, \"noisy-line2\""));
    for (const auto& file : files) CHECK_THAT(file.content, !Contains("@"));
  }
}

TEST_CASE("gantry new plugin refuses bad kinds, bad names and existing files",
          "[plugin_skeleton]") {
  CHECK_THROWS_WITH(plugin_skeleton("widget", "x"), Contains("expected data, model or trainer"));
  for (const char* name : {"", "Upper", "9lives", "under_score", "trailing-"}) {
    INFO(name);
    CHECK_THROWS_AS(plugin_skeleton("data", name), gantry::ConfigError);
  }
  gantry::testing::ScratchDir dir;
  auto first = gantry::write_plugin_skeleton("data", "line", (dir / "line").string());
  CHECK(first.size() == 4);
  CHECK_THROWS_WITH(gantry::write_plugin_skeleton("model", "line", (dir / "line").string()),
                    Contains("already exists"));
}
