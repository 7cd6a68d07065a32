// The figure of one run's samples: what the generator drew at its evaluations, over the real
// rows it should match.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "gantry/analysis/plots/gnuplot.hpp"
#include "gantry/analysis/report/curve_columns.hpp"
#include "gantry/artifacts/sample_reader.hpp"

namespace gantry::analysis::plots {

// At most this many panels: evenly spaced evaluations, always with the first and the last.
constexpr std::size_t kMaxSamplePanels = 12;

// samples-run-<id>: one panel per chosen sample set. Rows of width 2 (x, y) are drawn as points,
// the generated ones over the real rows in grey; wider rows (sine curves) as curves over the
// column index, the first 5 generated rows over the first 5 real ones. `title` heads the figure.
// Throws StorageError naming the file when it holds no generated samples.
Figure samples_figure(const RunSamples& samples, std::int64_t run_id, const std::string& title);

}  // namespace gantry::analysis::plots
