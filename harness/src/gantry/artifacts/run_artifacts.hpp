// One run's files: the HDF5 file with samples (held-out real, generated at each evaluation,
// final), image grids, the metric curves and the finished networks' weights, with the run's
// identity and configuration as attributes; and, for image data, a folder of PNG grids beside it.
// The layout is a public interface (docs/results-schema.md), versioned by the root attribute
// gantry_layout_version.
//
// Each write opens, writes and closes the file, so a run killed between evaluations leaves a
// readable file. The names are layout.hpp's; every HDF5 call goes through hdf5_access.hpp.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gantry/artifacts/layout.hpp"
#include "gantry/data_source.hpp"
#include "gantry/matrix.hpp"
#include "gantry/model_weights.hpp"

namespace gantry {

struct RunAttributes {
  std::int64_t run_id;
  std::string sweep;
  std::int64_t seed;
  std::string identity;
  std::string config;
  std::string gantry_version;
  std::string git_commit;
};

class RunArtifacts {
 public:
  // Creates (or truncates, on a rerun) the file and writes the root attributes; removes the PNG
  // folder an earlier attempt of the run left.
  RunArtifacts(std::string path, const RunAttributes& attributes);

  // The file of an interrupted attempt, continued from its checkpoint at `step`: what the
  // attempt wrote after that step (evaluations, final samples, weights, curves) is removed, the
  // rest kept. Throws StorageError when the file cannot be opened or is another run's.
  static RunArtifacts resumed(std::string path, std::int64_t run_id, long long step);

  const std::string& path() const { return path_; }
  // The PNG folder: the HDF5 file's path without ".h5".
  std::string png_dir() const;

  // Writes rows as /samples/<name> (float32, rows x columns), with the step as an attribute
  // when it is not negative.
  void write_samples(const std::string& name, const Matrix& rows, long long step = -1);

  // Writes rows that are images of `shape` as /images/<name> (float32, rows x height x width x
  // channels) with the step as an attribute; with `png`, also tiles them into a grid of
  // grid_columns images per row as <png_dir>/<name>.png.
  void write_images(const std::string& name, const Matrix& rows, const ImageShape& shape,
                    long long step, int grid_columns, bool png);

  // Writes a network's tensors as /weights/<network>/<tensor name> (float32, the tensor's shape;
  // a name's '/' makes groups), replacing what the group held.
  void write_weights(const std::string& network, const std::vector<WeightTensor>& tensors);

  // Writes each curve as /metrics/<key>: float64, n x 2, columns (step, value).
  void write_curves(const std::map<std::string, std::vector<std::pair<long long, double>>>& curves);

 private:
  explicit RunArtifacts(std::string path) : path_(std::move(path)) {}

  std::string path_;
};

// Rewrites the root attribute run_id of an existing run file: `gantry merge` gives a run a new
// id in the merged database, and the file must keep naming its row.
void rewrite_run_id(const std::string& path, std::int64_t run_id);

}  // namespace gantry
