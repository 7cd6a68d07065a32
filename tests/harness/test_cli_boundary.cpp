// The plugin boundary through the real command line: deliberately broken data, model and trainer
// plugins (tests/harness/test_plugins/faulty_*.cpp). Each fault fails its runs cleanly, recorded
// with an error naming the plugin, the call and the step, while the sweep's other runs finish.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "cli_process.hpp"
#include "test_support.hpp"

using gantry::testing::count;
using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;
using gantry::testing::test_plugin_dir;

namespace {

// x2 data, the faulty model under the alternating trainer; model faults strike after epoch 20.
const char* const kFaultyModel = R"([data]
plugin = x2
[model]
plugin = faulty
after = 20
[trainer]
epochs = 60
eval_every = 30
log_every = 10
[eval]
heldout_rows = 200
generated_rows = 200
final_rows = 100
)";

// The faulty data plugin (y = x) under the bundled model and trainer; faults after 20 sample()s.
const char* const kFaultyData = R"([data]
plugin = faulty
after = 20
[trainer]
epochs = 60
eval_every = 30
log_every = 10
[eval]
heldout_rows = 200
generated_rows = 200
final_rows = 100
)";

// The faulty trainer (logs every epoch) driving the faulty model; faults after epoch 20.
const char* const kFaultyTrainer = R"([data]
plugin = x2
[model]
plugin = faulty
after = 20
[trainer]
plugin = faulty
after = 20
[eval]
heldout_rows = 200
generated_rows = 200
final_rows = 100
)";

std::string replaced(std::string config, const std::string& from, const std::string& to) {
  config.replace(config.find(from), from.size(), to);
  return config;
}

// The faulty trainer with `fault`, driving the faulty model.
std::string faulty_trainer(const std::string& fault) {
  return replaced(kFaultyTrainer, "[trainer]\n", "[trainer]\nfault = " + fault + "\n");
}

std::string plugin_dirs() {
  std::string dirs;
  for (const char* name : {"faulty", "faulty_model", "faulty_trainer"}) {
    dirs += " --plugin-dir '" + test_plugin_dir(name).string() + "'";
  }
  return dirs;
}

std::string quoted(const std::string& text) {
  std::string sql = "'";
  for (char c : text) sql += c == '\'' ? std::string("''") : std::string(1, c);
  return sql + "'";
}

// Sweeps `config` over seeds 1-2 and `key` = none,`fault` with two jobs: the two runs with the
// fault fail with exactly `error`, the two without it finish, and gantry exits with 3.
void check_fault(const std::string& config, const std::string& key, const std::string& fault,
                 const std::string& error) {
  ScratchDir dir;
  dir.write("faulty.ini", config);
  auto result = run_gantry(dir.path(), "sweep faulty.ini --seeds 1-2 --grid " + key + "=none," +
                                           fault + " --jobs 2" + plugin_dirs());
  INFO(result.output);
  CHECK(result.exit_code == 3);
  auto db = dir / "gantry.sqlite";
  INFO(gantry::testing::query(db, "SELECT id, status, error FROM runs ORDER BY id"));
  CHECK(count(db, "1") == "4");
  CHECK(count(db, "status = 'finished'") == "2");
  CHECK(count(db, "status = 'failed' AND error = " + quoted(error)) == "2");
  // The progress output carries the error too.
  CHECK_THAT(result.output, Catch::Contains(error));
}

}  // namespace

TEST_CASE("a plugin's mistake fails its run with an error naming the plugin and the step",
          "[cli][boundary]") {
  SECTION("a factory that throws for one run's seed") {
    ScratchDir dir;
    dir.write("faulty.ini", kFaultyModel);
    auto result = run_gantry(dir.path(),
                             "sweep faulty.ini --seeds 1-3 --grid "
                             "model.fail_factory_seed=2 --jobs 2" +
                                 plugin_dirs());
    INFO(result.output);
    CHECK(result.exit_code == 3);
    auto db = dir / "gantry.sqlite";
    CHECK(count(db, "status = 'finished'") == "2");
    CHECK(count(db, "status = 'failed' AND seed = 2 AND error = " +
                        quoted("model plugin 'faulty': faulty model refuses to be created for "
                               "seed 2 (creating the run's plugins for seed 2)")) == "1");
  }
  SECTION("a factory that throws for every seed refuses the sweep before anything runs") {
    ScratchDir dir;
    dir.write("faulty.ini", kFaultyData);
    auto result = run_gantry(dir.path(),
                             "sweep faulty.ini --seeds 1-2 --grid "
                             "data.throw_in_factory=false,true" +
                                 plugin_dirs());
    INFO(result.output);
    CHECK(result.exit_code == 1);
    CHECK_THAT(result.output, Catch::Contains("data plugin 'faulty': faulty plugin refuses"));
    auto db = dir / "gantry.sqlite";
    CHECK((!std::filesystem::exists(db) || count(db, "1") == "0"));
  }
  SECTION("the model throws a std::exception mid-run") {
    check_fault(kFaultyModel, "model.fault", "throw",
                "model plugin 'faulty' threw std::runtime_error from discriminator_step() after "
                "step 20: faulty model: broke on purpose");
  }
  SECTION("the model throws 42") {
    check_fault(kFaultyModel, "model.fault", "throw_int",
                "model plugin 'faulty' threw an exception of type 'int', which is not a "
                "std::exception, from generator_step() after step 20");
  }
  SECTION("the data plugin throws mid-run") {
    check_fault(kFaultyData, "data.fault", "throw",
                "data plugin 'faulty' threw std::logic_error from sample() after step 19: faulty "
                "plugin: broke on purpose");
  }
  SECTION("the trainer throws a std::exception") {
    check_fault(kFaultyTrainer, "trainer.fault", "throw",
                "trainer plugin 'faulty' threw std::out_of_range from train() after step 20: "
                "faulty trainer: broke on purpose");
  }
  SECTION("the trainer throws 42") {
    check_fault(kFaultyTrainer, "trainer.fault", "throw_int",
                "trainer plugin 'faulty' threw an exception of type 'int', which is not a "
                "std::exception, from train() after step 20");
  }
  SECTION("generate() returns the wrong number of columns") {
    check_fault(kFaultyModel, "model.fault", "generate_shape",
                "model plugin 'faulty' returned a 64 x 3 matrix from generate(); expected 64 x 2 "
                "(64 latent rows; data 'x2' has 2 columns) after step 20");
  }
  SECTION("sample_latent() returns the wrong number of columns") {
    check_fault(kFaultyModel, "model.fault", "latent_shape",
                "model plugin 'faulty' returned a 64 x 3 matrix from sample_latent(64); expected "
                "64 x 2 (its latent_dimensions() is 2) after step 20");
  }
  SECTION("discriminate() returns more than one column") {
    check_fault(kFaultyModel, "model.fault", "discriminate_shape",
                "model plugin 'faulty' returned a 200 x 2 matrix from discriminate(); expected "
                "200 x 1 (one probability per row) at the evaluation of step 30");
  }
  SECTION("the trainer hands the model a latent matrix of the wrong width") {
    check_fault(kFaultyTrainer, "trainer.fault", "bad_latent",
                "trainer plugin 'faulty' passed a 32 x 3 latent matrix to generate() of model "
                "plugin 'faulty'; its rows must have 2 columns after step 20");
  }
  SECTION("NaN in generated samples") {
    check_fault(kFaultyModel, "model.fault", "nan_samples",
                "diverged: d_loss_fake is NaN at step 21; cause: model plugin 'faulty' returned "
                "NaN in row 1, column 2 of the 64 x 2 matrix from generate() after step 20");
  }
  SECTION("NaN in real samples") {
    check_fault(kFaultyData, "data.fault", "nan",
                "diverged: d_loss_real is NaN at step 20; cause: data plugin 'faulty' returned "
                "NaN in row 1, column 2 of the 64 x 2 matrix from sample() after step 19");
  }
  SECTION("NaN in the held-out real rows") {
    check_fault(replaced(kFaultyData, "after = 20", "after = 0"), "data.fault", "nan",
                "data plugin 'faulty' returned NaN in row 1, column 2 of the 200 x 2 matrix from "
                "sample() while drawing the held-out rows, before training");
  }
  SECTION("a NaN loss") {
    check_fault(kFaultyModel, "model.fault", "nan_loss",
                "diverged: g_loss is NaN at step 21; cause: model plugin 'faulty' returned NaN as "
                "its loss from generator_step() after step 20");
  }
  SECTION("NaN from the discriminator at evaluation") {
    check_fault(kFaultyModel, "model.fault", "nan_discriminate",
                "model plugin 'faulty' returned NaN in row 1, column 1 of the 200 x 1 matrix from "
                "discriminate() at the evaluation of step 30");
  }
  SECTION("a NaN the trainer never logs") {
    check_fault(faulty_trainer("quiet"), "model.fault", "nan_samples",
                "model plugin 'faulty' returned NaN in row 1, column 2 of the 32 x 2 matrix from "
                "generate() after step 20 (detected when the trainer logged step 21)");
  }
  SECTION("a plugin exception the trainer catches and ignores") {
    check_fault(faulty_trainer("swallow"), "model.fault", "throw",
                "model plugin 'faulty' threw std::runtime_error from discriminator_step() after "
                "step 20: faulty model: broke on purpose");
  }
}
