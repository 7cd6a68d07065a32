// Reads a run's samples back from its HDF5 file (docs/results-schema.md), with the names of
// layout.hpp and the lock and error mapping of hdf5_access.hpp: the held-out real rows and the
// rows generated at each evaluation, for `gantry report --plots`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gantry {

// One /samples dataset: rows x columns floats, row-major.
struct SampleSet {
  std::string name;               // "real", "step_1000", "final"
  std::optional<long long> step;  // the evaluation's step (absent for "real")
  std::size_t rows = 0, columns = 0;
  std::vector<float> values;

  float at(std::size_t row, std::size_t column) const { return values[row * columns + column]; }
};

struct RunSamples {
  std::string path;
  SampleSet real;
  // /samples/step_<N> by increasing N, then /samples/final when the file has it.
  std::vector<SampleSet> generated;
};

// Throws StorageError naming the file when it cannot be read, has no /samples/real, or holds
// a sample set that is not a 2-D table as wide as the real rows.
RunSamples read_run_samples(const std::string& path);

// One /images dataset: the images G drew at an evaluation, count x height x width x channels
// floats in [-1, 1], kept to be tiled grid_columns to a row.
struct ImageSet {
  std::string name;  // "step_1000"
  long long step = 0;
  int count = 0, height = 0, width = 0, channels = 0, grid_columns = 0;
  std::vector<float> values;
};

// What figures call a sample or image set: "step 200", or "final (step 1500)" for /samples/final.
std::string evaluation_label(const std::string& name, std::optional<long long> step);

// /images/step_<N> by increasing N; empty when the file has no /images (not image data).
// Throws StorageError naming the file when it cannot be read or a dataset is not 4-D.
std::vector<ImageSet> read_run_images(const std::string& path);

}  // namespace gantry
