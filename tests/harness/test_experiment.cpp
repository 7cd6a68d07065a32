#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <random>
#include <sstream>

#include "gantry/base/errors.hpp"
#include "gantry/config/experiment.hpp"
#include "gantry/plugin/plugin_catalog.hpp"
#include "test_support.hpp"

using gantry::ConfigError;
using gantry::testing::ScratchDir;

namespace {

const char* const kExperiment = R"(# a comment
[experiment]
name = unit

[data]
plugin = x2

[model]
plugin = eigen-mlp
g_lr = 0.002

[trainer]
k = 2
epochs = 50
)";

const gantry::PluginCatalog& catalog() {
  static const gantry::PluginCatalog bundled({gantry::testing::bundled_plugin_dir()});
  return bundled;
}

}  // namespace

TEST_CASE("an experiment file resolves with every default filled in", "[experiment]") {
  ScratchDir dir;
  gantry::RawSettings raw = gantry::read_experiment_file(dir.write("e.ini", kExperiment).string());
  gantry::ResolvedExperiment resolved = gantry::resolve_experiment(raw, catalog());
  CHECK(resolved.value("trainer.k") == "2");
  CHECK(resolved.value("trainer.plugin") == "alternating");
  CHECK(resolved.value("trainer.batch") == "128");
  CHECK(resolved.value("model.g_lr") == "0.002");
  CHECK(resolved.section("trainer").integer("epochs") == 50);
  std::string ini = resolved.to_ini();
  CHECK(ini.find("[experiment]") == 0);
  CHECK(ini.find("batch = 128") != std::string::npos);

  SECTION("the resolved text resolves to itself: a recorded config reruns as it is") {
    gantry::RawSettings again = gantry::read_experiment_file(dir.write("r.ini", ini).string());
    CHECK(gantry::resolve_experiment(again, catalog()).to_ini() == ini);
  }
  SECTION("identity depends on settings and seed, not on the experiment's name") {
    CHECK(resolved.identity(1) == gantry::resolve_experiment(raw, catalog()).identity(1));
    CHECK(resolved.identity(1) != resolved.identity(2));
    raw.apply_override("trainer.k=3");
    CHECK(gantry::resolve_experiment(raw, catalog()).identity(1) != resolved.identity(1));
    gantry::RawSettings renamed =
        gantry::read_experiment_file(dir.write("e.ini", kExperiment).string());
    renamed.apply_override("experiment.description=another description");
    CHECK(gantry::resolve_experiment(renamed, catalog()).identity(1) == resolved.identity(1));
  }
}

TEST_CASE("bad experiment settings are refused with one clear message", "[experiment]") {
  ScratchDir dir;
  gantry::RawSettings raw = gantry::read_experiment_file(dir.write("e.ini", kExperiment).string());
  auto resolve_with = [&](const std::string& assignment) {
    gantry::RawSettings changed = raw;
    changed.apply_override(assignment);
    return gantry::resolve_experiment(changed, catalog());
  };
  CHECK_THROWS_WITH(resolve_with("trainer.epoch=5"),
                    Catch::Contains("unknown key 'trainer.epoch'") &&
                        Catch::Contains("did you mean 'trainer.epochs'"));
  CHECK_THROWS_WITH(resolve_with("trainer.k=0"),
                    Catch::Contains("trainer.k") && Catch::Contains("out of range"));
  CHECK_THROWS_WITH(resolve_with("trainer.batch=1"), Catch::Contains("trainer.batch"));
  CHECK_THROWS_WITH(resolve_with("model.d_lr=-0.1"), Catch::Contains("model.d_lr"));
  CHECK_THROWS_WITH(resolve_with("trainer.k=two"), Catch::Contains("not an integer"));
  CHECK_THROWS_WITH(resolve_with("modle.g_lr=1"), Catch::Contains("unknown section"));
  CHECK_THROWS_WITH(resolve_with("data.plugin=x3"), Catch::Contains("unknown data plugin 'x3'"));
  CHECK_THROWS_AS(raw.apply_override("k=3"), ConfigError);
  CHECK_THROWS_WITH(resolve_with("trainer.k=0"), Catch::StartsWith("--set trainer.k"));
}

TEST_CASE("malformed or missing experiment files are refused", "[experiment]") {
  ScratchDir dir;
  CHECK_THROWS_WITH(gantry::read_experiment_file((dir / "none.ini").string()),
                    Catch::Contains("cannot read experiment file"));
  CHECK_THROWS_WITH(
      gantry::read_experiment_file(dir.write("bad.ini", "[data\nplugin x2\n").string()),
      Catch::Contains("malformed"));
  CHECK_THROWS_WITH(gantry::read_experiment_file(dir.write("top.ini", "k = 1\n").string()),
                    Catch::Contains("outside any [section]"));
  CHECK_THROWS_WITH(
      gantry::read_experiment_file(dir.write("twice.ini", "[trainer]\nk = 1\nk = 2\n").string()),
      Catch::Contains("set twice"));
  std::filesystem::create_directory(dir / "adir.ini");
  CHECK_THROWS_WITH(gantry::read_experiment_file((dir / "adir.ini").string()),
                    Catch::Contains("is not a regular file"));
  // A FIFO would block in open() until a writer came: refused without opening it.
  REQUIRE(mkfifo((dir / "fifo.ini").c_str(), 0600) == 0);
  CHECK_THROWS_WITH(gantry::read_experiment_file((dir / "fifo.ini").string()),
                    Catch::Contains("is not a regular file"));
}

TEST_CASE("fuzzed experiment text is read or refused with a ConfigError", "[experiment]") {
  // Seeded mutations of a valid file: bytes replaced, dropped and repeated.
  const std::string valid = "[data]\nplugin = x2\n[trainer]\nk = 3\nepochs = 100\n";
  std::mt19937_64 random(20261207);
  int refused = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    std::string text = valid;
    for (int edit = 0; edit < 1 + static_cast<int>(random() % 4); ++edit) {
      std::size_t at = random() % text.size();
      switch (random() % 3) {
        case 0:
          text[at] = static_cast<char>(random() % 256);
          break;
        case 1:
          text.erase(at, 1);
          break;
        default:
          text.insert(at, text.substr(at, random() % 8));
          break;
      }
      if (text.empty()) text = "[";
    }
    std::istringstream in(text);
    try {
      gantry::read_experiment(in, "fuzzed.ini");
    } catch (const gantry::ConfigError&) {
      ++refused;
    }
  }
  CHECK(refused > 0);
}
