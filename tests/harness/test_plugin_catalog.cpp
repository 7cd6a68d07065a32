#include <catch2/catch.hpp>

#include "gantry/base/errors.hpp"
#include "gantry/plugin/plugin_catalog.hpp"
#include "test_support.hpp"

using gantry::PluginCatalog;
using gantry::PluginError;
using gantry::testing::bundled_plugin_dir;
using gantry::testing::ScratchDir;
using gantry::testing::test_plugin_dir;

TEST_CASE("the bundled plugins load with their descriptors", "[plugins]") {
  PluginCatalog catalog({bundled_plugin_dir()});
  CHECK(catalog.problems().empty());
  for (const auto& [kind, name] : std::vector<std::pair<gantry::PluginKind, std::string>>{
           {gantry::PluginKind::data, "x2"},
           {gantry::PluginKind::data, "tanh"},
           {gantry::PluginKind::data, "algebraic"},
           {gantry::PluginKind::data, "sine"},
           {gantry::PluginKind::data, "mnist"},
           {gantry::PluginKind::model, "eigen-mlp"},
           {gantry::PluginKind::trainer, "alternating"}}) {
    const gantry::LoadedPlugin& plugin = catalog.find(kind, name);
    CHECK(plugin.info.kind == kind);
    CHECK_FALSE(plugin.info.version.empty());
    CHECK_FALSE(plugin.info.options.empty());
  }
}

TEST_CASE("objects created by a plugin keep its library loaded", "[plugins]") {
  std::shared_ptr<gantry::DataSource> data;
  {
    PluginCatalog catalog({test_plugin_dir("faulty")});
    gantry::Options options(std::map<std::string, std::string>{
        {"fault", "none"}, {"after", "0"}, {"throw_in_factory", "false"}});
    data = catalog.create_data("faulty", gantry::PluginArgs{options, 0, 1});
  }
  // The catalog is gone; the object's deleter still holds the library, so its code is callable.
  gantry::Random random(1);
  CHECK(data->sample(4, random).rows() == 4);
  CHECK(data->dimensions() == 2);
}

TEST_CASE("unknown plugin names get suggestions", "[plugins]") {
  PluginCatalog catalog({bundled_plugin_dir()});
  CHECK_THROWS_WITH(
      catalog.find(gantry::PluginKind::data, "tahn"),
      Catch::Contains("unknown data plugin 'tahn'") && Catch::Contains("did you mean 'tanh'"));
  CHECK_THROWS_AS(catalog.find(gantry::PluginKind::model, "x2"), PluginError);
}

TEST_CASE("broken plugin files are refused with a message naming the file", "[plugins]") {
  SECTION("a file that is not a shared library") {
    ScratchDir dir;
    auto file = dir.write("gantry-data-text.so", "this is not an ELF file\n");
    // The loader's own reason, without Boost's stale errno text after it.
    CHECK_THROWS_WITH(gantry::load_plugin_file(file), Catch::Contains(file.string()) &&
                                                          Catch::Contains("cannot be loaded") &&
                                                          Catch::EndsWith("file too short") &&
                                                          !Catch::Contains("Bad file descriptor"));
    PluginCatalog catalog({dir.path()});
    REQUIRE(catalog.problems().size() == 1);
    CHECK(catalog.plugins().empty());
  }
  SECTION("a library without a descriptor") {
    auto file = test_plugin_dir("no_descriptor") / "gantry-data-nodescriptor.so";
    CHECK_THROWS_WITH(gantry::load_plugin_file(file),
                      Catch::Contains(file.string()) && Catch::Contains("not a Gantry plugin"));
  }
  SECTION("a plugin built for another ABI version") {
    auto file = test_plugin_dir("wrong_abi") / "gantry-data-future.so";
    CHECK_THROWS_WITH(gantry::load_plugin_file(file),
                      Catch::Contains("ABI version 99") && Catch::Contains("rebuild"));
  }
  SECTION("a plugin without the factory for its kind") {
    auto file = test_plugin_dir("missing_factory") / "gantry-model-factoryless.so";
    CHECK_THROWS_WITH(gantry::load_plugin_file(file), Catch::Contains("gantry_create_model"));
  }
  SECTION("a plugin whose descriptor or factory is a null pointer") {
    CHECK_THROWS_WITH(gantry::load_plugin_file(test_plugin_dir("null_descriptor") /
                                               "gantry-data-nulldescriptor.so"),
                      Catch::Contains("gantry_descriptor is a null pointer"));
    CHECK_THROWS_WITH(
        gantry::load_plugin_file(test_plugin_dir("null_factory") / "gantry-data-nullfactory.so"),
        Catch::Contains("gantry_create_data is a null pointer"));
  }
  SECTION("a plugin declaring one option twice") {
    auto file = test_plugin_dir("duplicate_option") / "gantry-data-twice.so";
    CHECK_THROWS_WITH(gantry::load_plugin_file(file), Catch::Contains("'after' twice"));
  }
}

TEST_CASE("two plugins with one name are an error naming both files", "[plugins]") {
  PluginCatalog catalog({test_plugin_dir("duplicate_name_a"), test_plugin_dir("duplicate_name_b")});
  CHECK_THROWS_WITH(catalog.find(gantry::PluginKind::data, "same"),
                    Catch::Contains("two data plugins") && Catch::Contains("duplicate_name_a") &&
                        Catch::Contains("duplicate_name_b"));
  REQUIRE(catalog.problems().size() == 1);
  CHECK_THAT(catalog.problems()[0], Catch::Contains("two data plugins are named 'same'"));
}

TEST_CASE("a plugin is found by its file name, and opened only when asked for", "[plugins]") {
  SECTION("a file named for another plugin is refused, naming the file it should be") {
    auto file = test_plugin_dir("misnamed") / "gantry-data-other.so";
    CHECK_THROWS_WITH(gantry::load_plugin_file(file),
                      Catch::Contains("gantry-data-same.so") && Catch::Contains(file.string()));
    PluginCatalog catalog({test_plugin_dir("misnamed")});
    CHECK_THROWS_WITH(catalog.find(gantry::PluginKind::data, "other"),
                      Catch::Contains("gantry-data-same.so"));
    CHECK_THROWS_WITH(catalog.find(gantry::PluginKind::data, "same"),
                      Catch::Contains("unknown data plugin 'same'"));
  }
  SECTION("a broken file beside the one asked for is never opened") {
    ScratchDir dir;
    dir.write("gantry-data-broken.so", "this is not an ELF file\n");
    PluginCatalog catalog({dir.path(), bundled_plugin_dir()});
    CHECK(catalog.find(gantry::PluginKind::data, "x2").info.name == "x2");
    CHECK_THROWS_WITH(
        catalog.find(gantry::PluginKind::data, "broken"),
        Catch::Contains("gantry-data-broken.so") && Catch::Contains("cannot be loaded"));
    // Listing opens everything, and the broken file is one problem among working plugins.
    CHECK(catalog.problems().size() == 1);
    CHECK_FALSE(catalog.plugins().empty());
  }
}

TEST_CASE("a plugin whose factory throws gives a configuration error", "[plugins]") {
  PluginCatalog catalog({test_plugin_dir("faulty")});
  gantry::Options options(std::map<std::string, std::string>{
      {"fault", "none"}, {"after", "0"}, {"throw_in_factory", "true"}});
  CHECK_THROWS_WITH(catalog.create_data("faulty", gantry::PluginArgs{options, 0, 1}),
                    Catch::Contains("data plugin 'faulty'") && Catch::Contains("refuses"));
}
