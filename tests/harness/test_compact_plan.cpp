// The compact sweep plan against the plan as it used to be expanded: one resolved experiment
// and one identity per (grid point, seed), first axis varying slowest, seeds fastest. The old
// expansion and the old identity are written out here, so the plan is held to them.
#include <catch2/catch.hpp>

#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/uuid_io.hpp>

#include "gantry/base/errors.hpp"
#include "gantry/plugin/plugin_catalog.hpp"
#include "gantry/sweep/sweep_job.hpp"
#include "gantry/sweep/sweep_plan.hpp"
#include "gantry/sweep/sweep_runner.hpp"
#include "test_support.hpp"

namespace {

// ResolvedExperiment::identity as it was before the seed-independent part was kept.
std::string identity_as_before(const gantry::ResolvedExperiment& experiment, std::int64_t seed) {
  static const boost::uuids::uuid kNamespace = {{0x6b, 0x1f, 0x3c, 0x52, 0x9e, 0x07, 0x4d, 0x8a,
                                                 0xa1, 0x44, 0x2e, 0x90, 0x5c, 0x37, 0xd2, 0x0f}};
  std::string identified = experiment.plugins() + "\nseed = " + std::to_string(seed) + "\n";
  for (const auto& setting : experiment.settings()) {
    std::string section = setting.key.substr(0, setting.key.find('.'));
    if (section != "experiment" && section != "images" && section != "resources" &&
        section != "checkpoint") {
      identified += setting.key + " = " + setting.value + "\n";
    }
  }
  boost::uuids::name_generator_sha1 generate(kNamespace);
  return boost::uuids::to_string(generate(identified));
}

struct ExpandedRun {
  std::int64_t seed;
  std::string config;
  std::string identity;
};

// The old plan_sweep for two axes: one resolved experiment per (point, seed).
std::vector<ExpandedRun> expand_as_before(const gantry::RawSettings& base,
                                          const gantry::GridAxis& slow,
                                          const gantry::GridAxis& fast,
                                          const std::vector<std::int64_t>& seeds,
                                          const gantry::PluginCatalog& catalog) {
  std::vector<ExpandedRun> runs;
  for (const std::string& slow_value : slow.values) {
    for (const std::string& fast_value : fast.values) {
      gantry::RawSettings point = base;
      point.set(slow.key, slow_value);
      point.set(fast.key, fast_value);
      gantry::ResolvedExperiment experiment = gantry::resolve_experiment(point, catalog);
      for (std::int64_t seed : seeds) {
        runs.push_back({seed, experiment.to_ini(), identity_as_before(experiment, seed)});
      }
    }
  }
  return runs;
}

gantry::PluginCatalog bundled_catalog() {
  return gantry::PluginCatalog(
      gantry::PluginCatalog::search_path({gantry::testing::bundled_plugin_dir().string()}));
}

gantry::RawSettings x2_settings() {
  return gantry::read_experiment_file(
      (gantry::testing::source_dir() / "experiments" / "x2.ini").string());
}

gantry::SweepRequest x2_request() {
  gantry::SweepRequest request;
  request.experiment = (gantry::testing::source_dir() / "experiments" / "x2.ini").string();
  request.plugin_dirs = {gantry::testing::bundled_plugin_dir().string()};
  return request;
}

}  // namespace

TEST_CASE("the compact plan holds the old expansion's runs, in its order", "[sweep_plan]") {
  gantry::PluginCatalog catalog = bundled_catalog();
  gantry::RawSettings base = x2_settings();
  gantry::GridAxis k = gantry::parse_grid_axis("trainer.k=1,2,3");
  gantry::GridAxis latent = gantry::parse_grid_axis("model.latent_dim=3,5");
  std::vector<std::int64_t> seeds = gantry::parse_seeds("1-3,10");
  std::vector<ExpandedRun> expected = expand_as_before(base, k, latent, seeds, catalog);

  gantry::SweepPlan plan = gantry::plan_sweep(base, {k, latent}, seeds, catalog);
  REQUIRE(plan.size() == expected.size());
  REQUIRE(plan.size() == 24);
  for (std::size_t run = 0; run < plan.size(); ++run) {
    INFO("run " << run);
    CHECK(plan.seed(run) == expected[run].seed);
    CHECK(plan.experiment(run).to_ini() == expected[run].config);
    CHECK(plan.identity(run) == expected[run].identity);
    gantry::PlannedRun whole = plan.run(run, 7, "demo");
    CHECK(whole.sweep_id == 7);
    CHECK(whole.sweep_name == "demo");
    CHECK(whole.seed == expected[run].seed);
    CHECK(whole.identity == expected[run].identity);
    CHECK(whole.experiment.to_ini() == expected[run].config);
  }
  CHECK(plan.grid_points().size() == 6);
  CHECK(gantry::varying_keys(plan) == std::vector<std::string>{"model.latent_dim", "trainer.k"});
  CHECK(gantry::describe_run(plan.seed(5), plan.experiment(5), gantry::varying_keys(plan)) ==
        "seed=2 model.latent_dim=5 trainer.k=1");
  CHECK(plan.experiment(0).identity(1) == identity_as_before(plan.experiment(0), 1));
}

TEST_CASE("a planned request is the compact plan of its grid and seeds", "[sweep_plan]") {
  gantry::SweepRequest request = x2_request();
  request.seeds = "1-4";
  request.grid = {"trainer.k=1,2"};
  gantry::PlannedSweep sweep = gantry::plan_sweep_request(request);
  REQUIRE(sweep.plan.size() == 8);
  CHECK(sweep.plan.seed(3) == 4);
  CHECK(sweep.plan.experiment(3).value("trainer.k") == "1");
  CHECK(sweep.plan.seed(4) == 1);
  CHECK(sweep.plan.experiment(4).value("trainer.k") == "2");
}

TEST_CASE("bad grid input is refused with the message it always had", "[sweep_plan]") {
  gantry::SweepRequest request = x2_request();
  request.seeds = "1-1000";
  const std::string point = request.experiment + " with --grid: ";
  struct Case {
    std::vector<std::string> grid;
    std::vector<std::string> overrides;
    std::string message;
  };
  std::vector<Case> cases = {
      {{"trainer.k=1,0"},
       {},
       point + "trainer.k: '0' is out of range: expected integer in [1, 1000]"},
      {{"trainer.k=1", "trainer.k=2"}, {}, "--grid: 'trainer.k' is given twice"},
      {{"trainer.kk=1,2"},
       {},
       point + "trainer.kk: unknown key 'trainer.kk' (did you mean 'trainer.k'?)"},
      // Found by the plugin itself when the grid point's plugins are created.
      {{"trainer.k=1,2"},
       {"model.d_layers=25:rleu,1:sigmoid"},
       point +
           "model plugin 'eigen-mlp': d_layers: unknown activation 'rleu' in '25:rleu'; expected "
           "linear, relu, leaky_relu, tanh or sigmoid"},
  };
  for (const Case& c : cases) {
    request.grid = c.grid;
    request.overrides = c.overrides;
    INFO(c.message);
    CHECK_THROWS_WITH(gantry::plan_sweep_request(request), c.message);
  }
  request.grid = {};
  request.overrides = {};
  request.seeds = "1-3,2";
  CHECK_THROWS_WITH(gantry::plan_sweep_request(request), "--seeds '1-3,2': seed 2 is listed twice");
  request.seeds = "1,1,x";  // the first error as listed, however repeats are found
  CHECK_THROWS_WITH(gantry::plan_sweep_request(request), "--seeds '1,1,x': seed 1 is listed twice");
}
