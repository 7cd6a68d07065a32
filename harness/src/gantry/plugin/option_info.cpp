#include "gantry/plugin/option_info.hpp"

#include <cmath>
#include <map>

#include "gantry/base/text.hpp"
#include "gantry/options.hpp"

namespace gantry {
namespace {

std::vector<std::string> split_choices(const char* choices) {
  if (choices == nullptr) return {};
  return split(choices, '|');
}

}  // namespace

const char* type_name(OptionType type) {
  switch (type) {
    case OptionType::integer:
      return "integer";
    case OptionType::real:
      return "real";
    case OptionType::boolean:
      return "boolean";
    case OptionType::text:
      return "text";
    case OptionType::choice:
      return "choice";
  }
  return "unknown";
}

OptionInfo OptionInfo::from_spec(const OptionSpec& spec) {
  return OptionInfo{spec.name ? spec.name : "",
                    spec.type,
                    spec.default_value ? spec.default_value : "",
                    spec.help ? spec.help : "",
                    spec.min_value,
                    spec.max_value,
                    spec.min_exclusive,
                    split_choices(spec.choices)};
}

std::string OptionInfo::describe_type() const {
  if (type == OptionType::choice) {
    return join(choices, "|");
  }
  std::string text = type_name(type);
  if (type == OptionType::integer || type == OptionType::real) {
    bool has_min = std::isfinite(min_value);
    bool has_max = std::isfinite(max_value);
    if (has_min && has_max && !min_exclusive) {
      text += " in [" + spell_number(min_value) + ", " + spell_number(max_value) + "]";
    } else {
      if (has_min) text += (min_exclusive ? " > " : " >= ") + spell_number(min_value);
      if (has_max) text += std::string(has_min ? "," : "") + " <= " + spell_number(max_value);
    }
  }
  return text;
}

std::optional<std::string> OptionInfo::problem_with(const std::string& value) const {
  Options probe(std::map<std::string, std::string>{{name, value}});
  try {
    switch (type) {
      case OptionType::integer:
      case OptionType::real: {
        double number = type == OptionType::integer ? static_cast<double>(probe.integer(name))
                                                    : probe.real(name);
        if (!std::isfinite(number)) return "'" + value + "' is not a finite number";
        bool below = min_exclusive ? number <= min_value : number < min_value;
        if (below || number > max_value) {
          return "'" + value + "' is out of range: expected " + describe_type();
        }
        return std::nullopt;
      }
      case OptionType::boolean:
        probe.boolean(name);
        return std::nullopt;
      case OptionType::choice:
        for (const auto& choice : choices) {
          if (choice == value) return std::nullopt;
        }
        return "'" + value + "' is not one of " + describe_type();
      case OptionType::text:
        return std::nullopt;
    }
  } catch (const OptionError&) {
    return "'" + value + "' is not " +
           (type == OptionType::integer ? "an integer"
            : type == OptionType::real  ? "a number"
                                        : "true or false");
  }
  return std::nullopt;
}

Value OptionInfo::typed(const std::string& value) const {
  Options probe(std::map<std::string, std::string>{{name, value}});
  switch (type) {
    case OptionType::integer:
      return Value{std::int64_t{probe.integer(name)}};
    case OptionType::real:
      return Value{probe.real(name)};
    case OptionType::boolean:
      return Value{std::int64_t{probe.boolean(name) ? 1 : 0}};
    default:
      return Value{value};
  }
}

}  // namespace gantry
