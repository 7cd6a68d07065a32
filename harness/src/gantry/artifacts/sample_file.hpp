// The files `gantry sample` writes: rows x columns float32, as NumPy's .npy (format 1.0,
// little-endian '<f4', C order) or as HDF5 (/samples, with where the rows came from as
// attributes). Documented in docs/results-schema.md.
#pragma once

#include <cstdint>
#include <string>

#include "gantry/matrix.hpp"

namespace gantry {

enum class SampleFileFormat { npy, hdf5 };

// By the file's extension: .npy, or .h5 / .hdf5. Throws ConfigError naming the extensions.
SampleFileFormat sample_file_format(const std::string& path);

struct SampleOrigin {
  std::int64_t run_id = 0;
  std::uint64_t sample_seed = 0;
  std::string config;  // the run's resolved settings
};

// Writes `rows` to `path` (replacing it whole: a temporary file renamed over it). Throws
// StorageError naming the file.
void write_sample_file(const std::string& path, const Matrix& rows, const SampleOrigin& origin);

}  // namespace gantry
