// Internal to the html format: what a run's generator drew at its evaluations, read from its HDF5
// file for the page's samples figure: (x, y) rows as points, wider rows as a few curves, images
// as PNG grids in data: URIs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gantry/analysis/report/report.hpp"

namespace gantry::analysis::html {

// How much of a run's samples the page keeps; the first rows of a set are as random as any.
struct SampleLimits {
  std::size_t evaluations = 40;  // evenly spaced, the first and the last included
  std::size_t rows = 500;        // (x, y) rows per evaluation
  std::size_t real_rows = 1000;  // held-out real (x, y) rows
  std::size_t curves = 5;        // rows drawn as curves when rows are wider than (x, y)
};

struct SampleData {
  nlohmann::json runs = nlohmann::json::array();
  std::vector<std::string> notes;  // a run whose samples could not be read, and why
};

// The samples of `run_ids`, each a report run with an HDF5 file; one that cannot be read is left
// out with a note.
SampleData sample_data(const Report& report, const std::vector<std::int64_t>& run_ids,
                       const SampleLimits& limits);

// `bytes` in base 64 (RFC 4648, padded), for data: URIs.
std::string base64(const std::vector<std::uint8_t>& bytes);

}  // namespace gantry::analysis::html
