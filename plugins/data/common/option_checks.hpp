// Checks a data plugin runs on its options in its constructor. The harness already enforces
// each option's declared type and bounds, but a plugin is also built directly (tests, other
// tools), and relations between options (x_low < x_high) are not expressible as bounds. Every
// failure throws gantry::OptionError naming the option.
#pragma once

#include <string>

#include "gantry/options.hpp"

namespace gantry::plugins {

// The option as a finite real number.
double finite_real(const Options& options, const std::string& name);

// The option as a finite real number strictly greater than `lower_bound`.
double real_above(const Options& options, const std::string& name, double lower_bound);

// The option as an integer of at least `minimum`.
long long integer_at_least(const Options& options, const std::string& name, long long minimum);

// Throws unless low < high, naming both options and their values.
void require_ordered(const Options& options, const std::string& low_name,
                     const std::string& high_name);

}  // namespace gantry::plugins
