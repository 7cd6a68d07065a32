// An option as the harness keeps it after reading a plugin's OptionSpec table (owned strings,
// so it outlives nothing), plus the checks every declared option gets.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gantry/base/value.hpp"
#include "gantry/option_spec.hpp"

namespace gantry {

struct OptionInfo {
  std::string name;
  OptionType type;
  std::string default_value;
  std::string help;
  double min_value;
  double max_value;
  bool min_exclusive;
  std::vector<std::string> choices;

  static OptionInfo from_spec(const OptionSpec& spec);

  // Returns why `value` is not acceptable for this option, or nothing when it is.
  std::optional<std::string> problem_with(const std::string& value) const;
  // The value as SQLite should store it: numbers as numbers, booleans as 0/1, the rest as text.
  Value typed(const std::string& value) const;
  // e.g. "integer >= 1", "adam|sgd"
  std::string describe_type() const;
};

const char* type_name(OptionType type);

}  // namespace gantry
