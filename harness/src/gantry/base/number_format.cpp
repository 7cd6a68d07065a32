#include "gantry/base/number_format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace gantry {

std::string format_number(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
  return buffer;
}

std::string format_number(const std::optional<double>& value, int digits) {
  return value ? format_number(*value, digits) : "-";
}

std::string format_p(double p) {
  if (p < 0.001) return "p < 0.001";
  return "p = " + format_number(p, 2);
}

std::string format_percent(double share) {
  double percent = 100.0 * share;
  if (percent > 0 && percent < 0.5) return "<1%";
  if (percent < 100 && percent >= 99.5) return ">99%";
  return format_number(std::round(percent), 3) + "%";
}

std::string format_exact(double value) {
  // std::to_chars with a precision writes what printf's %.*g writes (the standard defines it
  // so), without the locale and stream machinery: a report's curves format a million numbers.
  char buffer[64];
  char* end = buffer;
  for (int digits = 15; digits <= 17; ++digits) {
    end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, digits)
              .ptr;
    double parsed = 0.0;
    // NaN never compares equal, so it is written with 17 digits, as printf's loop did.
    if (std::from_chars(buffer, end, parsed).ec == std::errc() && parsed == value) break;
  }
  return std::string(buffer, end);
}

std::string format_duration(double seconds) {
  char text[32];
  if (seconds < 59.95) {
    std::snprintf(text, sizeof text, "%.1fs", std::max(0.0, seconds));
    return text;
  }
  long long total = std::llround(seconds);
  if (total >= 3600) {
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60,
                  total % 60);
  } else {
    std::snprintf(text, sizeof text, "%lld:%02lld", total / 60, total % 60);
  }
  return text;
}

}  // namespace gantry
