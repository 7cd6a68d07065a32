#include "gantry/config/run_identity.hpp"

#include <algorithm>
#include <vector>

#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/uuid_io.hpp>

#include "gantry/config/experiment.hpp"

namespace gantry {
namespace {

// Sections that change no number of a run, so they stay out of its identity: a run recorded
// before they existed keeps its identity, and resuming it does not run it again.
const std::vector<std::string> kUnidentifiedSections = {"experiment", "images", "resources",
                                                        "checkpoint"};

bool identifies_the_run(const std::string& key) {
  std::string section = key.substr(0, key.find('.'));
  return std::find(kUnidentifiedSections.begin(), kUnidentifiedSections.end(), section) ==
         kUnidentifiedSections.end();
}

}  // namespace

RunIdentity::RunIdentity(const ResolvedExperiment& experiment)
    : before_seed_(experiment.plugins() + "\nseed = ") {
  for (const auto& setting : experiment.settings()) {
    if (identifies_the_run(setting.key)) after_seed_ += setting.key + " = " + setting.value + "\n";
  }
}

std::string RunIdentity::of(std::int64_t seed) const {
  // A fixed namespace UUID for Gantry run identities (generated once, never to change).
  static const boost::uuids::uuid kNamespace = {{0x6b, 0x1f, 0x3c, 0x52, 0x9e, 0x07, 0x4d, 0x8a,
                                                 0xa1, 0x44, 0x2e, 0x90, 0x5c, 0x37, 0xd2, 0x0f}};
  std::string identified = before_seed_ + std::to_string(seed) + "\n" + after_seed_;
  boost::uuids::name_generator_sha1 generate(kNamespace);
  return boost::uuids::to_string(generate(identified));
}

}  // namespace gantry
