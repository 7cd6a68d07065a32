#include "gantry/search/search_space.hpp"

#include <boost/random/sobol.hpp>
#include <cmath>
#include <cstdio>
#include <random>
#include <set>
#include <tuple>

#include "gantry/base/errors.hpp"
#include "gantry/base/text.hpp"

namespace gantry {
namespace {

std::string trim(const std::string& text) {
  std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

double parse_bound(const std::string& text, const std::string& spec) {
  try {
    std::size_t used = 0;
    double value = std::stod(text, &used);
    if (used == text.size() && std::isfinite(value)) return value;
  } catch (const std::exception&) {
  }
  throw ConfigError("--space '" + spec + "': '" + text + "' is not a number");
}

// "A..B" of a range.
std::pair<double, double> parse_range(const std::string& range, const std::string& spec) {
  std::size_t dots = range.find("..");
  if (dots == std::string::npos) {
    throw ConfigError("--space '" + spec + "': a range is written A..B, e.g. log:1e-4..1e-2");
  }
  return {parse_bound(range.substr(0, dots), spec), parse_bound(range.substr(dots + 2), spec)};
}

void check_range(const Dimension& dimension) {
  const std::string& spec = dimension.spec;
  if (dimension.kind == DimensionKind::log_uniform && !(dimension.low > 0)) {
    throw ConfigError("--space '" + spec + "': a log range needs a positive lower bound");
  }
  if (dimension.kind == DimensionKind::integer) {
    if (dimension.low != std::floor(dimension.low) ||
        dimension.high != std::floor(dimension.high)) {
      throw ConfigError("--space '" + spec + "': int:A..B takes whole numbers");
    }
    if (dimension.high < dimension.low) {
      throw ConfigError("--space '" + spec + "': the range runs backwards");
    }
  } else if (!(dimension.low < dimension.high)) {
    throw ConfigError("--space '" + spec + "': the range needs A < B");
  }
}

std::vector<std::string> parse_choices(const std::string& values, const std::string& spec) {
  std::vector<std::string> choices =
      split(values, values.find('|') != std::string::npos ? '|' : ',');
  std::set<std::string> seen;
  for (auto& choice : choices) {
    choice = trim(choice);
    if (choice.empty()) throw ConfigError("--space '" + spec + "': empty value");
    if (!seen.insert(choice).second) {
      throw ConfigError("--space '" + spec + "': value '" + choice + "' is listed twice");
    }
  }
  return choices;
}

std::string four_digits(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", value);
  return text;
}

// The value of `dimension` at u in [0, 1).
std::string value_at(const Dimension& dimension, double u) {
  switch (dimension.kind) {
    case DimensionKind::choice: {
      auto index = static_cast<std::size_t>(u * static_cast<double>(dimension.choices.size()));
      return dimension.choices[std::min(index, dimension.choices.size() - 1)];
    }
    case DimensionKind::integer: {
      double count = dimension.high - dimension.low + 1;
      return std::to_string(
          static_cast<long long>(dimension.low + std::min(std::floor(u * count), count - 1)));
    }
    case DimensionKind::uniform:
      return four_digits(dimension.low + u * (dimension.high - dimension.low));
    case DimensionKind::log_uniform:
      return four_digits(std::exp(std::log(dimension.low) +
                                  u * (std::log(dimension.high) - std::log(dimension.low))));
  }
  return {};
}

std::vector<std::string> enumerate(const Dimension& dimension) {
  if (dimension.kind == DimensionKind::choice) return dimension.choices;
  std::vector<std::string> values;
  for (auto v = static_cast<long long>(dimension.low); v <= static_cast<long long>(dimension.high);
       ++v) {
    values.push_back(std::to_string(v));
  }
  return values;
}

}  // namespace

Dimension parse_dimension(const std::string& spec) {
  std::size_t equals = spec.find('=');
  if (equals == std::string::npos || equals == 0 || spec.find('.') > equals) {
    throw ConfigError("--space '" + spec +
                      "': expected section.key=SPEC, SPEC being v1,v2,... or log:A..B, "
                      "uniform:A..B, int:A..B");
  }
  Dimension dimension;
  dimension.key = spec.substr(0, equals);
  dimension.spec = spec;
  std::string value = spec.substr(equals + 1);
  if (trim(value).empty()) throw ConfigError("--space '" + spec + "': no values");
  const std::pair<const char*, DimensionKind> ranges[] = {{"log:", DimensionKind::log_uniform},
                                                          {"uniform:", DimensionKind::uniform},
                                                          {"int:", DimensionKind::integer}};
  for (const auto& [prefix, kind] : ranges) {
    std::string head(prefix);
    if (value.rfind(head, 0) == 0) {
      dimension.kind = kind;
      std::tie(dimension.low, dimension.high) = parse_range(value.substr(head.size()), spec);
      check_range(dimension);
      return dimension;
    }
  }
  dimension.choices = parse_choices(value, spec);
  return dimension;
}

void check_space(const std::vector<Dimension>& space) {
  if (space.empty()) {
    throw ConfigError("the search space is empty: give at least one --space KEY=SPEC");
  }
  std::set<std::string> keys;
  for (const Dimension& dimension : space) {
    if (!keys.insert(dimension.key).second) {
      throw ConfigError("--space: '" + dimension.key + "' is given twice");
    }
  }
}

std::string Configuration::label() const {
  std::vector<std::string> parts;
  for (const auto& [key, value] : settings) parts.push_back(key + "=" + value);
  return join(parts, " ");
}

bool is_enumerable(const std::vector<Dimension>& space) {
  for (const Dimension& dimension : space) {
    if (dimension.kind == DimensionKind::uniform || dimension.kind == DimensionKind::log_uniform) {
      return false;
    }
  }
  return true;
}

std::vector<Configuration> grid_configurations(const std::vector<Dimension>& space,
                                               std::size_t limit) {
  std::vector<Configuration> points{Configuration{}};
  for (const Dimension& dimension : space) {
    if (!is_enumerable({dimension})) {
      throw ConfigError("--space '" + dimension.spec +
                        "': a continuous range has no grid; give values, or use --strategy "
                        "random or race with --configurations");
    }
    std::vector<std::string> values = enumerate(dimension);
    if (points.size() * values.size() > limit) {
      throw ConfigError("the space has more than " + std::to_string(limit) +
                        " configurations; narrow it, or sample it with --configurations");
    }
    std::vector<Configuration> expanded;
    for (const Configuration& point : points) {
      for (const std::string& value : values) {
        Configuration next = point;
        next.settings.emplace_back(dimension.key, value);
        expanded.push_back(std::move(next));
      }
    }
    points = std::move(expanded);
  }
  return points;
}

std::vector<Configuration> sample_configurations(const std::vector<Dimension>& space,
                                                 std::size_t count, std::uint64_t seed) {
  using Sobol = boost::random::sobol_engine<std::uint32_t, 32>;
  Sobol sobol(space.size());
  std::mt19937_64 shifts(seed);
  std::vector<std::uint32_t> shift(space.size());
  for (auto& s : shift) s = static_cast<std::uint32_t>(shifts() >> 32);
  std::vector<Configuration> points;
  std::set<std::string> seen;
  // A space of few distinct points repeats them; a bounded number of draws ends the search.
  for (std::size_t draw = 0; points.size() < count && draw < 64 * count + 1024; ++draw) {
    Configuration point;
    for (std::size_t d = 0; d < space.size(); ++d) {
      double u = static_cast<double>(sobol() ^ shift[d]) * 0x1p-32;
      point.settings.emplace_back(space[d].key, value_at(space[d], u));
    }
    if (seen.insert(point.label()).second) points.push_back(std::move(point));
  }
  return points;
}

}  // namespace gantry
