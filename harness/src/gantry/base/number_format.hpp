// How the report writes numbers for people: a few significant digits in tables and sentences
// (csv and json carry full precision instead), p-values as statisticians write them.
#pragma once

#include <optional>
#include <string>

namespace gantry {

// `value` to `digits` significant digits, without trailing zeros ("0.0123", "1.5e+06").
std::string format_number(double value, int digits = 4);

// "-" for an absent value.
std::string format_number(const std::optional<double>& value, int digits = 4);

// "p = 0.031", "p < 0.001".
std::string format_p(double p);

// "71%" (whole percent; "<1%" and ">99%" rather than a misleading 0% or 100%).
std::string format_percent(double share);

// Full precision: the shortest text that reads back as the same double.
std::string format_exact(double value);

// "4.2s", "1:05", "2:03:04"
std::string format_duration(double seconds);

}  // namespace gantry
