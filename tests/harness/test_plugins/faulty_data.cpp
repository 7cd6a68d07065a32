// A data plugin for tests that misbehaves on request: after `after` calls to sample() it
// returns NaN rows (a divergence), throws (a plugin failure mid-run), or crashes the process
// (segfault, abort). With fault = none it is a plain y = x target. Built under a configurable
// name so one source gives several plugins.
#include <boost/random/uniform_real_distribution.hpp>
#include <csignal>
#include <cstdlib>
#include <stdexcept>

#include "gantry/plugin_export.hpp"

#ifndef FAULTY_PLUGIN_NAME
#define FAULTY_PLUGIN_NAME "faulty"
#endif

namespace {

class FaultyData final : public gantry::DataSource {
 public:
  explicit FaultyData(const gantry::PluginArgs& args)
      : fault_(args.options.text("fault")), after_(args.options.integer("after")) {
    if (args.options.boolean("throw_in_factory")) {
      throw std::runtime_error("faulty plugin refuses to be created");
    }
  }
  int dimensions() const override { return 2; }
  std::optional<gantry::ImageShape> image_shape() const override { return std::nullopt; }
  gantry::Matrix sample(int rows, gantry::Random& random) const override {
    if (++calls_ > after_ && fault_ == "throw")
      throw std::logic_error("faulty plugin: broke on purpose");
    if (calls_ > after_ && fault_ == "segfault") std::raise(SIGSEGV);
    if (calls_ > after_ && fault_ == "abort") std::abort();
    gantry::Matrix values(rows, 2);
    boost::random::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
    for (int i = 0; i < rows; ++i) {
      float x = uniform(random);
      values(i, 0) = x;
      values(i, 1) =
          calls_ > after_ && fault_ == "nan" ? std::numeric_limits<float>::quiet_NaN() : x;
    }
    return values;
  }
  std::vector<gantry::Score> score(const gantry::Matrix& generated,
                                   const gantry::Matrix&) const override {
    return {{"mean_y", static_cast<double>(generated.col(1).mean())}};
  }

 private:
  std::string fault_;
  long long after_;
  mutable long long calls_ = 0;
};

constexpr gantry::OptionSpec kOptions[] = {
    gantry::option::choice("fault", "none", "none|nan|throw|segfault|abort", "what goes wrong"),
    gantry::option::integer("after", "0", "sample() calls that behave before the fault", 0),
    gantry::option::boolean("throw_in_factory", "false", "throw from the constructor"),
#ifdef FAULTY_DUPLICATE_OPTION
    gantry::option::integer("after", "1", "declared twice on purpose", 0),
#endif
};

}  // namespace

GANTRY_PLUGIN(data, FaultyData, FAULTY_PLUGIN_NAME, "0.0.1", "test plugin that fails on request",
              kOptions)
