// The two ends of `gantry merge`: its inputs, opened read-only and checked (a Gantry database of
// a version this gantry reads, passing SQLite's quick_check) with the shares they record, and its
// output, opened for writing and migrated. Internal to results_merge.cpp.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "gantry/store/sqlite.hpp"

namespace gantry::merge_detail {

// One row of an input's shards table, with its sweep's name.
struct ShardRow {
  std::string sweep;
  std::string plan;
  std::int64_t index;
  std::int64_t count;
  std::int64_t runs;
  std::int64_t plan_runs;
  std::string recorded_at;
};

// "sweep 'tanh', plan 91ecc67e, shard 2/8"
std::string describe(const ShardRow& row);

// An input that opened read-only and passed the checks.
struct Input {
  sqlite::Connection connection;
  int version;
  std::vector<ShardRow> shards;
};

// Throws GantryError saying what is wrong with the file: missing, not a Gantry database, newer,
// truncated or damaged.
Input open_input(const std::filesystem::path& path);

// Opens or creates the output in WAL mode and migrates it; throws SchemaError when it is not a
// Gantry database or is newer than this gantry, before changing anything.
sqlite::Connection open_output(const std::filesystem::path& path);

}  // namespace gantry::merge_detail
