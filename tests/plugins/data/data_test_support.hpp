// Helpers shared by the data plugin tests: building a plugin from option values, reading a
// score by name and the moments of a sample column.
#pragma once

#include <cmath>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "gantry/data_source.hpp"
#include "gantry/matrix.hpp"
#include "gantry/options.hpp"
#include "gantry/plugin_args.hpp"

namespace data_test {

// A data plugin built the way the harness builds it, from resolved option values.
template <class Data>
Data make_data(std::map<std::string, std::string> values) {
  gantry::Options options(std::move(values));
  return Data(gantry::PluginArgs{options, 0, 1});
}

inline double score_named(const std::vector<gantry::Score>& scores, const std::string& name) {
  for (const gantry::Score& score : scores) {
    if (score.name == name) return score.value;
  }
  throw std::out_of_range("no score named " + name);
}

struct Moments {
  double mean;
  double variance;
};

inline Moments column_moments(const gantry::Matrix& rows, int column) {
  double mean = rows.col(column).cast<double>().mean();
  double variance =
      (rows.col(column).cast<double>().array() - mean).square().sum() / (rows.rows() - 1);
  return {mean, variance};
}

// Standard errors of the mean and of the sample variance of n draws from U(a, b), whose
// variance is w^2 / 12 and fourth central moment w^4 / 80 for width w = b - a.
inline double uniform_mean_error(double width, int n) {
  return width / std::sqrt(12.0 * n);
}
inline double uniform_variance_error(double width, int n) {
  double fourth_moment = std::pow(width, 4) / 80.0;
  double variance = width * width / 12.0;
  return std::sqrt((fourth_moment - variance * variance) / n);
}

}  // namespace data_test
