// A data plugin whose score's truth is known, for testing the race through the whole engine.
// Its score "known" is, for a run of seed s and profile p:
//   luck(s) + noise(s, p) + (p == "worse" ? 0.5 : 0)
// luck(s) is the mean x of the held-out real rows, the same for every profile of a seed (the
// seed as the block, as training luck is); noise is uniform on [0, 1), drawn from a generator
// seeded by the seed's luck and the profile, so it differs between profiles of one seed. The
// profiles "equal-a", "equal-b" and "equal-c" are equal in truth; "worse" is worse by half the
// noise range, as in bench/race_rates.cpp. Training does not enter the score.
#include <boost/random/uniform_real_distribution.hpp>
#include <cstdint>
#include <cstring>
#include <random>

#include "gantry/plugin_export.hpp"

namespace {

std::uint64_t fnv1a(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

class KnownTruthData final : public gantry::DataSource {
 public:
  explicit KnownTruthData(const gantry::PluginArgs& args)
      : profile_(args.options.text("profile")) {}
  int dimensions() const override { return 2; }
  std::optional<gantry::ImageShape> image_shape() const override { return std::nullopt; }
  gantry::Matrix sample(int rows, gantry::Random& random) const override {
    gantry::Matrix values(rows, 2);
    boost::random::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
    for (int i = 0; i < rows; ++i) values(i, 0) = values(i, 1) = uniform(random);
    return values;
  }
  std::vector<gantry::Score> score(const gantry::Matrix&,
                                   const gantry::Matrix& real) const override {
    double luck = static_cast<double>(real.col(0).mean());
    std::uint64_t bits = 0;
    std::memcpy(&bits, &luck, sizeof bits);
    std::mt19937_64 engine(bits ^ fnv1a(profile_));
    double noise = static_cast<double>(engine() >> 11) * 0x1p-53;
    return {{"known", luck + noise + (profile_ == "worse" ? 0.5 : 0.0)}};
  }

 private:
  std::string profile_;
};

constexpr gantry::OptionSpec kOptions[] = {
    gantry::option::choice("profile", "equal-a", "equal-a|equal-b|equal-c|worse",
                           "which configuration this is"),
};

}  // namespace

GANTRY_PLUGIN(data, KnownTruthData, "known-truth", "0.0.1",
              "test plugin whose score's truth is known", kOptions)
