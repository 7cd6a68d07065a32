// The files `gantry new plugin` writes, per kind. Each example is small but real: it builds,
// loads, runs in a sweep and its test checks its behaviour, so a researcher starts from
// something that works and changes one thing at a time.
#include "gantry/scaffold/plugin_skeleton.hpp"

namespace gantry {
namespace {

const char* const kCMakeLists =
    R"skeleton(# The @KIND@ plugin '@NAME@', built against an installed Gantry:
#   cmake -S . -B build -DCMAKE_PREFIX_PATH=<gantry prefix> && cmake --build build
#   ctest --test-dir build
#   GANTRY_PLUGIN_PATH=$PWD/build/plugins gantry plugins @NAME@
cmake_minimum_required(VERSION 3.25)
project(gantry-@KIND@-@NAME@ LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)

find_package(Gantry REQUIRED)
gantry_add_plugin(NAME @NAME@ KIND @KIND@ SOURCES plugin.cpp)

enable_testing()
find_package(Catch2 2 REQUIRED)
add_executable(test_@NAME@ test_@NAME@.cpp)
target_link_libraries(test_@NAME@ PRIVATE Gantry::sdk Catch2::Catch2)
add_test(NAME test_@NAME@ COMMAND test_@NAME@)
)skeleton";

const char* const kDataHeader =
    R"skeleton(// @CLASS@: a data plugin. Rows (x, slope * x) with x uniform on [-1, 1]; replace sample()
// and score() with your target distribution and its quality scores.
#pragma once

#include <boost/random/uniform_real_distribution.hpp>
#include <cmath>

#include "gantry/data_source.hpp"
#include "gantry/plugin_args.hpp"

class @CLASS@ final : public gantry::DataSource {
 public:
  explicit @CLASS@(const gantry::PluginArgs& args) : slope_(args.options.real("slope")) {}

  int dimensions() const override { return 2; }

  std::optional<gantry::ImageShape> image_shape() const override { return std::nullopt; }

  gantry::Matrix sample(int rows, gantry::Random& random) const override {
    boost::random::uniform_real_distribution<float> x(-1.0f, 1.0f);
    gantry::Matrix samples(rows, 2);
    for (int row = 0; row < rows; ++row) {
      samples(row, 0) = x(random);
      samples(row, 1) = static_cast<float>(slope_) * samples(row, 0);
    }
    return samples;
  }

  // Stored as eval.mean_abs_residual: mean |y - slope * x| of the generated rows (lower is
  // better).
  std::vector<gantry::Score> score(const gantry::Matrix& generated,
                                   const gantry::Matrix& /*real*/) const override {
    double sum = 0;
    for (Eigen::Index row = 0; row < generated.rows(); ++row) {
      sum += std::abs(generated(row, 1) - slope_ * generated(row, 0));
    }
    return {{"mean_abs_residual", sum / static_cast<double>(generated.rows())}};
  }

 private:
  double slope_;
};
)skeleton";

const char* const kDataPlugin = R"skeleton(// Exports the data plugin '@NAME@'.
#include "@NAME@.hpp"
#include "gantry/plugin_export.hpp"

namespace {

using namespace gantry::option;

constexpr gantry::OptionSpec kOptions[] = {
    real("slope", "2", "Slope of the target line y = slope * x", -100, 100),
};

}  // namespace

GANTRY_PLUGIN(data, @CLASS@, "@NAME@", "0.1.0", "Points on the line y = slope * x", kOptions)
)skeleton";

const char* const kDataTest = R"skeleton(#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "@NAME@.hpp"

using Catch::Matchers::WithinAbs;

TEST_CASE("@NAME@ samples lie on the line and score zero", "[@NAME@]") {
  gantry::Options options(std::map<std::string, std::string>{{"slope", "3"}});
  @CLASS@ data(gantry::PluginArgs{options, 0, 1});
  gantry::Random random(7);
  gantry::Matrix rows = data.sample(500, random);
  REQUIRE(rows.rows() == 500);
  REQUIRE(rows.cols() == data.dimensions());
  for (Eigen::Index row = 0; row < rows.rows(); ++row) {
    CHECK_THAT(rows(row, 1), WithinAbs(3.0 * rows(row, 0), 1e-5));
  }
  CHECK_THAT(data.score(rows, rows).at(0).value, WithinAbs(0.0, 1e-5));

  gantry::Matrix off_line = rows;
  off_line.col(1).array() += 0.5f;
  CHECK_THAT(data.score(off_line, rows).at(0).value, WithinAbs(0.5, 1e-5));
}
)skeleton";

const char* const kModelHeader =
    R"skeleton(// @CLASS@: a model plugin. A linear generator G(z) = z A + b and a logistic discriminator
// D(x) = sigmoid(x w + c), trained by plain gradient descent on the binary cross-entropy; the
// smallest complete GanModel. Replace it with your nets and optimisers.
#pragma once

#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "gantry/gan_model.hpp"
#include "gantry/plugin_args.hpp"

class @CLASS@ final : public gantry::GanModel {
 public:
  explicit @CLASS@(const gantry::PluginArgs& args)
      : dimensions_(args.sample_dimensions),
        learning_rate_(static_cast<float>(args.options.real("learning_rate"))) {
    // The plugin's own random stream, derived from the run seed: same seed, same weights.
    gantry::Random random = gantry::make_stream(args.seed, "@NAME@-init");
    boost::random::normal_distribution<float> normal(0.0f, 0.1f);
    a_ = gantry::Matrix::NullaryExpr(dimensions_, dimensions_, [&] { return normal(random); });
    b_ = gantry::Matrix::Zero(1, dimensions_);
    w_ = gantry::Matrix::NullaryExpr(dimensions_, 1, [&] { return normal(random); });
  }

  int latent_dimensions() const override { return dimensions_; }

  gantry::Matrix sample_latent(int rows, gantry::Random& random) const override {
    boost::random::normal_distribution<float> normal(0.0f, 1.0f);
    return gantry::Matrix::NullaryExpr(rows, dimensions_, [&] { return normal(random); });
  }

  gantry::Matrix generate(const gantry::Matrix& latent) override {
    return (latent * a_).rowwise() + b_.row(0);
  }

  gantry::Matrix discriminate(const gantry::Matrix& samples) override {
    return ((samples * w_).array() + c_).unaryExpr([](float v) { return sigmoid(v); }).matrix();
  }

  gantry::DiscriminatorStep discriminator_step(const gantry::Matrix& real,
                                               const gantry::Matrix& fake) override {
    gantry::DiscriminatorStep step{0, 0, 0, 0};
    gantry::Matrix gradient_w = gantry::Matrix::Zero(dimensions_, 1);
    float gradient_c = 0;
    const float rows = static_cast<float>(real.rows() + fake.rows());
    auto accumulate = [&](const gantry::Matrix& x, float label, double& loss, double& accuracy) {
      if (x.rows() == 0) return;
      gantry::Matrix p = discriminate(x);
      gantry::Matrix error = p.array() - label;  // d(BCE)/d(logit)
      gradient_w += x.transpose() * error / rows;
      gradient_c += error.sum() / rows;
      for (Eigen::Index i = 0; i < p.rows(); ++i) {
        float q = label == 1.0f ? p(i) : 1.0f - p(i);
        loss -= std::log(std::max(q, 1e-7f)) / static_cast<double>(x.rows());
        accuracy += (q > 0.5f) / static_cast<double>(x.rows());
      }
    };
    accumulate(real, 1.0f, step.loss_real, step.accuracy_real);
    accumulate(fake, 0.0f, step.loss_fake, step.accuracy_fake);
    w_ -= learning_rate_ * gradient_w;
    c_ -= learning_rate_ * gradient_c;
    return step;
  }

  // The non-saturating loss -mean log D(G(z)), through a frozen D.
  double generator_step(const gantry::Matrix& latent) override {
    gantry::Matrix fake = generate(latent);
    gantry::Matrix p = discriminate(fake);
    const float rows = static_cast<float>(latent.rows());
    gantry::Matrix d_fake = -((1.0f - p.array()).matrix() * w_.transpose()) / rows;
    a_ -= learning_rate_ * latent.transpose() * d_fake;
    b_ -= learning_rate_ * d_fake.colwise().sum();
    return -p.array().max(1e-7f).log().mean();
  }

 private:
  static float sigmoid(float v) { return 1.0f / (1.0f + std::exp(-v)); }

  int dimensions_;
  float learning_rate_;
  gantry::Matrix a_, b_, w_;
  float c_ = 0;
};
)skeleton";

const char* const kModelPlugin = R"skeleton(// Exports the model plugin '@NAME@'.
#include "@NAME@.hpp"
#include "gantry/plugin_export.hpp"

namespace {

using namespace gantry::option;

constexpr gantry::OptionSpec kOptions[] = {
    real_above("learning_rate", "0.05", "Gradient-descent step of both nets", 0),
};

}  // namespace

GANTRY_PLUGIN(model, @CLASS@, "@NAME@", "0.1.0",
              "Linear generator and logistic discriminator (a starting point)", kOptions)
)skeleton";

const char* const kModelTest = R"skeleton(#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "@NAME@.hpp"

TEST_CASE("@NAME@ has the shapes the harness expects, and D learns", "[@NAME@]") {
  gantry::Options options(std::map<std::string, std::string>{{"learning_rate", "0.5"}});
  @CLASS@ model(gantry::PluginArgs{options, 2, 1});
  gantry::Random random(3);
  gantry::Matrix latent = model.sample_latent(64, random);
  REQUIRE(latent.cols() == model.latent_dimensions());
  gantry::Matrix fake = model.generate(latent);
  REQUIRE(fake.rows() == 64);
  REQUIRE(fake.cols() == 2);
  REQUIRE(model.discriminate(fake).cols() == 1);

  // Real rows far from the generator's: D's loss falls as it learns to tell them apart.
  gantry::Matrix real = gantry::Matrix::Constant(64, 2, 3.0f);
  double first = model.discriminator_step(real, fake).loss_real;
  for (int i = 0; i < 50; ++i) model.discriminator_step(real, fake);
  gantry::DiscriminatorStep last = model.discriminator_step(real, fake);
  CHECK(last.loss_real < first);
  CHECK(last.accuracy_real > 0.9);
  CHECK(std::isfinite(model.generator_step(latent)));
}
)skeleton";

const char* const kTrainerHeader =
    R"skeleton(// @CLASS@: a trainer plugin. `k` discriminator steps on fresh real and generated rows, then one
// generator step, for `epochs` epochs; logs the losses and evaluates every `eval_every` epochs
// and at the end. Replace train() with your schedule.
#pragma once

#include "gantry/plugin_args.hpp"
#include "gantry/trainer.hpp"

class @CLASS@ final : public gantry::Trainer {
 public:
  explicit @CLASS@(const gantry::PluginArgs& args)
      : epochs_(args.options.integer("epochs")),
        k_(static_cast<int>(args.options.integer("k"))),
        batch_(static_cast<int>(args.options.integer("batch"))),
        eval_every_(args.options.integer("eval_every")) {}

  void train(gantry::TrainingSession& session) override {
    gantry::GanModel& model = session.model();
    gantry::Random& real_stream = session.random("real");
    gantry::Random& latent_stream = session.random("latent");
    const gantry::Matrix no_rows(0, session.data().dimensions());
    for (long long epoch = 1; epoch <= epochs_; ++epoch) {
      gantry::DiscriminatorStep on_real{}, on_fake{};
      for (int i = 0; i < k_; ++i) {
        gantry::Matrix real = session.data().sample(batch_, real_stream);
        gantry::Matrix fake = model.generate(model.sample_latent(batch_, latent_stream));
        on_real = model.discriminator_step(real, no_rows);
        on_fake = model.discriminator_step(no_rows, fake);
      }
      double g_loss = model.generator_step(model.sample_latent(batch_, latent_stream));
      session.log(epoch, {{"d_loss_real", on_real.loss_real},
                          {"d_loss_fake", on_fake.loss_fake},
                          {"g_loss", g_loss}});
      if (epoch % eval_every_ == 0 || epoch == epochs_) session.evaluate(epoch);
      if (session.stop_requested()) return;
    }
  }

 private:
  long long epochs_;
  int k_;
  int batch_;
  long long eval_every_;
};
)skeleton";

const char* const kTrainerPlugin = R"skeleton(// Exports the trainer plugin '@NAME@'.
#include "@NAME@.hpp"
#include "gantry/plugin_export.hpp"

namespace {

using namespace gantry::option;

constexpr gantry::OptionSpec kOptions[] = {
    integer("epochs", "1000", "Epochs: k discriminator steps and one generator step each", 1),
    integer("k", "1", "Discriminator steps per generator step", 1, 1000),
    integer("batch", "64", "Rows of each class in a step", 2, 1e8),
    integer("eval_every", "100", "Evaluate every this many epochs (and at the last)", 1),
};

}  // namespace

GANTRY_PLUGIN(trainer, @CLASS@, "@NAME@", "0.1.0", "k D steps per G step (a starting point)",
              kOptions)
)skeleton";

const char* const kTrainerTest = R"skeleton(#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include "@NAME@.hpp"

namespace {

// Counts what the trainer asks of the model and the session.
struct CountingModel final : gantry::GanModel {
  int latent_dimensions() const override { return 1; }
  gantry::Matrix sample_latent(int rows, gantry::Random&) const override {
    return gantry::Matrix::Zero(rows, 1);
  }
  gantry::Matrix generate(const gantry::Matrix& latent) override {
    return gantry::Matrix::Zero(latent.rows(), 2);
  }
  gantry::Matrix discriminate(const gantry::Matrix& x) override {
    return gantry::Matrix::Constant(x.rows(), 1, 0.5f);
  }
  gantry::DiscriminatorStep discriminator_step(const gantry::Matrix&,
                                               const gantry::Matrix&) override {
    ++d_steps;
    return {0.7, 0.7, 0.5, 0.5};
  }
  double generator_step(const gantry::Matrix&) override {
    ++g_steps;
    return 0.7;
  }
  int d_steps = 0, g_steps = 0;
};

struct LineData final : gantry::DataSource {
  int dimensions() const override { return 2; }
  std::optional<gantry::ImageShape> image_shape() const override { return std::nullopt; }
  gantry::Matrix sample(int rows, gantry::Random&) const override {
    return gantry::Matrix::Ones(rows, 2);
  }
  std::vector<gantry::Score> score(const gantry::Matrix&, const gantry::Matrix&) const override {
    return {};
  }
};

struct RecordingSession final : gantry::TrainingSession {
  gantry::DataSource& data() override { return data_; }
  gantry::GanModel& model() override { return model_; }
  gantry::Random& random(std::string_view) override { return random_; }
  void log(long long step, const std::vector<gantry::Metric>&) override { logged.push_back(step); }
  void evaluate(long long step) override { evaluated.push_back(step); }
  bool stop_requested() const override { return false; }

  LineData data_;
  CountingModel model_;
  gantry::Random random_{1};
  std::vector<long long> logged, evaluated;
};

}  // namespace

TEST_CASE("@NAME@ takes k D steps per G step and evaluates on schedule", "[@NAME@]") {
  gantry::Options options(
      std::map<std::string, std::string>{{"epochs", "10"}, {"k", "3"}, {"batch", "8"}, {"eval_every", "4"}});
  @CLASS@ trainer(gantry::PluginArgs{options, 0, 1});
  RecordingSession session;
  trainer.train(session);
  CHECK(session.model_.g_steps == 10);
  CHECK(session.model_.d_steps == 10 * 3 * 2);  // a real and a fake step each time
  CHECK(session.logged.size() == 10);
  CHECK(session.evaluated == std::vector<long long>{4, 8, 10});
}
)skeleton";

}  // namespace

std::vector<SkeletonFile> skeleton_templates(const std::string& kind) {
  const char* header = kind == "data"    ? kDataHeader
                       : kind == "model" ? kModelHeader
                                         : kTrainerHeader;
  const char* plugin = kind == "data"    ? kDataPlugin
                       : kind == "model" ? kModelPlugin
                                         : kTrainerPlugin;
  const char* test = kind == "data" ? kDataTest : kind == "model" ? kModelTest : kTrainerTest;
  return {{"CMakeLists.txt", kCMakeLists},
          {"@NAME@.hpp", header},
          {"plugin.cpp", plugin},
          {"test_@NAME@.cpp", test}};
}

}  // namespace gantry
