// A trainer plugin for tests that misbehaves on request: a plain loop of one D step and one G
// step per epoch, logging every epoch. From epoch `after` + 1 on, the chosen fault strikes:
//
//   throw       train() throws a std::out_of_range
//   throw_int   train() throws 42, which is not a std::exception
//   bad_latent  passes generate() a latent matrix one column wider than latent_dimensions()
//   swallow     catches every exception the model's calls throw and goes on training
//   quiet       logs no losses, only the epoch, so a NaN never shows up in its metrics
#include <stdexcept>
#include <string>
#include <vector>

#include "gantry/plugin_export.hpp"

namespace {

class FaultyTrainer final : public gantry::Trainer {
 public:
  explicit FaultyTrainer(const gantry::PluginArgs& args)
      : fault_(args.options.text("fault")),
        after_(args.options.integer("after")),
        epochs_(args.options.integer("epochs")) {}

  void train(gantry::TrainingSession& session) override {
    gantry::GanModel& model = session.model();
    gantry::Random& latent = session.random("latent");
    for (long long step = 1; step <= epochs_; ++step) {
      bool faulty = step > after_;
      if (faulty && fault_ == "throw") throw std::out_of_range("faulty trainer: broke on purpose");
      if (faulty && fault_ == "throw_int") throw 42;
      double d_loss = 0, g_loss = 0;
      try {
        gantry::Matrix real = session.data().sample(32, session.random("real"));
        int latent_columns = model.latent_dimensions() + (faulty && fault_ == "bad_latent");
        gantry::Matrix noise = model.sample_latent(32, latent);
        if (latent_columns != noise.cols()) noise = gantry::Matrix::Zero(32, latent_columns);
        gantry::Matrix fake = model.generate(noise);
        gantry::DiscriminatorStep d = model.discriminator_step(real, fake);
        d_loss = d.loss_real + d.loss_fake;
        g_loss = model.generator_step(model.sample_latent(32, latent));
      } catch (...) {
        if (fault_ != "swallow") throw;
      }
      std::vector<gantry::Metric> metrics = {{"epoch", static_cast<double>(step)}};
      if (fault_ != "quiet" && fault_ != "swallow") {
        metrics.push_back({"d_loss", d_loss});
        metrics.push_back({"g_loss", g_loss});
      }
      session.log(step, metrics);
      if (step == epochs_) session.evaluate(step);
      if (session.stop_requested()) return;
    }
  }

 private:
  std::string fault_;
  long long after_;
  long long epochs_;
};

constexpr gantry::OptionSpec kOptions[] = {
    gantry::option::choice("fault", "none", "none|throw|throw_int|bad_latent|swallow|quiet",
                           "what goes wrong"),
    gantry::option::integer("after", "0", "epochs that behave before the fault", 0),
    gantry::option::integer("epochs", "40", "epochs to train", 1),
};

}  // namespace

GANTRY_PLUGIN(trainer, FaultyTrainer, "faulty", "0.0.1", "test trainer that fails on request",
              kOptions)
