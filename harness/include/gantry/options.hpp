// The resolved options handed to a plugin's factory: every declared option with its value from
// the experiment file, a --set override or its default. The harness has already checked types
// and bounds against the plugin's OptionSpec table, so the getters only convert.
#pragma once

#include <initializer_list>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

namespace gantry {

// Thrown by a plugin (or by these getters) when an option value cannot be used; the harness
// reports it as a configuration error naming the plugin.
class OptionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A number as people write it in an option message ("0", "0.75", "1e-07"), unlike
// std::to_string's fixed six decimals.
inline std::string spell_number(double number) {
  std::ostringstream text;
  text << number;
  return text.str();
}

class Options {
 public:
  Options() = default;
  explicit Options(std::map<std::string, std::string> values) : values_(std::move(values)) {}

  bool contains(const std::string& key) const { return values_.count(key) != 0; }
  const std::map<std::string, std::string>& values() const { return values_; }

  const std::string& text(const std::string& key) const {
    auto found = values_.find(key);
    if (found == values_.end()) throw OptionError("option '" + key + "' is not set");
    return found->second;
  }

  long long integer(const std::string& key) const {
    const std::string& value = text(key);
    try {
      std::size_t used = 0;
      long long parsed = std::stoll(value, &used);
      if (used == value.size()) return parsed;
    } catch (const std::exception&) {
    }
    throw OptionError("option '" + key + "' = '" + value + "' is not an integer");
  }

  double real(const std::string& key) const {
    const std::string& value = text(key);
    try {
      std::size_t used = 0;
      double parsed = std::stod(value, &used);
      if (used == value.size()) return parsed;
    } catch (const std::exception&) {
    }
    throw OptionError("option '" + key + "' = '" + value + "' is not a number");
  }

  // The value of a choice option, checked against `allowed` (the harness checks declared choices
  // already; this keeps a plugin safe when it is constructed directly, as in its tests).
  const std::string& choice(const std::string& key,
                            std::initializer_list<const char*> allowed) const {
    const std::string& value = text(key);
    std::string listed;
    for (const char* candidate : allowed) {
      if (value == candidate) return value;
      listed += (listed.empty() ? "" : "|") + std::string(candidate);
    }
    throw OptionError("option '" + key + "' = '" + value + "' must be one of " + listed);
  }

  bool boolean(const std::string& key) const {
    const std::string& value = text(key);
    if (value == "true" || value == "1" || value == "yes" || value == "on") return true;
    if (value == "false" || value == "0" || value == "no" || value == "off") return false;
    throw OptionError("option '" + key + "' = '" + value + "' is not true or false");
  }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace gantry
