#include <catch2/catch.hpp>

#include <stdexcept>

#include "gantry/base/errors.hpp"
#include "gantry/run/plugin_boundary.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::Equals;
using gantry::PluginBoundary;
using gantry::RunError;

namespace {

gantry::RunPlugins named_plugins() {
  gantry::RunPlugins plugins;
  plugins.data_name = "x2";
  plugins.model_name = "eigen-mlp";
  plugins.trainer_name = "alternating";
  return plugins;
}

}  // namespace

TEST_CASE("the boundary says where the run is", "[plugin_boundary]") {
  gantry::RunPlugins plugins = named_plugins();
  PluginBoundary boundary(plugins);
  CHECK(boundary.data_label() == "data plugin 'x2'");
  CHECK(boundary.trainer_label() == "trainer plugin 'alternating'");
  CHECK_THAT(boundary.where(), Contains("before training"));
  boundary.enter(PluginBoundary::Phase::training);
  CHECK(boundary.where() == "before the first logged step");
  boundary.reached(120);
  CHECK(boundary.where() == "after step 120");
  boundary.enter(PluginBoundary::Phase::evaluating);
  CHECK(boundary.where() == "at the evaluation of step 120");
  boundary.enter(PluginBoundary::Phase::finishing);
  CHECK(boundary.where() == "while generating the final samples, after step 120");
}

TEST_CASE("the first failure is kept, whatever the trainer catches", "[plugin_boundary]") {
  gantry::RunPlugins plugins = named_plugins();
  PluginBoundary boundary(plugins);
  boundary.enter(PluginBoundary::Phase::training);
  CHECK_THROWS_WITH(boundary.fail("first"), Equals("first"));
  CHECK_THROWS_WITH(boundary.fail("second"), Equals("second"));
  CHECK_THROWS_WITH(boundary.rethrow_failure(), Equals("first"));
  CHECK_THROWS_WITH(boundary.raise_pending("later"), Equals("first"));
}

TEST_CASE("a non-finite value fails training at the next report, elsewhere at once",
          "[plugin_boundary]") {
  gantry::RunPlugins plugins = named_plugins();
  PluginBoundary boundary(plugins);
  SECTION("during training: deferred, then raised with where it was seen") {
    boundary.enter(PluginBoundary::Phase::training);
    CHECK_NOTHROW(boundary.non_finite("NaN from generate()"));
    CHECK_NOTHROW(boundary.non_finite("a later NaN"));  // the first one is the cause
    CHECK(boundary.pending() == "NaN from generate()");
    CHECK_THROWS_WITH(boundary.raise_pending("at step 3"),
                      Equals("NaN from generate() (detected at step 3)"));
  }
  SECTION("while evaluating: at once") {
    boundary.enter(PluginBoundary::Phase::evaluating);
    CHECK_THROWS_AS(boundary.non_finite("NaN from discriminate()"), RunError);
  }
}

TEST_CASE("plugin code's exceptions of any type become a RunError naming it", "[plugin_boundary]") {
  gantry::RunPlugins plugins = named_plugins();
  PluginBoundary boundary(plugins);
  boundary.enter(PluginBoundary::Phase::training);
  boundary.reached(5);
  CHECK(boundary.guarded("model plugin 'm'", "generate()", [] { return 42; }) == 42);
  CHECK_THROWS_WITH(
      boundary.guarded("model plugin 'm'", "generate()",
                       []() -> int { throw std::logic_error("broken"); }),
      Equals("model plugin 'm' threw std::logic_error from generate() after step 5: broken"));
  CHECK_THROWS_WITH(boundary.guarded("model plugin 'm'", "generate()", []() -> int { throw 7; }),
                    Contains("exception of type 'int', which is not a std::exception"));
}
