// Where a run's files go and what they are called: the file names under the artifacts
// directory and the paths the results database records for them. One owner, so the run that
// writes a file and `gantry merge`, which copies it, name it the same way.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace gantry {

// `file` as runs.hdf5_path records it: relative to `db_dir` when below it, else absolute.
std::string recorded_path(const std::filesystem::path& file, const std::filesystem::path& db_dir);

// "run-000012-8e489c8f.h5": the run id orders files the way `gantry runs` lists them; the
// identity prefix keeps runs of different databases sharing an artifacts directory apart.
std::string artifact_file_name(std::int64_t run_id, const std::string& identity);

}  // namespace gantry
