// A model plugin for tests that misbehaves on request, to exercise the harness's checks at the
// plugin boundary. With fault = none it is a tiny working GAN: G(z) = z W with fixed weights and
// D(x) = sigmoid(x . w + b) trained by plain gradient descent. Once `after` generator steps
// have run (the alternating trainer's epochs at k = 1), the chosen fault strikes:
//
//   throw               discriminator_step() throws a std::runtime_error
//   throw_int           generator_step() throws 42, which is not a std::exception
//   generate_shape      generate() returns one column too many
//   latent_shape        sample_latent() returns one latent column too many
//   discriminate_shape  discriminate() returns two columns instead of one
//   nan_samples         generate() puts a NaN in its first row
//   nan_loss            generator_step() returns NaN
//   nan_discriminate    discriminate() puts a NaN in its first row (seen at evaluation)
//
// fail_factory_seed makes the factory throw for one run seed only, so a sweep's planning (seed
// 0) accepts the options and that run alone fails.
#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "gantry/plugin_export.hpp"

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

class FaultyModel final : public gantry::GanModel {
 public:
  explicit FaultyModel(const gantry::PluginArgs& args)
      : fault_(args.options.text("fault")),
        after_(args.options.integer("after")),
        latent_(static_cast<int>(args.options.integer("latent_dim"))),
        columns_(args.sample_dimensions),
        generator_(latent_, columns_),
        weights_(gantry::Matrix::Zero(columns_, 1)) {
    long long fail_seed = args.options.integer("fail_factory_seed");
    if (fail_seed != 0 && static_cast<long long>(args.seed) == fail_seed) {
      throw std::runtime_error("faulty model refuses to be created for seed " +
                               std::to_string(fail_seed));
    }
    for (int i = 0; i < latent_; ++i) {
      for (int j = 0; j < columns_; ++j) generator_(i, j) = 0.1f * static_cast<float>(i + j + 1);
    }
  }

  int latent_dimensions() const override { return latent_; }

  gantry::Matrix sample_latent(int rows, gantry::Random& random) const override {
    int columns = latent_ + (faulty("latent_shape") ? 1 : 0);
    gantry::Matrix latent(rows, columns);
    boost::random::normal_distribution<float> normal(0.0f, 1.0f);
    for (int i = 0; i < rows; ++i) {
      for (int j = 0; j < columns; ++j) latent(i, j) = normal(random);
    }
    return latent;
  }

  gantry::Matrix generate(const gantry::Matrix& latent) override {
    gantry::Matrix generated = latent * generator_;
    if (faulty("generate_shape")) {
      generated.conservativeResize(Eigen::NoChange, generated.cols() + 1);
      generated.col(generated.cols() - 1).setZero();
    }
    if (faulty("nan_samples") && generated.size() > 0) generated(0, generated.cols() - 1) = kNaN;
    return generated;
  }

  gantry::Matrix discriminate(const gantry::Matrix& samples) override {
    gantry::Matrix probabilities = probabilities_of(samples);
    if (faulty("discriminate_shape")) {
      probabilities.conservativeResize(Eigen::NoChange, 2);
      probabilities.col(1).setZero();
    }
    if (faulty("nan_discriminate") && probabilities.size() > 0) probabilities(0, 0) = kNaN;
    return probabilities;
  }

  gantry::DiscriminatorStep discriminator_step(const gantry::Matrix& real,
                                               const gantry::Matrix& fake) override {
    if (faulty("throw")) throw std::runtime_error("faulty model: broke on purpose");
    gantry::DiscriminatorStep step{0, 0, 0, 0};
    gantry::Matrix gradient = gantry::Matrix::Zero(columns_, 1);
    double bias_gradient = 0;
    auto part = [&](const gantry::Matrix& rows, float label, double& loss, double& accuracy) {
      if (rows.rows() == 0) return;
      gantry::Matrix p = probabilities_of(rows);
      for (Eigen::Index i = 0; i < rows.rows(); ++i) {
        double q = label > 0.5f ? p(i, 0) : 1.0 - p(i, 0);
        loss -= std::log(std::max(q, 1e-7));
        accuracy += q > 0.5 ? 1.0 : 0.0;
        float error = p(i, 0) - label;
        gradient += error * rows.row(i).transpose();
        bias_gradient += error;
      }
      loss /= static_cast<double>(rows.rows());
      accuracy /= static_cast<double>(rows.rows());
    };
    part(real, 1.0f, step.loss_real, step.accuracy_real);
    part(fake, 0.0f, step.loss_fake, step.accuracy_fake);
    double count = std::max<double>(1.0, static_cast<double>(real.rows() + fake.rows()));
    weights_ -= (0.05 / count) * gradient;
    bias_ -= static_cast<float>(0.05 * bias_gradient / count);
    return step;
  }

  double generator_step(const gantry::Matrix& latent) override {
    bool fault_now = faulty("throw_int") || faulty("nan_loss");
    ++generator_steps_;
    if (fault_now && fault_ == "throw_int") throw 42;
    if (fault_now) return std::numeric_limits<double>::quiet_NaN();
    gantry::Matrix p = probabilities_of(latent * generator_);
    double loss = 0;
    for (Eigen::Index i = 0; i < p.rows(); ++i) loss -= std::log(std::max<double>(p(i, 0), 1e-7));
    return p.rows() > 0 ? loss / static_cast<double>(p.rows()) : 0.0;
  }

 private:
  bool faulty(const char* fault) const { return generator_steps_ >= after_ && fault_ == fault; }

  gantry::Matrix probabilities_of(const gantry::Matrix& samples) const {
    gantry::Matrix logits = samples * weights_;
    gantry::Matrix probabilities(logits.rows(), 1);
    for (Eigen::Index i = 0; i < logits.rows(); ++i) {
      probabilities(i, 0) = 1.0f / (1.0f + std::exp(-(logits(i, 0) + bias_)));
    }
    return probabilities;
  }

  std::string fault_;
  long long after_;
  int latent_;
  int columns_;
  gantry::Matrix generator_;
  gantry::Matrix weights_;
  float bias_ = 0.0f;
  long long generator_steps_ = 0;
};

constexpr gantry::OptionSpec kOptions[] = {
    gantry::option::choice("fault", "none",
                           "none|throw|throw_int|generate_shape|latent_shape|discriminate_shape|"
                           "nan_samples|nan_loss|nan_discriminate",
                           "what goes wrong"),
    gantry::option::integer("after", "0", "generator steps that behave before the fault", 0),
    gantry::option::integer("latent_dim", "2", "latent dimensions", 1),
    gantry::option::integer("fail_factory_seed", "0",
                            "the factory throws when created for this run seed (0: never)", 0),
};

}  // namespace

#ifdef FAULTY_MODEL_ABI_2
// Exported as a plugin built against the SDK of plugin ABI version 2 exports itself: the same
// descriptor and factory, with version 2 (ABI 3 only added ModelWeights, which this model lacks).
namespace gantry_plugin_export {
const gantry::PluginDescriptor descriptor = {
    gantry::kDescriptorMagic,
    2,
    static_cast<std::uint32_t>(sizeof(gantry::PluginDescriptor)),
    static_cast<std::uint32_t>(std::size(kOptions)),
    GANTRY_COMPILER_ABI,
    "model",
    "faulty",
    "0.0.1",
    "test model that fails on request, built for plugin ABI 2",
    kOptions};
gantry::GanModel* create(const gantry::PluginArgs& args) {
  return new FaultyModel(args);
}
}  // namespace gantry_plugin_export
BOOST_DLL_ALIAS(gantry_plugin_export::descriptor, gantry_descriptor)
BOOST_DLL_ALIAS(gantry_plugin_export::create, gantry_create_model)
#else
GANTRY_PLUGIN(model, FaultyModel, "faulty", "0.0.1", "test model that fails on request", kOptions)
#endif
