#include "gantry/sweep/sweep_shard.hpp"

#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/uuid_io.hpp>

#include <cstdlib>

#include "gantry/base/errors.hpp"
#include "gantry/base/whole_integer.hpp"

namespace gantry {
namespace {

int parse_positive(const std::string& text, const std::string& whole, const std::string& option) {
  std::optional<long long> value = whole_integer(text);
  if (!value || *value < 1 || *value > 1000000) {
    throw ConfigError(option + " '" + whole + "': expected K/N with 1 <= K <= N, e.g. 3/8");
  }
  return static_cast<int>(*value);
}

}  // namespace

std::string ShardSpec::name() const {
  return "shard-" + std::to_string(index) + "-of-" + std::to_string(count);
}

ShardSpec parse_shard(const std::string& text, const std::string& option) {
  std::size_t slash = text.find('/');
  if (slash == std::string::npos) {
    throw ConfigError(option + " '" + text + "': expected K/N with 1 <= K <= N, e.g. 3/8");
  }
  ShardSpec shard{parse_positive(text.substr(0, slash), text, option),
                  parse_positive(text.substr(slash + 1), text, option)};
  if (shard.index > shard.count) {
    throw ConfigError(option + " '" + text + "': share " + std::to_string(shard.index) +
                      " does not exist among " + std::to_string(shard.count) +
                      " (K counts from 1 to N)");
  }
  return shard;
}

ShardSpec shard_from_slurm_environment() {
  // Each variable is a non-negative integer; anything else is named rather than guessed at.
  auto variable = [](const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') {
      throw ConfigError(std::string("--shard slurm: ") + name +
                        " is not set; this is not a Slurm array task");
    }
    std::string text(value);
    // Digits only: whole_integer alone would take a sign or leading blanks.
    bool digits = text.size() <= 9 && text.find_first_not_of("0123456789") == std::string::npos;
    std::optional<long long> number = digits ? whole_integer(text) : std::nullopt;
    if (!number) {
      throw ConfigError(std::string("--shard slurm: ") + name + "='" + text +
                        "' is not a task number");
    }
    return static_cast<int>(*number);
  };
  int id = variable("SLURM_ARRAY_TASK_ID");
  int min = variable("SLURM_ARRAY_TASK_MIN");
  int count = variable("SLURM_ARRAY_TASK_COUNT");
  return parse_shard(std::to_string(id - min + 1) + "/" + std::to_string(count), "--shard slurm");
}

SweepPlan select_shard(const SweepPlan& plan, const ShardSpec& shard) {
  return plan.every(static_cast<std::size_t>(shard.index - 1),
                    static_cast<std::size_t>(shard.count));
}

std::string plan_fingerprint(const std::string& sweep_name, const SweepPlan& plan) {
  // A namespace of its own, so a fingerprint can never equal a run identity.
  static const boost::uuids::uuid kNamespace = {{0x3e, 0x91, 0x5a, 0x0c, 0x7d, 0x22, 0x4b, 0x6f,
                                                 0x8e, 0x13, 0xc4, 0x59, 0x0a, 0xb7, 0x61, 0xf2}};
  std::string text = "sweep = " + sweep_name + "\n";
  for (std::size_t run = 0; run < plan.size(); ++run) text += plan.identity(run) + "\n";
  boost::uuids::name_generator_sha1 generate(kNamespace);
  return boost::uuids::to_string(generate(text));
}

}  // namespace gantry
