// The names of a run's files and of what is inside them: the file names under the artifacts
// directory, the paths the results database records for them, and the HDF5 layout's groups,
// datasets and attributes (docs/results-schema.md). One owner, so the run that writes a file,
// `gantry merge`, which copies it, and `gantry report`, which reads it, agree on every name.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace gantry {

// 2 added /images; a version 1 file is a version 2 file without image grids. 3 added /weights
// (a finished run's networks); a version 2 file is a version 3 file without them.
inline constexpr int kHdf5LayoutVersion = 3;

namespace layout {

// Groups of the HDF5 file.
inline constexpr const char* kSamples = "/samples";  // rows x columns float32 tables
inline constexpr const char* kImages = "/images";    // rows x height x width x channels float32
inline constexpr const char* kMetrics = "/metrics";  // one n x 2 (step, value) float64 per key
inline constexpr const char* kWeights = "/weights";  // /weights/<network>/<tensor name>, float32

// The groups of /weights, one per network.
inline constexpr const char* kGenerator = "generator";
inline constexpr const char* kDiscriminator = "discriminator";

// Datasets of /samples (and, for evaluations, /images).
inline constexpr const char* kHeldoutReal = "real";  // the held-out real rows, drawn once
inline constexpr const char* kFinal = "final";       // generated after training
// "step_200": what the evaluation of step 200 generated.
std::string evaluation(long long step);
// The step of an evaluation's dataset name ("step_200" -> 200), or nothing for other names.
std::optional<long long> step_of_evaluation(const std::string& name);

// Attributes.
inline constexpr const char* kLayoutVersion = "gantry_layout_version";  // root
inline constexpr const char* kRunId = "run_id";                         // root
inline constexpr const char* kStep = "step";                 // a samples or images dataset
inline constexpr const char* kGridColumns = "grid_columns";  // an images dataset
inline constexpr const char* kColumns = "columns";           // a metrics dataset: "step,value"

}  // namespace layout

// `file` as runs.hdf5_path records it: relative to `db_dir` when below it, else absolute.
std::string recorded_path(const std::filesystem::path& file, const std::filesystem::path& db_dir);

// Sweep names become directory names under the artifacts directory: refuses anything but
// letters, digits, '.', '_' and '-', a leading '.', and more than kMaxSweepNameLength characters.
// Throws ConfigError naming the sweep and the rule. Also for names read from a database being
// merged: a share's sweep named "../x" must not write outside the artifacts directory.
inline constexpr std::size_t kMaxSweepNameLength = 128;
void check_sweep_name(const std::string& name);

// "run-000012-8e489c8f.h5": the run id orders files the way `gantry runs` lists them; the
// identity prefix keeps runs of different databases sharing an artifacts directory apart.
std::string artifact_file_name(std::int64_t run_id, const std::string& identity);

}  // namespace gantry
