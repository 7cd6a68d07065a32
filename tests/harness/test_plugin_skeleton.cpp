#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

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

TEST_CASE("gantry new plugin embeds every skeleton template file of the source tree byte for byte",
          "[plugin_skeleton]") {
  namespace fs = std::filesystem;
  const fs::path templates =
      gantry::testing::source_dir() / "harness" / "src" / "gantry" / "scaffold" / "templates";
  std::set<std::string> folders;
  for (const auto& entry : fs::directory_iterator(templates)) {
    folders.insert(entry.path().filename().string());
  }
  CHECK(folders == std::set<std::string>{"common", "data", "model", "trainer"});

  for (const std::string kind : {"data", "model", "trainer"}) {
    INFO(kind);
    std::map<std::string, std::string> on_disk;  // the path written -> the template's bytes
    for (const std::string folder : {"common", kind.c_str()}) {
      for (const auto& entry : fs::recursive_directory_iterator(templates / folder)) {
        if (!entry.is_regular_file()) continue;
        std::string path = fs::relative(entry.path(), templates / folder).generic_string();
        INFO(folder + "/" + path);
        REQUIRE(path.size() > 3);
        REQUIRE(path.substr(path.size() - 3) == ".in");
        std::ostringstream content;
        content << std::ifstream(entry.path(), std::ios::binary).rdbuf();
        CHECK(on_disk.emplace(path.substr(0, path.size() - 3), content.str()).second);
      }
    }
    std::vector<std::string> embedded_paths, disk_paths;
    for (const auto& entry : on_disk) disk_paths.push_back(entry.first);
    for (const auto& file : gantry::skeleton_templates(kind)) embedded_paths.push_back(file.path);
    std::sort(embedded_paths.begin(), embedded_paths.end());
    INFO("a template is embedded when harness/src/gantry/scaffold/CMakeLists.txt lists it");
    REQUIRE(embedded_paths == disk_paths);
    for (const auto& file : gantry::skeleton_templates(kind)) {
      INFO(file.path);
      CHECK(file.content == on_disk.at(file.path));
    }
  }
}
