#include "common/option_checks.hpp"

#include <cmath>

namespace gantry::plugins {

namespace {

std::string quoted(const Options& options, const std::string& name) {
  return "option '" + name + "' = '" + options.text(name) + "'";
}

}  // namespace

double finite_real(const Options& options, const std::string& name) {
  double value = options.real(name);
  if (!std::isfinite(value)) throw OptionError(quoted(options, name) + " must be finite");
  return value;
}

double real_above(const Options& options, const std::string& name, double lower_bound) {
  double value = finite_real(options, name);
  if (!(value > lower_bound)) {
    throw OptionError(quoted(options, name) + " must be greater than " + spell_number(lower_bound));
  }
  return value;
}

long long integer_at_least(const Options& options, const std::string& name, long long minimum) {
  long long value = options.integer(name);
  if (value < minimum) {
    throw OptionError(quoted(options, name) + " must be at least " + std::to_string(minimum));
  }
  return value;
}

void require_ordered(const Options& options, const std::string& low_name,
                     const std::string& high_name) {
  // Equal bounds are refused too: Boost's uniform_real_distribution never returns for them.
  if (!(finite_real(options, low_name) < finite_real(options, high_name))) {
    throw OptionError(quoted(options, low_name) + " must be less than " +
                      quoted(options, high_name));
  }
}

}  // namespace gantry::plugins
