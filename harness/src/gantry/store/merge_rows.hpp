// The rows `gantry merge` reads and writes: which copy of a run is the better one, where its
// columns sit, and the output's statements. Internal to results_merge.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "gantry/store/sqlite.hpp"

namespace gantry::merge_detail {

// Which copy of a run to keep: the larger key. Total over distinct copies, so the result does
// not depend on the order the inputs are merged in: finished over failed over interrupted, then
// the later ended, started, attempt, host and pid.
using CopyKey = std::tuple<int, std::string, std::string, std::int64_t, std::string, std::int64_t>;

// Where the columns that rank a copy of a run sit in a row of a statement.
struct KeyColumns {
  explicit KeyColumns(const sqlite::Statement& statement);
  int status, ended_at, started_at, attempt, host, pid;
};

CopyKey key_of(const sqlite::Statement& row, const KeyColumns& column);

// Where each column the merge reads sits in a row of an input's runs.
struct RunColumns {
  explicit RunColumns(const sqlite::Statement& statement);
  int id, sweep_id, hdf5_path, seed, identity;
  KeyColumns key;
};

// The output's statements for the runs of one input.
struct RunWriters {
  RunWriters(sqlite::Connection& out, const std::vector<std::string>& copied);
  sqlite::Statement existing;  // the output's copy of a run: (sweep_id, identity)
  sqlite::Statement insert;    // a new run: sweep_id, then the copied columns
  sqlite::Statement update;    // a better copy: id, then the copied columns
  KeyColumns existing_key;
};

// Binds the copied columns of `runs`, which start at column `first`, to ?2, ?3, ...
void bind_copied(sqlite::Statement& target, const sqlite::Statement& runs, int first);

}  // namespace gantry::merge_detail
